/** Tests name keys and accounts as the scenarios do ("Jane personal", "Jane Tino"). */
import type { Account, ApiKey, Tenant } from '../model';

export function keyNamed(tenant: Tenant, name: string): ApiKey {
  const key = [...tenant.keys.values()].find((candidate) => candidate.name === name);
  if (key === undefined) throw new Error(`No key named ${name}`);
  return key;
}

export function accountNamed(tenant: Tenant, name: string): Account {
  const account = [...tenant.accounts.values()].find((candidate) => candidate.name === name);
  if (account === undefined) throw new Error(`No account named ${name}`);
  return account;
}

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

/** The newest account with this email: a re-invited person's current one. */
export function currentAccountId(tenant: Tenant, email: string): string {
  const ids = tenant.accountsByEmail.get(email);
  const id = ids?.[ids.length - 1];
  if (id === undefined) throw new Error(`No account with the email ${email}`);
  return id;
}

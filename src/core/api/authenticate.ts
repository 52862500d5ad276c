// Only the simulated API and the story runs authenticate a secret (the matrix judges keys by
// id): its own module, out of the first chunk that key-verdict.ts is part of.
import { evaluateKey, type Verdict } from '../key-verdict';
import type { ApiKey, Tenant } from '../model';

/**
 * Authenticate a presented secret: the key it belongs to (if any) and the verdict.
 * Secrets are compared whole; a missing or empty secret is an unknown key.
 */
export function authenticate(
  tenant: Tenant,
  secret: string | null | undefined,
): { readonly key: ApiKey | undefined; readonly verdict: Verdict } {
  const key = secret ? findKeyBySecret(tenant, secret) : undefined;
  return { key, verdict: evaluateKey(tenant, key?.id) };
}

function findKeyBySecret(tenant: Tenant, secret: string): ApiKey | undefined {
  const keyId = tenant.keyBySecret.get(secret);
  return keyId === undefined ? undefined : tenant.keys.get(keyId);
}

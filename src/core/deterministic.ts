/**
 * Deterministic ids, secrets and clock. Everything a new event needs is derived from the tenant
 * it applies to, so the same scenario and the same clicks always give the same page.
 */
import type { Tenant } from './model';

/** One logical minute passes per event. */
export const CLOCK_STEP_MS = 60_000;

export function nextTime(tenant: Tenant): number {
  return tenant.clock + CLOCK_STEP_MS;
}

/**
 * `usr_0007`, `key_0012`: the number is the event's position in the log. An imported log may
 * already hold that id; then the next free number is taken.
 */
export function nextId(tenant: Tenant, prefix: 'usr' | 'key' | 'sto' | 'cred' | 'act'): string {
  for (let n = tenant.sequence + 1; ; n++) {
    const id = `${prefix}_${String(n).padStart(4, '0')}`;
    if (
      !tenant.accounts.has(id) &&
      !tenant.keys.has(id) &&
      !tenant.stories.has(id) &&
      !tenant.credentials.has(id)
    ) {
      return id;
    }
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** cyrb53-style string hash, giving 32-bit words; not cryptographic, only stable. */
function hashWords(input: string): [number, number, number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let h3 = 0x9e3779b9;
  let h4 = 0x85ebca6b;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
    h3 = Math.imul(h3 ^ c, 2246822507);
    h4 = Math.imul(h4 ^ c, 3266489909);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h3 ^ (h3 >>> 13), 3266489909);
  h3 = Math.imul(h3 ^ (h3 >>> 16), 2246822507) ^ Math.imul(h4 ^ (h4 >>> 13), 3266489909);
  h4 = Math.imul(h4 ^ (h4 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A seeded pseudo-random generator (sfc32) returning 32-bit unsigned integers. */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = hashWords(seed);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/**
 * A simulated secret: `sim_` and 32 base32 characters. The real format is not documented,
 * so this one is obviously not a Tines secret.
 */
export function deriveSecret(tenantSeed: string, keyId: string): string {
  const next = seededRandom(`${tenantSeed}:${keyId}`);
  let secret = 'sim_';
  for (let i = 0; i < 32; i++) secret += BASE32[next() % 32];
  return secret;
}

/** `sim_…K3QZ`: enough to tell keys apart without revealing them. */
export function maskSecret(secret: string): string {
  return `sim_…${secret.slice(-4)}`;
}

/** A stable 128-bit hash of a text, as 26 base32 characters (not cryptographic). */
export function hashText(input: string): string {
  return hashWords(input)
    .map((word) => word.toString(32).padStart(7, '0'))
    .join('');
}

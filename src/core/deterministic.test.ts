// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { assertProperty } from '../test/property';
import { createKey } from './commands';
import {
  CLOCK_STEP_MS,
  deriveSecret,
  maskSecret,
  nextId,
  nextTime,
  seededRandom,
} from './deterministic';
import type { KeyCreated } from './events';
import { janeTinoStart, mustApply, startTenant } from './testing/arbitraries';

const SECRET = /^sim_[A-Z2-7]{32}$/;

describe('building a scenario', () => {
  it('gives deep-equal events (ids, secrets, times) when the module is loaded twice', async () => {
    const first = (await import('./scenarios/jane-tino')).janeTinoScenario;
    vi.resetModules();
    const second = (await import('./scenarios/jane-tino')).janeTinoScenario;
    expect(second).not.toBe(first);
    expect(second.events).not.toBe(first.events);
    expect(second.events).toStrictEqual(first.events);
    expect(second.genesis).toStrictEqual(first.genesis);
  });

  it('gives the same tenant each time its log is replayed', () => {
    expect(startTenant(janeTinoStart)).toStrictEqual(startTenant(janeTinoStart));
  });

  it('gives every jane-tino key a simulated secret of its own', () => {
    const keys = janeTinoStart.events.filter((e): e is KeyCreated => e.type === 'key_created');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.secret).toMatch(SECRET);
    expect(new Set(keys.map((k) => k.secret)).size).toBe(keys.length);
  });

  it('mints ids from the event position and times one logical minute apart', () => {
    const ids = janeTinoStart.events.map((e) => {
      switch (e.type) {
        case 'account_invited':
          return e.accountId;
        case 'key_created':
          return e.keyId;
        case 'credential_created':
          return e.credentialId;
        case 'story_created':
          return e.storyId;
        case 'action_added':
          return e.actionId;
        default:
          return '';
      }
    });
    // 5 invitations, 8 keys (Jane's are key_0006 to key_0009), 5 credentials, then stories
    // with their actions.
    const prefixes = ids.map((id) => id.slice(0, id.indexOf('_')));
    expect(prefixes.slice(0, 18)).toEqual([
      ...Array<string>(5).fill('usr'),
      ...Array<string>(8).fill('key'),
      ...Array<string>(5).fill('cred'),
    ]);
    expect(ids).toEqual(
      ids.map((id, i) => `${id.slice(0, id.indexOf('_'))}_${String(i + 1).padStart(4, '0')}`),
    );
    janeTinoStart.events.forEach((event, i) => {
      expect(event.at).toBe(janeTinoStart.genesis.startsAt + (i + 1) * CLOCK_STEP_MS);
    });
  });
});

describe('command builders', () => {
  const tenant = startTenant(janeTinoStart);

  it('derive the next id and time from the tenant', () => {
    expect(nextId(tenant, 'usr')).toBe(`usr_${String(tenant.sequence + 1).padStart(4, '0')}`);
    expect(nextId(tenant, 'key')).toBe(`key_${String(tenant.sequence + 1).padStart(4, '0')}`);
    expect(nextTime(tenant)).toBe(tenant.clock + CLOCK_STEP_MS);
  });

  it('build the same key event twice from the same tenant', () => {
    const jane = [...tenant.accounts.values()].find((a) => a.name === 'Jane Tino');
    if (jane === undefined) throw new Error('No Jane');
    const request = { name: 'Again', scope: 'personal', createdBy: jane.id } as const;
    const a = createKey(tenant, request);
    expect(createKey(tenant, request)).toStrictEqual(a);
    expect(a.secret).toBe(deriveSecret(tenant.seed, a.keyId));
    const next = mustApply(tenant, a);
    expect(createKey(next, request).keyId).not.toBe(a.keyId);
    expect(createKey(next, request).secret).not.toBe(a.secret);
  });
});

describe('deriveSecret', () => {
  it('is `sim_` and 32 base32 characters for any seed and key id', () => {
    assertProperty(
      fc.property(fc.string(), fc.string(), (seed, keyId) => {
        expect(deriveSecret(seed, keyId)).toMatch(SECRET);
      }),
      500,
    );
  });

  it('gives the same secret for the same seed and key id', () => {
    assertProperty(
      fc.property(fc.string(), fc.string(), (seed, keyId) => {
        expect(deriveSecret(seed, keyId)).toBe(deriveSecret(seed, keyId));
      }),
      200,
    );
  });

  it('gives different secrets to different key ids of one tenant', () => {
    const secrets = new Set<string>();
    for (let i = 1; i <= 10_000; i++)
      secrets.add(deriveSecret('jane-tino', `key_${String(i).padStart(4, '0')}`));
    expect(secrets.size).toBe(10_000);
    assertProperty(
      fc.property(fc.string(), fc.string(), fc.string(), (seed, a, b) => {
        fc.pre(a !== b);
        expect(deriveSecret(seed, a)).not.toBe(deriveSecret(seed, b));
      }),
      1000,
    );
  });

  it('gives different secrets to the same key id in different tenants', () => {
    expect(deriveSecret('jane-tino', 'key_0006')).not.toBe(deriveSecret('blank', 'key_0006'));
  });

  it('uses every base32 character', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of deriveSecret('s', `k${i}`).slice(4)) seen.add(c);
    expect(seen.size).toBe(32);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and gives 32-bit unsigned integers', () => {
    const a = seededRandom('seed');
    const b = seededRandom('seed');
    for (let i = 0; i < 100; i++) {
      const value = a();
      expect(value).toBe(b());
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
    }
  });
});

describe('maskSecret', () => {
  it('shows only the last four characters', () => {
    expect(maskSecret(`sim_${'A'.repeat(28)}K3QZ`)).toBe('sim_…K3QZ');
  });
});

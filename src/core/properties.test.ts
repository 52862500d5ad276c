// @vitest-environment node
/**
 * Invariants over random event sequences (fast-check). Each sequence starts from the FAQ's
 * tenant, the blank one or a generated one, and mixes lifecycle commands on existing and unknown
 * accounts, re-invites, role changes, key creations of every scope, key deletions, setting
 * changes, stale events, events with one broken field and arbitrary values: see
 * ./testing/arbitraries.ts. Each property also counts the cases it met, so that a generator
 * that stopped reaching them would fail the test rather than pass it vacuously.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, propertyTimeout } from '../test/property';
import { apply, replay } from './apply';
import type { TenantEvent } from './events';
import { evaluateKey, type Verdict } from './key-verdict';
import type { AccountStatus, ApiKey, Tenant } from './model';
import { anyValueArb, type Run, runIntents, scenarioRunArb } from './testing/arbitraries';
import { LIFECYCLE_STAGES, runStage, whatIfMatrix } from './what-if';

const NUM_RUNS = 1000;

/** The tenant the run starts from, then the tenant after each accepted event. */
function tenantsOf(run: Run): Tenant[] {
  return [
    run.initial,
    ...run.steps.flatMap((step) => (step.result.ok ? [step.result.tenant] : [])),
  ];
}

function statusOfCreator(tenant: Tenant, key: ApiKey): AccountStatus | undefined {
  return tenant.accounts.get(key.createdBy)?.status;
}

function withCreatorStatus(tenant: Tenant, key: ApiKey, status: AccountStatus): Tenant {
  const creator = tenant.accounts.get(key.createdBy);
  if (creator === undefined) throw new Error(`key ${key.id} has no creator`);
  return { ...tenant, accounts: tenant.accounts.set(creator.id, { ...creator, status }) };
}

function counter<K extends string>(...names: K[]): Record<K, number> {
  return Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
}

// Property runs (fast-check): CPU-bound by design, so allowed more than the default 5 s when
// the whole suite shares a busy machine.
describe('properties of random event sequences', { timeout: propertyTimeout(30_000) }, () => {
  it('(a) accepts a personal key exactly while its creator is active and the key is not deleted', () => {
    const seen = counter('valid', 'revoked', 'deactivated', 'deleted');
    assertProperty(
      fc.property(scenarioRunArb, ({ start, intents }) => {
        for (const tenant of tenantsOf(runIntents(start, intents))) {
          for (const key of tenant.keys.values()) {
            if (key.scope !== 'personal') continue;
            const verdict = evaluateKey(tenant, key.id);
            const status = statusOfCreator(tenant, key);
            const expected =
              key.revokedAt !== null
                ? { status: 401, code: 'KEY_REVOKED' }
                : status === 'active'
                  ? { status: 200, code: 'VALID' }
                  : status === 'deactivated'
                    ? { status: 401, code: 'OWNER_DEACTIVATED' }
                    : { status: 401, code: 'OWNER_DELETED' };
            expect(status).toBeDefined();
            expect({ status: verdict.status, code: verdict.code }).toEqual(expected);
            expect(verdict.status === 200).toBe(status === 'active' && key.revokedAt === null);
            if (verdict.code === 'VALID') seen.valid++;
            if (verdict.code === 'KEY_REVOKED') seen.revoked++;
            if (verdict.code === 'OWNER_DEACTIVATED') seen.deactivated++;
            if (verdict.code === 'OWNER_DELETED') seen.deleted++;
          }
        }
      }),
      NUM_RUNS,
    );
    for (const [code, count] of Object.entries(seen)) expect(count, code).toBeGreaterThan(100);
  });

  it('(b) never lets the creator’s status change the verdict of a team, service or tenant owner key', () => {
    const seen = counter('team', 'service', 'tenant_owner', 'revoked');
    assertProperty(
      fc.property(scenarioRunArb, ({ start, intents }) => {
        for (const tenant of tenantsOf(runIntents(start, intents))) {
          for (const key of tenant.keys.values()) {
            if (key.scope === 'personal') continue;
            const verdict = evaluateKey(tenant, key.id);
            for (const status of ['active', 'deactivated', 'deleted'] as const) {
              expect(evaluateKey(withCreatorStatus(tenant, key, status), key.id)).toEqual(verdict);
            }
            expect(verdict.code).toBe(key.revokedAt === null ? 'VALID' : 'KEY_REVOKED');
            seen[key.scope]++;
            if (key.revokedAt !== null) seen.revoked++;
          }
        }
      }),
      NUM_RUNS,
    );
    for (const [scope, count] of Object.entries(seen)) expect(count, scope).toBeGreaterThan(100);
  });

  it('(c) never revives a personal key once its creator has been deleted, re-invited or not', () => {
    const seen = counter('doomedKeys', 'reinvitedAfterwards', 'eventsAfterwards');
    assertProperty(
      fc.property(scenarioRunArb, ({ start, intents }) => {
        const run = runIntents(start, intents);
        const doomed = new Set<string>();
        for (const tenant of tenantsOf(run)) {
          for (const keyId of doomed) {
            const verdict = evaluateKey(tenant, keyId);
            expect(verdict.status).toBe(401);
            expect(['OWNER_DELETED', 'KEY_REVOKED']).toContain(verdict.code);
            seen.eventsAfterwards++;
          }
          for (const key of tenant.keys.values()) {
            if (key.scope === 'personal' && statusOfCreator(tenant, key) === 'deleted') {
              if (!doomed.has(key.id)) seen.doomedKeys++;
              doomed.add(key.id);
            }
          }
        }
        const creators = new Set(
          [...doomed].map((keyId) => run.final.keys.get(keyId)?.createdBy ?? ''),
        );
        for (const account of run.final.accounts.values()) {
          if (account.reinvitedFrom !== null && creators.has(account.reinvitedFrom)) {
            seen.reinvitedAfterwards++;
          }
        }
      }),
      NUM_RUNS,
    );
    // About 340 doomed keys, 100 runs re-inviting their creator, 1000 checks after the fact.
    expect(seen.doomedKeys).toBeGreaterThan(100);
    expect(seen.reinvitedAfterwards).toBeGreaterThan(30);
    expect(seen.eventsAfterwards).toBeGreaterThan(300);
  });

  it('(d) never throws, and a refused event returns the very same tenant object', () => {
    const seen = counter('accepted', 'refused', 'probes');
    assertProperty(
      fc.property(
        scenarioRunArb,
        fc.array(anyValueArb, { maxLength: 3 }),
        ({ start, intents }, probes) => {
          const run = runIntents(start, intents);
          for (const { before, event, result } of run.steps) {
            if (result.ok) {
              seen.accepted++;
              expect(result.tenant).not.toBe(before);
              expect(result.tenant.sequence).toBe(before.sequence + 1);
              expect(result.tenant.clock).toBe((event as TenantEvent).at);
            } else {
              seen.refused++;
              expect(result.tenant).toBe(before);
              expect(result.refusal.reason.trim()).not.toBe('');
              // A reasoned refusal, not the reducer's last-resort catch of something it threw.
              expect(result.refusal.reason).not.toMatch(/^Event could not be applied/);
            }
          }
          // Any value offered to any tenant the sequence reached.
          for (const tenant of tenantsOf(run)) {
            for (const probe of probes) {
              const result = apply(tenant, probe as TenantEvent);
              seen.probes++;
              if (!result.ok) {
                expect(result.tenant).toBe(tenant);
                expect(result.refusal.reason).not.toMatch(/^Event could not be applied/);
              }
            }
          }
        },
      ),
      NUM_RUNS,
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(1000);
  });

  it('(e) answers every what-if cell as really applying that stage’s events does', () => {
    const seen = counter('reachable', 'unreachable');
    assertProperty(
      fc.property(scenarioRunArb, ({ start, intents }) => {
        const tenant = runIntents(start, intents).final;
        const { accounts, keys } = tenant;
        for (const row of whatIfMatrix(tenant)) {
          expect(row.now).toEqual(evaluateKey(tenant, row.key.id));
          for (const { stage } of LIFECYCLE_STAGES) {
            const cell = row.stages[stage];
            let current = tenant;
            let refusal: string | undefined;
            // The stage's events, applied here one by one, must give the cell's answer.
            for (const event of runStage(tenant, row.key.createdBy, stage).events) {
              const result = apply(current, event);
              if (!result.ok) {
                refusal = result.refusal.reason;
                break;
              }
              current = result.tenant;
            }
            if (cell.reachable) {
              seen.reachable++;
              expect(refusal).toBeUndefined();
              const verdict: Verdict = evaluateKey(current, row.key.id);
              expect(cell.verdict).toEqual(verdict);
            } else {
              seen.unreachable++;
              expect(refusal).toBe(cell.reason);
            }
          }
        }
        // The matrix works on copies: the tenant it was given is untouched.
        expect(tenant.accounts).toBe(accounts);
        expect(tenant.keys).toBe(keys);
      }),
      NUM_RUNS,
    );
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(100);
  });

  it('rebuilds the final tenant from the log alone', () => {
    assertProperty(
      fc.property(scenarioRunArb, ({ start, intents }) => {
        const run = runIntents(start, intents);
        const rebuilt = replay(start.genesis, run.log);
        expect(rebuilt.refused).toEqual([]);
        expect(rebuilt.tenant).toStrictEqual(run.final);
        expect([...rebuilt.tenant.accounts.keys()]).toEqual([...run.final.accounts.keys()]);
        expect([...rebuilt.tenant.keys.keys()]).toEqual([...run.final.keys.keys()]);
      }),
      NUM_RUNS,
    );
  });
});

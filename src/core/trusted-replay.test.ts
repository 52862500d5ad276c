// @vitest-environment node
/**
 * The trusted replay builds the very tenant the validated reducer builds. Random valid logs mix
 * every event type: the lifecycle, roles, keys and setting runs of ./testing/arbitraries.ts (their
 * refused events dropped), credentials, stories and actions from ./testing/automation-arbitraries.ts,
 * then rotations, sharing changes, deletions of credentials, changed actions, recorded runs and
 * deleted people with drafts. Each is compared with the fold of `apply` over the same log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, propertyTimeout } from '../test/property';
import { apply, replay } from './apply';
import {
  changeAction,
  changeCredentialSharing,
  changeStatus,
  deleteCredential,
  recordStoryRun,
  rotateCredential,
} from './commands';
import type { TenantEvent } from './events';
import { type CredentialValue, createTenant, type Tenant, type TenantGenesis } from './model';
import { learnEventTypes } from './reducer';
import { generateLargeScenario } from './scenarios/large';
import { scenarioRunArb as runArb, runIntents } from './testing/arbitraries';
import { automationIntentsArb, buildAutomationTenant } from './testing/automation-arbitraries';
import { replayTrusted, TENANT_MAPS, trustedBuilder } from './trusted-replay';

const NUM_RUNS = 1000;

/** What only later views do, by position among what exists when it is offered. */
type LaterIntent =
  | { readonly kind: 'rotate'; readonly credential: number; readonly key: number | null }
  | { readonly kind: 'share'; readonly credential: number; readonly teams: readonly number[] }
  | { readonly kind: 'deleteCredential'; readonly credential: number }
  | { readonly kind: 'changeAction'; readonly story: number; readonly action: number }
  | { readonly kind: 'run'; readonly story: number; readonly statuses: readonly number[] }
  | { readonly kind: 'deleteAccount'; readonly account: number };

const laterIntentArb: fc.Arbitrary<LaterIntent> = fc.oneof(
  fc.record({
    kind: fc.constant('rotate' as const),
    credential: fc.nat(30),
    key: fc.option(fc.nat(30), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('share' as const),
    credential: fc.nat(30),
    teams: fc.array(fc.nat(5), { maxLength: 2 }),
  }),
  fc.record({ kind: fc.constant('deleteCredential' as const), credential: fc.nat(30) }),
  fc.record({
    kind: fc.constant('changeAction' as const),
    story: fc.nat(30),
    action: fc.nat(3),
  }),
  fc.record({
    kind: fc.constant('run' as const),
    story: fc.nat(30),
    statuses: fc.array(fc.constantFrom(200, 401, 404, 0), { maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('deleteAccount' as const), account: fc.nat(30) }),
);

function pick<T>(items: Iterable<T>, index: number): T | undefined {
  const all = [...items];
  return all.length === 0 ? undefined : all[index % all.length];
}

function laterEvent(tenant: Tenant, intent: LaterIntent): TenantEvent | null {
  switch (intent.kind) {
    case 'rotate': {
      const credential = pick(tenant.credentials.keys(), intent.credential);
      const keyId = intent.key === null ? undefined : pick(tenant.keys.keys(), intent.key);
      const value: CredentialValue =
        keyId === undefined ? { kind: 'external' } : { kind: 'key', keyId };
      return credential === undefined ? null : rotateCredential(tenant, credential, value);
    }
    case 'share': {
      const credential = pick(tenant.credentials.keys(), intent.credential);
      const teams = [...new Set(intent.teams.map((i) => pick(tenant.teams.keys(), i) as string))];
      if (credential === undefined) return null;
      return changeCredentialSharing(
        tenant,
        credential,
        teams.length === 0
          ? { readAccess: 'GLOBAL' }
          : { readAccess: 'SPECIFIC_TEAMS', sharedTeams: teams },
      );
    }
    case 'deleteCredential': {
      const credential = pick(tenant.credentials.keys(), intent.credential);
      return credential === undefined ? null : deleteCredential(tenant, credential);
    }
    case 'changeAction': {
      const story = pick(tenant.stories.values(), intent.story);
      const action = story === undefined ? undefined : pick(story.actions, intent.action);
      if (story === undefined || action === undefined) return null;
      return changeAction(tenant, story.id, action.id, {
        method: 'POST',
        path: `/api/v1/changed/${intent.action}`,
        headers: { 'x-changed': 'yes' },
        body: intent.action % 2 === 0 ? null : '{}',
      });
    }
    case 'run': {
      const story = pick(tenant.stories.values(), intent.story);
      if (story === undefined) return null;
      return recordStoryRun(
        tenant,
        story.id,
        story.actions.map((action, i) => {
          const status = intent.statuses[i] ?? 200;
          return { actionId: action.id, status: status === 0 ? null : status, rule: 'a rule' };
        }),
      );
    }
    case 'deleteAccount': {
      const account = pick(tenant.accounts.keys(), intent.account);
      return account === undefined ? null : changeStatus(tenant, 'account_deleted', account);
    }
  }
}

interface ValidLog {
  readonly genesis: TenantGenesis;
  /** Every event offered, the refused ones included. */
  readonly offered: readonly unknown[];
  /** The accepted ones: a log the console could have written. */
  readonly log: readonly TenantEvent[];
  /** `tenants[i]`: the validated reducer's tenant after the first `i` events of the log. */
  readonly tenants: readonly Tenant[];
}

/** Offers `events` to `apply` one by one from `tenant`, keeping what is accepted. */
function foldOf(genesis: TenantGenesis, offered: readonly unknown[]): ValidLog {
  let tenant = createTenant(genesis);
  const log: TenantEvent[] = [];
  const tenants = [tenant];
  for (const event of offered) {
    const result = apply(tenant, event as TenantEvent);
    if (!result.ok) continue;
    tenant = result.tenant;
    log.push(event as TenantEvent);
    tenants.push(tenant);
  }
  return { genesis, offered, log, tenants };
}

const validLogArb: fc.Arbitrary<ValidLog> = fc
  .record({
    run: runArb,
    automation: automationIntentsArb,
    later: fc.array(laterIntentArb, { maxLength: 12 }),
  })
  .map(({ run: { start, intents }, automation, later }) => {
    const run = runIntents(start, intents);
    const offered: unknown[] = [...start.events, ...run.steps.map((step) => step.event)];
    const built = buildAutomationTenant({ ...start, events: run.log }, automation);
    offered.push(...built.events.slice(run.log.length));
    let tenant = built.tenant;
    for (const intent of later) {
      const event = laterEvent(tenant, intent);
      if (event === null) continue;
      offered.push(event);
      const result = apply(tenant, event);
      if (result.ok) tenant = result.tenant;
    }
    return foldOf(start.genesis, offered);
  });

/** Cut points in a log of `length` events: where a caller slicing the work pushes. */
const cutsArb = fc.array(fc.nat(60), { maxLength: 6 });

function slices(log: readonly TenantEvent[], from: number, cuts: readonly number[]) {
  const points = [
    ...new Set(cuts.map((cut) => from + (cut % (log.length - from + 1)))),
    log.length,
  ].sort((a, b) => a - b);
  let start = from;
  return points.map((end) => {
    const slice = { start, end, events: log.slice(start, end) };
    start = end;
    return slice;
  });
}

const MAP_FIELDS = TENANT_MAPS;

/** A tenant as plain data: every map as its entries in order. */
function contents(tenant: Tenant) {
  return {
    ...tenant,
    teams: [...tenant.teams.entries()],
    ...Object.fromEntries(MAP_FIELDS.map((field) => [field, [...tenant[field].entries()]])),
  };
}

function expectSameTenant(actual: Tenant, expected: Tenant): void {
  expect(actual).toStrictEqual(expected);
  // Maps compare by their entries in order; say so explicitly, field by field.
  expect(contents(actual)).toEqual(contents(expected));
  for (const field of MAP_FIELDS) expect(actual[field].size).toBe(expected[field].size);
}

// Property runs (fast-check): CPU-bound by design, so allowed more than the default 5 s when
// the whole suite shares a busy machine.
describe('trusted replay', { timeout: propertyTimeout(60_000) }, () => {
  it('builds the very tenant the validated reducer builds from any valid log', () => {
    const types = new Set<string>();
    assertProperty(
      fc.property(validLogArb, ({ genesis, log, tenants }) => {
        expectSameTenant(replayTrusted(genesis, log), tenants[log.length] as Tenant);
        for (const event of log) types.add(event.type);
      }),
      NUM_RUNS,
    );
    // Every one of the 17 event types turned up.
    expect([...types].sort()).toHaveLength(17);
  });

  it('gives the same tenant pushed in slices and frozen in steps, each tenant() equal to the reducer’s at that point and unchanged by later pushes', () => {
    assertProperty(
      fc.property(
        validLogArb,
        cutsArb,
        fc.array(fc.nat(10)),
        ({ genesis, log, tenants }, cuts, freezes) => {
          const builder = trustedBuilder(createTenant(genesis));
          const seen: Array<{ tenant: Tenant; contents: unknown; at: number }> = [];
          let slice = 0;
          for (const { end, events } of slices(log, 0, cuts)) {
            builder.push(events);
            expect(builder.applied).toBe(end);
            // Some of the maps frozen a step at a time first, as a page that yields between does.
            for (let step = freezes[slice++ % Math.max(1, freezes.length)] ?? 0; step > 0; step--) {
              if (!builder.freezeStep()) break;
            }
            const tenant = builder.tenant();
            expect(builder.freezeStep()).toBe(false);
            expectSameTenant(tenant, tenants[end] as Tenant);
            expect(builder.tenant()).toBe(tenant);
            seen.push({ tenant, contents: contents(tenant), at: end });
          }
          for (const { tenant, contents: before } of seen) expect(contents(tenant)).toEqual(before);
        },
      ),
      NUM_RUNS,
    );
  });

  it('continues from any tenant the log reached, leaving that tenant as it was', () => {
    assertProperty(
      fc.property(validLogArb, fc.nat(), cutsArb, ({ log, tenants }, at, cuts) => {
        const from = at % (log.length + 1);
        const start = tenants[from] as Tenant;
        const before = contents(start);
        const builder = trustedBuilder(start);
        expect(builder.tenant()).toBe(start);
        for (const { events } of slices(log, from, cuts)) builder.push(events);
        expect(builder.applied).toBe(log.length - from);
        expectSameTenant(builder.tenant(), tenants[log.length] as Tenant);
        expect(contents(start)).toEqual(before);
        // What the validated reducer does next from the trusted tenant is what it does from its own.
        const next = log[log.length - 1];
        if (next !== undefined) {
          const again = { ...next, at: (tenants[log.length] as Tenant).clock };
          const ours = apply(builder.tenant(), again);
          const theirs = apply(tenants[log.length] as Tenant, again);
          expect(ours.ok ? contents(ours.tenant) : ours.refusal).toEqual(
            theirs.ok ? contents(theirs.tenant) : theirs.refusal,
          );
        }
      }),
      NUM_RUNS,
    );
  });

  it('validated replay (an import) refuses what apply refuses, and builds the same tenant', () => {
    assertProperty(
      fc.property(validLogArb, ({ genesis, offered, log, tenants }) => {
        const replayed = replay(genesis, offered as TenantEvent[]);
        expectSameTenant(replayed.tenant, tenants[log.length] as Tenant);
        const refused: Array<{ index: number; reason: string }> = [];
        let tenant = createTenant(genesis);
        offered.forEach((event, index) => {
          const result = apply(tenant, event as TenantEvent);
          if (result.ok) tenant = result.tenant;
          else refused.push({ index, reason: result.refusal.reason });
        });
        expect(
          replayed.refused.map(({ index, refusal }) => ({ index, reason: refusal.reason })),
        ).toEqual(refused);
      }),
      NUM_RUNS,
    );
  });

  it('matches the reducer event by event on a generated tenant, frozen after every event', () => {
    const { genesis, events } = generateLargeScenario({ people: 60, keysPerPerson: 3 });
    const builder = trustedBuilder(createTenant(genesis));
    let tenant = createTenant(genesis);
    for (const event of events) {
      const result = apply(tenant, event);
      if (!result.ok) throw new Error(result.refusal.reason);
      tenant = result.tenant;
      builder.push([event]);
      expectSameTenant(builder.tenant(), tenant);
    }
    expectSameTenant(replayTrusted(genesis, events), tenant);
  });

  it('replays a log whose effect throws as apply does: refused, with the reason', () => {
    learnEventTypes({
      // A stand-in for a bug: an event type whose effect throws once its checks pass.
      ['test_broken' as 'key_deleted']: {
        fields: [],
        check: (_tenant, event) =>
          event as unknown as Extract<TenantEvent, { type: 'key_deleted' }>,
        effect: () => {
          throw new Error('broken effect');
        },
      },
    });
    const genesis = generateLargeScenario({ people: 3, keysPerPerson: 1 }).genesis;
    const broken = { type: 'test_broken', at: genesis.startsAt, actor: { kind: 'console' } };
    const result = replay(genesis, [broken as unknown as TenantEvent]);
    expect(result.refused).toEqual([
      {
        index: 0,
        refusal: expect.objectContaining({
          reason: 'Event could not be applied: broken effect',
        }),
      },
    ]);
    expectSameTenant(result.tenant, createTenant(genesis));
  });
});

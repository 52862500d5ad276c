// @vitest-environment node
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { replay } from '../core/apply';
import { changeStatus } from '../core/commands';
import { generateLargeScenario } from '../core/scenarios/large';
import { buildValidityView } from '../core/validity-view';
import { nextTask } from '../test/next-task';
import { assertProperty, propertyTimeout } from '../test/property';
import { VIEW_STAGE } from '../worker/core-client';
import { selectTenant, selectView, useTenantStore } from './tenant-store';
import { buildMoment, REPLAY_STAGE, useTravelProgress } from './travel';

const scenario = generateLargeScenario({ people: 40, keysPerPerson: 2 });
const { genesis, events } = scenario;
const start = { cursor: 0, tenant: replay(genesis, []).tenant };
const now = () => 0;
/** The reducer's tenant and view after `cursor` events: the oracle, worked out once per cursor. */
const oracle = new Map<number, { tenant: ReturnType<typeof replay>['tenant']; rows: unknown }>();
const expectedAt = (cursor: number) => {
  let known = oracle.get(cursor);
  if (known === undefined) {
    const { tenant } = replay(genesis, events.slice(0, cursor));
    known = { tenant, rows: buildValidityView(tenant).rows };
    oracle.set(cursor, known);
  }
  return known;
};

describe('a moment built a slice at a time', { timeout: propertyTimeout(30_000) }, () => {
  it('is the tenant and view the reducer gives at any cursor, from any earlier moment (property)', async () => {
    await assertProperty(
      fc.asyncProperty(fc.nat(events.length), fc.nat(events.length), async (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const origin = { cursor: from, tenant: expectedAt(from).tenant };
        const built = await buildMoment(origin, events, to, {
          wanted: () => true,
          sliceMs: 0,
          yieldToPage: nextTask,
          now,
        });
        const expected = expectedAt(to);
        expect(built?.tenant).toEqual(expected.tenant);
        expect(built?.view.rows).toEqual(expected.rows);
      }),
      25,
    );
  });

  it('says how far it is: the log replayed, then every key’s verdicts', async () => {
    const progress: Array<{ stage: string; done: number; total: number }> = [];
    await buildMoment(start, events, events.length, {
      wanted: () => true,
      sliceMs: 0,
      now,
      onProgress: (p) => progress.push(p),
    });
    const stages = progress.map((p) => p.stage).filter((s, i, all) => all.indexOf(s) === i);
    expect(stages).toEqual([REPLAY_STAGE, VIEW_STAGE]);
    expect(progress).toContainEqual({
      stage: REPLAY_STAGE,
      done: events.length,
      total: events.length,
      unit: 'events',
    });
    const keys = scenario.tenant?.keys.size ?? -1;
    expect(progress.at(-1)).toEqual({ stage: VIEW_STAGE, done: keys, total: keys, unit: 'keys' });
  });

  it('stops, with nothing, as soon as it is no longer wanted', async () => {
    let turns = 0;
    const built = await buildMoment(start, events, events.length, {
      wanted: () => ++turns < 3,
      sliceMs: 0,
      now,
    });
    expect(built).toBeNull();
    expect(turns).toBe(3);
  });
});

describe('the store’s far moves on a big tenant', { timeout: propertyTimeout(30_000) }, () => {
  beforeEach(async () => {
    // Over 2,000 events: a far move is built a slice at a time.
    await useTenantStore.getState().loadScenario('large', { people: '400', keysPerPerson: '2' });
    expect(useTenantStore.getState().events.length).toBeGreaterThan(2_000);
  });

  it('moves the cursor once the moment is built, showing the one it left meanwhile', async () => {
    const store = useTenantStore;
    const { events: log } = store.getState();
    const before = selectTenant(store.getState());
    store.getState().goTo(100);
    expect(store.getState().travelling).toEqual({ cursor: 100, total: log.length });
    expect(store.getState().cursor).toBe(log.length);
    expect(selectTenant(store.getState())).toBe(before);
    await vi.waitFor(() => expect(store.getState().travelling).toBeNull(), { timeout: 20_000 });
    const state = store.getState();
    expect(state.cursor).toBe(100);
    const expected = replay(state.genesis, log.slice(0, 100)).tenant;
    expect(selectTenant(state)).toEqual(expected);
    expect(selectView(state).rows).toEqual(buildValidityView(expected).rows);
    expect(useTravelProgress.getState().progress.stage).toBe(VIEW_STAGE);
    // Back to the present: the moment left is still known, so the move is at once.
    store.getState().goTo(log.length);
    expect(store.getState().travelling).toBeNull();
    expect(selectTenant(store.getState())).toBe(before);
  });

  it('Cancel leaves the moment shown exactly as it was', async () => {
    const store = useTenantStore;
    const before = store.getState();
    store.getState().goTo(10);
    expect(store.getState().travelling).not.toBeNull();
    store.getState().cancelTravel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = store.getState();
    expect(after.travelling).toBeNull();
    expect(after.cursor).toBe(before.cursor);
    expect(after.events).toBe(before.events);
    expect(selectTenant(after)).toBe(selectTenant(before));
  });

  it('a change made meanwhile wins: the move is dropped', async () => {
    const store = useTenantStore;
    store.getState().goTo(10);
    const someone = [...selectTenant(store.getState()).accounts.values()].find(
      (account) => account.status === 'active',
    );
    if (someone === undefined) throw new Error('no one active');
    const changed = store
      .getState()
      .dispatch((tenant) => changeStatus(tenant, 'account_deactivated', someone.id));
    expect(changed).toEqual({ ok: true });
    expect(store.getState().travelling).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = store.getState();
    expect(after.cursor).toBe(after.events.length);
    expect(selectTenant(after).accounts.get(someone.id)?.status).toBe('deactivated');
  });
});

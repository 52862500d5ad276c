// @vitest-environment node
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus } from '../core/commands';
import { fingerprintEvents } from '../core/document/document';
import { generateLargeScenario } from '../core/scenarios/large';
import { accountNamed } from '../core/testing/named';
import {
  generatedBaseOf,
  selectTenant,
  type TenantStore,
  useTenantStore,
} from '../store/tenant-store';
import { nextTask } from '../test/next-task';
import { assertProperty } from '../test/property';
import { createCoreClient } from './core-client';
import { useLoadProgress } from './load-progress';
import { replaceCoreClient } from './off-thread';
import { type FakeCoreWorker, fakeCoreWorker } from './testing/fake-core-worker';

/** Everything a load must leave as it was when it does not arrive. */
function logOf(state: TenantStore) {
  const { scenarioId, scenarioParams, genesis, events, cursor, notice } = state;
  return {
    scenarioId,
    scenarioParams,
    genesis,
    events,
    cursor,
    notice,
    tenant: selectTenant(state),
  };
}

/** The store's client from now on talks to `fake`. */
function useFake(fake: FakeCoreWorker): void {
  replaceCoreClient(
    createCoreClient({
      createWorker: () => fake.worker,
      // Slices as small as can be: a cancel can fall between any two of them.
      sliceMs: 0,
      yieldToPage: nextTask,
    }),
  );
}

/** Until the store's load has reached the worker (its client loads lazily). */
async function requested(fake: FakeCoreWorker): Promise<void> {
  await vi.waitFor(() => expect(fake.requests).toHaveLength(1), { interval: 1 });
  await fake.answered();
}

describe('the store loads a generated scenario through the core worker', () => {
  beforeAll(() => {
    // Where there is a Worker, the store hands generation to the client (here over a fake).
    vi.stubGlobal('Worker', class {});
  });
  afterAll(() => {
    replaceCoreClient(null);
    vi.unstubAllGlobals();
  });
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('arrives with the very log and tenant the page would generate, named for later saves', async () => {
    const fake = fakeCoreWorker({ auto: true, eventsPerBatch: 100 });
    useFake(fake);
    const result = await useTenantStore.getState().loadScenario('large', { people: '25' });
    expect(result).toEqual({ ok: true });
    const state = useTenantStore.getState();
    const expected = generateLargeScenario({ people: 25, keysPerPerson: 4 });
    expect(state.loading).toBeNull();
    expect(state.scenarioId).toBe('large');
    expect(state.scenarioParams).toEqual({ people: 25, keysPerPerson: 4 });
    expect(state.genesis).toEqual(expected.genesis);
    expect(state.events).toEqual(expected.events);
    expect(state.cursor).toBe(expected.events.length);
    expect(selectTenant(state)).toEqual(expected.tenant);
    expect(generatedBaseOf(state)).toBe(state.events);
    // The save names the scenario by the fingerprint the worker worked out: the page does not
    // hash its 'events' again (it would stringify them whole).
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(fingerprintEvents(state.events)).toBe(fingerprintEvents([...expected.events]));
    expect(stringify.mock.calls.filter(([value]) => value === state.events)).toHaveLength(0);
    stringify.mockRestore();
    expect(useLoadProgress.getState().label).toBe(
      `Loading ${expected.genesis.name} (large scenario)`,
    );
  });

  it('cancel, at any point of the load, leaves the store exactly as it was', async () => {
    await assertProperty(
      fc.asyncProperty(fc.nat(), fc.nat({ max: 3 }), fc.boolean(), async (at, turns, changed) => {
        await useTenantStore.getState().loadScenario('jane-tino');
        if (changed) {
          useTenantStore
            .getState()
            .dispatch((t) =>
              changeStatus(t, 'account_deactivated', accountNamed(t, 'Eli Brooks').id),
            );
        }
        const before = logOf(useTenantStore.getState());
        const fake = fakeCoreWorker({ eventsPerBatch: 16, progressEveryMs: 0 });
        useFake(fake);
        const pending = useTenantStore
          .getState()
          .loadScenario('large', { people: '30', keysPerPerson: '2' });
        await requested(fake);
        // Any reply but the last (the log's facts, which completes it), then a few of the
        // page's turns, so that the cancel can land between two slices of the build.
        await fake.deliver(at % fake.queued.length);
        for (let i = 0; i < turns; i++) await nextTask();
        expect(useTenantStore.getState().loading).not.toBeNull();
        useTenantStore.getState().cancelLoading();

        await expect(pending).resolves.toMatchObject({ ok: false });
        const after = useTenantStore.getState();
        expect(after.loading).toBeNull();
        const now = logOf(after);
        for (const field of Object.keys(before) as (keyof typeof before)[]) {
          expect(now[field], field).toBe(before[field]);
        }
        expect(fake.terminated).toBe(true);
        expect(await fake.deliver(Number.POSITIVE_INFINITY)).toBe(0);
      }),
      30,
    );
  });

  it('reports a worker crash as an error notice, and the scenario shown stays', async () => {
    const fake = fakeCoreWorker({ eventsPerBatch: 16 });
    useFake(fake);
    const before = logOf(useTenantStore.getState());
    const pending = useTenantStore.getState().loadScenario('large', { people: '31' });
    await requested(fake);
    await fake.deliver(4);
    fake.crash('out of memory');
    await expect(pending).resolves.toEqual({
      ok: false,
      reason:
        'The scenario "Large tenant (10,000 people)" could not be generated: The worker stopped (out of memory).',
    });
    const after = useTenantStore.getState();
    expect(after.loading).toBeNull();
    expect(after.notice).toMatchObject({
      tone: 'error',
      message:
        'The scenario "Large tenant (10,000 people)" could not be generated: The worker stopped (out of memory).',
    });
    const { notice: _, ...kept } = before;
    const { notice: __, ...now } = logOf(after);
    expect(now).toEqual(kept);
    expect(now.events).toBe(kept.events);
    expect(now.genesis).toBe(kept.genesis);
  });

  it('a later scenario wins over one still loading, whose worker is ended', async () => {
    const fake = fakeCoreWorker({ eventsPerBatch: 16 });
    useFake(fake);
    const pending = useTenantStore.getState().loadScenario('large', { people: '33' });
    await requested(fake);
    await fake.deliver(2);
    await useTenantStore.getState().loadScenario('blank');
    await expect(pending).resolves.toMatchObject({ ok: false });
    expect(useTenantStore.getState().scenarioId).toBe('blank');
    expect(fake.terminated).toBe(true);
  });
});

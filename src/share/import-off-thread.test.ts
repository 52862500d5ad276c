// @vitest-environment node
/**
 * An import read and checked in the core worker (here the real handler behind a fake worker)
 * opens exactly what the page's own reader opens, says how it goes, and a cancel at any point
 * leaves the console as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus } from '../core/commands';
import { fingerprintEvents, toDocument } from '../core/document/document';
import { generateLargeScenario } from '../core/scenarios/large';
import { accountNamed } from '../core/testing/named';
import { selectTenant, selectView, type TenantStore, useTenantStore } from '../store/tenant-store';
import { answerEveryQuestion } from '../test/answer-questions';
import { nextTask } from '../test/next-task';
import { assertProperty } from '../test/property';
import { BUILDING_STAGE, createCoreClient, type Progress, VIEW_STAGE } from '../worker/core-client';
import { CHECKING_FILE_STAGE, READING_FILE_STAGE } from '../worker/core-handler';
import { replaceCoreClient } from '../worker/off-thread';
import { type FakeCoreWorker, fakeCoreWorker } from '../worker/testing/fake-core-worker';
import { exportText, startImport } from './open-state';
import { readStateFile } from './state-document';

/** What an import must leave as it was when it does not open. */
function logOf(state: TenantStore) {
  const { scenarioId, scenarioParams, genesis, events, cursor, notice, loading } = state;
  return { scenarioId, scenarioParams, genesis, events, cursor, notice, loading };
}

function useFake(fake: FakeCoreWorker): void {
  replaceCoreClient(
    createCoreClient({
      createWorker: () => fake.worker,
      sliceMs: 0,
      yieldToPage: nextTask,
    }),
  );
}

const large = generateLargeScenario({ people: 30, keysPerPerson: 2 });
const largeState = {
  scenarioId: 'large',
  scenarioParams: { people: 30, keysPerPerson: 2 },
  genesis: large.genesis,
  events: large.events,
  cursor: large.events.length,
};

/** A change after the generated events, and the cursor before it (a redo branch). */
function withChange() {
  const tenant = large.tenant;
  if (tenant === undefined) throw new Error('the builder keeps its tenant');
  const someone = [...tenant.accounts.values()].find((account) => account.status === 'active');
  if (someone === undefined) throw new Error('no one active');
  const events = [...large.events, changeStatus(tenant, 'account_deactivated', someone.id)];
  return { ...largeState, events, cursor: events.length - 1 };
}

const file = (text: string) => new Blob([text], { type: 'application/json' });

/** Files the page can open: every event written out, a generated base named, a redo branch. */
const FILES = {
  'every event written out (a genesis base)': () =>
    JSON.stringify(toDocument({ ...largeState, scenarioId: 'custom', scenarioParams: {} })),
  'a generated base, named': () => JSON.stringify(toDocument(largeState, large.events)),
  'a generated base with a later change undone': () =>
    JSON.stringify(toDocument(withChange(), large.events)),
};

describe('importing a file through the core worker', () => {
  let stopAnswering: () => void = () => {};
  beforeAll(() => {
    vi.stubGlobal('Worker', class {});
    stopAnswering = answerEveryQuestion(true);
  });
  afterAll(() => {
    stopAnswering();
    replaceCoreClient(null);
    vi.unstubAllGlobals();
  });
  beforeEach(async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
  });

  it.each(Object.entries(FILES))(
    'opens what the page’s own reader opens: %s',
    async (_label, text) => {
      const read = await readStateFile(file(text()));
      if (!read.ok) throw new Error('the page refused it');
      useFake(fakeCoreWorker({ auto: true, eventsPerBatch: 40 }));
      const result = await startImport(file(text())).done;
      expect(result).toMatchObject({ ok: true });
      const state = useTenantStore.getState();
      expect(state.scenarioId).toBe(read.state.scenarioId);
      expect(state.scenarioParams).toEqual(read.state.scenarioParams);
      expect(state.genesis).toEqual(read.state.genesis);
      expect(state.events).toEqual(read.state.events);
      expect(state.cursor).toBe(read.state.cursor);
      // The tenant and view the page built from the worker's events are the reducer's own.
      const tenant = selectTenant(state);
      const replayed = selectTenant({ ...state, events: [...state.events] });
      expect(tenant).toEqual(replayed);
      expect(selectView(state).rows).toHaveLength(tenant.keys.size);
      // A generated base stays named in what is exported next, as after a page import.
      const exported = JSON.parse(exportText(state)) as { base: Record<string, unknown> };
      expect(exported.base).toEqual(
        read.state.scenarioId === 'large'
          ? {
              kind: 'generated',
              events: large.events.length,
              fingerprint: fingerprintEvents(large.events),
            }
          : { kind: 'genesis', genesis: JSON.parse(JSON.stringify(large.genesis)) },
      );
    },
  );

  it('says how it goes: reading, checking each event, building the tenant, then the verdicts', async () => {
    useFake(fakeCoreWorker({ auto: true, progressEveryMs: 0 }));
    const progress: Progress[] = [];
    const text = FILES['every event written out (a genesis base)']();
    const result = await startImport(file(text), { onProgress: (p) => progress.push(p) }).done;
    expect(result).toMatchObject({ ok: true });
    const stages = progress.map((p) => p.stage).filter((s, i, all) => all.indexOf(s) === i);
    expect(stages).toEqual([READING_FILE_STAGE, CHECKING_FILE_STAGE, BUILDING_STAGE, VIEW_STAGE]);
    const events = large.events.length;
    expect(progress).toContainEqual({ stage: CHECKING_FILE_STAGE, done: events, total: events });
    expect(progress.at(-1)).toMatchObject({ stage: VIEW_STAGE, done: expect.any(Number) });
  });

  it('refuses a tampered file with the page’s reasons, and changes nothing', async () => {
    const text = FILES['a generated base, named']().replace(
      /"fingerprint":"[^"]+"/,
      '"fingerprint":"x"',
    );
    const page = await readStateFile(file(text));
    useFake(fakeCoreWorker({ auto: true }));
    const before = logOf(useTenantStore.getState());
    const result = await startImport(file(text)).done;
    expect(page.ok).toBe(false);
    expect(result).toEqual({ ok: false, problems: page.ok ? [] : page.problems });
    expect(logOf(useTenantStore.getState())).toEqual(before);
  });

  it('cancel, at any point of the import, leaves the console exactly as it was', async () => {
    const text = FILES['a generated base with a later change undone']();
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
        const job = startImport(file(text));
        await vi.waitFor(() => expect(fake.requests).toHaveLength(1), { interval: 1 });
        await fake.answered();
        await fake.deliver(at % fake.queued.length);
        for (let i = 0; i < turns; i++) await nextTask();
        job.cancel();
        await expect(job.done).resolves.toEqual({ ok: false, cancelled: true });
        const after = logOf(useTenantStore.getState());
        for (const field of Object.keys(before) as (keyof typeof before)[]) {
          expect(after[field], field).toBe(before[field]);
        }
        expect(fake.terminated).toBe(true);
      }),
      30,
    );
  });

  it('reports a worker crash as the file’s problem, and changes nothing', async () => {
    const fake = fakeCoreWorker({ eventsPerBatch: 16 });
    useFake(fake);
    const before = logOf(useTenantStore.getState());
    const job = startImport(file(FILES['a generated base, named']()));
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1), { interval: 1 });
    await fake.answered();
    await fake.deliver(3);
    fake.crash('out of memory');
    await expect(job.done).resolves.toEqual({
      ok: false,
      problems: [
        { field: '(file)', reason: 'could not be read: The worker stopped (out of memory).' },
      ],
    });
    expect(logOf(useTenantStore.getState())).toEqual(before);
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { replay } from '../core/apply';
import { changeStatus } from '../core/commands';
import { fingerprintEvents, toDocument } from '../core/document/document';
import { GENERATION_STAGES, generateLargeScenario } from '../core/scenarios/large';
import { buildValidityView } from '../core/validity-view';
import { readSavedStateText, savedStateText } from '../persist/saved-state';
import {
  BUILDING_STAGE,
  type CoreClientOptions,
  createCoreClient,
  JobCancelled,
  type Progress,
  VIEW_STAGE,
} from './core-client';
import { CHECKING_STAGE } from './core-handler';
import { envelope } from './protocol';
import { fakeCoreWorker } from './testing/fake-core-worker';

function clientOver(worker: ReturnType<typeof fakeCoreWorker>, options: CoreClientOptions = {}) {
  const made: unknown[] = [];
  const refused: string[] = [];
  const client = createCoreClient({
    createWorker: () => {
      made.push(worker);
      return worker.worker;
    },
    onRefused: (reason) => refused.push(reason),
    ...options,
  });
  return { client, made, refused };
}

const generate = (people: number, keysPerPerson = 2) =>
  ({ type: 'generate', scenarioId: 'large', params: { people, keysPerPerson } }) as const;

/** The stages in the order they were first reported. */
function stagesOf(progress: readonly Progress[]): string[] {
  return progress.map((p) => p.stage).filter((stage, i, all) => all.indexOf(stage) === i);
}

describe('the core worker client', () => {
  it.each([
    [1, 0],
    [7, 1],
    [40, 4],
    [150, 2],
  ])(
    'builds from the worker’s batches the very log and tenant the page generates (%i people, %i keys each)',
    async (people, keysPerPerson) => {
      // Small batches: the events stream in many messages while generation runs.
      const fake = fakeCoreWorker({ auto: true, eventsPerBatch: 50 });
      const { client } = clientOver(fake);
      const outcome = await client.run(generate(people, keysPerPerson)).done;
      const expected = generateLargeScenario({ people, keysPerPerson });
      if (outcome.kind !== 'built') throw new Error('not built');
      const { log } = outcome;
      expect(log.genesis).toEqual(expected.genesis);
      expect(log.events).toEqual(expected.events);
      expect(log.tenant).toEqual(expected.tenant);
      expect(log.tenant).toEqual(replay(expected.genesis, expected.events).tenant);
      expect(log.baseTenant).toBe(log.tenant);
      expect(log.view.rows).toEqual(buildValidityView(log.tenant).rows);
      expect(log.facts).toEqual({
        scenarioId: 'large',
        scenarioParams: { people, keysPerPerson },
        title: expected.title,
        total: expected.events.length,
        baseEvents: expected.events.length,
        baseFingerprint: fingerprintEvents(expected.events),
        cursor: expected.events.length,
      });
    },
  );

  it('reports each stage in order, names the tenant, then builds in slices with the page’s turn between', async () => {
    const fake = fakeCoreWorker({ auto: true, progressEveryMs: 0 });
    let turns = 0;
    const { client } = clientOver(fake, {
      sliceMs: 0,
      yieldToPage: async () => {
        turns++;
      },
    });
    const progress: Progress[] = [];
    const names: string[] = [];
    const outcome = await client.run(generate(150), {
      onProgress: (p) => progress.push(p),
      onGenesis: (genesis) => names.push(genesis.name),
    }).done;
    if (outcome.kind !== 'built') throw new Error('not built');
    expect(stagesOf(progress)).toEqual([...GENERATION_STAGES, BUILDING_STAGE, VIEW_STAGE]);
    expect(names).toEqual([outcome.log.genesis.name]);
    expect(progress.find((p) => p.stage === 'Generating people' && p.done === 150)).toEqual({
      stage: 'Generating people',
      done: 150,
      total: 150,
    });
    const total = outcome.log.events.length;
    expect(progress.filter((p) => p.stage === BUILDING_STAGE).at(-1)).toEqual({
      stage: BUILDING_STAGE,
      done: total,
      total,
      unit: 'events',
    });
    const keys = outcome.log.tenant.keys.size;
    expect(progress.at(-1)).toEqual({ stage: VIEW_STAGE, done: keys, total: keys, unit: 'keys' });
    // No slice built more than a chunk: with no time allowed, it yields after each (128 events,
    // 32 validity rows).
    expect(turns).toBeGreaterThanOrEqual(Math.floor(total / 128) + Math.floor(keys / 32));
  });

  it('drops a stale reply with its reason, and goes on with the request under way', async () => {
    const fake = fakeCoreWorker();
    const { client, refused } = clientOver(fake);
    const job = client.run(generate(5));
    await fake.answered();
    fake.send(envelope(99, { type: 'failed', reason: 'from another request' }));
    expect(refused).toEqual(['Stale reply to request 99: request 1 is the one under way.']);
    await fake.deliver(Number.POSITIVE_INFINITY);
    await expect(job.done).resolves.toMatchObject({ kind: 'built' });
  });

  it.each([
    [
      'another version',
      { v: 1, id: 1, type: 'progress', stage: 'x', done: 0, total: 1 },
      'Protocol version 1; this side speaks version 2.',
    ],
    ['an unknown type', { v: 2, id: 1, type: 'tenant' }, 'Unknown message type "tenant".'],
  ])('fails the request on a reply of %s, saying why', async (_, data, reason) => {
    const fake = fakeCoreWorker();
    const { client, refused } = clientOver(fake);
    const job = client.run(generate(5));
    const failed = expect(job.done).rejects.toThrow(
      `The worker answered in a way this page cannot read: ${reason}`,
    );
    fake.send(data);
    await failed;
    expect(refused).toEqual([reason]);
    expect(fake.terminated).toBe(true);
  });

  it('fails the request when the worker refuses it, with the worker’s reason', async () => {
    const fake = fakeCoreWorker();
    const { client } = clientOver(fake);
    const job = client.run({ type: 'generate', scenarioId: 'jane-tino', params: {} });
    const failed = expect(job.done).rejects.toThrow('"jane-tino" is not a generated scenario.');
    await fake.answered();
    await fake.deliver(Number.POSITIVE_INFINITY);
    await failed;
  });

  it('reports a crash as an error, and starts a fresh worker for the next request', async () => {
    const first = fakeCoreWorker();
    const second = fakeCoreWorker({ auto: true });
    const workers = [first, second];
    const client = createCoreClient({ createWorker: () => (workers.shift() ?? second).worker });
    const job = client.run(generate(20));
    const failed = expect(job.done).rejects.toThrow('The worker stopped (out of memory).');
    await first.answered();
    await first.deliver(2);
    first.crash('out of memory');
    await failed;
    await expect(client.run(generate(20)).done).resolves.toMatchObject({ kind: 'built' });
    expect(workers).toEqual([]);
  });

  it('cancels by ending the worker: nothing more arrives, and the next request starts afresh', async () => {
    const first = fakeCoreWorker();
    const second = fakeCoreWorker({ auto: true });
    const workers = [first, second];
    const client = createCoreClient({ createWorker: () => (workers.shift() ?? second).worker });
    const progress: Progress[] = [];
    const job = client.run(generate(60), { onProgress: (p) => progress.push(p) });
    await first.answered();
    await first.deliver(3);
    const seen = progress.length;
    const cancelled = expect(job.done).rejects.toBeInstanceOf(JobCancelled);
    job.cancel();
    await cancelled;
    expect(first.terminated).toBe(true);
    expect(await first.deliver(Number.POSITIVE_INFINITY)).toBe(0);
    expect(progress).toHaveLength(seen);
    await expect(client.run(generate(60)).done).resolves.toMatchObject({ kind: 'built' });
  });

  it('cancels the request under way when another one starts', async () => {
    const fake = fakeCoreWorker();
    const later = fakeCoreWorker({ auto: true });
    const workers = [fake, later];
    const client = createCoreClient({ createWorker: () => (workers.shift() ?? later).worker });
    const first = client.run(generate(10));
    const cancelled = expect(first.done).rejects.toBeInstanceOf(JobCancelled);
    const second = client.run(generate(12));
    await cancelled;
    await expect(second.done).resolves.toMatchObject({ kind: 'built' });
  });

  describe('reading a saved state of a generated scenario', () => {
    const scenario = generateLargeScenario({ people: 40, keysPerPerson: 2 });
    const base = scenario.tenant ?? replay(scenario.genesis, scenario.events).tenant;
    const active = [...base.accounts.values()].filter((a) => a.status === 'active');
    const first = changeStatus(base, 'account_deactivated', active[0]?.id ?? '');
    const afterFirst = replay(scenario.genesis, [...scenario.events, first]).tenant;
    const second = changeStatus(afterFirst, 'account_deactivated', active[1]?.id ?? '');
    const events = [...scenario.events, first, second];
    // The cursor between the two changes: the second is the redo branch.
    const state = {
      scenarioId: 'large',
      scenarioParams: { people: 40, keysPerPerson: 2 },
      genesis: scenario.genesis,
      events,
      cursor: events.length - 1,
    };
    const text = savedStateText(toDocument(state, scenario.events), new Date(0));

    it('builds what the page’s own reader reads, with the tenants at the cursor and at the scenario’s end', async () => {
      const fake = fakeCoreWorker({ auto: true, eventsPerBatch: 64 });
      const { client } = clientOver(fake);
      const progress: Progress[] = [];
      const outcome = await client.run(
        { type: 'read-saved', text },
        { onProgress: (p) => progress.push(p) },
      ).done;
      const read = await readSavedStateText(text);
      if (outcome.kind !== 'built' || !read.ok) throw new Error('not read');
      expect(outcome.log.genesis).toEqual(read.state.genesis);
      expect(outcome.log.events).toEqual(read.state.events);
      expect(outcome.log.facts).toMatchObject({
        scenarioId: 'large',
        scenarioParams: { people: 40, keysPerPerson: 2 },
        total: events.length,
        baseEvents: scenario.events.length,
        baseFingerprint: fingerprintEvents(scenario.events),
        cursor: events.length - 1,
      });
      expect(outcome.log.tenant).toEqual(afterFirst);
      expect(outcome.log.baseTenant).toEqual(base);
      expect(outcome.log.view.rows).toEqual(buildValidityView(afterFirst).rows);
      expect(stagesOf(progress)).toEqual([
        ...GENERATION_STAGES,
        CHECKING_STAGE,
        BUILDING_STAGE,
        VIEW_STAGE,
      ]);
    });

    it('hands back the reader’s problems when the saved state cannot be opened', async () => {
      const broken = text.replace(/"fingerprint":"[^"]+"/, '"fingerprint":"nope"');
      const fake = fakeCoreWorker({ auto: true });
      const { client } = clientOver(fake);
      const outcome = await client.run({ type: 'read-saved', text: broken }).done;
      const read = await readSavedStateText(broken);
      expect(read.ok).toBe(false);
      expect(outcome).toEqual({ kind: 'unreadable', problems: read.ok ? [] : read.problems });
    });
  });
});

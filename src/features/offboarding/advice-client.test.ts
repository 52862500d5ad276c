import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adviseFixes, applyFixes, type Fix } from '../../core/automation/advisor';
import { impactOf } from '../../core/automation/impact';
import { accountNamed } from '../../core/testing/named';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { type AdviceJob, createAdviceClient } from './advice-client';
import { createAdviceHandler } from './advise-handler';
import type { FromWorker, ToWorker } from './advise-protocol';

/** A worker that runs the real handler in this thread, answering on a later task as one would. */
class FakeWorker extends EventTarget {
  static last: FakeWorker;
  readonly sent: ToWorker[] = [];
  /** Answer the next `advise` with a failure (as a copy that could not be built would). */
  failNextAdvice = false;
  private readonly handle = createAdviceHandler();

  constructor() {
    super();
    FakeWorker.last = this;
  }

  postMessage(message: ToWorker): void {
    // The structured clone a real worker gets: no object is shared with the page.
    const copy = structuredClone(message);
    this.sent.push(copy);
    let answer: FromWorker | null;
    if (copy.type === 'advise' && this.failNextAdvice) {
      this.failNextAdvice = false;
      answer = { type: 'failed', requestId: copy.requestId, reason: 'No log yet.' };
    } else {
      answer = this.handle(copy);
    }
    if (answer !== null) {
      const data = answer;
      setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })));
    }
  }

  terminate(): void {}
}

const tenant = () => selectTenant(useTenantStore.getState());

function janeJob(change: 'deactivate' | 'delete' = 'delete'): AdviceJob {
  const state = useTenantStore.getState();
  return {
    genesis: state.genesis,
    events: state.events,
    cursor: state.cursor,
    scenarioId: state.scenarioId,
    scenarioParams: state.scenarioParams,
    accountIds: [accountNamed(tenant(), 'Jane Tino').id],
    change,
  };
}

/** The fixes the page itself would give for the job's plan. */
function expected(job: AdviceJob): Fix[] {
  const t = tenant();
  const events = job.events.slice(0, job.cursor);
  return adviseFixes(t, events, impactOf(t, events, job.accountIds, job.change));
}

function ask(client: ReturnType<typeof createAdviceClient>, job: AdviceJob) {
  return new Promise<readonly Fix[]>((resolve, reject) => {
    client.advise(job, resolve, () => reject(new Error('failed')));
  });
}

const kinds = () =>
  FakeWorker.last.sent.map((message) =>
    message.type === 'reset'
      ? `reset:${message.base.kind}:${message.events.length}`
      : message.type === 'append'
        ? `append:${message.events.length}`
        : 'advise',
  );

describe('createAdviceClient', () => {
  beforeEach(async () => {
    vi.stubGlobal('Worker', FakeWorker);
    await resetConsole();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('gives the page’s own fixes, sending the whole log once and then only what was added', async () => {
    const client = createAdviceClient();
    const first = janeJob();
    expect(await ask(client, first)).toEqual(expected(first));
    const logged = first.cursor;
    expect(kinds()).toEqual([`reset:log:${logged}`, 'advise']);

    // Alex makes the fixes: two events each; the worker gets just those.
    const fixes = expected(first);
    useTenantStore.getState().dispatchAll((t) => applyFixes(t, [], fixes).events);
    const second = janeJob();
    const again = await ask(client, second);
    expect(again).toEqual(expected(second));
    expect(again).toEqual([]);
    expect(kinds().slice(2)).toEqual(['append:4', 'advise']);
    client.dispose();
  });

  it('starts again from the whole log after an undo', async () => {
    const client = createAdviceClient();
    await ask(client, janeJob());
    useTenantStore.getState().undo();
    const job = janeJob('deactivate');
    expect(await ask(client, job)).toEqual(expected(job));
    expect(kinds().slice(2)).toEqual([`reset:log:${job.cursor}`, 'advise']);
  });

  it('works out only the newest of the plans that wait', async () => {
    const client = createAdviceClient();
    const answered: string[] = [];
    client.advise(
      janeJob('delete'),
      () => answered.push('first'),
      () => {},
    );
    client.advise(
      janeJob('deactivate'),
      () => answered.push('second'),
      () => {},
    );
    await ask(client, janeJob('delete'));
    expect(answered).toEqual(['first']);
    expect(kinds().filter((kind) => kind === 'advise')).toHaveLength(2);
  });

  it('tries once more from the whole log when the worker’s copy could not be built', async () => {
    const client = createAdviceClient();
    FakeWorker.last.failNextAdvice = true;
    const job = janeJob();
    expect(await ask(client, job)).toEqual(expected(job));
    expect(kinds()).toEqual([
      `reset:log:${job.cursor}`,
      'advise',
      `reset:log:${job.cursor}`,
      'advise',
    ]);
  });

  it('hands the work back to the page when the worker cannot run', async () => {
    const client = createAdviceClient();
    const failed = new Promise<void>((resolve) => client.advise(janeJob(), () => {}, resolve));
    FakeWorker.last.dispatchEvent(new Event('error'));
    await failed;
    // Later plans are handed back at once.
    await expect(ask(client, janeJob())).rejects.toThrow('failed');
  });
});

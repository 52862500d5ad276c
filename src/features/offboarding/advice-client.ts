/**
 * The page's side of the advice worker: it keeps the worker's copy of the log in step with the
 * store (appending what is new, or starting again after an undo or another scenario) and asks for
 * the fixes of one plan at a time. Only the newest plan asked for is worked out: one asked for
 * while another is under way waits, and is replaced by any newer one.
 */
import type { Fix } from '../../core/automation/advisor';
import type { LifecycleChange } from '../../core/automation/impact';
import type { TenantEvent } from '../../core/events';
import type { AccountId, TenantGenesis } from '../../core/model';
import { LARGE_KEYS_PER_PERSON, LARGE_PEOPLE } from '../../core/scenarios/large-params';
import type { ScenarioParams } from '../../core/scenarios/scenario-params';
import { generatedBaseOf } from '../../store/tenant-store';
import type { FromWorker, ToWorker } from './advise-protocol';

export interface AdviceJob {
  readonly genesis: TenantGenesis;
  /** The store's whole log and its cursor: the tenant is the log up to the cursor. */
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
  readonly scenarioId: string;
  readonly scenarioParams: ScenarioParams;
  readonly accountIds: readonly AccountId[];
  readonly change: LifecycleChange;
}

export interface AdviceClient {
  /** Ask for a plan's fixes; returns a cancel (a cancelled job's answer is dropped). */
  advise(
    job: AdviceJob,
    onFixes: (fixes: readonly Fix[]) => void,
    onFailed: () => void,
  ): () => void;
  dispose(): void;
}

/** Workers exist in browsers; not in jsdom, where the view works the fixes out itself. */
export function canUseWorker(): boolean {
  return typeof Worker === 'function';
}

interface Request {
  readonly id: number;
  readonly job: AdviceJob;
  readonly onFixes: (fixes: readonly Fix[]) => void;
  readonly onFailed: () => void;
  cancelled: boolean;
  /** Tried again from the whole log once, after the worker's copy could not be built. */
  retried: boolean;
}

export function createAdviceClient(): AdviceClient {
  const worker = new Worker(new URL('./advise-worker.ts', import.meta.url), { type: 'module' });
  const post = (message: ToWorker) => worker.postMessage(message);
  /** What the worker holds: the log up to `length` of the store's log with this genesis. */
  let held: {
    readonly genesis: TenantGenesis;
    readonly length: number;
    readonly last: TenantEvent | undefined;
  } | null = null;
  let current: Request | null = null;
  let wanted: Request | null = null;
  let nextId = 0;
  let broken = false;

  const sync = (job: AdviceJob, wholeLog: boolean) => {
    const { genesis, events, cursor } = job;
    const extends_ =
      held !== null &&
      held.genesis === genesis &&
      cursor >= held.length &&
      (held.length === 0 || events[held.length - 1] === held.last);
    if (extends_ && held !== null) {
      if (cursor > held.length) post({ type: 'append', events: events.slice(held.length, cursor) });
    } else {
      // The generated scenario's own events, when the log starts with them (same objects).
      const base = generatedBaseOf({ genesis });
      const last = base?.[base.length - 1];
      if (
        !wholeLog &&
        job.scenarioId === 'large' &&
        base !== undefined &&
        cursor >= base.length &&
        events[base.length - 1] === last
      ) {
        post({
          type: 'reset',
          base: {
            kind: 'large',
            people: job.scenarioParams[LARGE_PEOPLE.name] ?? LARGE_PEOPLE.defaultValue,
            keysPerPerson:
              job.scenarioParams[LARGE_KEYS_PER_PERSON.name] ?? LARGE_KEYS_PER_PERSON.defaultValue,
            baseLength: base.length,
            lastBase: JSON.stringify(last),
          },
          events: events.slice(base.length, cursor),
        });
      } else {
        post({ type: 'reset', base: { kind: 'log', genesis }, events: events.slice(0, cursor) });
      }
    }
    held = { genesis, length: cursor, last: events[cursor - 1] };
  };

  const pump = () => {
    if (current !== null || wanted === null) return;
    const request = wanted;
    wanted = null;
    current = request;
    sync(request.job, request.retried);
    post({
      type: 'advise',
      requestId: request.id,
      accountIds: request.job.accountIds,
      change: request.job.change,
    });
  };

  const fail = (request: Request) => {
    if (!request.cancelled) request.onFailed();
  };

  worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
    if (data.type === 'failed') held = null;
    const request = current;
    if (request === null || data.requestId !== request.id) return;
    current = null;
    if (data.type === 'fixes') {
      if (!request.cancelled) request.onFixes(data.fixes);
    } else if (!request.retried && !request.cancelled) {
      // Once more from the whole log (the generated base may have differed); then give up.
      wanted ??= { ...request, retried: true };
    } else {
      fail(request);
    }
    pump();
  });
  // The script could not load or threw outside a message: the view works the fixes out itself.
  worker.addEventListener('error', () => {
    broken = true;
    for (const request of [current, wanted]) if (request !== null) fail(request);
    current = null;
    wanted = null;
  });

  return {
    advise(job, onFixes, onFailed) {
      if (broken) {
        onFailed();
        return () => {};
      }
      if (wanted !== null) wanted.cancelled = true;
      const request: Request = {
        id: ++nextId,
        job,
        onFixes,
        onFailed,
        cancelled: false,
        retried: false,
      };
      wanted = request;
      pump();
      return () => {
        request.cancelled = true;
        if (wanted === request) wanted = null;
      };
    },
    dispose() {
      worker.terminate();
    },
  };
}

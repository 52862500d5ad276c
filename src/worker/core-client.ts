/**
 * The page's side of the core worker. One request at a time: `run` sends it, hands on the
 * worker's progress, and builds the tenant from the events as their batches arrive, with the
 * trusted builder (the worker made or checked every event with the same core), in slices of at
 * most `sliceMs` with the page's turn between them, so the page keeps answering.
 *
 * - `cancel()` ends the worker at once (terminate): nothing it made reaches the caller, and the
 *   next request starts a fresh worker. A new `run` cancels the one under way.
 * - A worker that stops (an uncaught error, a script that cannot load, a reply this page cannot
 *   read) fails the request with a reason; the caller keeps what it had.
 * - Replies are read with the protocol's `readReply`: another version or an unknown type fails
 *   the request; a stale one (of a request that is over) is dropped. Both go to `onRefused`.
 */
import type { DocumentProblem } from '../core/document/document';
import type { TenantEvent } from '../core/events';
import { createTenant, type Tenant, type TenantGenesis } from '../core/model';
import { type TrustedBuilder, trustedBuilder } from '../core/trusted-replay';
import type { ValidityView } from '../core/validity-view';
import { validityViewBuilder } from '../core/validity-view-builder';
import {
  envelope,
  type LogFacts,
  type RequestBody,
  readReply,
  type WorkerRequest,
} from './protocol';

/** What the client needs of a Worker (a test hands in a fake). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  addEventListener(
    type: 'error' | 'messageerror',
    listener: (event: { readonly message?: string }) => void,
  ): void;
}

/** Where the work is: "Generating people", 4,200 of 10,000; a total of 0 means no count is known. */
export interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
  /** What is counted, when the stage does not say ("events"). */
  readonly unit?: string;
}

export interface BuiltLog {
  readonly facts: LogFacts;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  /** The tenant after `facts.cursor` events. */
  readonly tenant: Tenant;
  /** Its validity view, built here a slice at a time, so that the first render need not. */
  readonly view: ValidityView;
  /** The tenant after the generated scenario's own events (`facts.baseEvents`). */
  readonly baseTenant: Tenant;
}

/** A log read and checked by the worker, not built (`run`'s `build: false`). */
export interface ReadLog {
  readonly facts: LogFacts;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
}

export type Unreadable = {
  readonly kind: 'unreadable';
  readonly problems: readonly DocumentProblem[];
};
export type BuiltOutcome = { readonly kind: 'built'; readonly log: BuiltLog } | Unreadable;
export type ReadOutcome = { readonly kind: 'read'; readonly log: ReadLog } | Unreadable;
export type JobOutcome = BuiltOutcome | ReadOutcome;

export interface Job<Outcome extends JobOutcome = BuiltOutcome> {
  /** Settles with the outcome; rejects with `JobCancelled` after `cancel()`, or with the reason. */
  readonly done: Promise<Outcome>;
  cancel(): void;
}

export interface JobHooks {
  readonly onProgress?: (progress: Progress) => void;
  /** The tenant's genesis, as soon as the worker knows it (its name can name the work). */
  readonly onGenesis?: (genesis: TenantGenesis) => void;
}

export interface CoreClient {
  /**
   * Send `request`; the page builds the tenant and its view from the events that come back,
   * unless `build` is false: the outcome is then the log as read (`kind: 'read'`).
   */
  run(request: RequestBody, hooks?: JobHooks): Job<BuiltOutcome>;
  run(request: RequestBody, hooks: JobHooks, options: { readonly build: false }): Job<ReadOutcome>;
  /** Ends the worker (and any job under way). */
  dispose(): void;
}

export interface CoreClientOptions {
  readonly createWorker?: () => WorkerLike;
  /** A reply the client did not take, and why. */
  readonly onRefused?: (reason: string) => void;
  /** The longest the page spends building before it yields. */
  readonly sliceMs?: number;
  /** Gives the page its turn (input, paint) between slices. */
  readonly yieldToPage?: () => Promise<void>;
  readonly now?: () => number;
}

export class JobCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'JobCancelled';
  }
}

/** The words of the page's own stages: the tenant, then every key's verdicts. */
export const BUILDING_STAGE = 'Building the tenant:';
export const VIEW_STAGE = 'Working out every key’s verdicts:';

/** Events pushed between two looks at the clock: well under a ms of work. */
const CHUNK = 128;
/** Validity rows built between two looks at the clock (a row is a few what-if verdicts). */
const VIEW_CHUNK = 32;

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./core-worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

interface Running {
  readonly id: number;
  readonly hooks: JobHooks;
  /** Build the tenant and view from the events (else only gather them). */
  readonly build: boolean;
  readonly resolve: (outcome: JobOutcome) => void;
  readonly reject: (error: Error) => void;
  builder: TrustedBuilder | null;
  genesis: TenantGenesis | null;
  facts: LogFacts | null;
  /** Every event received; those not yet built start at `events[builder.applied]`. */
  readonly events: TenantEvent[];
  baseTenant: Tenant | null;
  cursorTenant: Tenant | null;
  pumping: boolean;
  over: boolean;
}

export function createCoreClient(options: CoreClientOptions = {}): CoreClient {
  const createWorker = options.createWorker ?? defaultWorker;
  const onRefused = options.onRefused ?? (() => {});
  const sliceMs = options.sliceMs ?? 16;
  const yieldToPage =
    options.yieldToPage ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? (() => performance.now());

  let worker: WorkerLike | null = null;
  let current: Running | null = null;
  let nextId = 0;

  const discardWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const finish = (job: Running) => {
    job.over = true;
    if (current === job) current = null;
  };

  const fail = (job: Running, error: Error, stopWorker: boolean) => {
    if (job.over) return;
    finish(job);
    if (stopWorker) discardWorker();
    job.reject(error);
  };

  /** The marks the build stops at to keep a tenant: the scenario's own end, and the cursor. */
  const nextMark = (job: Running, applied: number): number => {
    const facts = job.facts;
    if (facts === null) return Number.POSITIVE_INFINITY;
    const marks = [facts.baseEvents, facts.cursor].filter((mark) => mark > applied);
    return marks.length === 0 ? applied : Math.min(...marks);
  };

  const keepMarks = (job: Running) => {
    const { builder, facts } = job;
    if (builder === null || facts === null) return;
    if (builder.applied === facts.baseEvents) job.baseTenant = builder.tenant();
    if (builder.applied === facts.cursor) job.cursorTenant = builder.tenant();
  };

  const reportBuild = (job: Running) => {
    const { facts, builder } = job;
    if (facts === null || builder === null) return;
    job.hooks.onProgress?.({
      stage: BUILDING_STAGE,
      done: builder.applied,
      total: Math.max(facts.baseEvents, facts.cursor),
      unit: 'events',
    });
  };

  /** Every event has arrived, and the tenants it keeps are built. */
  const ready = (job: Running): boolean =>
    job.facts !== null &&
    job.genesis !== null &&
    job.baseTenant !== null &&
    job.cursorTenant !== null &&
    job.events.length >= job.facts.total;

  /**
   * Every key's validity row for the tenant at the cursor, a slice at a time: on a large tenant
   * this is the longest work of the load (about 30,000 keys, five what-if stages per creator),
   * and left to the first render it would be one long task. Undefined once the job is over.
   */
  const buildView = async (job: Running, tenant: Tenant): Promise<ValidityView | undefined> => {
    const builder = validityViewBuilder(tenant);
    const report = () =>
      job.hooks.onProgress?.({
        stage: VIEW_STAGE,
        done: builder.built,
        total: builder.total,
        unit: 'keys',
      });
    report();
    let sliceStart = now();
    while (builder.built < builder.total) {
      builder.step(VIEW_CHUNK);
      if (now() - sliceStart >= sliceMs) {
        report();
        await yieldToPage();
        if (job.over) return undefined;
        sliceStart = now();
      }
    }
    report();
    await yieldToPage();
    return job.over ? undefined : builder.view();
  };

  const complete = async (job: Running): Promise<void> => {
    const { facts, genesis, baseTenant, cursorTenant } = job;
    if (job.over || facts === null || genesis === null) return;
    if (baseTenant === null || cursorTenant === null) return;
    const view = await buildView(job, cursorTenant);
    if (view === undefined || job.over) return;
    // The arrival gets a task of its own: the caller renders it.
    await yieldToPage();
    if (job.over) return;
    finish(job);
    job.resolve({
      kind: 'built',
      log: { facts, genesis, events: job.events, tenant: cursorTenant, view, baseTenant },
    });
  };

  /** The build stands at a mark whose tenant is not kept yet. */
  const atMark = (job: Running, applied: number): boolean =>
    job.facts !== null &&
    ((applied === job.facts.baseEvents && job.baseTenant === null) ||
      (applied === job.facts.cursor && job.cursorTenant === null));

  /**
   * Build what has arrived, a slice at a time. Keeping a tenant (the builder freezes what it
   * built, a map per task) and the arrival (the caller then renders it) get tasks of their own:
   * both can cost more than a slice.
   */
  const pump = async (job: Running) => {
    if (job.pumping) return;
    job.pumping = true;
    try {
      let sliceStart = now();
      for (;;) {
        if (job.over) return;
        const builder = job.builder;
        if (builder === null) return;
        if (atMark(job, builder.applied)) {
          // Keep the tenant here: its maps frozen one per task, since a large one takes a while.
          reportBuild(job);
          await yieldToPage();
          if (job.over) return;
          while (builder.freezeStep()) {
            await yieldToPage();
            if (job.over) return;
          }
          keepMarks(job);
          await yieldToPage();
          sliceStart = now();
          continue;
        }
        const applied = builder.applied;
        const stop = Math.min(nextMark(job, applied), job.events.length, applied + CHUNK);
        if (stop <= applied) break;
        builder.push(job.events.slice(applied, stop));
        if (now() - sliceStart >= sliceMs) {
          reportBuild(job);
          await yieldToPage();
          sliceStart = now();
        }
      }
      reportBuild(job);
      if (ready(job)) {
        await yieldToPage();
        await complete(job);
      }
    } catch (error) {
      // A trusted event refused: the log is not what the worker promised.
      fail(job, error instanceof Error ? error : new Error(String(error)), true);
    } finally {
      job.pumping = false;
    }
  };

  /** Without a build, the job is done once every event has arrived and the facts are known. */
  const gathered = (job: Running) => {
    const { facts, genesis } = job;
    if (job.over || facts === null || genesis === null || job.events.length < facts.total) return;
    finish(job);
    job.resolve({ kind: 'read', log: { facts, genesis, events: job.events } });
  };

  const onMessage = ({ data }: { readonly data: unknown }) => {
    const job = current;
    const read = readReply(data, job?.id ?? null);
    if (!read.ok) {
      onRefused(read.reason);
      if (!read.stale && job !== null) {
        fail(
          job,
          new Error(`The worker answered in a way this page cannot read: ${read.reason}`),
          true,
        );
      }
      return;
    }
    if (job === null) return;
    const reply = read.message;
    switch (reply.type) {
      case 'progress':
        // Once the log's facts are known, the page's own build is the news.
        if (job.facts === null) {
          job.hooks.onProgress?.({ stage: reply.stage, done: reply.done, total: reply.total });
        }
        return;
      case 'genesis':
        if (job.genesis !== null) {
          fail(job, new Error('The worker sent a second genesis.'), true);
          return;
        }
        job.genesis = reply.genesis;
        if (job.build) job.builder = trustedBuilder(createTenant(reply.genesis));
        job.hooks.onGenesis?.(reply.genesis);
        return;
      case 'events':
        if (job.genesis === null || reply.from !== job.events.length) {
          fail(
            job,
            new Error(`The worker's events arrived out of order (at ${reply.from}).`),
            true,
          );
          return;
        }
        for (const event of reply.events) job.events.push(event);
        if (job.build) void pump(job);
        else gathered(job);
        return;
      case 'log': {
        const applied = job.builder?.applied ?? 0;
        const { facts } = reply;
        if (job.genesis === null || facts.baseEvents < applied || facts.cursor < applied) {
          fail(job, new Error('The worker sent the log’s facts too late.'), true);
          return;
        }
        job.facts = facts;
        if (job.build) void pump(job);
        else gathered(job);
        return;
      }
      case 'unreadable':
        finish(job);
        job.resolve({ kind: 'unreadable', problems: reply.problems });
        return;
      case 'failed':
        fail(job, new Error(reply.reason), false);
        return;
      case 'refused':
        fail(job, new Error(`The worker refused the request: ${reply.reason}`), false);
        return;
    }
  };

  const onCrash = (event: { readonly message?: string }) => {
    const why =
      event.message === undefined || event.message === '' ? 'no reason given' : event.message;
    const job = current;
    discardWorker();
    if (job !== null) fail(job, new Error(`The worker stopped (${why}).`), false);
  };

  const workerNow = (): WorkerLike => {
    if (worker === null) {
      const made = createWorker();
      // Listeners check they are still the worker's: a terminated one may have queued messages.
      made.addEventListener('message', (event) => {
        if (worker === made) onMessage(event);
      });
      made.addEventListener('error', (event) => {
        if (worker === made) onCrash(event);
      });
      made.addEventListener('messageerror', () => {
        if (worker === made) onCrash({ message: 'a reply could not be deserialised' });
      });
      worker = made;
    }
    return worker;
  };

  return {
    // One function either way: what `done` settles with follows `build` (see the overloads).
    run: ((
      request: RequestBody,
      hooks: JobHooks = {},
      options: { readonly build?: boolean } = {},
    ): Job<JobOutcome> => {
      if (current !== null) fail(current, new JobCancelled(), true);
      let resolve!: (outcome: JobOutcome) => void;
      let reject!: (error: Error) => void;
      const done = new Promise<JobOutcome>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      const job: Running = {
        id: ++nextId,
        hooks,
        build: options.build !== false,
        resolve,
        reject,
        builder: null,
        genesis: null,
        facts: null,
        events: [],
        baseTenant: null,
        cursorTenant: null,
        pumping: false,
        over: false,
      };
      current = job;
      try {
        workerNow().postMessage(envelope(job.id, request));
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        fail(job, new Error(`The worker could not be started (${why}).`), true);
      }
      return {
        done,
        cancel: () => fail(job, new JobCancelled(), true),
      };
    }) as CoreClient['run'],
    dispose() {
      if (current !== null) fail(current, new JobCancelled(), true);
      discardWorker();
    },
  };
}

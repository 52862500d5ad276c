/**
 * What the core worker does with each request, apart from the worker's wiring so that a test can
 * drive it directly. It runs the console's own core modules (the scenario catalog's generator,
 * the saved-state reader with every check), so what it sends is what the page would have made.
 *
 * Replies, in order: progress now and then; the genesis; the log's events in batches of
 * `EVENTS_PER_BATCH` (structured-cloned, so no one message takes the page long to read); and the
 * log's facts. A generation streams its events while it runs (the page builds the tenant
 * meanwhile) and sends the facts last; a saved state or a file to import is read whole first (it
 * may be refused), so its facts come before its events.
 */
import { fingerprintEvents } from '../core/document/document';
import type { TenantEvent } from '../core/events';
import { GENERATION_STAGES, type GenerationProgress } from '../core/scenarios/large';
import { findScenario } from '../core/scenarios/scenario-catalog';
import { readScenarioParams } from '../core/scenarios/scenario-params';
import { peekSavedBase, readSavedStateText } from '../persist/saved-state';
import { readBaseOf, readStateFile } from '../share/state-document';
import {
  envelope,
  type LogFacts,
  PROTOCOL_VERSION,
  type ReplyBody,
  readRequest,
  type WorkerReply,
  type WorkerRequest,
} from './protocol';

/** A few thousand events a message: each takes the page a few ms to deserialise. */
export const EVENTS_PER_BATCH = 2_500;
/** Progress goes to the page at most this often (and at every new stage). */
export const PROGRESS_EVERY_MS = 50;

export interface HandlerOptions {
  readonly eventsPerBatch?: number;
  readonly progressEveryMs?: number;
  readonly now?: () => number;
}

/** Stage words the worker adds to the generator's. */
export const CHECKING_STAGE = 'Checking the saved state';
export const READING_FILE_STAGE = 'Reading the file';
export const CHECKING_FILE_STAGE = 'Checking the file’s events';

/** The fingerprint a save of a state on these base events needs: worked out here, off the page. */
function fingerprintOf(events: readonly TenantEvent[]): string {
  return events.length === 0 ? '' : fingerprintEvents(events);
}

export function createCoreHandler(
  post: (reply: WorkerReply) => void,
  options: HandlerOptions = {},
): (data: unknown) => Promise<void> {
  const batch = options.eventsPerBatch ?? EVENTS_PER_BATCH;
  const every = options.progressEveryMs ?? PROGRESS_EVERY_MS;
  const now = options.now ?? (() => performance.now());
  let lastId = 0;
  /** Requests run one after another, in the order they came. */
  let queue: Promise<void> = Promise.resolve();

  async function run(request: WorkerRequest): Promise<void> {
    const reply = (body: ReplyBody) => post(envelope(request.id, body));
    let lastStage = '';
    let lastAt = Number.NEGATIVE_INFINITY;
    const progress = (stage: string, done: number, total: number) => {
      const at = now();
      if (stage === lastStage && done !== total && at - lastAt < every) return;
      lastStage = stage;
      lastAt = at;
      reply({ type: 'progress', stage, done, total });
    };
    let sent = 0;
    const sendEvents = (events: readonly TenantEvent[], upTo: number) => {
      while (upTo - sent >= batch || (upTo === events.length && sent < upTo)) {
        const end = Math.min(upTo, sent + batch);
        reply({ type: 'events', from: sent, events: events.slice(sent, end) });
        sent = end;
      }
    };

    switch (request.type) {
      case 'generate': {
        const entry = findScenario(request.scenarioId);
        if (entry?.kind !== 'generated') {
          reply({ type: 'failed', reason: `"${request.scenarioId}" is not a generated scenario.` });
          return;
        }
        const read = readScenarioParams(entry.params, request.params);
        if (!read.ok) {
          reply({ type: 'failed', reason: read.reason });
          return;
        }
        let genesisSent = false;
        const scenario = await entry.generate(read.params, (step: GenerationProgress) => {
          if (!genesisSent) {
            reply({ type: 'genesis', genesis: step.genesis });
            genesisSent = true;
          }
          progress(step.stage, step.done, step.total);
          // Only whole batches while it runs: the last one goes once generation is over.
          const whole = sent + Math.floor((step.events.length - sent) / batch) * batch;
          if (whole > sent) sendEvents(step.events, whole);
        });
        if (!genesisSent) reply({ type: 'genesis', genesis: scenario.genesis });
        sendEvents(scenario.events, scenario.events.length);
        const total = scenario.events.length;
        const facts: LogFacts = {
          scenarioId: entry.id,
          scenarioParams: read.params,
          title: scenario.title,
          total,
          baseEvents: total,
          baseFingerprint: fingerprintOf(scenario.events),
          cursor: total,
        };
        reply({ type: 'log', facts });
        return;
      }
      case 'read-saved': {
        const last = GENERATION_STAGES[GENERATION_STAGES.length - 1];
        // The generated scenario's genesis is the state's: sent as soon as it is known, so that
        // the page can name the tenant while the rest is read.
        let genesisSent = false;
        const read = await readSavedStateText(request.text, undefined, (step) => {
          if (!genesisSent) {
            reply({ type: 'genesis', genesis: step.genesis });
            genesisSent = true;
          }
          progress(step.stage, step.done, step.total);
          // Then the reader replays and checks the log: no counts to give, but a stage to name.
          if (step.stage === last && step.done === step.total) progress(CHECKING_STAGE, 0, 0);
        });
        if (!read.ok) {
          reply({ type: 'unreadable', problems: read.problems });
          return;
        }
        const { state } = read;
        const entry = findScenario(state.scenarioId);
        if (!genesisSent) reply({ type: 'genesis', genesis: state.genesis });
        const baseEvents = Math.min(state.events.length, peekSavedBase(request.text)?.events ?? 0);
        reply({
          type: 'log',
          facts: {
            scenarioId: state.scenarioId,
            scenarioParams: state.scenarioParams,
            title: entry?.title ?? state.genesis.name,
            total: state.events.length,
            baseEvents,
            baseFingerprint: fingerprintOf(state.events.slice(0, baseEvents)),
            cursor: state.cursor,
          },
        });
        sendEvents(state.events, state.events.length);
        return;
      }
      case 'read-file': {
        progress(READING_FILE_STAGE, 0, 0);
        // A generated base is generated again first (its genesis then names the tenant early);
        // then the file's own events are checked, each through every rule.
        let genesisSent = false;
        const read = await readStateFile(
          request.file,
          (step) => {
            if (!genesisSent) {
              reply({ type: 'genesis', genesis: step.genesis });
              genesisSent = true;
            }
            progress(step.stage, step.done, step.total);
          },
          (done, total) => progress(CHECKING_FILE_STAGE, done, total),
        );
        if (!read.ok) {
          reply({ type: 'unreadable', problems: read.problems });
          return;
        }
        const { state } = read;
        if (!genesisSent) reply({ type: 'genesis', genesis: state.genesis });
        reply({
          type: 'log',
          facts: {
            scenarioId: state.scenarioId,
            scenarioParams: state.scenarioParams,
            title: findScenario(state.scenarioId)?.title ?? state.genesis.name,
            total: state.events.length,
            baseEvents: readBaseOf(state).length,
            baseFingerprint: fingerprintOf(readBaseOf(state)),
            cursor: state.cursor,
          },
        });
        sendEvents(state.events, state.events.length);
        return;
      }
    }
  }

  return (data) => {
    const read = readRequest(data, lastId);
    if (!read.ok) {
      const id = (data as { id?: unknown } | null)?.id;
      post({
        v: PROTOCOL_VERSION,
        id: typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : 0,
        type: 'refused',
        reason: read.reason,
      });
      return queue;
    }
    const request = read.message;
    lastId = request.id;
    queue = queue.then(async () => {
      try {
        await run(request);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        post(envelope(request.id, { type: 'failed', reason }));
      }
    });
    return queue;
  };
}

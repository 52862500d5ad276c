/**
 * Messages between the page and the core worker (core-worker.ts). Every message carries the
 * protocol's version (`v`) and the id of the request it belongs to (`id`); each side reads what
 * arrives with `readRequest` / `readReply`, which refuse, with a reason, a message of another
 * version (a cached script of an older build, say), of an unknown type, or of a request that is
 * over (stale). All plain data: genesis and events are what the log holds.
 */
import type { DocumentProblem } from '../core/document/document';
import type { TenantEvent } from '../core/events';
import type { TenantGenesis } from '../core/model';
import type { ScenarioParams } from '../core/scenarios/scenario-params';

/** Raise it whenever a message changes shape: both sides then refuse the other's old messages. */
export const PROTOCOL_VERSION = 2;

interface Envelope {
  readonly v: typeof PROTOCOL_VERSION;
  /** The request's id: positive, and larger for every new request of a page. */
  readonly id: number;
}

/** What the page asks. */
export type RequestBody =
  /** Generate a generated scenario (today `large`) from its validated parameters. */
  | { readonly type: 'generate'; readonly scenarioId: string; readonly params: ScenarioParams }
  /** Read the saved state's text (as localStorage holds it), every event checked. */
  | { readonly type: 'read-saved'; readonly text: string }
  /** Read a file to import (an export), every event checked. Version 2. */
  | { readonly type: 'read-file'; readonly file: Blob };

export type WorkerRequest = Envelope & RequestBody;

/**
 * What the log is, apart from its events: sent before the events when only part of them is to be
 * built (a saved state in the past), else after the last batch.
 */
export interface LogFacts {
  readonly scenarioId: string;
  readonly scenarioParams: ScenarioParams;
  /** The generated scenario's title ("Large tenant (10,000 people)"). */
  readonly title: string;
  /** Events in the log: what the batches add up to. */
  readonly total: number;
  /** The generated scenario's own events at the start of the log (the rest are later changes). */
  readonly baseEvents: number;
  /** `fingerprintEvents` of those events ('' when there are none): the page's saves need it. */
  readonly baseFingerprint: string;
  /** Events in effect (the rest are the redo branch). */
  readonly cursor: number;
}

export type ReplyBody =
  /** Where the work is, in words and counts: "Generating people", 4,200 of 10,000. */
  | {
      readonly type: 'progress';
      readonly stage: string;
      readonly done: number;
      readonly total: number;
    }
  /** The tenant's genesis: first, before any events. */
  | { readonly type: 'genesis'; readonly genesis: TenantGenesis }
  /** The next events of the log, in order: `from` is the first one's index. */
  | { readonly type: 'events'; readonly from: number; readonly events: readonly TenantEvent[] }
  | { readonly type: 'log'; readonly facts: LogFacts }
  /** The saved state or file cannot be opened: every problem, as the reader words it. */
  | { readonly type: 'unreadable'; readonly problems: readonly DocumentProblem[] }
  /** The work failed (a refused step, say): the request is over. */
  | { readonly type: 'failed'; readonly reason: string }
  /** A request the worker could not take, and why (under the id it carried, when it had one). */
  | { readonly type: 'refused'; readonly reason: string };

export type WorkerReply = Envelope & ReplyBody;

export type Read<T> =
  | { readonly ok: true; readonly message: T }
  /** `stale`: a well-formed message of a request that is over (dropped, not an error). */
  | { readonly ok: false; readonly reason: string; readonly stale?: true };

const REQUEST_TYPES: ReadonlySet<string> = new Set<RequestBody['type']>([
  'generate',
  'read-saved',
  'read-file',
]);
const REPLY_TYPES: ReadonlySet<string> = new Set<ReplyBody['type']>([
  'progress',
  'genesis',
  'events',
  'log',
  'unreadable',
  'failed',
  'refused',
]);

/** The envelope's checks, common to both directions. */
function readEnvelope(
  data: unknown,
  types: ReadonlySet<string>,
): Read<Envelope & { readonly type: string }> {
  if (typeof data !== 'object' || data === null) {
    return { ok: false, reason: 'Not a message of this console: not an object.' };
  }
  const { v, id, type } = data as Record<string, unknown>;
  if (v !== PROTOCOL_VERSION) {
    return {
      ok: false,
      reason: `Protocol version ${typeof v === 'number' ? v : 'missing'}; this side speaks version ${PROTOCOL_VERSION}.`,
    };
  }
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) {
    return { ok: false, reason: 'No request id: every message names its request.' };
  }
  if (typeof type !== 'string' || !types.has(type)) {
    return { ok: false, reason: `Unknown message type ${JSON.stringify(type)}.` };
  }
  return { ok: true, message: data as Envelope & { readonly type: string } };
}

/**
 * The worker's reading of a request. `lastId` is the last request it took: an id not above it is
 * stale (the page never reuses one), so an old message delivered late cannot restart old work.
 */
export function readRequest(data: unknown, lastId: number): Read<WorkerRequest> {
  const read = readEnvelope(data, REQUEST_TYPES);
  if (!read.ok) return read;
  if (read.message.id <= lastId) {
    return {
      ok: false,
      reason: `Stale request ${read.message.id}: request ${lastId} came after it.`,
      stale: true,
    };
  }
  return { ok: true, message: read.message as WorkerRequest };
}

/**
 * The page's reading of a reply. `currentId` is the request under way (null when none): a reply
 * to any other is stale, and dropped.
 */
export function readReply(data: unknown, currentId: number | null): Read<WorkerReply> {
  const read = readEnvelope(data, REPLY_TYPES);
  if (!read.ok) return read;
  if (read.message.id !== currentId) {
    return {
      ok: false,
      reason:
        currentId === null
          ? `Stale reply to request ${read.message.id}: no request is under way.`
          : `Stale reply to request ${read.message.id}: request ${currentId} is the one under way.`,
      stale: true,
    };
  }
  return { ok: true, message: read.message as WorkerReply };
}

/** A message to send, stamped with the version. */
export function envelope<B extends RequestBody | ReplyBody>(id: number, body: B): Envelope & B {
  return { v: PROTOCOL_VERSION, id, ...body };
}

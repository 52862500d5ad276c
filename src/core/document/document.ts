/**
 * The console's state as a document: what an export file, a share link and the saved state of
 * the last visit hold. Versioned; read back only through `readDocument`, which checks the
 * envelope with zod/mini (every refusal names the field) and every event with the reducer.
 *
 * A generated scenario's own events are not written out (the large tenant's are ~10 MB): the
 * document names the scenario, its parameters, how many events it starts with and a fingerprint
 * of them, and carries only the events made after it. Reading it generates the scenario again
 * (generation is deterministic) and refuses it if the fingerprint differs.
 */
import * as z from 'zod/mini';
import { type ApplyResult, apply } from '../apply';
import { hashText } from '../deterministic';
import { namedDirectionControlReason } from '../direction-control-names';
import type { TenantEvent } from '../events';
import { createTenant, type Tenant, type TenantGenesis } from '../model';
import { refusalBeyondFirstPaint } from '../reducer-later';
import type { OnGenerationProgress } from '../scenarios/large';
import type { Scenario } from '../scenarios/scenario-builder';
import { findScenario } from '../scenarios/scenario-catalog';
import { readScenarioParams, type ScenarioParams } from '../scenarios/scenario-params';

export const DOCUMENT_FORMAT = 'key-lifecycle-console';
export const DOCUMENT_VERSION = 1;

/** Limits on what is read (stated in the README). */
export const LIMITS = {
  /** A file or decoded link: 20 MB of JSON text. */
  maxBytes: 20_000_000,
  /** Events carried in a document (a generated scenario's own events do not count). */
  maxEvents: 200_000,
  maxTeams: 1_000,
  maxText: 200,
} as const;

/** What the store holds: the scenario, its genesis, the log and the cursor. */
export interface DocumentState {
  readonly scenarioId: string;
  readonly scenarioParams: ScenarioParams;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
}

export type ConsoleDocument = {
  readonly format: typeof DOCUMENT_FORMAT;
  readonly version: typeof DOCUMENT_VERSION;
  readonly scenario: { readonly id: string; readonly params: ScenarioParams };
  /** Where the log starts: a genesis written out, or a generated scenario named. */
  readonly base:
    | { readonly kind: 'genesis'; readonly genesis: TenantGenesis }
    | { readonly kind: 'generated'; readonly events: number; readonly fingerprint: string };
  /** The events after the base (all of them for a genesis base). */
  readonly events: readonly TenantEvent[];
  /** Events in effect, counted from the very first event (the base's included). */
  readonly cursor: number;
};

export interface DocumentProblem {
  /** The field, as a path: `events[3].accountId`, `genesis.teams[0].name`, `(document)`. */
  readonly field: string;
  readonly reason: string;
}

export type ReadResult =
  | { readonly ok: true; readonly state: DocumentState }
  | { readonly ok: false; readonly problems: readonly DocumentProblem[] };

const fingerprints = new WeakMap<readonly TenantEvent[], string>();

/** A stable fingerprint of a list of events (their JSON, hashed). */
export function fingerprintEvents(events: readonly TenantEvent[]): string {
  // Logs are immutable, and a generated base (about 51,000 events) is fingerprinted at every save
  // of a state built on it: once per array is enough (hashing it takes ~150 ms).
  let fingerprint = fingerprints.get(events);
  if (fingerprint === undefined) {
    fingerprint = hashText(JSON.stringify(events));
    fingerprints.set(events, fingerprint);
  }
  return fingerprint;
}

/**
 * The fingerprint of `events` worked out elsewhere from the very same events (the core worker,
 * which generated or read them with this module): a save then does not hash them again here.
 */
export function rememberFingerprint(events: readonly TenantEvent[], fingerprint: string): void {
  if (fingerprint !== '') fingerprints.set(events, fingerprint);
}

/** The document for a state. `generatedBase` is the scenario's own events when it is generated. */
export function toDocument(
  state: DocumentState,
  generatedBase?: readonly TenantEvent[],
): ConsoleDocument {
  const scenario = { id: state.scenarioId, params: state.scenarioParams };
  if (generatedBase !== undefined && sharesPrefix(generatedBase, state.events)) {
    return {
      format: DOCUMENT_FORMAT,
      version: DOCUMENT_VERSION,
      scenario,
      base: {
        kind: 'generated',
        events: generatedBase.length,
        fingerprint: fingerprintEvents(generatedBase),
      },
      events: state.events.slice(generatedBase.length),
      cursor: state.cursor,
    };
  }
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    scenario,
    base: { kind: 'genesis', genesis: state.genesis },
    events: state.events,
    cursor: state.cursor,
  };
}

function sharesPrefix(prefix: readonly TenantEvent[], events: readonly TenantEvent[]): boolean {
  if (prefix.length > events.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== events[i]) return false;
  return true;
}

// --- Reading ----------------------------------------------------------------------------------

const text = z.string().check(
  z.minLength(1),
  z.maxLength(LIMITS.maxText),
  // The genesis is not an event, so the reducer's own check of names does not see it.
  z.superRefine((value, context) => {
    const control = namedDirectionControlReason(value);
    if (control !== null) context.addIssue({ code: 'custom', message: control });
  }),
);

const genesisSchema = z.strictObject({
  name: text,
  domain: text,
  seed: text,
  startsAt: z.number().check(z.gte(0), z.lte(8.64e15)),
  teams: z.array(z.strictObject({ id: text, name: text })).check(z.maxLength(LIMITS.maxTeams)),
});

const envelopeSchema = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  scenario: z.strictObject({
    id: z.string().check(z.maxLength(LIMITS.maxText)),
    params: z.record(z.string().check(z.maxLength(LIMITS.maxText)), z.number()),
  }),
  base: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('genesis'), genesis: genesisSchema }),
    z.strictObject({
      kind: z.literal('generated'),
      events: z.int().check(z.gte(0), z.lte(LIMITS.maxEvents * 10)),
      fingerprint: z.string().check(z.maxLength(64)),
    }),
  ]),
  // Each event is checked by the reducer, field by field, when the log is replayed (and by what
  // the first paint's reducer has no room for: reducer-later.ts's `refusalBeyondFirstPaint`).
  events: z.array(z.unknown()).check(z.maxLength(LIMITS.maxEvents)),
  cursor: z.int().check(z.gte(0)),
});

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

/** Documents of older versions are brought up to date here, one version at a time. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Bring a parsed document to the current version. Unknown, newer or missing versions are
 * refused with a reason; nothing else is looked at here.
 */
export function migrate(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): { ok: true; document: Record<string, unknown> } | { ok: false; problem: DocumentProblem } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: { field: '(document)', reason: 'must be a JSON object.' } };
  }
  let document = raw as Record<string, unknown>;
  if (document['format'] !== DOCUMENT_FORMAT) {
    return {
      ok: false,
      problem: {
        field: 'format',
        reason: `must be "${DOCUMENT_FORMAT}": this is not a console document.`,
      },
    };
  }
  let version = document['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: { field: 'version', reason: 'must be a whole number from 1.' } };
  }
  if (version > DOCUMENT_VERSION) {
    return {
      ok: false,
      problem: {
        field: 'version',
        reason: `is ${version}, made by a newer version of the console (this one reads up to ${DOCUMENT_VERSION}).`,
      },
    };
  }
  while (version < DOCUMENT_VERSION) {
    const step = migrations[version];
    if (step === undefined) {
      return {
        ok: false,
        problem: { field: 'version', reason: `${version} has no migration to ${version + 1}.` },
      };
    }
    document = step(document);
    version += 1;
  }
  return { ok: true, document };
}

/** Replay `events` on `start`; the first refused event is the problem, named by its index. */
/** How the check of a document's own events goes: `done` of `total` through every rule. */
export type OnCheckProgress = (done: number, total: number) => void;

/** Events checked between two reports: a few ms of work. */
export const CHECK_REPORT_EVERY = 1_000;

function replayChecked(
  start: Tenant,
  events: readonly unknown[],
  offset: number,
  onChecked?: OnCheckProgress,
): DocumentProblem | null {
  let tenant = start;
  onChecked?.(0, events.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as TenantEvent;
    // First what the first paint's reducer has no room to check (reducer-later.ts), then the rest.
    const beyond = refusalBeyondFirstPaint(event);
    const result: ApplyResult =
      beyond === null ? apply(tenant, event) : { ok: false, tenant, refusal: beyond };
    if (!result.ok) {
      return { field: `events[${i + offset}]`, reason: result.refusal.reason };
    }
    tenant = result.tenant;
    if ((i + 1) % CHECK_REPORT_EVERY === 0) onChecked?.(i + 1, events.length);
  }
  if (events.length % CHECK_REPORT_EVERY !== 0) onChecked?.(events.length, events.length);
  return null;
}

/**
 * Read a document (already JSON-parsed). Everything is checked; nothing is trusted. For a
 * generated base the scenario is generated again, so this is asynchronous; `onProgress` hears
 * how that generation goes, `onChecked` how the check of the document's own events goes.
 */
export async function readDocument(
  raw: unknown,
  onProgress?: OnGenerationProgress,
  onChecked?: OnCheckProgress,
): Promise<ReadResult> {
  const migrated = migrate(raw);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const parsed = z.safeParse(envelopeSchema, migrated.document);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 20).map((issue) => ({
        field: pathText(issue.path),
        reason: issue.message,
      })),
    };
  }
  const document = parsed.data;
  const entry = findScenario(document.scenario.id);
  let genesis: TenantGenesis;
  let baseEvents: readonly TenantEvent[] = [];
  let params: ScenarioParams = {};
  if (document.base.kind === 'genesis') {
    genesis = document.base.genesis;
  } else {
    if (entry?.kind !== 'generated') {
      return {
        ok: false,
        problems: [
          {
            field: 'scenario.id',
            reason: `"${document.scenario.id}" is not a generated scenario of this console.`,
          },
        ],
      };
    }
    const read = readScenarioParams(entry.params, document.scenario.params);
    if (!read.ok)
      return { ok: false, problems: [{ field: 'scenario.params', reason: read.reason }] };
    params = read.params;
    const scenario: Scenario = await entry.generate(params, onProgress);
    if (
      scenario.events.length !== document.base.events ||
      fingerprintEvents(scenario.events) !== document.base.fingerprint
    ) {
      return {
        ok: false,
        problems: [
          {
            field: 'base.fingerprint',
            reason: `the scenario "${entry.title}" generates other events in this version of the console; the document cannot be replayed on it.`,
          },
        ],
      };
    }
    genesis = scenario.genesis;
    baseEvents = scenario.events;
  }
  const start = baseEvents.length === 0 ? createTenant(genesis) : replayBase(genesis, baseEvents);
  const problem = replayChecked(start, document.events, 0, onChecked);
  if (problem !== null) return { ok: false, problems: [problem] };
  const events = [...baseEvents, ...(document.events as TenantEvent[])];
  if (document.cursor > events.length) {
    return {
      ok: false,
      problems: [
        {
          field: 'cursor',
          reason: `is ${document.cursor}, but the log has ${events.length} events.`,
        },
      ],
    };
  }
  return {
    ok: true,
    state: {
      scenarioId: entry === undefined ? 'custom' : document.scenario.id,
      scenarioParams: params,
      genesis,
      events,
      cursor: document.cursor,
    },
  };
}

function replayBase(genesis: TenantGenesis, events: readonly TenantEvent[]): Tenant {
  let tenant = createTenant(genesis);
  for (const event of events) {
    const result = apply(tenant, event);
    if (result.ok) tenant = result.tenant;
  }
  return tenant;
}

/** Parse JSON text into a document, refusing what is too large or not JSON, with a reason. */
export async function readDocumentText(text: string): Promise<ReadResult> {
  if (text.length > LIMITS.maxBytes) {
    return {
      ok: false,
      problems: [
        {
          field: '(document)',
          reason: `is ${text.length.toLocaleString('en-US')} characters; the limit is ${LIMITS.maxBytes.toLocaleString('en-US')}.`,
        },
      ],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, problems: [{ field: '(document)', reason: `is not valid JSON: ${why}` }] };
  }
  return readDocument(raw);
}

/**
 * What the console keeps in localStorage: an envelope with its own version around the console
 * document (`toDocument`). The envelope and the document migrate separately: a change to how
 * the state is saved does not touch export files and links, and the other way round.
 */
import type { ConsoleDocument, DocumentProblem, ReadResult } from '../core/document/document';
import type { OnGenerationProgress } from '../core/scenarios/large';
import { readStateDocument } from '../share/state-document';

export const SAVED_FORMAT = 'key-lifecycle-console/saved-state';
export const SAVED_VERSION = 1;

export interface SavedEnvelope {
  readonly format: typeof SAVED_FORMAT;
  readonly version: typeof SAVED_VERSION;
  /** When it was written (ISO 8601), for the person reading a downloaded copy. */
  readonly savedAt: string;
  readonly document: ConsoleDocument;
}

/** Envelopes of older versions are brought up to date here, one version at a time. */
export type SavedMigration = (envelope: Record<string, unknown>) => Record<string, unknown>;
export const SAVED_MIGRATIONS: Readonly<Record<number, SavedMigration>> = {};

export function savedStateText(document: ConsoleDocument, savedAt: Date): string {
  const envelope: SavedEnvelope = {
    format: SAVED_FORMAT,
    version: SAVED_VERSION,
    savedAt: savedAt.toISOString(),
    document,
  };
  return JSON.stringify(envelope);
}

/**
 * Past this many characters a state is not even written out for localStorage: browsers keep
 * about 5 million there (Chromium and Firefox 5,242,880 UTF-16 units a page), so this is twice
 * any quota we know of. Writing out 20 MB of JSON would hold the page for a few hundred ms only
 * to be refused.
 */
export const UNSAVABLE_CHARS = 10_000_000;

/** Events whose JSON is measured to estimate the rest: the first, middle and last few. */
const SAMPLE = 64;

/**
 * About how long `savedStateText(document)` would be, from the JSON of the document without its
 * events and of a sample of them: cheap enough for every save, close enough to tell a state
 * that fits from one twice the quota.
 */
export function estimatedSavedLength(document: ConsoleDocument): number {
  const { events } = document;
  const rest = JSON.stringify({ ...document, events: [] }).length + 200;
  if (events.length <= SAMPLE * 3) return rest + JSON.stringify(events).length;
  const middle = Math.floor(events.length / 2);
  const sample = [
    ...events.slice(0, SAMPLE),
    ...events.slice(middle, middle + SAMPLE),
    ...events.slice(-SAMPLE),
  ];
  return rest + Math.round((JSON.stringify(sample).length / sample.length) * events.length);
}

type Migrated =
  | { readonly ok: true; readonly envelope: Record<string, unknown> }
  | { readonly ok: false; readonly problem: DocumentProblem };

/** Bring a parsed envelope to the current version, or say why it cannot be. */
export function migrateSaved(
  raw: unknown,
  migrations: Readonly<Record<number, SavedMigration>> = SAVED_MIGRATIONS,
  current: number = SAVED_VERSION,
): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: { field: '(saved state)', reason: 'must be a JSON object.' } };
  }
  let envelope = raw as Record<string, unknown>;
  if (envelope['format'] !== SAVED_FORMAT) {
    return {
      ok: false,
      problem: { field: 'format', reason: `must be "${SAVED_FORMAT}": this is not a saved state.` },
    };
  }
  let version = envelope['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: { field: 'version', reason: 'must be a whole number from 1.' } };
  }
  if (version > current) {
    return {
      ok: false,
      problem: {
        field: 'version',
        reason: `is ${version}, saved by a newer version of the console (this one reads up to ${current}).`,
      },
    };
  }
  while (version < current) {
    const step = migrations[version];
    if (step === undefined) {
      return {
        ok: false,
        problem: { field: 'version', reason: `${version} has no migration to ${version + 1}.` },
      };
    }
    envelope = step(envelope);
    version += 1;
  }
  return { ok: true, envelope };
}

/**
 * Read the saved text: the envelope, then the document inside it, every event re-checked.
 * `onProgress` hears how a generated scenario it names is generated again.
 */
export async function readSavedStateText(
  text: string,
  migrations: Readonly<Record<number, SavedMigration>> = SAVED_MIGRATIONS,
  onProgress?: OnGenerationProgress,
): Promise<ReadResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable';
    return {
      ok: false,
      problems: [{ field: '(saved state)', reason: `is not valid JSON: ${why}` }],
    };
  }
  const migrated = migrateSaved(raw, migrations);
  if (!migrated.ok) return { ok: false, problems: [migrated.problem] };
  const { envelope } = migrated;
  const unknown = Object.keys(envelope).filter(
    (key) => !['format', 'version', 'savedAt', 'document'].includes(key),
  );
  if (unknown.length > 0) {
    return {
      ok: false,
      problems: [{ field: '(saved state)', reason: `has unknown fields: ${unknown.join(', ')}.` }],
    };
  }
  if (typeof envelope['savedAt'] !== 'string') {
    return { ok: false, problems: [{ field: 'savedAt', reason: 'must be a date as text.' }] };
  }
  const read = await readStateDocument(envelope['document'], onProgress);
  if (read.ok) return read;
  return {
    ok: false,
    problems: read.problems.map((problem) => ({
      field: problem.field === '(document)' ? 'document' : `document.${problem.field}`,
      reason: problem.reason,
    })),
  };
}

/** What a saved state's document says of the generated scenario it starts from. */
export interface SavedBase {
  readonly scenarioId: string;
  /** As written: the reader validates them. */
  readonly params: Readonly<Record<string, unknown>>;
  /** How many of the log's events the scenario itself makes. */
  readonly events: number;
}

/**
 * The generated scenario a saved state starts from, read without checking anything else (the
 * reader does that): null when its document writes its genesis out, or the text is not a saved
 * state at all. Cheap: opening such a state means generating the scenario again, which the page
 * then hands to the worker instead of doing before its first paint.
 */
export function peekSavedBase(text: string): SavedBase | null {
  try {
    const document = (JSON.parse(text) as { document?: Record<string, unknown> }).document;
    const base = document?.['base'] as { kind?: unknown; events?: unknown } | undefined;
    const scenario = document?.['scenario'] as { id?: unknown; params?: unknown } | undefined;
    if (base?.kind !== 'generated' || typeof base.events !== 'number') return null;
    if (typeof scenario?.id !== 'string') return null;
    const params =
      typeof scenario.params === 'object' && scenario.params !== null ? scenario.params : {};
    return { scenarioId: scenario.id, params: params as SavedBase['params'], events: base.events };
  } catch {
    return null;
  }
}

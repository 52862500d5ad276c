/**
 * The store's state as a console document and back, for the three places it travels: the saved
 * state, a share link and an export file. A generated scenario (the large tenant) is written by
 * reference; to do that the writer needs the scenario's own events, so this module remembers
 * them for every state it reads, and asks the store for the ones it generated itself.
 */

import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  type ConsoleDocument,
  LIMITS,
  migrate,
  type OnCheckProgress,
  type ReadResult,
  readDocument,
  readDocumentText,
  toDocument,
} from '../core/document/document';
import type { TenantEvent } from '../core/events';
import type { TenantGenesis } from '../core/model';
import type { OnGenerationProgress } from '../core/scenarios/large';
import { findScenario } from '../core/scenarios/scenario-catalog';
import { generatedBaseOf, type LogState } from '../store/tenant-store';

// zod/mini has no messages of its own ("Invalid input"): a refused file or link should say
// what is wrong ("Unrecognized key: \"__proto__\"", "expected number, received string"). Every
// document the app reads comes through this module, so this is where the messages are set.
z.config(en());

/** The generated events each read state starts with, by its genesis (the same object). */
const readBases = new WeakMap<TenantGenesis, readonly TenantEvent[]>();

/** The document for a state, naming a generated scenario's events rather than writing them. */
export function documentOf(state: LogState): ConsoleDocument {
  return toDocument(state, readBases.get(state.genesis) ?? generatedBaseOf(state));
}

/**
 * The events of the scenario a state starts from: a fixed scenario's, or the generated events it
 * was read or generated with (none when neither is known: then every event is its own).
 */
export function scenarioEventsOf(state: LogState): readonly TenantEvent[] {
  const entry = findScenario(state.scenarioId);
  if (entry?.kind === 'fixed') return entry.scenario.events;
  return readBases.get(state.genesis) ?? generatedBaseOf(state) ?? [];
}

/** Read a parsed document (see `readDocument`), remembering a generated base for `documentOf`. */
export async function readStateDocument(
  raw: unknown,
  onProgress?: OnGenerationProgress,
  onChecked?: OnCheckProgress,
): Promise<ReadResult> {
  const migrated = migrate(raw);
  const read = await readDocument(migrated.ok ? migrated.document : raw, onProgress, onChecked);
  if (read.ok && migrated.ok) {
    const base = migrated.document['base'] as ConsoleDocument['base'];
    // Checked by readDocument: a generated base of `base.events` events, all at the start.
    if (base.kind === 'generated' && base.events > 0) {
      readBases.set(read.state.genesis, read.state.events.slice(0, base.events));
    }
  }
  return read;
}

/**
 * The generated scenario's events a state read here starts with (none when its base is not a
 * generated scenario): a worker that read it says how many, and the page remembers them.
 */
export function readBaseOf(state: Pick<LogState, 'genesis'>): readonly TenantEvent[] {
  return readBases.get(state.genesis) ?? [];
}

/** A state read elsewhere (the worker) starts with these generated events: see `documentOf`. */
export function rememberReadBase(genesis: TenantGenesis, events: readonly TenantEvent[]): void {
  if (events.length > 0) readBases.set(genesis, events);
}

/** Read JSON text (see `readDocumentText`): too large or not JSON is refused with its reason. */
export async function readStateText(
  text: string,
  onProgress?: OnGenerationProgress,
  onChecked?: OnCheckProgress,
): Promise<ReadResult> {
  if (text.length > LIMITS.maxBytes) return readDocumentText(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // readDocumentText words the refusal (with the parser's own message).
    return readDocumentText(text);
  }
  return readStateDocument(raw, onProgress, onChecked);
}

/** The state a file holds, checked: too large is refused from its size, before it is read. */
export async function readStateFile(
  file: Blob,
  onProgress?: OnGenerationProgress,
  onChecked?: OnCheckProgress,
): Promise<ReadResult> {
  const limit = LIMITS.maxBytes.toLocaleString('en-US');
  if (file.size > LIMITS.maxBytes) {
    return {
      ok: false,
      problems: [
        {
          field: '(file)',
          reason: `is ${file.size.toLocaleString('en-US')} bytes; the limit is ${limit}.`,
        },
      ],
    };
  }
  let text: string;
  try {
    // Fatal: a file that is not UTF-8 is refused, not read with replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, problems: [{ field: '(file)', reason: 'is not UTF-8 text.' }] };
  }
  return readStateText(text, onProgress, onChecked);
}

/** Problems as the console lists them: `field: reason`. */
export function problemLines(problems: ReadonlyArray<{ field: string; reason: string }>): string[] {
  return problems.map((problem) => `${problem.field}: ${problem.reason}`);
}

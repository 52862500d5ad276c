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
): Promise<ReadResult> {
  const migrated = migrate(raw);
  const read = await readDocument(migrated.ok ? migrated.document : raw, onProgress);
  if (read.ok && migrated.ok) {
    const base = migrated.document['base'] as ConsoleDocument['base'];
    // Checked by readDocument: a generated base of `base.events` events, all at the start.
    if (base.kind === 'generated' && base.events > 0) {
      readBases.set(read.state.genesis, read.state.events.slice(0, base.events));
    }
  }
  return read;
}

/** Read JSON text (see `readDocumentText`): too large or not JSON is refused with its reason. */
export async function readStateText(text: string): Promise<ReadResult> {
  if (text.length > LIMITS.maxBytes) return readDocumentText(text);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // readDocumentText words the refusal (with the parser's own message).
    return readDocumentText(text);
  }
  return readStateDocument(raw);
}

/** Problems as the console lists them: `field: reason`. */
export function problemLines(problems: ReadonlyArray<{ field: string; reason: string }>): string[] {
  return problems.map((problem) => `${problem.field}: ${problem.reason}`);
}

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type DocumentState, toDocument } from '../core/document/document';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { generateLargeScenario } from '../core/scenarios/large';
import {
  estimatedSavedLength,
  migrateSaved,
  readSavedStateText,
  SAVED_FORMAT,
  SAVED_VERSION,
  type SavedMigration,
  savedStateText,
} from './saved-state';

const jane: DocumentState = {
  scenarioId: 'jane-tino',
  scenarioParams: {},
  genesis: janeTinoScenario.genesis,
  events: janeTinoScenario.events,
  cursor: 6,
};
const savedAt = new Date(Date.UTC(2026, 0, 5));
const envelope = JSON.parse(savedStateText(toDocument(jane), savedAt)) as Record<string, unknown>;

describe('the saved-state envelope', () => {
  it('reads back what it wrote, cursor included', async () => {
    expect(envelope).toMatchObject({
      format: SAVED_FORMAT,
      version: SAVED_VERSION,
      savedAt: '2026-01-05T00:00:00.000Z',
    });
    expect(await readSavedStateText(JSON.stringify(envelope))).toEqual({ ok: true, state: jane });
  });

  it('migrates an older envelope one version at a time, and refuses one it cannot migrate', () => {
    // Hypothetical versions 2 and 3, to exercise the path: 1 -> 2 -> 3.
    const steps: Record<number, SavedMigration> = {
      1: (old) => ({ ...old, version: 2, tab: 'a' }),
      2: ({ tab: _tab, ...old }) => ({ ...old, version: 3, migrated: true }),
    };
    expect(migrateSaved(envelope, steps, 3)).toEqual({
      ok: true,
      envelope: { ...envelope, version: 3, migrated: true },
    });
    expect(migrateSaved({ ...envelope, version: 2 }, steps, 3)).toMatchObject({
      ok: true,
      envelope: { version: 3, migrated: true },
    });
    expect(migrateSaved(envelope, { 2: steps[2] as SavedMigration }, 3)).toEqual({
      ok: false,
      problem: { field: 'version', reason: '1 has no migration to 2.' },
    });
    expect(migrateSaved({ ...envelope, version: 4 }, steps, 3)).toMatchObject({
      ok: false,
      problem: { field: 'version', reason: expect.stringMatching(/newer version.*up to 3/) },
    });
    // The current version is 1, with nothing to migrate yet.
    expect(migrateSaved(envelope)).toEqual({ ok: true, envelope });
  });

  it.each([
    ['not JSON', '{', '(saved state)', /not valid JSON/],
    ['not an object', '[]', '(saved state)', /JSON object/],
    ['another format', JSON.stringify({ ...envelope, format: 'x' }), 'format', /not a saved/],
    ['a newer version', JSON.stringify({ ...envelope, version: 2 }), 'version', /newer version/],
    ['no version', JSON.stringify({ ...envelope, version: null }), 'version', /whole number/],
    ['an unknown field', JSON.stringify({ ...envelope, tab: 1 }), '(saved state)', /tab/],
    ['no date', JSON.stringify({ ...envelope, savedAt: 3 }), 'savedAt', /date/],
    ['no document', JSON.stringify({ ...envelope, document: null }), 'document', /JSON object/],
    [
      'a document of a newer version',
      JSON.stringify({ ...envelope, document: { ...toDocument(jane), version: 2 } }),
      'document.version',
      /newer version/,
    ],
  ])('refuses %s, naming the field', async (_label, text, field, reason) => {
    const read = await readSavedStateText(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems[0]?.field).toBe(field);
    expect(read.problems[0]?.reason).toMatch(reason);
  });
});

describe('the estimate of a saved state’s length', () => {
  it.each([
    ['the default scenario', { ...jane, scenarioId: 'custom' }],
    [
      'a generated tenant with every event written out',
      (() => {
        const { genesis, events } = generateLargeScenario({ people: 400, keysPerPerson: 3 });
        return { scenarioId: 'custom', scenarioParams: {}, genesis, events, cursor: 7 };
      })(),
    ],
  ])('is within 15%% of the text itself: %s', (_label, state) => {
    const document = toDocument(state);
    const actual = savedStateText(document, new Date(0)).length;
    const estimate = estimatedSavedLength(document);
    expect(Math.abs(estimate - actual) / actual).toBeLessThan(0.15);
  });
});

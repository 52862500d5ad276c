// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '../../test/property';
import { replay } from '../apply';
import { changeStatus } from '../commands';
import { janeTinoScenario } from '../scenarios/jane-tino';
import { generateLargeScenario } from '../scenarios/large';
import { runIntents, scenarioRunArb } from '../testing/arbitraries';
import { accountNamed } from '../testing/named';
import {
  DOCUMENT_FORMAT,
  type DocumentState,
  LIMITS,
  migrate,
  readDocument,
  readDocumentText,
  toDocument,
} from './document';

const jane: DocumentState = {
  scenarioId: 'jane-tino',
  scenarioParams: {},
  genesis: janeTinoScenario.genesis,
  events: janeTinoScenario.events,
  cursor: janeTinoScenario.events.length,
};

async function roundTrip(state: DocumentState) {
  return readDocumentText(JSON.stringify(toDocument(state)));
}

describe('console documents', () => {
  it('round-trips a fixed scenario with its cursor', async () => {
    const tenant = replay(jane.genesis, jane.events).tenant;
    const off = changeStatus(tenant, 'account_deactivated', accountNamed(tenant, 'Jane Tino').id);
    const state = { ...jane, events: [...jane.events, off], cursor: jane.events.length };
    const read = await roundTrip(state);
    expect(read).toEqual({ ok: true, state: { ...state } });
  });

  it('round-trips any log the reducer accepts, at any cursor (property)', async () => {
    await assertProperty(
      fc.asyncProperty(scenarioRunArb, fc.nat(), async ({ start, intents }, at) => {
        const run = runIntents(start, intents);
        const state: DocumentState = {
          scenarioId: 'custom',
          scenarioParams: {},
          genesis: start.genesis,
          events: run.log,
          cursor: at % (run.log.length + 1),
        };
        const read = await roundTrip(state);
        expect(read).toEqual({ ok: true, state });
      }),
      300,
    );
  });

  it('writes a generated scenario by reference and reads it back by generating it again', async () => {
    const params = { people: 30, keysPerPerson: 2 };
    const scenario = generateLargeScenario(params);
    const tenant = replay(scenario.genesis, scenario.events).tenant;
    const active = [...tenant.accounts.values()].find((a) => a.status === 'active');
    if (active === undefined) throw new Error('no active account');
    const extra = changeStatus(tenant, 'account_deactivated', active.id);
    const state: DocumentState = {
      scenarioId: 'large',
      scenarioParams: params,
      genesis: scenario.genesis,
      events: [...scenario.events, extra],
      cursor: scenario.events.length + 1,
    };
    const document = toDocument(state, scenario.events);
    expect(document.base).toMatchObject({ kind: 'generated', events: scenario.events.length });
    expect(document.events).toEqual([extra]);
    const read = await readDocumentText(JSON.stringify(document));
    expect(read).toEqual({ ok: true, state });

    const tampered = { ...document, base: { ...document.base, fingerprint: 'x' } };
    const refused = await readDocument(JSON.parse(JSON.stringify(tampered)));
    expect(refused).toMatchObject({ ok: false, problems: [{ field: 'base.fingerprint' }] });
  });

  it('names the field and the reason of every refusal', async () => {
    const good = JSON.parse(JSON.stringify(toDocument(jane))) as Record<string, unknown>;
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['not an object', [], '(document)', /JSON object/],
      ['another format', { ...good, format: 'other' }, 'format', /not a console document/],
      ['a newer version', { ...good, version: 2 }, 'version', /newer version/],
      ['no version', { ...good, version: undefined }, 'version', /whole number/],
      ['a cursor past the log', { ...good, cursor: 10_000 }, 'cursor', /log has/],
      ['a negative cursor', { ...good, cursor: -1 }, 'cursor', /.+/],
      [
        'a team without a name',
        {
          ...good,
          base: { kind: 'genesis', genesis: { ...jane.genesis, teams: [{ id: 't' }] } },
        },
        'base.genesis.teams[0].name',
        /.+/,
      ],
      [
        'an event the reducer refuses',
        { ...good, events: [...jane.events, { type: 'account_deleted', at: 0 }] },
        `events[${jane.events.length}]`,
        /at must not go back in time|actor/,
      ],
      ['an unknown field', { ...good, extra: 1 }, '(document)', /.+/],
    ];
    for (const [label, value, field, reason] of cases) {
      const read = await readDocument(value);
      expect(read.ok, label).toBe(false);
      if (read.ok) continue;
      expect(read.problems[0]?.field, label).toBe(field);
      expect(read.problems[0]?.reason, label).toMatch(reason);
    }
  });

  it('refuses a direction control in the genesis’ names, naming the field and the character', async () => {
    const good = JSON.parse(JSON.stringify(toDocument(jane))) as Record<string, unknown>;
    const withGenesis = (changes: Record<string, unknown>) => ({
      ...good,
      base: { kind: 'genesis', genesis: { ...jane.genesis, ...changes } },
    });
    const rlo =
      'contains the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE); names may not reorder the text around them.';
    const cases: Array<[unknown, string, string]> = [
      [withGenesis({ name: 'Tino \u202eproC' }), 'base.genesis.name', rlo],
      [withGenesis({ domain: '\u202emoc.senit.1234-proc-onit' }), 'base.genesis.domain', rlo],
      [
        withGenesis({ teams: [{ id: 'team_automation', name: 'Team \u2067Automation' }] }),
        'base.genesis.teams[0].name',
        'contains the invisible direction control U+2067 (RIGHT-TO-LEFT ISOLATE); names may not reorder the text around them.',
      ],
    ];
    for (const [value, field, reason] of cases) {
      expect(await readDocument(value)).toEqual({ ok: false, problems: [{ field, reason }] });
    }
    // Right-to-left letters are names like any other.
    const hebrew = await readDocument(withGenesis({ name: 'טינו קורפ' }));
    expect(hebrew.ok).toBe(true);
  });

  it('refuses text that is not JSON or is too large, before parsing it', async () => {
    expect(await readDocumentText('{"format": ')).toMatchObject({
      ok: false,
      problems: [{ field: '(document)', reason: expect.stringMatching(/not valid JSON/) }],
    });
    const huge = ' '.repeat(LIMITS.maxBytes + 1);
    expect(await readDocumentText(huge)).toMatchObject({
      ok: false,
      problems: [{ reason: expect.stringMatching(/the limit is/) }],
    });
  });

  it('migrates older versions one step at a time, and refuses a version with no migration', () => {
    const doc = { format: DOCUMENT_FORMAT, version: 1, marker: true };
    expect(migrate(doc)).toEqual({ ok: true, document: doc });
    // A hypothetical version 0, to exercise the path: 0 -> 1.
    const steps = { 0: (d: Record<string, unknown>) => ({ ...d, version: 1, upgraded: true }) };
    expect(migrate({ ...doc, version: 0 }, steps)).toMatchObject({
      ok: false,
      problem: { field: 'version' },
    });
  });
});

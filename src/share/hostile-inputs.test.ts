// @vitest-environment node
/**
 * A corpus of hostile files and links. Each one is refused with a message naming the field and
 * the reason, and the console keeps exactly the state it had (the same log object, the same
 * cursor). Names holding HTML are accepted as plain text: React renders them as text (the e2e
 * spec checks the page), so refusing them would only get in the way.
 */
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { answer } from '../api/simulated-api';
import { changeStatus } from '../core/commands';
import { type ConsoleDocument, LIMITS, toDocument } from '../core/document/document';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { accountNamed, keyNamed } from '../core/testing/named';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { answerEveryQuestion } from '../test/answer-questions';
import { createCoreClient } from '../worker/core-client';
import { fakeCoreWorker } from '../worker/testing/fake-core-worker';
import { encodeDocument } from './link-codec';
import { importStateFile, openLinkPayload } from './open-state';
import { readStateFile } from './state-document';

type Json = Record<string, unknown>;

const jane = {
  scenarioId: 'jane-tino',
  scenarioParams: {},
  genesis: janeTinoScenario.genesis,
  events: janeTinoScenario.events,
  cursor: janeTinoScenario.events.length,
};
const good = JSON.parse(JSON.stringify(toDocument(jane))) as Json & {
  base: { kind: 'genesis'; genesis: Json };
  events: Json[];
};
const genesis = good.base.genesis;
const [firstEvent = {}] = good.events;

const withDoc = (changes: Json): string => JSON.stringify({ ...good, ...changes });
const withGenesis = (changes: Json): string =>
  withDoc({ base: { kind: 'genesis', genesis: { ...genesis, ...changes } } });
const withFirstEvent = (changes: Json): string =>
  withDoc({ events: [{ ...firstEvent, ...changes }, ...good.events.slice(1)] });
const nestedArrays = (depth: number, inner = ''): string =>
  `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

/** A link payload holding these bytes, deflated (what `encodeDocument` does to JSON). */
const deflated = (bytes: string | Uint8Array): string =>
  deflateRawSync(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString(
    'base64url',
  );

type Case = readonly [
  label: string,
  input: () => string | Uint8Array,
  field: string,
  reason: RegExp,
];

/** Files: the bytes of a file someone imports. */
const FILES: readonly Case[] = [
  // Malformed JSON
  ['an empty file', () => '', '(document)', /not valid JSON/],
  ['JSON cut short', () => '{"format": ', '(document)', /not valid JSON/],
  ['single quotes', () => "{'format': 'key-lifecycle-console'}", '(document)', /not valid JSON/],
  ['a trailing comma', () => `${withDoc({}).slice(0, -1)},}`, '(document)', /not valid JSON/],
  ['NaN', () => 'NaN', '(document)', /not valid JSON/],
  // Wrong types
  ['null', () => 'null', '(document)', /JSON object/],
  ['an array', () => '[]', '(document)', /JSON object/],
  ['a string', () => '"key-lifecycle-console"', '(document)', /JSON object/],
  [
    'a cursor as text',
    () => withDoc({ cursor: '5' }),
    'cursor',
    /expected number, received string/,
  ],
  ['events as an object', () => withDoc({ events: {} }), 'events', /expected array/],
  ['no scenario', () => withDoc({ scenario: null }), 'scenario', /expected object/],
  ['a number as format', () => withDoc({ format: 1 }), 'format', /not a console document/],
  [
    'a start time as text',
    () => withGenesis({ startsAt: 'soon' }),
    'base.genesis.startsAt',
    /expected number/,
  ],
  ['a number as an event', () => withDoc({ events: [42] }), 'events[0]', /must be an object/],
  [
    'a time as text in an event',
    () => withFirstEvent({ at: 'now' }),
    'events[0]',
    /at must be a finite number/,
  ],
  [
    'an unknown event type',
    () => withFirstEvent({ type: 'grant_root' }),
    'events[0]',
    /Unknown event type/,
  ],
  // Unknown versions
  ['a newer version', () => withDoc({ version: 2 }), 'version', /newer version/],
  ['version 0', () => withDoc({ version: 0 }), 'version', /whole number/],
  ['version 1.5', () => withDoc({ version: 1.5 }), 'version', /whole number/],
  ['version "1"', () => withDoc({ version: '1' }), 'version', /whole number/],
  // Too many, too long
  [
    'more events than the limit',
    () => withDoc({ events: new Array(LIMITS.maxEvents + 1).fill(0) }),
    'events',
    /Too big: expected array to have <=200000 items/,
  ],
  [
    'more teams than the limit',
    () =>
      withGenesis({
        teams: Array.from({ length: LIMITS.maxTeams + 1 }, (_, i) => ({ id: `t${i}`, name: 'T' })),
      }),
    'base.genesis.teams',
    /Too big/,
  ],
  [
    'a name over 200 characters',
    () => withGenesis({ name: 'x'.repeat(201) }),
    'base.genesis.name',
    /Too big: expected string to have <=200 characters/,
  ],
  // Deeply nested
  [
    '100,000 nested arrays',
    () => nestedArrays(100_000),
    '(document)',
    /JSON object|not valid JSON/,
  ],
  [
    '100,000 nested arrays as an event',
    () => withDoc({ events: [] }).replace('"events":[]', `"events":[${nestedArrays(100_000)}]`),
    'events[0]',
    /must be an object/,
  ],
  [
    '100,000 nested objects',
    () => `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`,
    'format',
    /not a console document/,
  ],
  // Prototype keys
  [
    'a __proto__ key in the document',
    () => `{"__proto__":{"polluted":true},${withDoc({}).slice(1)}`,
    '(document)',
    /Unrecognized key: "__proto__"/,
  ],
  [
    'a __proto__ key in an event',
    () =>
      withDoc({}).replace(
        '"type":"account_invited"',
        '"__proto__":{"polluted":true},"type":"account_invited"',
      ),
    'events[0]',
    /__proto__/,
  ],
  [
    'a constructor key in an event',
    () => withFirstEvent({ constructor: { polluted: true } }),
    'events[0]',
    /constructor/,
  ],
  [
    'a constructor key in the genesis',
    () => withGenesis({ constructor: 'x' }),
    'base.genesis',
    /Unrecognized key: "constructor"/,
  ],
  // Script and HTML where they do not belong
  [
    'script as an email',
    () => withFirstEvent({ email: '"><script>alert(1)</script>' }),
    'events[0]',
    /not an email address/,
  ],
  [
    'script as a scenario parameter',
    () => withDoc({ scenario: { id: 'jane-tino', params: { people: '<script>' } } }),
    'scenario.params.people',
    /expected number/,
  ],
  // Invisible direction controls, which would reverse the header's text around the name
  [
    'a tenant name holding U+202E RIGHT-TO-LEFT OVERRIDE',
    () => withGenesis({ name: 'Tino \u202eproC' }),
    'base.genesis.name',
    /^contains the invisible direction control U\+202E \(RIGHT-TO-LEFT OVERRIDE\); names may not reorder the text around them\.$/,
  ],
  [
    'a person’s name holding U+2066 LEFT-TO-RIGHT ISOLATE',
    () => withFirstEvent({ name: 'Jane \u2066Tino' }),
    'events[0]',
    /^name: contains the invisible direction control U\+2066; names may not reorder the text/,
  ],
  // Invalid UTF-8
  [
    'bytes that are not UTF-8',
    () => new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
    '(file)',
    /not UTF-8/,
  ],
  [
    'a broken UTF-8 sequence inside a name',
    () => new Uint8Array([...Buffer.from('{"format":"'), 0xc3, 0x28, ...Buffer.from('"}')]),
    '(file)',
    /not UTF-8/,
  ],
];

/** Links: the payload after `#state=`. */
const LINKS: readonly Case[] = [
  // Base64 garbage
  ['an empty payload', () => '', '(link)', /not valid base64url/],
  ['characters outside base64url', () => 'not base64!', '(link)', /not valid base64url/],
  ['percent signs', () => '%%%%', '(link)', /not valid base64url/],
  ['padding only', () => '====', '(link)', /not valid base64url/],
  ['a single character', () => 'A', '(link)', /not valid base64url|decompress/],
  [
    'base64 of text, not deflate',
    () => Buffer.from('foobar').toString('base64url'),
    '(link)',
    /decompress/,
  ],
  // Truncated and tampered
  ['half a link', () => 'HALF', '(link)', /cut/],
  ['a link missing its last characters', () => 'END', '(link)', /cut/],
  ['deflate of text that is not JSON', () => deflated('hello'), '(document)', /not valid JSON/],
  ['deflate of an empty object', () => deflated('{}'), 'format', /not a console document/],
  ['a cursor past the log', () => deflated(withDoc({ cursor: 10_000 })), 'cursor', /log has/],
  [
    'an event changed by hand',
    () => deflated(withFirstEvent({ type: 'account_deleted' })),
    'events[0]',
    /no field "email"/,
  ],
  // Invalid UTF-8 inside the deflate
  [
    'bytes that inflate to invalid UTF-8',
    () => deflated(new Uint8Array([0xc3, 0x28])),
    '(link)',
    /not valid UTF-8/,
  ],
  [
    'a lone surrogate half in UTF-8',
    () => deflated(new Uint8Array([0xed, 0xa0, 0x80])),
    '(link)',
    /not valid UTF-8/,
  ],
  // Zip bombs
  [
    '30 MB of one letter (a zip bomb)',
    () => deflated('a'.repeat(30_000_000)),
    '(link)',
    /expands past/,
  ],
  [
    'a document padded to 21 MB',
    () => deflated(`${withDoc({}).slice(0, -1)},"pad":"${' '.repeat(21_000_000)}"}`),
    '(link)',
    /expands past/,
  ],
];

let goodPayload = '';

async function link(input: string): Promise<string> {
  if (input === 'HALF') return goodPayload.slice(0, Math.floor(goodPayload.length / 2));
  if (input === 'END') return goodPayload.slice(0, -3);
  return input;
}

function toFile(content: string | Uint8Array): File {
  return new File([content as BlobPart], 'hostile.klc.json', { type: 'application/json' });
}

/** Run `open` and check it was refused and changed nothing. */
async function expectRefused(
  open: () => Promise<{ ok: boolean; problems?: readonly { field: string; reason: string }[] }>,
  field: string,
  reason: RegExp,
) {
  const before = useTenantStore.getState();
  const result = await open();
  const after = useTenantStore.getState();
  expect(result.ok).toBe(false);
  expect(result.problems?.[0]?.field).toBe(field);
  expect(result.problems?.[0]?.reason).toMatch(reason);
  for (const problem of result.problems ?? []) expect(problem.reason.length).toBeGreaterThan(5);
  expect(after.events).toBe(before.events);
  expect(after.cursor).toBe(before.cursor);
  expect(after.genesis).toBe(before.genesis);
  expect(after.scenarioId).toBe(before.scenarioId);
  // Nothing reached Object.prototype.
  expect(({} as Json)['polluted']).toBeUndefined();
}

describe('hostile inputs', () => {
  beforeAll(async () => {
    goodPayload = await encodeDocument(good as unknown as ConsoleDocument);
    // A state that is not the default: a refused input must leave it as it is. Opening over
    // its change asks first (app/ask-store); here the answer is always yes.
    answerEveryQuestion(true);
    const store = useTenantStore.getState();
    await store.loadScenario('jane-tino');
    store.dispatch((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Jane Tino').id));
    expect(useTenantStore.getState().events).toHaveLength(janeTinoScenario.events.length + 1);
  });

  it('has at least 30 of them', () => {
    expect(FILES.length + LINKS.length + 1).toBeGreaterThanOrEqual(30);
  });

  it.each(FILES)('refuses a file with %s', async (_label, input, field, reason) => {
    await expectRefused(() => importStateFile(toFile(input())), field, reason);
  });

  it.each(FILES)('refuses a file with %s in the core worker as on the page', async (_l, input) => {
    const file = toFile(input());
    const client = createCoreClient({ createWorker: () => fakeCoreWorker({ auto: true }).worker });
    const outcome = await client.run({ type: 'read-file', file }).done;
    const page = await readStateFile(file);
    expect(page.ok).toBe(false);
    expect(outcome).toEqual({ kind: 'unreadable', problems: page.ok ? [] : page.problems });
  });

  it('refuses a file over the size limit from its size, without reading it', async () => {
    const read = vi.fn();
    const huge = { size: LIMITS.maxBytes + 1, arrayBuffer: read, text: read } as unknown as Blob;
    await expectRefused(
      () => importStateFile(huge),
      '(file)',
      /20,000,001 bytes; the limit is 20,000,000/,
    );
    expect(read).not.toHaveBeenCalled();
  });

  it.each(LINKS)('refuses a link with %s', async (_label, input, field, reason) => {
    await expectRefused(async () => openLinkPayload(await link(input() as string)), field, reason);
  });

  it('opens the untouched link and file, so the refusals above are about the changes', async () => {
    const before = useTenantStore.getState().events;
    expect(await openLinkPayload(goodPayload)).toMatchObject({ ok: true });
    expect(useTenantStore.getState().events).not.toBe(before);
    expect(await importStateFile(toFile(withDoc({})))).toMatchObject({ ok: true });
    // Leave the corpus's starting state for any test after this one.
    useTenantStore
      .getState()
      .dispatch((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Jane Tino').id));
  });

  it('refuses a story named with U+202E through the simulated API, and logs nothing', async () => {
    const before = useTenantStore.getState();
    const owner = keyNamed(selectTenant(before), 'Jane tenant owner');
    const response = await answer(
      new Request('http://console.test/api/v1/stories', {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          team_id: 'team_automation',
          name: 'Quarterly \u202eLIAME_EKAF report',
        }),
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        status: 400,
        message:
          'name: contains the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE); names may not reorder the text around them.',
      },
    });
    const after = useTenantStore.getState();
    expect(after.events).toBe(before.events);
    expect(after.cursor).toBe(before.cursor);
    expect(after.notice).toBe(before.notice);
    expect(selectTenant(after).stories.size).toBe(selectTenant(before).stories.size);
  });

  it.each([
    ['the tenant name', () => withGenesis({ name: '<img src=x onerror=alert(1)>' })],
    ['a person’s name', () => withFirstEvent({ name: '<script>alert(1)</script>' })],
  ])('keeps HTML in %s as plain text', async (_label, input) => {
    const result = await importStateFile(toFile(input()));
    expect(result.ok).toBe(true);
    const tenant = selectTenant(useTenantStore.getState());
    const texts = [tenant.name, ...[...tenant.accounts.values()].map((a) => a.name)];
    expect(
      texts.some(
        (text) => text === '<img src=x onerror=alert(1)>' || text === '<script>alert(1)</script>',
      ),
    ).toBe(true);
  });
});

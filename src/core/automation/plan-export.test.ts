// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, replay } from '../apply';
import { addAction, createCredential, createKey, createStory, inviteAccount } from '../commands';
import { lineText } from '../describe';
import type { TenantEvent } from '../events';
import { markdownText } from '../matrix-export';
import { credentialSlug } from '../model';
import { janeTinoScenario } from '../scenarios/jane-tino';
import { automationBuilder } from '../testing/automation-arbitraries';
import { accountNamed } from '../testing/named';
import { adviseFixes, applyFixes, type Fix } from './advisor';
import { impactOf, type LifecycleChange } from './impact';
import {
  exportPlan,
  planChain,
  planDocument,
  planFileName,
  planFixes,
  planToCsv,
  planToMarkdown,
} from './plan-export';

function janeTino() {
  const { genesis, events } = janeTinoScenario;
  return { tenant: replay(genesis, events).tenant, events };
}

function janePlan(change: LifecycleChange) {
  const { tenant, events } = janeTino();
  const jane = accountNamed(tenant, 'Jane Tino').id;
  const impact = impactOf(tenant, events, [jane], change);
  const fixes = adviseFixes(tenant, events, impact);
  return { tenant, events, jane, impact, fixes, plan: planDocument(tenant, impact, fixes) };
}

describe('planChain', () => {
  it('deactivating Jane in jane-tino: her personal key, its credential, its three actions, their two stories', () => {
    const { plan } = janePlan('deactivate');
    expect(plan.people).toEqual([
      expect.objectContaining({ name: 'Jane Tino', outcome: 'Will be deactivated' }),
    ]);
    expect(
      plan.keys.map(({ name, scope, creator, result }) => [name, scope, creator, result]),
    ).toEqual([
      [
        'Jane personal',
        'Personal',
        'Jane Tino <jane.tino@tinocorp.example>',
        '401 OWNER_DEACTIVATED',
      ],
    ]);
    expect(
      plan.credentials.map(({ name, where, holds, result, actions, stories }) => [
        name,
        where,
        holds,
        result,
        actions,
        stories,
      ]),
    ).toEqual([
      [
        'Jane personal API key',
        'Team Automation',
        'Jane personal · Personal · Jane Tino',
        'Its key answers 401 OWNER_DEACTIVATED',
        3,
        2,
      ],
    ]);
    expect(
      plan.actions.map(({ story, action, where, credential, result }) => [
        `${story} › ${action}`,
        where,
        credential,
        result,
      ]),
    ).toEqual([
      [
        'SecOps user watch › Check users',
        'Team SecOps',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
      [
        'User sync › Fetch users',
        'Team Automation',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
      [
        'User sync › Fetch Team Automation members',
        'Team Automation',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
    ]);
    expect(plan.stories.map(({ name, result }) => [name, result])).toEqual([
      ['SecOps user watch', '1 of 1 action fails'],
      ['User sync', '2 of 2 actions fail'],
    ]);
    expect(
      plan.perTeam.map(({ name, credentials, actions, stories }) => [
        name,
        credentials,
        actions,
        stories,
      ]),
    ).toEqual([
      ['Team Automation', 1, 2, 1],
      ['Team SecOps', 0, 1, 1],
    ]);
    expect(lineText(plan.summary)).toBe(
      'Deactivating Jane Tino: 1 key answers 401, 1 credential breaks, 3 actions fail, 2 stories are affected.',
    );
    expect(plan.clear).toBe(false);
  });

  it('deleting Jane adds her drafts credential and the SecOps story that used it', () => {
    const { plan } = janePlan('delete');
    expect(plan.keys.map((key) => key.result)).toEqual(['401 OWNER_DELETED']);
    expect(plan.credentials.map(({ name, where, result }) => [name, where, result])).toEqual([
      ['Jane personal API key', 'Team Automation', 'Its key answers 401 OWNER_DELETED'],
      ['Jane drafts audit key', "Jane Tino's drafts", 'Deleted with its owner’s drafts'],
    ]);
    expect(plan.actions.at(-1)).toMatchObject({
      story: 'SecOps audit digest',
      action: 'Pull audit logs',
      credential: 'Jane drafts audit key',
      result: 'Credential no longer resolves: Deleted with its owner’s drafts',
    });
    expect(plan.stories.map((story) => story.name)).toEqual([
      'SecOps user watch',
      'User sync',
      'SecOps audit digest',
    ]);
    expect(
      plan.perTeam.map(({ name, credentials, actions, stories }) => [
        name,
        credentials,
        actions,
        stories,
      ]),
    ).toEqual([
      ['Team Automation', 1, 2, 1],
      ['Team SecOps', 0, 2, 2],
      ['Drafts', 1, 0, 0],
    ]);
  });

  it('says nothing breaks once every fix is applied, and still lists what goes unused', () => {
    const { tenant, events, jane, fixes } = janePlan('delete');
    const fixed = applyFixes(tenant, events, fixes);
    const again = planChain(fixed.tenant, impactOf(fixed.tenant, fixed.events, [jane], 'delete'));
    expect(again.clear).toBe(true);
    expect(again.actions).toEqual([]);
    expect(lineText(again.summary)).toBe(
      'Nothing breaks: no action fails after deleting Jane Tino (1 key answers 401 and 1 credential goes, but nothing uses them).',
    );
  });

  it('names people the change cannot reach, and says when there is nothing to do', () => {
    const { tenant, events, jane } = janePlan('delete');
    const deleted = impactOf(tenant, events, [jane], 'delete');
    const after = deleted.after;
    const refused = planChain(
      after,
      impactOf(after, [...events, ...deleted.events], [jane], 'deactivate'),
    );
    expect(refused.refused).toEqual([
      expect.objectContaining({ name: 'Jane Tino', reason: expect.any(String) }),
    ]);
    expect(refused.people[0]?.outcome).toMatch(/^Refused: /);
    expect(refused.nothingToDo).toBe(true);
    const already = planChain(after, impactOf(after, events, [jane], 'delete'));
    expect(already.people[0]?.outcome).toBe('Already deleted');
    expect(lineText(already.summary)).toBe('Nothing to do: everyone picked is already deleted.');
  });
});

describe('planFixes', () => {
  it('describes each fix: the key, where it goes and who may make it', () => {
    const { plan } = janePlan('delete');
    expect(
      plan.fixes.map(({ credential, key, keyName, placement, creator, applyLabel }) => ({
        credential,
        key,
        keyName,
        placement,
        creator,
        applyLabel,
      })),
    ).toEqual([
      {
        credential: 'Jane personal API key',
        key: 'Tenant owner key',
        keyName: 'Jane personal API key (tenant owner key)',
        placement: 'Rotate it to the new key (same name, same place)',
        creator: 'Alex Morgan <alex.morgan@tinocorp.example>',
        applyLabel: 'Apply fix for Jane personal API key',
      },
      {
        credential: 'Jane drafts audit key',
        key: 'Service key: AUDIT_LOG_READ',
        keyName: 'Jane drafts audit key (service key)',
        placement: 'Re-create it in Team SecOps, its team only',
        creator: 'Alex Morgan <alex.morgan@tinocorp.example>',
        applyLabel: 'Apply fix for Jane drafts audit key',
      },
    ]);
    expect(plan.fixes[0]?.needs).toContain('User sync › Fetch users: a tenant owner key');
    expect(plan.fixes[0]?.needs).toContain(
      'User sync › Fetch Team Automation members: Viewer on Team Automation',
    );
  });

  it('gives every Apply button a name of its own when two credentials share a name', () => {
    const { tenant, fixes } = janePlan('delete');
    const first = fixes[0] as Fix;
    const twin: Fix = { ...first, credentialId: fixes[1]?.credentialId as string };
    // A third of the same name in the same team: only its id tells it apart.
    const sameTeam = [...tenant.credentials.values()].find((c) => c.name === 'Jane team API key');
    const triplet: Fix = { ...first, credentialId: sameTeam?.id as string };
    const labels = planFixes(tenant, [first, twin, triplet]).map((row) => row.applyLabel);
    expect(new Set(labels).size).toBe(3);
    expect(labels[1]).toBe("Apply fix for Jane personal API key (Jane Tino's drafts)");
    expect(labels[0]).toMatch(/^Apply fix for Jane personal API key \(Team Automation\) \[cred_/);
  });

  it('says why no active account may make a fix', () => {
    const { tenant, fixes } = janePlan('deactivate');
    const refused: Fix = { ...(fixes[0] as Fix), creator: null, refusal: 'Only owners may.' };
    const [row] = planFixes(tenant, [refused]);
    expect(row?.creator).toBeNull();
    expect(row?.refusal).toBe('No active account may create it: Only owners may.');
  });
});

/** jane-tino plus a person, a credential, a story and an action whose names attack the files. */
function hostileNames() {
  const { tenant, events } = janeTino();
  const b = automationBuilder(tenant, events);
  const mallory = b.record((t) =>
    inviteAccount(t, {
      email: 'mallory@tinocorp.example',
      name: "=cmd|' /C calc'!A0",
      tenantRole: 'user',
      permissions: [],
      teamRoles: { team_automation: 'editor' },
    }),
  );
  const accountId = 'accountId' in mallory ? mallory.accountId : '';
  const key = b.record((t) =>
    createKey(t, { name: '+SUM(1,2) | key', scope: 'personal', createdBy: accountId }),
  );
  const keyId = 'keyId' in key ? key.keyId : '';
  const credentialName = '@evil "quoted" | piped\nsecond line';
  b.credential({ teamId: 'team_automation' }, credentialName, { kind: 'key', keyId });
  const story = b.story({ teamId: 'team_automation' }, '-1+1 <script>alert(1)</script>');
  b.action(story, {
    name: 'List [link](https://x.example) *bold*',
    method: 'GET',
    path: '/api/v1/teams/team_automation/members',
    credential: credentialSlug(credentialName),
  });
  const impact = impactOf(b.tenant(), b.events(), [accountId], 'deactivate');
  const fixes = adviseFixes(b.tenant(), b.events(), impact);
  return planDocument(b.tenant(), impact, fixes);
}

describe('plan exports', () => {
  it('CSV: every name guarded against formulas and quoted where it holds a comma, quote or line break', () => {
    const plan = hostileNames();
    const csv = planToCsv(plan);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Level,Name,Team or drafts,Detail,Result,Proposed fix,Who can make it');
    expect(lines[1]).toBe(
      "Person,'=cmd|' /C calc'!A0,,mallory@tinocorp.example,Will be deactivated,,",
    );
    expect(csv).toContain('Key,"\'+SUM(1,2) | key",,');
    expect(csv).toContain('Credential,"\'@evil ""quoted"" | piped\nsecond line",Team Automation,');
    expect(csv).toContain(
      "Story,'-1+1 <script>alert(1)</script>,Team Automation,,1 of 1 action fails,,",
    );
    // No field starts a formula: every record's fields either start safely or with the apostrophe.
    for (const field of csv.split(/,|\r\n/)) expect(field).not.toMatch(/^"?[=+\-@]/);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('Markdown: pipes, markup and HTML escaped, line breaks kept out of the rows', () => {
    const markdown = planToMarkdown(hostileNames());
    expect(markdown).toContain('@evil "quoted" \\| piped second line');
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdown).toContain('\\[link\\](https://x.example) \\*bold\\*');
    expect(markdown).not.toContain('<script>');
    // Every table row has as many cells as its header: no pipe or line break leaked.
    for (const block of markdown.split('\n\n')) {
      const rows = block.split('\n').filter((line) => line.startsWith('| '));
      const cells = rows.map((row) => row.split(/(?<!\\)\|/).length);
      expect(new Set(cells).size).toBeLessThanOrEqual(1);
    }
  });

  it('the same plan gives the same bytes under the same file names', () => {
    const one = janePlan('delete').plan;
    const two = janePlan('delete').plan;
    expect(exportPlan('csv', one)).toEqual(exportPlan('csv', two));
    expect(exportPlan('markdown', one)).toEqual(exportPlan('markdown', two));
    expect(planFileName(one, 'csv')).toBe('tino-corp-1234.tines.com-offboarding-delete-plan.csv');
    expect(planFileName(one, 'markdown')).toBe(
      'tino-corp-1234.tines.com-offboarding-delete-plan.md',
    );
    expect(exportPlan('markdown', one).mimeType).toBe('text/markdown;charset=utf-8');
    expect(
      planFileName({ tenant: { name: 'x', domain: '../a b/c' }, change: 'deactivate' }, 'csv'),
    ).toBe('a-b-c-offboarding-deactivate-plan.csv');
  });

  it('Markdown lists the chain level by level, with each credential’s fix', () => {
    const markdown = planToMarkdown(janePlan('delete').plan);
    expect(markdown).toContain(
      '# Offboarding plan: Delete 1 person in Tino Corp (tino-corp-1234.tines.com)',
    );
    expect(markdown).toContain('## Keys that answer 401 (1)');
    expect(markdown).toContain(
      '| Jane personal API key | Team Automation | Jane personal · Personal · Jane Tino | Its key answers 401 OWNER\\_DELETED | 3 | Tenant owner key named "Jane personal API key (tenant owner key)"; Rotate it to the new key (same name, same place) | Alex Morgan &lt;alex.morgan@tinocorp.example&gt; |',
    );
    expect(markdown).toContain(
      '| SecOps audit digest › Pull audit logs | Team SecOps | Jane drafts audit key | Credential no longer resolves: Deleted with its owner’s drafts |',
    );
    expect(markdown).toContain('| Drafts | 1 | 0 | 0 |');
  });
});

// --- Hostile names in every place a plan writes one (issue 13) --------------------------------

/**
 * Names that attack a spreadsheet or a Markdown table. Each becomes the tenant's name, Team
 * Automation's name, Sam Patel's name (its team admin: who can make the fix), and the name of a
 * new person, her personal key, a credential holding it, a story and its action. Genesis names
 * (the tenant, the team) are kept as written; the others are trimmed by the reducer.
 */
const HOSTILE_NAMES: readonly (readonly [label: string, name: string])[] = [
  ['a DDE formula', "=cmd|' /C calc'!A0"],
  ['a plus sign', '+1'],
  ['a minus sign', '-1'],
  ['an at sign', '@SUM(1)'],
  ['a leading tab and a formula', '\t=1+1'],
  ['a leading carriage return and a formula', '\r=1+1'],
  ['a tab inside', 'Ops\t=1+1'],
  ['CR LF inside', 'Ops\r\n=1+1'],
  ['a line feed inside', 'line one\n| two |'],
  ['a carriage return alone inside', 'cr\ronly'],
  ['pipes and backticks', 'pipe | and `code` here'],
  [
    'Markdown emphasis, a link and strike-through',
    '*bold* _em_ [link](https://evil.example) ~~x~~',
  ],
  ['a backslash before a pipe', 'escaped \\| pipe \\'],
  ['HTML', '<img src=x onerror=alert(1)>'],
  ['HTML that closes a cell', '</td><script>alert(1)</script>'],
  ['quotes and commas', '"quoted", with, commas'],
  ['an entity written out', '&lt;b&gt; &amp; co'],
];

/** The plan of deactivating the new person, in a tenant where every name above is `name`. */
function hostilePlan(name: string) {
  const { genesis, events } = janeTinoScenario;
  const teams = genesis.teams.map((team) =>
    team.id === 'team_automation' ? { ...team, name } : team,
  );
  const renamed = events.map((event) =>
    event.type === 'account_invited' && event.name === 'Sam Patel' ? { ...event, name } : event,
  );
  const start = replay({ ...genesis, name, teams }, renamed);
  expect(start.refused).toEqual([]);
  const b = automationBuilder(start.tenant, renamed);
  const invited = b.record((t) =>
    inviteAccount(t, {
      email: '=HYPERLINK("https://evil.example")@tinocorp.example',
      name,
      tenantRole: 'user',
      permissions: [],
      teamRoles: { team_automation: 'editor' },
    }),
  );
  const accountId = 'accountId' in invited ? invited.accountId : '';
  const key = b.record((t) => createKey(t, { name, scope: 'personal', createdBy: accountId }));
  const keyId = 'keyId' in key ? key.keyId : '';
  b.credential({ teamId: 'team_automation' }, name, { kind: 'key', keyId });
  const story = b.story({ teamId: 'team_automation' }, name);
  b.action(story, {
    name,
    method: 'GET',
    path: '/api/v1/teams/team_automation/members',
    credential: credentialSlug(name),
  });
  const impact = impactOf(b.tenant(), b.events(), [accountId], 'deactivate');
  return planDocument(b.tenant(), impact, adviseFixes(b.tenant(), b.events(), impact));
}

/** RFC 4180, strictly: a quote only opens a field, a line break only ends a record (CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      // A quoted field: up to the quote that is not doubled, then a comma or CRLF.
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('a quoted field is not closed');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          field += text[i];
          i++;
        }
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`a bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** A field as a spreadsheet must get it: with an apostrophe when it would start a formula. */
const guarded = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** A Markdown cell read back: escapes and entities undone. */
const unescaped = (cell: string) =>
  cell
    .replace(/\\([\\|`*_[\]~])/g, '$1')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The cells of a Markdown table row, split on the pipes that are not escaped. */
const cellsOf = (row: string) =>
  row
    .slice(2, -2)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

describe('plan exports with hostile names', () => {
  it.each(HOSTILE_NAMES)('CSV: %s stays one guarded, correctly quoted field', (_label, name) => {
    const plan = hostilePlan(name);
    const trimmed = name.trim();
    const records = parseCsv(planToCsv(plan));
    // One record per row of the plan, each of 7 fields.
    expect(records.length).toBe(
      1 +
        plan.people.length +
        plan.keys.length +
        plan.credentials.length +
        plan.actions.length +
        plan.stories.length +
        plan.perTeam.length,
    );
    for (const record of records) expect(record).toHaveLength(7);
    // No field a spreadsheet would run: an apostrophe goes before any that would.
    for (const field of records.flat()) {
      expect(field).not.toMatch(/^[=+\-@\t\r]/);
      if (field.startsWith("'")) expect(field.slice(1)).toMatch(/^[=+\-@\t\r]/);
    }
    const byLevel = (level: string) => records.filter((record) => record[0] === level);
    expect(byLevel('Person')).toEqual([
      [
        'Person',
        guarded(trimmed),
        '',
        '=hyperlink("https://evil.example")@tinocorp.example'.replace(/^=/, "'="),
        'Will be deactivated',
        '',
        '',
      ],
    ]);
    expect(byLevel('Key').map((record) => record[1])).toEqual([guarded(trimmed)]);
    expect(byLevel('Credential').map((record) => record.slice(1, 3))).toEqual([
      [guarded(trimmed), guarded(name)],
    ]);
    // Who can make the fix: a team admin of Team Automation, Sam Patel, renamed.
    expect(byLevel('Credential')[0]?.[6]).toBe(guarded(`${trimmed} <sam.patel@tinocorp.example>`));
    expect(byLevel('Action').map((record) => record.slice(1, 4))).toEqual([
      [guarded(`${trimmed} › ${trimmed}`), guarded(name), guarded(`Uses ${trimmed}`)],
    ]);
    expect(byLevel('Story').map((record) => record.slice(1, 3))).toEqual([
      [guarded(trimmed), guarded(name)],
    ]);
    expect(byLevel('Team').map((record) => record[1])).toContain(guarded(name));
  });

  it.each(HOSTILE_NAMES)('Markdown: %s stays text in its own cell', (_label, name) => {
    const plan = hostilePlan(name);
    const oneLine = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');
    const trimmed = oneLine(name.trim());
    // A cell's own spaces are not its text (GFM trims them), so a genesis name is read trimmed.
    const genesisName = oneLine(name).trim();
    const markdown = planToMarkdown(plan);
    // No raw HTML, and no line a name broke: every line is a heading, the summary, a table
    // row or "None.".
    expect(markdown).not.toMatch(/[<>]/);
    const lines = markdown.split('\n');
    expect(lines.filter((line) => line.startsWith('# '))).toHaveLength(1);
    expect(lines[0]).toBe(
      `# Offboarding plan: Deactivate 1 person in ${markdownText(oneLine(name))} (tino-corp-1234.tines.com)`,
    );
    const tables = markdown.split('\n\n').filter((block) => block.startsWith('| '));
    expect(tables).toHaveLength(6);
    const rowsOf = new Map<string, string[][]>();
    for (const table of tables) {
      const rows = table.trimEnd().split('\n');
      for (const row of rows) expect(row).toMatch(/^\| .* \|$/);
      const [header = [], delimiter = [], ...body] = rows.map(cellsOf);
      expect(delimiter.every((cell) => cell === '---')).toBe(true);
      for (const cells of [delimiter, ...body]) expect(cells).toHaveLength(header.length);
      rowsOf.set(
        header[0] as string,
        body.map((cells) => cells.map(unescaped)),
      );
    }
    expect(rowsOf.get('Person')).toEqual([
      [trimmed, '=hyperlink("https://evil.example")@tinocorp.example', 'Will be deactivated'],
    ]);
    expect(rowsOf.get('Key')?.map((cells) => cells[0])).toEqual([trimmed]);
    expect(rowsOf.get('Credential')?.map((cells) => cells.slice(0, 2))).toEqual([
      [trimmed, genesisName],
    ]);
    expect(rowsOf.get('Credential')?.[0]?.[6]).toBe(`${trimmed} <sam.patel@tinocorp.example>`);
    expect(rowsOf.get('Story › Action')?.map((cells) => cells.slice(0, 3))).toEqual([
      [`${trimmed} › ${trimmed}`, genesisName, trimmed],
    ]);
    expect(rowsOf.get('Story')?.map((cells) => cells.slice(0, 2))).toEqual([
      [trimmed, genesisName],
    ]);
    expect(rowsOf.get('Team or drafts')?.map((cells) => cells[0])).toContain(genesisName);
  });

  it('never sees U+202E: the reducer refuses it in every name a plan writes', () => {
    const { tenant } = janeTino();
    const reversed = 'Ops \u202eyek';
    const reason =
      'name: contains the invisible direction control U+202E; names may not reorder the text around them.';
    const b = automationBuilder(tenant);
    const refused = (event: ReturnType<typeof inviteAccount> | TenantEvent) => {
      const result = apply(b.tenant(), event);
      return result.ok ? 'accepted' : result.refusal.reason;
    };
    expect(
      refused(
        inviteAccount(tenant, {
          email: 'rtl@tinocorp.example',
          name: reversed,
          tenantRole: 'user',
          permissions: [],
          teamRoles: {},
        }),
      ),
    ).toBe(reason);
    const jane = accountNamed(tenant, 'Jane Tino').id;
    expect(refused(createKey(tenant, { name: reversed, scope: 'personal', createdBy: jane }))).toBe(
      reason,
    );
    expect(
      refused(
        createCredential(tenant, {
          teamId: 'team_automation',
          name: reversed,
          value: { kind: 'external' },
        }),
      ),
    ).toBe(reason);
    expect(refused(createStory(tenant, { teamId: 'team_automation', name: reversed }))).toBe(
      reason,
    );
    const storyId = [...tenant.stories.values()][0]?.id as string;
    expect(
      refused(
        addAction(tenant, storyId, {
          name: reversed,
          method: 'GET',
          path: '/api/v1/admin/users',
        }),
      ),
    ).toBe(reason);
  });
});

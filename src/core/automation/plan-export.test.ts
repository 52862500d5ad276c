import { describe, expect, it } from 'vitest';
import { replay } from '../apply';
import { createKey, inviteAccount } from '../commands';
import { lineText } from '../describe';
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

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changeStatus, deleteCredential } from '../commands';
import type { CredentialValue, Story } from '../model';
import { startTenant } from '../testing/arbitraries';
import { automationBuilder, faqPeopleStart } from '../testing/automation-arbitraries';
import { accountNamed } from '../testing/named';
import { referencesTo, resolveCredential, whyUnresolved } from './resolve';

const EXTERNAL: CredentialValue = { kind: 'external' };
const base = startTenant(faqPeopleStart);
const jane = accountNamed(base, 'Jane Tino').id;
const sam = accountNamed(base, 'Sam Patel').id;

type Place = Pick<Story, 'teamId' | 'draftsOf'>;
const automation: Place = { teamId: 'team_automation', draftsOf: null };
const secops: Place = { teamId: 'team_secops', draftsOf: null };
const janeDrafts: Place = { teamId: null, draftsOf: jane };
const samDrafts: Place = { teamId: null, draftsOf: sam };

/** Two credentials named "Ops key" (one per team, SecOps' shared with all) and a few others. */
function tenantWithCredentials() {
  const b = automationBuilder(base, faqPeopleStart.events);
  const ids = {
    opsAutomation: b.credential({ teamId: 'team_automation' }, 'Ops key', EXTERNAL),
    opsSecops: b.credential({ teamId: 'team_secops' }, 'Ops key', EXTERNAL, {
      readAccess: 'GLOBAL',
    }),
    teamOnly: b.credential({ teamId: 'team_automation' }, 'Team only', EXTERNAL),
    specific: b.credential({ teamId: 'team_automation' }, 'For SecOps', EXTERNAL, {
      readAccess: 'SPECIFIC_TEAMS',
      sharedTeams: ['team_secops'],
    }),
    draftsPrivate: b.credential({ draftsOf: jane }, 'Jane private', EXTERNAL),
    draftsGlobal: b.credential({ draftsOf: jane }, 'Jane shared', EXTERNAL, {
      readAccess: 'GLOBAL',
    }),
    gone: b.credential({ teamId: 'team_automation' }, 'Gone', EXTERNAL),
  };
  b.record((t) => deleteCredential(t, ids.gone));
  return { b, ids };
}

const { b, ids } = tenantWithCredentials();
const tenant = b.tenant();
const janeDeleted = b.record((t) => changeStatus(t, 'account_deleted', jane)) && b.tenant();

describe('resolving <<CREDENTIAL.slug>> (S11)', () => {
  it.each<[string, Place, string, keyof typeof ids | null, string | null]>([
    ['same name in two teams: the own team’s wins', automation, 'ops_key', 'opsAutomation', null],
    ['same name in two teams: the other team’s own', secops, 'ops_key', 'opsSecops', null],
    ['same name, drafts: the one shared with all teams', samDrafts, 'ops_key', 'opsSecops', null],
    ['TEAM: usable in its own team', automation, 'team_only', 'teamOnly', null],
    ['TEAM: not in another team', secops, 'team_only', null, 'NOT_SHARED'],
    ['TEAM: not in drafts', janeDrafts, 'team_only', null, 'NOT_SHARED'],
    ['SPECIFIC_TEAMS: in a listed team', secops, 'for_secops', 'specific', null],
    ['SPECIFIC_TEAMS: in its own team', automation, 'for_secops', 'specific', null],
    ['SPECIFIC_TEAMS: not in drafts', samDrafts, 'for_secops', null, 'NOT_SHARED'],
    ['drafts: their owner’s stories', janeDrafts, 'jane_private', 'draftsPrivate', null],
    ['drafts: not another person’s', samDrafts, 'jane_private', null, 'NOT_SHARED'],
    ['drafts: not a team’s', automation, 'jane_private', null, 'NOT_SHARED'],
    ['drafts shared GLOBAL: every team', secops, 'jane_shared', 'draftsGlobal', null],
    ['drafts shared GLOBAL: other drafts', samDrafts, 'jane_shared', 'draftsGlobal', null],
    ['a deleted credential', automation, 'gone', null, 'DELETED'],
    ['a slug no credential has', automation, 'nobody_has_this', null, 'NO_SUCH_CREDENTIAL'],
  ])('%s', (_, place, slug, expected, reason) => {
    expect(resolveCredential(tenant, place, slug)?.id ?? null).toBe(
      expected === null ? null : ids[expected],
    );
    if (reason !== null) expect(whyUnresolved(tenant, place, slug).reason).toBe(reason);
  });

  it('a deleted owner’s drafts resolve nowhere, and say why (S9); other teams’ credentials stay', () => {
    expect(resolveCredential(janeDeleted, secops, 'jane_shared')).toBeNull();
    expect(whyUnresolved(janeDeleted, secops, 'jane_shared')).toMatchObject({
      reason: 'DELETED_WITH_DRAFTS',
      credential: { id: ids.draftsGlobal },
    });
    expect(resolveCredential(janeDeleted, automation, 'ops_key')?.id).toBe(ids.opsAutomation);
  });

  it('deactivating the owner keeps the drafts resolving', () => {
    const deactivated = automationBuilder(tenant);
    deactivated.record((t) => changeStatus(t, 'account_deactivated', jane));
    expect(resolveCredential(deactivated.tenant(), secops, 'jane_shared')?.id).toBe(
      ids.draftsGlobal,
    );
  });

  it('prefers the own place, then GLOBAL, then SPECIFIC_TEAMS, and the oldest among equals', () => {
    const p = automationBuilder(base);
    const specific = p.credential({ teamId: 'team_automation' }, 'Pick', EXTERNAL, {
      readAccess: 'SPECIFIC_TEAMS',
      sharedTeams: ['team_secops'],
    });
    const olderGlobal = p.credential({ draftsOf: jane }, 'Pick', EXTERNAL, {
      readAccess: 'GLOBAL',
    });
    p.credential({ draftsOf: sam }, 'Pick', EXTERNAL, { readAccess: 'GLOBAL' });
    expect(resolveCredential(p.tenant(), secops, 'pick')?.id).toBe(olderGlobal);
    const own = p.credential({ teamId: 'team_secops' }, 'Pick', EXTERNAL);
    expect(resolveCredential(p.tenant(), secops, 'pick')?.id).toBe(own);
    expect(resolveCredential(p.tenant(), automation, 'pick')?.id).toBe(specific);
  });

  it('lists the actions whose references resolve to a credential', () => {
    const r = automationBuilder(tenant);
    const inAutomation = r.story({ teamId: 'team_automation' }, 'A');
    const inSecops = r.story({ teamId: 'team_secops' }, 'B');
    const a = r.action(inAutomation, {
      name: 'a',
      method: 'GET',
      path: '/api/v1/info',
      credential: 'ops_key',
    });
    const s = r.action(inSecops, {
      name: 's',
      method: 'GET',
      path: '/api/v1/info',
      credential: 'ops_key',
    });
    expect(referencesTo(r.tenant(), ids.opsAutomation)).toEqual([
      { storyId: inAutomation, actionId: a },
    ]);
    expect(referencesTo(r.tenant(), ids.opsSecops)).toEqual([{ storyId: inSecops, actionId: s }]);
  });
});

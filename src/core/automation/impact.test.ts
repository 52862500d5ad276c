// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changeStatus } from '../commands';
import { janeChain } from '../testing/automation-arbitraries';
import { accountNamed, keyNamed } from '../testing/named';
import { impactOf, planIsClear } from './impact';
import { offboardingBenchCase } from './impact-bench';

const failing = (impact: ReturnType<typeof impactOf>) =>
  impact.actions.map(({ actionId, after, credentialId }) => ({
    actionId,
    status: after.kind === 'refused' ? after.status : null,
    why: after.kind === 'unresolved' ? after.reason : after.kind === 'refused' ? after.code : null,
    credentialId,
  }));

describe('impactOf', () => {
  it('deactivating Jane: her personal key, the credentials that hold it, their actions and stories', () => {
    const c = janeChain();
    const impact = impactOf(c.tenant, c.events, [c.jane], 'deactivate');
    expect(impact.keys).toEqual([
      {
        keyId: keyNamed(c.tenant, 'Jane personal').id,
        code: 'OWNER_DEACTIVATED',
        rule: 'auth.personal-owner-deactivated',
      },
    ]);
    expect(
      impact.credentials.map(({ credentialId, how, code }) => ({ credentialId, how, code })),
    ).toEqual([
      { credentialId: c.credentials.personal, how: 'key_refused', code: 'OWNER_DEACTIVATED' },
      { credentialId: c.credentials.shared, how: 'key_refused', code: 'OWNER_DEACTIVATED' },
    ]);
    expect(failing(impact)).toEqual([
      {
        actionId: c.actions.listUsers,
        status: 401,
        why: 'OWNER_DEACTIVATED',
        credentialId: c.credentials.personal,
      },
      {
        actionId: c.actions.info,
        status: 401,
        why: 'OWNER_DEACTIVATED',
        credentialId: c.credentials.personal,
      },
      {
        actionId: c.actions.lookup,
        status: 401,
        why: 'OWNER_DEACTIVATED',
        credentialId: c.credentials.shared,
      },
    ]);
    expect(impact.stories.map(({ storyId, how }) => ({ storyId, how }))).toEqual([
      { storyId: c.stories.userSync, how: 'actions_fail' },
      { storyId: c.stories.secopsTriage, how: 'actions_fail' },
    ]);
    expect(impact.perTeam).toEqual([
      { team: 'team_automation', credentials: 2, actions: 2, stories: 1 },
      { team: 'team_secops', credentials: 0, actions: 1, stories: 1 },
    ]);
    // The service, team and tenant owner keys' stories are not in the plan (S1).
    expect(impact.actions.map((action) => action.storyId)).not.toContain(c.stories.auditExport);
    expect(planIsClear(impact)).toBe(false);
  });

  it('deleting Jane: her drafts go too, and what used them no longer resolves (S9)', () => {
    const c = janeChain();
    const impact = impactOf(c.tenant, c.events, [c.jane], 'delete');
    expect(impact.keys.map((key) => key.code)).toEqual(['OWNER_DELETED']);
    expect(impact.credentials.map(({ credentialId, how }) => ({ credentialId, how }))).toEqual([
      { credentialId: c.credentials.personal, how: 'key_refused' },
      { credentialId: c.credentials.shared, how: 'key_refused' },
      { credentialId: c.credentials.drafts, how: 'deleted_with_drafts' },
    ]);
    expect(failing(impact).at(-1)).toEqual({
      actionId: c.actions.scratch,
      status: null,
      why: 'DELETED_WITH_DRAFTS',
      credentialId: c.credentials.drafts,
    });
    expect(impact.perTeam.find((team) => team.team === 'drafts')).toEqual({
      team: 'drafts',
      credentials: 1,
      actions: 0,
      stories: 0,
    });
  });

  it('lists the stories in the person’s drafts as deleted with them', () => {
    const c = janeChain();
    const scratch = c.builder.story({ draftsOf: c.jane }, 'Scratch');
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'delete');
    expect(impact.stories).toContainEqual({
      storyId: scratch,
      teamId: null,
      draftsOf: c.jane,
      how: 'deleted_with_drafts',
      failingActions: [],
    });
  });

  it('leaves the tenant it is given untouched, and lists nothing for someone whose keys nothing uses', () => {
    const c = janeChain();
    const eli = accountNamed(c.tenant, 'Eli Brooks').id;
    const impact = impactOf(c.tenant, c.events, [eli], 'deactivate');
    expect(impact.keys.map((key) => key.keyId)).toEqual([keyNamed(c.tenant, 'Eli personal').id]);
    expect(impact.credentials).toEqual([]);
    expect(planIsClear(impact)).toBe(true);
    expect(c.tenant.accounts.get(eli)?.status).toBe('active');
    expect(impact.after.accounts.get(eli)?.status).toBe('deactivated');
  });

  it('counts nothing for a change already made, and reports one the lifecycle refuses', () => {
    const c = janeChain();
    c.builder.record((t) => changeStatus(t, 'account_deleted', c.jane));
    const again = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'delete');
    expect(again.events).toEqual([]);
    expect(again.actions).toEqual([]);
    const refused = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'deactivate');
    expect(refused.refused).toEqual([{ accountId: c.jane, reason: expect.any(String) }]);
  });

  it('deleting someone already deactivated: the key was already refused, the drafts still go', () => {
    const c = janeChain();
    c.builder.record((t) => changeStatus(t, 'account_deactivated', c.jane));
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'delete');
    expect(impact.keys).toEqual([]);
    // Already failing with 401 before: not what this change breaks.
    expect(impact.actions.map((action) => action.actionId)).toEqual([c.actions.scratch]);
  });

  it('blames a credential the actions fall back to when theirs vanishes and it is refused', () => {
    const c = janeChain();
    // A second "Jane scratch key", shared with all teams, holding Sam's personal key; Sam leaves first.
    const sam = accountNamed(c.tenant, 'Sam Patel').id;
    const samKey = keyNamed(c.tenant, 'Sam personal');
    const fallback = c.builder.credential(
      { teamId: 'team_automation' },
      'Jane scratch key',
      { kind: 'key', keyId: samKey.id },
      { readAccess: 'GLOBAL' },
    );
    c.builder.record((t) => changeStatus(t, 'account_deactivated', sam));
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'delete');
    expect(impact.credentials).toContainEqual(
      expect.objectContaining({ credentialId: fallback, how: 'fallback_refused' }),
    );
    expect(failing(impact).at(-1)).toEqual({
      actionId: c.actions.scratch,
      status: 401,
      why: 'OWNER_DEACTIVATED',
      credentialId: fallback,
    });
  });
});

describe('the bench case', () => {
  it('offboards people of a generated tenant and can be timed', () => {
    const bench = offboardingBenchCase({ people: 300, keysPerPerson: 2, offboard: 50 });
    expect(bench.accountIds).toHaveLength(50);
    const impact = bench.run();
    expect(impact.events).toHaveLength(50);
    expect(impact.keys.length).toBeGreaterThan(0);
  });
});

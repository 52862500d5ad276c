// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changeRoles, changeStatus, setRestrictApiKeyCreation } from '../commands';
import { janeChain } from '../testing/automation-arbitraries';
import { accountNamed, keyNamed } from '../testing/named';
import { adviseFixes, applyFixes, type Fix, fixEvents } from './advisor';
import { impactOf, planIsClear } from './impact';
import { runStory } from './run-story';

const fixFor = (fixes: readonly Fix[], credentialId: string) => {
  const fix = fixes.find((each) => each.credentialId === credentialId);
  if (fix === undefined) throw new Error(`no fix for ${credentialId}`);
  return fix;
};

describe('adviseFixes', () => {
  it('a team key with the lowest role the requests need, made by a team admin who stays', () => {
    const c = janeChain();
    // The members report moves to Jane's personal key's credential: it needs Viewer on Automation.
    c.builder.action(c.stories.membersReport, {
      name: 'Members via personal',
      method: 'GET',
      path: '/api/v1/teams/team_automation/members',
      credential: 'shared_lookup_key',
    });
    c.builder.action(c.stories.secopsTriage, {
      name: 'Create a SecOps story',
      method: 'POST',
      path: '/api/v1/stories',
      headers: { 'Content-Type': 'application/json' },
      body: '{"team_id":"team_secops","name":"Triage"}',
      credential: 'shared_lookup_key',
    });
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'deactivate');
    const fix = fixFor(
      adviseFixes(c.builder.tenant(), c.builder.events(), impact),
      c.credentials.shared,
    );
    expect(fix.key).toEqual({
      scope: 'team',
      teamRoles: { team_automation: 'viewer', team_secops: 'editor' },
    });
    expect(fix.placement).toEqual({ kind: 'rotate' });
    // Sam administers Automation only; Alex, a tenant owner, may cover both teams.
    expect(fix.creator).toBe(accountNamed(c.tenant, 'Alex Morgan').id);
  });

  it('prefers a team admin of the team over a tenant owner', () => {
    const c = janeChain();
    c.builder.record((t) =>
      changeRoles(t, accountNamed(t, 'Sam Patel').id, {
        tenantRole: 'user',
        permissions: [],
        teamRoles: { team_automation: 'team_admin', team_secops: 'team_admin' },
      }),
    );
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'deactivate');
    const fix = fixFor(
      adviseFixes(c.builder.tenant(), c.builder.events(), impact),
      c.credentials.shared,
    );
    expect(fix.key).toEqual({ scope: 'team', teamRoles: { team_secops: 'viewer' } });
    expect(fix.creator).toBe(accountNamed(c.tenant, 'Sam Patel').id);
  });

  it('a service key with the tenant permission the audit export needs', () => {
    const c = janeChain();
    c.builder.action(c.stories.userSync, {
      name: 'Audit via personal',
      method: 'GET',
      path: '/api/v1/audit_logs',
      credential: 'jane_personal_key',
    });
    c.builder.action(c.stories.auditExport, {
      name: 'Audit again',
      method: 'GET',
      path: '/api/v1/audit_logs',
      credential: 'shared_lookup_key',
    });
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'deactivate');
    const fixes = adviseFixes(c.builder.tenant(), c.builder.events(), impact);
    // The personal key's credential also lists users: only a tenant owner key serves both.
    expect(fixFor(fixes, c.credentials.personal).key).toEqual({ scope: 'tenant_owner' });
    // The shared one: an info call and an audit export: a service key with AUDIT_LOG_READ.
    expect(fixFor(fixes, c.credentials.shared).key).toEqual({
      scope: 'service',
      permissions: ['AUDIT_LOG_READ'],
    });
  });

  it('a tenant owner key for admin endpoints; after the fixes every story answers 200', () => {
    const c = janeChain();
    const impact = impactOf(c.tenant, c.events, [c.jane], 'delete');
    const fixes = adviseFixes(c.tenant, c.events, impact);
    expect(fixFor(fixes, c.credentials.personal)).toMatchObject({
      key: { scope: 'tenant_owner' },
      placement: { kind: 'rotate' },
      creator: accountNamed(c.tenant, 'Alex Morgan').id,
    });
    // The drafts credential cannot be rotated once gone: it is re-made in Team SecOps, whose story used it.
    expect(fixFor(fixes, c.credentials.drafts)).toMatchObject({
      key: { scope: 'team', teamRoles: { team_secops: 'viewer' } },
      placement: { kind: 'recreate', teamId: 'team_secops', readAccess: 'TEAM', sharedTeams: [] },
    });
    const fixed = applyFixes(c.tenant, c.events, fixes);
    const created = [...fixed.tenant.keys.values()].slice(c.tenant.keys.size);
    expect(created.map((key) => key.scope).sort()).toEqual(['team', 'team', 'tenant_owner']);
    const after = impactOf(fixed.tenant, fixed.events, [c.jane], 'delete');
    expect(planIsClear(after)).toBe(true);
    for (const storyId of Object.values(c.stories)) {
      const run = runStory(after.after, [...fixed.events, ...after.events], storyId);
      if (!run.ok) throw new Error(run.reason);
      expect(run.actions.map((action) => action.outcome.status)).toEqual(
        run.actions.map(() => 200),
      );
    }
  });

  it('fixEvents: the key created as the eligible account, then the credential rotated to it', () => {
    const c = janeChain();
    const impact = impactOf(c.tenant, c.events, [c.jane], 'deactivate');
    const fix = fixFor(adviseFixes(c.tenant, c.events, impact), c.credentials.shared);
    const events = fixEvents(c.tenant, fix);
    expect(events.map((event) => event.type)).toEqual(['key_created', 'credential_rotated']);
    const [created, rotated] = events;
    expect(created).toMatchObject({
      scope: 'team',
      createdBy: fix.creator,
      actor: { kind: 'account', accountId: fix.creator },
    });
    expect(rotated).toMatchObject({
      credentialId: c.credentials.shared,
      value: { kind: 'key', keyId: created?.type === 'key_created' ? created.keyId : '' },
      actor: { kind: 'account', accountId: fix.creator },
    });
  });

  it('says no account may make it when every tenant owner leaves', () => {
    const c = janeChain();
    const alex = accountNamed(c.tenant, 'Alex Morgan').id;
    const impact = impactOf(c.tenant, c.events, [c.jane, alex], 'deactivate');
    const fix = fixFor(adviseFixes(c.tenant, c.events, impact), c.credentials.personal);
    expect(fix.key).toEqual({ scope: 'tenant_owner' });
    expect(fix.creator).toBeNull();
    expect(fix.refusal).toMatch(/^No active account that stays may create a tenant owner key/);
    expect(() => fixEvents(c.tenant, fix)).toThrow();
  });

  it('says no team admin may when key creation is restricted to owners and permission holders', () => {
    const c = janeChain();
    const alex = accountNamed(c.tenant, 'Alex Morgan').id;
    c.builder.record((t) => setRestrictApiKeyCreation(t, true));
    c.builder.record((t) =>
      changeRoles(t, accountNamed(t, 'Sam Patel').id, {
        tenantRole: 'user',
        permissions: [],
        teamRoles: { team_automation: 'team_admin', team_secops: 'team_admin' },
      }),
    );
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane, alex], 'deactivate');
    const fix = fixFor(
      adviseFixes(c.builder.tenant(), c.builder.events(), impact),
      c.credentials.shared,
    );
    expect(fix.key).toEqual({ scope: 'team', teamRoles: { team_secops: 'viewer' } });
    expect(fix.creator).toBeNull();
    expect(fix.refusal).toContain('restricted');
  });

  it('leaves the personal key of someone leaving out of every fix', () => {
    const c = janeChain();
    c.builder.record((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Vera Lin').id));
    const impact = impactOf(c.builder.tenant(), c.builder.events(), [c.jane], 'delete');
    for (const fix of adviseFixes(c.builder.tenant(), c.builder.events(), impact)) {
      expect(fix.key?.scope).not.toBe('personal');
      expect(fix.creator).not.toBe(c.jane);
    }
    expect(keyNamed(c.tenant, 'Jane personal').scope).toBe('personal');
  });
});

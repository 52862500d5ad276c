// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply, replay } from './apply';
import {
  addAction,
  changeAction,
  changeCredentialSharing,
  changeRoles,
  changeStatus,
  createCredential,
  createStory,
  deleteCredential,
  recordStoryRun,
  rotateCredential,
} from './commands';
import type { Actor, TenantEvent } from './events';
import type { TeamRole, Tenant } from './model';
import { janeTinoScenario } from './scenarios/jane-tino';
import { accountNamed, keyNamed } from './testing/named';

const base = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;

function applied(tenant: Tenant, event: TenantEvent): Tenant {
  const result = apply(tenant, event);
  if (!result.ok) throw new Error(result.refusal.reason);
  return result.tenant;
}

function refusal(tenant: Tenant, event: TenantEvent): string {
  const result = apply(tenant, event);
  if (result.ok) throw new Error(`${event.type} was accepted`);
  return result.refusal.reason;
}

const as = (tenant: Tenant, name: string): Actor => ({
  kind: 'account',
  accountId: accountNamed(tenant, name).id,
});

/** Jane's personal key stored as a credential of Team Automation, as the FAQ says. */
function withJaneCredential(tenant = base) {
  const key = keyNamed(tenant, 'Jane personal');
  const event = createCredential(tenant, {
    teamId: 'team_automation',
    name: 'Jane personal key',
    value: { kind: 'key', keyId: key.id },
  });
  return { tenant: applied(tenant, event), id: event.credentialId };
}

describe('credentials in the reducer', () => {
  it('creates a team credential with its slug, never its secret', () => {
    const { tenant, id } = withJaneCredential();
    expect(tenant.credentials.get(id)).toMatchObject({
      name: 'Jane personal key',
      slug: 'jane_personal_key',
      mode: 'TEXT',
      teamId: 'team_automation',
      draftsOf: null,
      readAccess: 'TEAM',
      sharedTeams: [],
      value: { kind: 'key', keyId: keyNamed(base, 'Jane personal').id },
      deletedAt: null,
    });
    expect(JSON.stringify(tenant.credentials.get(id))).not.toContain('sim_');
    expect(tenant.credentialsBySlug.get('jane_personal_key')).toEqual([id]);
  });

  it('refuses a second credential with the same slug in the same team, not in another', () => {
    const { tenant } = withJaneCredential();
    const value = { kind: 'external' } as const;
    expect(
      refusal(
        tenant,
        createCredential(tenant, { teamId: 'team_automation', name: 'Jane  Personal-key', value }),
      ),
    ).toBe('Jane personal key already has the slug "jane_personal_key" here.');
    expect(() =>
      applied(
        tenant,
        createCredential(tenant, { teamId: 'team_secops', name: 'Jane personal key', value }),
      ),
    ).not.toThrow();
  });

  it('rotates, reshares and deletes, and refuses what is malformed', () => {
    const { tenant, id } = withJaneCredential();
    const team = keyNamed(tenant, 'Jane team');
    const rotated = applied(tenant, rotateCredential(tenant, id, { kind: 'key', keyId: team.id }));
    expect(rotated.credentials.get(id)?.value).toEqual({ kind: 'key', keyId: team.id });
    const shared = applied(
      rotated,
      changeCredentialSharing(rotated, id, {
        readAccess: 'SPECIFIC_TEAMS',
        sharedTeams: ['team_secops'],
      }),
    );
    expect(shared.credentials.get(id)).toMatchObject({
      readAccess: 'SPECIFIC_TEAMS',
      sharedTeams: ['team_secops'],
    });
    expect(
      refusal(
        shared,
        changeCredentialSharing(shared, id, { readAccess: 'GLOBAL', sharedTeams: ['team_secops'] }),
      ),
    ).toBe('sharedTeams lists the teams of SPECIFIC_TEAMS, and only those.');
    expect(refusal(shared, rotateCredential(shared, id, { kind: 'key', keyId: 'key_9999' }))).toBe(
      'There is no key "key_9999".',
    );
    const deleted = applied(shared, deleteCredential(shared, id));
    expect(deleted.credentials.get(id)?.deletedAt).toBe(deleted.clock);
    expect(refusal(deleted, deleteCredential(deleted, id))).toBe('Jane personal key is deleted.');
  });

  it.each<[TeamRole | 'none' | 'owner', boolean, boolean]>([
    ['owner', true, true],
    ['team_admin', true, true],
    ['editor', true, false],
    ['viewer', false, false],
    ['none', false, false],
  ])(
    'a %s of the team may edit: %s, delete: %s (S16; editors and viewers assumed)',
    (role, edit, remove) => {
      const { tenant: withCredential, id } = withJaneCredential();
      const vera = accountNamed(withCredential, 'Vera Lin');
      const tenant = applied(
        withCredential,
        changeRoles(withCredential, vera.id, {
          tenantRole: role === 'owner' ? 'owner' : 'user',
          permissions: [],
          teamRoles: role === 'owner' || role === 'none' ? {} : { team_automation: role },
        }),
      );
      const actor = as(tenant, 'Vera Lin');
      const rotate = apply(tenant, rotateCredential(tenant, id, { kind: 'external' }, actor));
      const destroy = apply(tenant, deleteCredential(tenant, id, actor));
      expect(rotate.ok).toBe(edit);
      expect(destroy.ok).toBe(remove);
      if (!destroy.ok) expect(destroy.refusal.rule.id).toBe('event.manage-credentials');
    },
  );

  it('keeps drafts to their owner (and the tenant owners, S16), and deletes them with the account (S9); deactivation deletes nothing', () => {
    const jane = accountNamed(base, 'Jane Tino');
    const key = keyNamed(base, 'Jane personal');
    const draftCredential = createCredential(
      base,
      {
        draftsOf: jane.id,
        name: 'Jane drafts key',
        readAccess: 'GLOBAL',
        value: { kind: 'key', keyId: key.id },
      },
      as(base, 'Jane Tino'),
    );
    let tenant = applied(base, draftCredential);
    const story = createStory(
      tenant,
      { draftsOf: jane.id, name: 'Jane scratch' },
      as(tenant, 'Jane Tino'),
    );
    tenant = applied(tenant, story);
    expect(
      refusal(
        tenant,
        rotateCredential(
          tenant,
          draftCredential.credentialId,
          { kind: 'external' },
          as(tenant, 'Sam Patel'),
        ),
      ),
    ).toBe("Sam Patel may not edit another person's drafts.");
    // A tenant owner manages any credential (S16), drafts included.
    const owner = [...tenant.accounts.values()].find(
      (account) => account.tenantRole === 'owner' && account.id !== jane.id,
    );
    if (owner === undefined) throw new Error('jane-tino has no other tenant owner');
    expect(
      apply(
        tenant,
        rotateCredential(
          tenant,
          draftCredential.credentialId,
          { kind: 'external' },
          {
            kind: 'account',
            accountId: owner.id,
          },
        ),
      ).ok,
    ).toBe(true);
    const deactivated = applied(tenant, changeStatus(tenant, 'account_deactivated', jane.id));
    expect(deactivated.credentials.get(draftCredential.credentialId)?.deletedAt).toBeNull();
    const deleted = applied(tenant, changeStatus(tenant, 'account_deleted', jane.id));
    expect(deleted.credentials.get(draftCredential.credentialId)?.deletedAt).toBe(deleted.clock);
    expect(deleted.stories.get(story.storyId)?.deletedAt).toBe(deleted.clock);
  });
});

describe('stories and actions in the reducer', () => {
  it('adds, changes and runs HTTP Request actions in order', () => {
    const created = createStory(base, { teamId: 'team_automation', name: 'User sync' });
    let tenant = applied(base, created);
    const first = addAction(tenant, created.storyId, {
      name: 'List users',
      method: 'GET',
      path: '/api/v1/admin/users',
      credential: 'jane_personal_key',
    });
    tenant = applied(tenant, first);
    expect(tenant.stories.get(created.storyId)?.actions).toEqual([
      {
        id: first.actionId,
        name: 'List users',
        method: 'GET',
        path: '/api/v1/admin/users',
        headers: { Authorization: 'Bearer <<CREDENTIAL.jane_personal_key>>' },
        body: null,
      },
    ]);
    tenant = applied(
      tenant,
      changeAction(tenant, created.storyId, first.actionId, {
        method: 'GET',
        path: '/api/v1/info',
        credential: 'team_key',
      }),
    );
    expect(tenant.stories.get(created.storyId)?.actions[0]).toMatchObject({
      name: 'List users',
      path: '/api/v1/info',
      headers: { Authorization: 'Bearer <<CREDENTIAL.team_key>>' },
    });
    expect(
      refusal(
        tenant,
        addAction(tenant, created.storyId, {
          name: 'Out',
          method: 'GET',
          path: 'https://example.com/',
        }),
      ),
    ).toBe('path must be a path of the simulated API (/api/…).');
    const ran = applied(
      tenant,
      recordStoryRun(tenant, created.storyId, [
        { actionId: first.actionId, status: 401, rule: 'auth.personal-owner-deactivated' },
      ]),
    );
    expect(ran.stories.get(created.storyId)?.lastRun).toEqual({
      at: ran.clock,
      results: [{ actionId: first.actionId, status: 401, rule: 'auth.personal-owner-deactivated' }],
    });
    expect(refusal(tenant, recordStoryRun(tenant, created.storyId, []))).toBe(
      "results must list each of the story's 1 actions.",
    );
  });
});

describe('a run with an action not sent', () => {
  it('records its status as null (the credential no longer resolves)', () => {
    const created = createStory(base, { teamId: 'team_automation', name: 'Sync' });
    let tenant = applied(base, created);
    const action = addAction(tenant, created.storyId, {
      name: 'Info',
      method: 'GET',
      path: '/api/v1/info',
      credential: 'nowhere',
    });
    tenant = applied(tenant, action);
    const ran = applied(
      tenant,
      recordStoryRun(tenant, created.storyId, [
        { actionId: action.actionId, status: null, rule: 'credential.unresolved' },
      ]),
    );
    expect(ran.stories.get(created.storyId)?.lastRun?.results[0]?.status).toBeNull();
    expect(
      refusal(
        tenant,
        recordStoryRun(tenant, created.storyId, [
          { actionId: action.actionId, status: 42, rule: 'x' },
        ]),
      ),
    ).toBe('results[0].status must be an HTTP status, or null for an action not sent.');
  });
});

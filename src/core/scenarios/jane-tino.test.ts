// @vitest-environment node
/**
 * The jane-tino scenario's chain, key -> credential -> action -> story (issue 11): Jane's four
 * keys held as credentials of Team Automation (the FAQ, S1), the stories that use them, her
 * personal key's credential shared with all teams and used by Team SecOps, and a credential in
 * her drafts used by another team's story.
 */
import { describe, expect, it } from 'vitest';
import { handleApiRequest } from '../api/handle-request';
import { replay } from '../apply';
import { actionReferences, referencesTo, resolveCredential } from '../automation/resolve';
import { changeStatus } from '../commands';
import type { TenantEvent } from '../events';
import type { Credential, HttpAction, Story, Tenant } from '../model';
import { mustApply } from '../testing/arbitraries';
import { accountNamed, keyNamed } from '../testing/named';
import { janeTinoScenario } from './jane-tino';

const { genesis, events } = janeTinoScenario;
const { tenant, refused } = replay(genesis, events);

function credentialNamed(t: Tenant, name: string): Credential {
  const found = [...t.credentials.values()].find((credential) => credential.name === name);
  if (found === undefined) throw new Error(`No credential named ${name}`);
  return found;
}

function storyNamed(t: Tenant, name: string): Story {
  const found = [...t.stories.values()].find((story) => story.name === name);
  if (found === undefined) throw new Error(`No story named ${name}`);
  return found;
}

/** "Story: action" for every action whose reference resolves to the credential. */
function usesOf(t: Tenant, credential: Credential): string[] {
  return referencesTo(t, credential.id).map(({ storyId, actionId }) => {
    const story = t.stories.get(storyId);
    const action = story?.actions.find((each) => each.id === actionId);
    return `${story?.name}: ${action?.name}`;
  });
}

/** Send an action's request to the simulated API with its credential resolved, as a run would. */
function send(
  t: Tenant,
  log: readonly TenantEvent[],
  story: Story,
  action: HttpAction,
): number | 'unresolved' {
  const [slug] = actionReferences(action);
  const credential = slug === undefined ? null : resolveCredential(t, story, slug);
  if (credential === null) return 'unresolved';
  if (credential.value.kind !== 'key') throw new Error('jane-tino holds no external secret');
  const secret = t.keys.get(credential.value.keyId)?.secret ?? '';
  const headers = Object.fromEntries(
    Object.entries(action.headers).map(([name, value]) => [
      name.toLowerCase(),
      value.replace(`<<CREDENTIAL.${slug}>>`, secret),
    ]),
  );
  const request = { method: action.method, url: action.path, headers, body: action.body };
  return handleApiRequest({ tenant: t, events: log }, request).response.status;
}

/** Every action of every live story, as "Story: action" -> status. */
function runAll(t: Tenant, log: readonly TenantEvent[]): Record<string, number | 'unresolved'> {
  const statuses: Record<string, number | 'unresolved'> = {};
  for (const story of t.stories.values()) {
    if (story.deletedAt !== null) continue;
    for (const action of story.actions) {
      statuses[`${story.name}: ${action.name}`] = send(t, log, story, action);
    }
  }
  return statuses;
}

function withJane(type: 'account_deactivated' | 'account_deleted') {
  const event = changeStatus(tenant, type, accountNamed(tenant, 'Jane Tino').id);
  return { tenant: mustApply(tenant, event), log: [...events, event] };
}

describe('jane-tino: the FAQ’s keys as credentials, and the stories that use them', () => {
  it('replays without a refusal, keeping the ids the README promises', () => {
    expect(refused).toEqual([]);
    expect(
      ['Jane personal', 'Jane team', 'Jane service', 'Jane tenant owner'].map(
        (name) => keyNamed(tenant, name).id,
      ),
    ).toEqual(['key_0006', 'key_0007', 'key_0008', 'key_0009']);
    // The credentials and stories come after the 13 events of people and keys.
    const firstNew = events.findIndex((event) => event.type === 'credential_created');
    expect(firstNew).toBe(13);
    expect(
      events.slice(firstNew).every((e) => !['account_invited', 'key_created'].includes(e.type)),
    ).toBe(true);
  });

  it('holds each of Jane’s four keys in a TEXT credential of Team Automation (S1)', () => {
    const rows = ['Jane personal', 'Jane team', 'Jane service', 'Jane tenant owner'].map((name) => {
      const key = keyNamed(tenant, name);
      const held = [...tenant.credentials.values()].filter(
        (credential) =>
          credential.teamId === 'team_automation' &&
          credential.value.kind === 'key' &&
          credential.value.keyId === key.id,
      );
      return held.map((credential) => [name, credential.name, credential.mode]);
    });
    expect(rows).toEqual([
      [['Jane personal', 'Jane personal API key', 'TEXT']],
      [['Jane team', 'Jane team API key', 'TEXT']],
      [['Jane service', 'Jane service API key', 'TEXT']],
      [['Jane tenant owner', 'Jane tenant owner API key', 'TEXT']],
    ]);
  });

  it('follows the personal key to its credential, its actions and their stories, in two teams', () => {
    const credential = credentialNamed(tenant, 'Jane personal API key');
    expect(credential).toMatchObject({
      slug: 'jane_personal_api_key',
      teamId: 'team_automation',
      readAccess: 'GLOBAL',
      value: { kind: 'key', keyId: keyNamed(tenant, 'Jane personal').id },
    });
    expect(usesOf(tenant, credential)).toEqual([
      'User sync: Fetch users',
      'User sync: Fetch Team Automation members',
      'SecOps user watch: Check users',
    ]);
    const teams = referencesTo(tenant, credential.id).map(
      ({ storyId }) => tenant.stories.get(storyId)?.teamId,
    );
    expect([...new Set(teams)]).toEqual(['team_automation', 'team_secops']);
  });

  it('uses the other three keys’ credentials in one story each', () => {
    expect(usesOf(tenant, credentialNamed(tenant, 'Jane service API key'))).toEqual([
      'Audit export: Export audit logs',
    ]);
    expect(usesOf(tenant, credentialNamed(tenant, 'Jane team API key'))).toEqual([
      'Team members report: List team members',
    ]);
    expect(usesOf(tenant, credentialNamed(tenant, 'Jane tenant owner API key'))).toEqual([
      'Access review: List all users',
    ]);
  });

  it('lets a Team SecOps story use a Team Automation credential shared with all teams (S11)', () => {
    const story = storyNamed(tenant, 'SecOps user watch');
    expect(story.teamId).toBe('team_secops');
    expect(resolveCredential(tenant, story, 'jane_personal_api_key')?.name).toBe(
      'Jane personal API key',
    );
    // Not shared, the team key's credential stays in Team Automation.
    expect(resolveCredential(tenant, story, 'jane_team_api_key')).toBeNull();
  });

  it('has a credential in Jane’s drafts, shared with all teams, used by a Team SecOps story', () => {
    const jane = accountNamed(tenant, 'Jane Tino');
    const credential = credentialNamed(tenant, 'Jane drafts audit key');
    expect(credential).toMatchObject({
      teamId: null,
      draftsOf: jane.id,
      readAccess: 'GLOBAL',
      value: { kind: 'key', keyId: keyNamed(tenant, 'Jane service').id },
    });
    expect(tenant.drafts.get(jane.id)).toEqual([credential.id]);
    expect(usesOf(tenant, credential)).toEqual(['SecOps audit digest: Pull audit logs']);
    expect(storyNamed(tenant, 'SecOps audit digest').teamId).toBe('team_secops');
  });

  it('answers 200 to every action while Jane is active', () => {
    const statuses = runAll(tenant, events);
    expect(Object.keys(statuses)).toHaveLength(7);
    expect(Object.values(statuses).every((status) => status === 200)).toBe(true);
  });

  it('breaks the personal key’s actions in both teams when Jane is deactivated, and no other', () => {
    const deactivated = withJane('account_deactivated');
    expect(runAll(deactivated.tenant, deactivated.log)).toEqual({
      'User sync: Fetch users': 401,
      'User sync: Fetch Team Automation members': 401,
      'Audit export: Export audit logs': 200,
      'Team members report: List team members': 200,
      'Access review: List all users': 200,
      'SecOps user watch: Check users': 401,
      'SecOps audit digest: Pull audit logs': 200,
    });
  });

  it('deletes the drafts credential with Jane’s account (S9): its action no longer resolves', () => {
    const deleted = withJane('account_deleted');
    const credential = credentialNamed(deleted.tenant, 'Jane drafts audit key');
    expect(credential.deletedAt).toBe(deleted.tenant.clock);
    const story = storyNamed(deleted.tenant, 'SecOps audit digest');
    expect(story.deletedAt).toBeNull();
    expect(resolveCredential(deleted.tenant, story, 'jane_drafts_audit_key')).toBeNull();
    expect(runAll(deleted.tenant, deleted.log)).toMatchObject({
      'SecOps user watch: Check users': 401,
      'SecOps audit digest: Pull audit logs': 'unresolved',
      'Audit export: Export audit logs': 200,
    });
  });
});

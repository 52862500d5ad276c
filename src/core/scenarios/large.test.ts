// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { route } from '../api/routes';
import { replay } from '../apply';
import { actionReferences, resolveCredential } from '../automation/resolve';
import type { AccountInvited, AccountReinvited, KeyCreated } from '../events';
import { KEY_SCOPES, type KeyScope, type TeamRole } from '../model';
import { type ApiOperation, authorize } from '../permissions';
import { generateLargeScenario } from './large';

function share(part: number, whole: number): number {
  return part / whole;
}

describe('generateLargeScenario: determinism', () => {
  it('gives deep-equal genesis and events for the same options', () => {
    const first = generateLargeScenario({ people: 300, keysPerPerson: 3 });
    const second = generateLargeScenario({ people: 300, keysPerPerson: 3 });
    expect(second.events).not.toBe(first.events);
    expect(second.genesis).toStrictEqual(first.genesis);
    expect(second.events).toStrictEqual(first.events);
    // The credentials, stories and actions too.
    const automations = first.events.filter((event) => event.type === 'action_added');
    expect(automations).toHaveLength(Math.round(300 / 3) * 5);
  });

  it('gives a different tenant for a different seed', () => {
    const first = generateLargeScenario({ people: 300, keysPerPerson: 3, seed: 'one' });
    const second = generateLargeScenario({ people: 300, keysPerPerson: 3, seed: 'two' });
    expect(second.events).not.toStrictEqual(first.events);
    expect(second.genesis.seed).not.toBe(first.genesis.seed);
    const secrets = (events: typeof first.events) =>
      events.flatMap((event) => (event.type === 'key_created' ? [event.secret] : []));
    expect(secrets(second.events)).not.toStrictEqual(secrets(first.events));
  });

  it('gives a different staff for different numbers with the same seed, at the same company', () => {
    const small = generateLargeScenario({ people: 300, keysPerPerson: 3 });
    const larger = generateLargeScenario({ people: 301, keysPerPerson: 3 });
    expect(larger.genesis.name).toBe(small.genesis.name);
    expect(larger.genesis.domain).toBe(small.genesis.domain);
    expect(larger.genesis.seed).not.toBe(small.genesis.seed);
  });
});

describe('generateLargeScenario: a 2,000-person tenant', () => {
  const PEOPLE = 2000;
  const scenario = generateLargeScenario({ people: PEOPLE, keysPerPerson: 4 });
  const { tenant, refused } = replay(scenario.genesis, scenario.events);
  const invited = scenario.events.filter((e): e is AccountInvited => e.type === 'account_invited');
  const reinvited = scenario.events.filter(
    (e): e is AccountReinvited => e.type === 'account_reinvited',
  );
  const keys = scenario.events.filter((e): e is KeyCreated => e.type === 'key_created');
  const accounts = [...tenant.accounts.values()];
  const byScope = (scope: KeyScope) => keys.filter((key) => key.scope === scope);

  it('is accepted by replay, event for event, and builds the tenant the builder handed over', () => {
    expect(refused).toEqual([]);
    expect(tenant.sequence).toBe(scenario.events.length);
    expect(scenario.tenant).toEqual(tenant);
  });

  it('names a realistic company and teams', () => {
    expect(scenario.genesis.name).toBe('Globex Industries');
    expect(scenario.genesis.domain).toMatch(/^globex-\d{4}\.tines\.com$/);
    expect(scenario.title).toBe('Large tenant (2,000 people)');
    expect(scenario.genesis.teams).toHaveLength(50);
    for (const team of scenario.genesis.teams) {
      expect(team.name).toMatch(/^Team [A-Z][A-Za-z ]+( \d+)?$/);
      expect(team.id).toMatch(/^team_[a-z0-9_]+$/);
    }
    expect(new Set(scenario.genesis.teams.map((team) => team.name)).size).toBe(50);
  });

  it('invites every person once, with a realistic name and a unique email', () => {
    expect(invited).toHaveLength(PEOPLE);
    for (const person of invited) {
      expect(person.name).toMatch(/^[A-Z][a-z]+ ([A-Z]\. )?[A-Z][a-z]+( \d+)?$/);
      expect(person.email).toMatch(/^[a-z]+(\.[a-z])?\.[a-z]+\d*@globex\.example$/);
    }
    expect(new Set(invited.map((person) => person.email)).size).toBe(PEOPLE);
    expect(new Set(invited.map((person) => person.name)).size).toBe(PEOPLE);
  });

  it('makes about 1% tenant owners, and gives some members API_KEY_CREATE or AUDIT_LOG_READ', () => {
    const owners = invited.filter((person) => person.tenantRole === 'owner');
    expect(owners.length).toBe(20);
    const members = invited.filter((person) => person.tenantRole === 'user');
    const holding = (permission: string) =>
      share(members.filter((m) => m.permissions.includes(permission as never)).length, PEOPLE);
    expect(holding('API_KEY_CREATE')).toBeGreaterThan(0.03);
    expect(holding('API_KEY_CREATE')).toBeLessThan(0.08);
    expect(holding('AUDIT_LOG_READ')).toBeGreaterThan(0.05);
    expect(holding('AUDIT_LOG_READ')).toBeLessThan(0.11);
  });

  it('puts most people in one to three teams, with about 10% admins, 50% editors, 40% viewers', () => {
    const teamCounts = invited.map((person) => Object.keys(person.teamRoles).length);
    expect(share(teamCounts.filter((n) => n >= 1 && n <= 3).length, PEOPLE)).toBeGreaterThan(0.93);
    expect(Math.max(...teamCounts)).toBeLessThanOrEqual(3);
    const roles = invited.flatMap((person) => Object.values(person.teamRoles));
    const roleShare = (role: TeamRole) =>
      share(roles.filter((r) => r === role).length, roles.length);
    expect(roleShare('team_admin')).toBeGreaterThan(0.07);
    expect(roleShare('team_admin')).toBeLessThan(0.13);
    expect(roleShare('editor')).toBeGreaterThan(0.45);
    expect(roleShare('editor')).toBeLessThan(0.55);
    expect(roleShare('viewer')).toBeGreaterThan(0.35);
    expect(roleShare('viewer')).toBeLessThan(0.45);
  });

  it('gives every team at least one team admin', () => {
    for (const team of scenario.genesis.teams) {
      expect(invited.some((person) => person.teamRoles[team.id] === 'team_admin')).toBe(true);
    }
  });

  it('creates about four keys per person, mostly personal, with all four scopes present', () => {
    expect(keys.length).toBeGreaterThanOrEqual(PEOPLE * 4);
    expect(keys.length).toBeLessThan(PEOPLE * 4 * 1.05);
    for (const scope of KEY_SCOPES) expect(byScope(scope).length).toBeGreaterThan(0);
    const scopeShare = (scope: KeyScope) => share(byScope(scope).length, keys.length);
    expect(scopeShare('personal')).toBeGreaterThan(0.8);
    expect(scopeShare('personal')).toBeLessThan(0.9);
    expect(scopeShare('team')).toBeGreaterThan(0.1);
    expect(scopeShare('team')).toBeLessThan(0.14);
    expect(scopeShare('service')).toBeGreaterThan(0.02);
    expect(scopeShare('service')).toBeLessThan(0.04);
    expect(scopeShare('tenant_owner')).toBeGreaterThan(0.005);
    expect(scopeShare('tenant_owner')).toBeLessThan(0.015);
    expect(new Set(keys.map((key) => key.secret)).size).toBe(keys.length);
  });

  it('has service and tenant owner keys created only by owners, team keys by owners or admins', () => {
    const inviteOf = new Map(invited.map((person) => [person.accountId, person]));
    for (const key of [...byScope('service'), ...byScope('tenant_owner')]) {
      expect(inviteOf.get(key.createdBy)?.tenantRole).toBe('owner');
    }
    let byAdmins = 0;
    for (const key of byScope('team')) {
      const creator = inviteOf.get(key.createdBy);
      if (creator?.tenantRole === 'owner') continue;
      byAdmins++;
      for (const team of Object.keys(key.teamRoles)) {
        expect(creator?.teamRoles[team]).toBe('team_admin');
      }
    }
    expect(byAdmins).toBeGreaterThan(0);
    expect(byScope('team').some((key) => Object.keys(key.teamRoles).length === 2)).toBe(true);
  });

  it('has about 3% of people deactivated, 2% deleted, and half of the deleted re-invited', () => {
    const originals = accounts.filter((account) => account.reinvitedFrom === null);
    const count = (status: string) => originals.filter((a) => a.status === status).length;
    expect(share(count('deactivated'), PEOPLE)).toBeGreaterThan(0.02);
    expect(share(count('deactivated'), PEOPLE)).toBeLessThan(0.04);
    expect(share(count('deleted'), PEOPLE)).toBeGreaterThan(0.01);
    expect(share(count('deleted'), PEOPLE)).toBeLessThan(0.03);
    expect(reinvited.length).toBe(Math.round(count('deleted') / 2));
    expect(scenario.events.some((event) => event.type === 'account_reactivated')).toBe(true);
    expect(accounts.some((a) => a.tenantRole === 'owner' && a.status === 'active')).toBe(true);
  });

  const credentials = [...tenant.credentials.values()];
  const stories = [...tenant.stories.values()];
  const credentialShare = (test: (c: (typeof credentials)[number]) => boolean) =>
    share(credentials.filter(test).length, credentials.length);

  it('has about one credential per person: most in a team, some in drafts, a few external', () => {
    expect(credentials).toHaveLength(PEOPLE);
    expect(credentials.every((c) => c.deletedAt === null)).toBe(true);
    expect(credentialShare((c) => c.draftsOf !== null)).toBeGreaterThan(0.05);
    expect(credentialShare((c) => c.draftsOf !== null)).toBeLessThan(0.12);
    expect(credentialShare((c) => c.value.kind === 'external')).toBeGreaterThan(0.03);
    expect(credentialShare((c) => c.value.kind === 'external')).toBeLessThan(0.09);
    expect(credentials.some((c) => c.value.kind === 'external' && c.mode !== 'TEXT')).toBe(true);
    expect(credentials.every((c) => c.value.kind === 'external' || c.mode === 'TEXT')).toBe(true);
    const slugs = new Set(credentials.map((c) => c.slug));
    expect(slugs.size).toBe(credentials.length);
  });

  it('shares most credentials with their own team only, some with all teams or chosen teams', () => {
    expect(credentialShare((c) => c.readAccess === 'TEAM')).toBeGreaterThan(0.7);
    expect(credentialShare((c) => c.readAccess === 'GLOBAL')).toBeGreaterThan(0.06);
    expect(credentialShare((c) => c.readAccess === 'GLOBAL')).toBeLessThan(0.14);
    expect(credentialShare((c) => c.readAccess === 'SPECIFIC_TEAMS')).toBeGreaterThan(0.07);
    expect(credentialShare((c) => c.readAccess === 'SPECIFIC_TEAMS')).toBeLessThan(0.15);
    for (const c of credentials) {
      if (c.readAccess === 'SPECIFIC_TEAMS') {
        expect(c.sharedTeams.length).toBeGreaterThan(0);
        expect(c.sharedTeams).not.toContain(c.teamId);
      }
    }
  });

  it('holds keys of every scope, mostly their makers’ personal keys', () => {
    const held = credentials.flatMap((c) =>
      c.value.kind === 'key' ? [tenant.keys.get(c.value.keyId)?.scope] : [],
    );
    for (const scope of KEY_SCOPES) expect(held).toContain(scope);
    expect(share(held.filter((scope) => scope === 'personal').length, held.length)).toBeGreaterThan(
      0.45,
    );
  });

  it('has a story per three people with five actions each, a few in drafts', () => {
    expect(stories).toHaveLength(Math.round(PEOPLE / 3));
    expect(stories.every((story) => story.actions.length === 5)).toBe(true);
    const inDrafts = share(
      stories.filter((story) => story.draftsOf !== null).length,
      stories.length,
    );
    expect(inDrafts).toBeGreaterThan(0.02);
    expect(inDrafts).toBeLessThan(0.09);
  });

  it('sends every action with a credential it may use, whose key answers 200 today', () => {
    const used = new Set<string>();
    let crossTeam = 0;
    for (const story of stories) {
      for (const action of story.actions) {
        const [slug, ...more] = actionReferences(action);
        expect(more).toEqual([]);
        const credential = resolveCredential(tenant, story, slug ?? '');
        expect(credential?.value.kind).toBe('key');
        if (credential?.value.kind !== 'key') continue;
        used.add(credential.id);
        if (story.teamId !== null && credential.teamId !== story.teamId) crossTeam++;
        const found = route(action.method, action.path);
        expect(found.kind).toBe('found');
        if (found.kind !== 'found') continue;
        const { name, ...target } = found.endpoint;
        const operation = { kind: name, ...target } as ApiOperation;
        expect(authorize(tenant, credential.value.keyId, operation).status).toBe(200);
      }
    }
    // Many credentials are used, some by other teams' stories; some are not used at all.
    expect(used.size).toBeGreaterThan(PEOPLE * 0.5);
    expect(used.size).toBeLessThan(PEOPLE);
    expect(crossTeam).toBeGreaterThan(0);
  });

  it('makes the credentials and stories after every person, key and change of status', () => {
    const first = scenario.events.findIndex((event) => event.type === 'credential_created');
    const automations = new Set(['credential_created', 'story_created', 'action_added']);
    expect(scenario.events.slice(0, first).some((event) => automations.has(event.type))).toBe(
      false,
    );
    expect(scenario.events.slice(first).every((event) => automations.has(event.type))).toBe(true);
  });

  it('re-invites a deleted person as a new active account with the same email', () => {
    expect(reinvited.length).toBeGreaterThan(0);
    for (const event of reinvited) {
      const previous = tenant.accounts.get(event.previousAccountId);
      const account = tenant.accounts.get(event.accountId);
      expect(previous?.status).toBe('deleted');
      expect(account?.status).toBe('active');
      expect(account?.id).not.toBe(previous?.id);
      expect(account?.email).toBe(previous?.email);
      expect(account?.reinvitedFrom).toBe(previous?.id);
    }
  });
});

describe('generateLargeScenario: small and edge sizes', () => {
  it.each([
    [1, 0],
    [1, 10],
    [3, 4],
    [39, 1],
    [41, 2],
    [150, 10],
  ])('builds a valid tenant for %i people and %i keys per person', (people, keysPerPerson) => {
    const scenario = generateLargeScenario({ people, keysPerPerson });
    const { tenant, refused } = replay(scenario.genesis, scenario.events);
    expect(refused).toEqual([]);
    expect(scenario.genesis.teams.length).toBe(Math.min(50, Math.ceil(people / 40)));
    const owners = [...tenant.accounts.values()].filter((a) => a.tenantRole === 'owner');
    expect(owners.length).toBeGreaterThanOrEqual(1);
    const keyEvents = scenario.events.filter((event) => event.type === 'key_created');
    expect(keyEvents.length).toBeGreaterThanOrEqual(people * keysPerPerson);
    if (people * keysPerPerson >= 4) {
      const scopes = new Set(keyEvents.map((event) => event.scope));
      expect([...scopes].sort()).toEqual([...KEY_SCOPES].sort());
    }
  });
});

describe('generateLargeScenario: parameters', () => {
  it.each([
    [{ people: 0, keysPerPerson: 4 }, 'people must be a whole number from 1 to 20000; got 0.'],
    [{ people: 20001, keysPerPerson: 4 }, 'people must be a whole number from 1 to 20000'],
    [{ people: 2.5, keysPerPerson: 4 }, 'people must be a whole number from 1 to 20000'],
    [{ people: Number.NaN, keysPerPerson: 4 }, 'people must be a whole number from 1 to 20000'],
    [{ people: 10, keysPerPerson: -1 }, 'keysPerPerson must be a whole number from 0 to 10'],
    [{ people: 10, keysPerPerson: 11 }, 'keysPerPerson must be a whole number from 0 to 10'],
    [
      { people: 10, keysPerPerson: Number.POSITIVE_INFINITY },
      'keysPerPerson must be a whole number from 0 to 10',
    ],
  ])('refuses %o, naming the parameter and its range', (options, message) => {
    expect(() => generateLargeScenario(options)).toThrow(RangeError);
    expect(() => generateLargeScenario(options)).toThrow(message);
  });

  it('accepts the bounds', () => {
    expect(() => generateLargeScenario({ people: 1, keysPerPerson: 0 })).not.toThrow();
    expect(() => generateLargeScenario({ people: 1, keysPerPerson: 10 })).not.toThrow();
  });
});

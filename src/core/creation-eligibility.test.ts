// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { changeStatus, createKey, inviteAccount, setRestrictApiKeyCreation } from './commands';
import {
  CREATION_RULES,
  type Eligibility,
  type KeyRequest,
  keyEligibility,
  scopeEligibility,
  teamsAccountMayKey,
} from './creation-eligibility';
import {
  createTenant,
  KEY_SCOPES,
  type KeyScope,
  type TeamRole,
  type TeamRoles,
  type Tenant,
  type TenantGenesis,
  type TenantPermission,
  type TenantRole,
} from './model';
import { ruleOf } from './rule-texts';
import { janeTinoStart, mustApply, startTenant } from './testing/arbitraries';

const genesis: TenantGenesis = {
  name: 'Eligibility Co',
  domain: 'eligibility-co-0001.tines.com',
  seed: 'eligibility',
  startsAt: Date.UTC(2026, 0, 5, 9, 0, 0),
  teams: [
    { id: 'team_automation', name: 'Team Automation' },
    { id: 'team_secops', name: 'Team SecOps' },
  ],
};

interface Person {
  readonly tenantRole: TenantRole;
  readonly teamRole: TeamRole | null;
  readonly permissions?: readonly TenantPermission[];
}

/** A tenant holding one account with these roles (on Team Automation), and that account's id. */
function tenantWith(person: Person): { tenant: Tenant; accountId: string } {
  const empty = createTenant(genesis);
  const teamRoles: TeamRoles = person.teamRole === null ? {} : { team_automation: person.teamRole };
  const event = inviteAccount(empty, {
    email: 'pat.doe@eligibility.example',
    name: 'Pat Doe',
    tenantRole: person.tenantRole,
    permissions: person.permissions ?? [],
    teamRoles,
  });
  return { tenant: mustApply(empty, event), accountId: event.accountId };
}

/** The key a creator would ask for: a team key covers Team Automation, a service key reads logs. */
function requestFor(accountId: string, scope: KeyScope): KeyRequest {
  return {
    createdBy: accountId,
    scope,
    teamRoles: scope === 'team' ? { team_automation: 'editor' } : {},
    permissions: scope === 'service' ? ['AUDIT_LOG_READ'] : [],
  };
}

function reasonOf(eligibility: Eligibility): string {
  if (eligibility.allowed) throw new Error('expected a refusal');
  return eligibility.reason;
}

const Y = true;
const N = false;
// Tenant role x team role (on Team Automation) -> may create a key of each scope.
const TABLE: ReadonlyArray<
  readonly [TenantRole, TeamRole | null, Readonly<Record<KeyScope, boolean>>]
> = [
  ['owner', 'team_admin', { personal: Y, team: Y, service: Y, tenant_owner: Y }],
  ['owner', 'editor', { personal: Y, team: Y, service: Y, tenant_owner: Y }],
  ['owner', 'viewer', { personal: Y, team: Y, service: Y, tenant_owner: Y }],
  ['owner', null, { personal: Y, team: Y, service: Y, tenant_owner: Y }],
  ['user', 'team_admin', { personal: Y, team: Y, service: N, tenant_owner: N }],
  ['user', 'editor', { personal: Y, team: N, service: N, tenant_owner: N }],
  ['user', 'viewer', { personal: Y, team: N, service: N, tenant_owner: N }],
  ['user', null, { personal: Y, team: N, service: N, tenant_owner: N }],
];

const REFUSAL_REASONS: Readonly<Record<KeyScope, string>> = {
  personal: '',
  team: 'Team keys need the Tenant owner role or Team admin on at least one team.',
  service: 'Service keys need the Tenant owner role.',
  tenant_owner: 'Tenant owner keys need the Tenant owner role.',
};

const CASES = TABLE.flatMap(([tenantRole, teamRole, allowed]) =>
  KEY_SCOPES.map((scope) => ({
    tenantRole,
    teamRole: teamRole ?? 'no team role',
    person: { tenantRole, teamRole },
    scope,
    allowed: allowed[scope],
    verb: allowed[scope] ? 'may' : 'may not',
  })),
);

describe('who may create which key', () => {
  it('covers every tenant role x team role x scope', () => {
    expect(CASES).toHaveLength(2 * 4 * 4);
  });

  for (const { tenantRole, teamRole, person, scope, allowed, verb } of CASES) {
    it(`a ${tenantRole} with ${teamRole} ${verb} create a ${scope} key`, () => {
      const { tenant, accountId } = tenantWith(person);
      const byScope = scopeEligibility(tenant, accountId, scope);
      const byKey = keyEligibility(tenant, requestFor(accountId, scope));
      expect(byScope.allowed).toBe(allowed);
      expect(byKey.allowed).toBe(allowed);
      if (!allowed) {
        expect(reasonOf(byScope)).toBe(REFUSAL_REASONS[scope]);
        expect(reasonOf(byKey)).toBe(REFUSAL_REASONS[scope]);
      }
    });

    it(`the reducer agrees: a ${tenantRole} with ${teamRole} creating a ${scope} key`, () => {
      const { tenant, accountId } = tenantWith(person);
      const request = requestFor(accountId, scope);
      const result = apply(tenant, createKey(tenant, { name: 'k', ...request }));
      expect(result.ok).toBe(allowed);
      if (!result.ok) {
        expect(result.refusal.reason).toBe(reasonOf(keyEligibility(tenant, request)));
        expect(result.tenant).toBe(tenant);
      }
    });
  }

  it('cites S2 for the owner-only scopes and marks the team admin rule as assumed', () => {
    const { tenant: owners, accountId: owner } = tenantWith({
      tenantRole: 'owner',
      teamRole: null,
    });
    const { tenant: admins, accountId: admin } = tenantWith({
      tenantRole: 'user',
      teamRole: 'team_admin',
    });
    expect(ruleOf(scopeEligibility(owners, owner, 'tenant_owner').rule).source).toMatchObject({
      kind: 'documented',
      sourceId: 'S2',
    });
    expect(ruleOf(scopeEligibility(owners, owner, 'service').rule).source).toMatchObject({
      kind: 'documented',
      sourceId: 'S2',
    });
    expect(scopeEligibility(admins, admin, 'team').rule).toBe(CREATION_RULES.teamScopeAdmin);
    expect(ruleOf(CREATION_RULES.teamScopeAdmin).source.kind).toBe('assumed');
  });
});

describe('inactive accounts', () => {
  const cases = (['deactivated', 'deleted'] as const).flatMap((status) =>
    (['owner', 'user'] as const).flatMap((tenantRole) =>
      KEY_SCOPES.map((scope) => ({ status, tenantRole, scope })),
    ),
  );

  for (const { status, tenantRole, scope } of cases) {
    it(`refuses a ${status} ${tenantRole} any ${scope} key, naming the status`, () => {
      const { tenant: live, accountId } = tenantWith({ tenantRole, teamRole: 'team_admin' });
      const type = status === 'deleted' ? 'account_deleted' : 'account_deactivated';
      const tenant = mustApply(live, changeStatus(live, type, accountId));
      for (const eligibility of [
        scopeEligibility(tenant, accountId, scope),
        keyEligibility(tenant, requestFor(accountId, scope)),
      ]) {
        expect(eligibility.allowed).toBe(false);
        expect(eligibility.rule).toBe(CREATION_RULES.activeOnly);
        expect(reasonOf(eligibility)).toBe(
          `Only active accounts create keys; Pat Doe is ${status}.`,
        );
      }
    });
  }

  it('refuses an account that does not exist', () => {
    const { tenant } = tenantWith({ tenantRole: 'owner', teamRole: null });
    for (const scope of KEY_SCOPES) {
      const eligibility = scopeEligibility(tenant, 'usr_9999', scope);
      expect(eligibility.allowed).toBe(false);
      expect(eligibility.rule).toBe(CREATION_RULES.unknownAccount);
    }
  });
});

describe('with key creation restricted (restrictApiKeyCreation on)', () => {
  function restricted(person: Person): { tenant: Tenant; accountId: string } {
    const { tenant, accountId } = tenantWith(person);
    return { tenant: mustApply(tenant, setRestrictApiKeyCreation(tenant, true)), accountId };
  }

  for (const { role, label, scope } of (['team_admin', 'editor', 'viewer', null] as const).flatMap(
    (role) => KEY_SCOPES.map((scope) => ({ role, label: role ?? 'no team role', scope })),
  )) {
    it(`refuses a member (${label}) without API_KEY_CREATE a ${scope} key`, () => {
      const { tenant, accountId } = restricted({
        tenantRole: 'user',
        teamRole: role,
        permissions: ['AUDIT_LOG_READ', 'TUNNEL_MANAGE'],
      });
      for (const eligibility of [
        scopeEligibility(tenant, accountId, scope),
        keyEligibility(tenant, requestFor(accountId, scope)),
      ]) {
        expect(eligibility.allowed).toBe(false);
        expect(eligibility.rule).toBe(CREATION_RULES.restricted);
        expect(reasonOf(eligibility)).toContain('API_KEY_CREATE');
      }
    });
  }

  it('lets a member holding API_KEY_CREATE create a personal key', () => {
    const { tenant, accountId } = restricted({
      tenantRole: 'user',
      teamRole: null,
      permissions: ['API_KEY_CREATE'],
    });
    expect(keyEligibility(tenant, requestFor(accountId, 'personal')).allowed).toBe(true);
  });

  it('still holds a member with API_KEY_CREATE to the scope rules', () => {
    const { tenant, accountId } = restricted({
      tenantRole: 'user',
      teamRole: 'team_admin',
      permissions: ['API_KEY_CREATE'],
    });
    const allowed = Object.fromEntries(
      KEY_SCOPES.map((scope) => [
        scope,
        keyEligibility(tenant, requestFor(accountId, scope)).allowed,
      ]),
    );
    expect(allowed).toEqual({ personal: true, team: true, service: false, tenant_owner: false });
  });

  it('lets a tenant owner create every scope', () => {
    const { tenant, accountId } = restricted({ tenantRole: 'owner', teamRole: null });
    for (const scope of KEY_SCOPES) {
      expect(keyEligibility(tenant, requestFor(accountId, scope)).allowed).toBe(true);
    }
  });

  it('marks the restriction as assumed, since S3 does not say it covers personal keys', () => {
    expect(ruleOf(CREATION_RULES.restricted).source.kind).toBe('assumed');
  });
});

describe('team keys and the teams they cover', () => {
  const tenant = startTenant(janeTinoStart);
  const idOf = (name: string): string => {
    const account = [...tenant.accounts.values()].find((a) => a.name === name);
    if (account === undefined) throw new Error(`No ${name}`);
    return account.id;
  };
  const teamKey = (name: string, teamRoles: TeamRoles): KeyRequest => ({
    createdBy: idOf(name),
    scope: 'team',
    teamRoles,
    permissions: [],
  });

  it('lets a team admin cover the team they administer', () => {
    expect(
      keyEligibility(tenant, teamKey('Sam Patel', { team_automation: 'editor' })).allowed,
    ).toBe(true);
  });

  it.each([
    ['only that team', { team_secops: 'viewer' }],
    ['it alongside one they administer', { team_automation: 'editor', team_secops: 'viewer' }],
  ] as const)(
    'refuses a team admin covering a team they do not administer (%s), naming it',
    (_, roles) => {
      const eligibility = keyEligibility(tenant, teamKey('Sam Patel', roles));
      expect(eligibility.allowed).toBe(false);
      expect(eligibility.rule).toBe(CREATION_RULES.teamScopeAdmin);
      expect(reasonOf(eligibility)).toBe(
        'Team keys covering Team SecOps need Team admin on Team SecOps or the Tenant owner role.',
      );
    },
  );

  it('the reducer refuses the same key with the same reason', () => {
    const request = teamKey('Sam Patel', { team_secops: 'viewer' });
    const result = apply(tenant, createKey(tenant, { name: 'SecOps', ...request }));
    expect(result.ok).toBe(false);
    expect(result.tenant).toBe(tenant);
    if (!result.ok) expect(result.refusal.reason).toBe(reasonOf(keyEligibility(tenant, request)));
  });

  it('lets a tenant owner cover teams they hold no role in', () => {
    const request = teamKey('Alex Morgan', {
      team_automation: 'viewer',
      team_secops: 'team_admin',
    });
    expect(keyEligibility(tenant, request).allowed).toBe(true);
  });

  it('refuses a team key that covers no team', () => {
    const eligibility = keyEligibility(tenant, teamKey('Jane Tino', {}));
    expect(eligibility.allowed).toBe(false);
    expect(eligibility.rule).toBe(CREATION_RULES.teamKeyShape);
  });

  it('refuses a team key covering a team that does not exist, naming it', () => {
    const eligibility = keyEligibility(tenant, teamKey('Jane Tino', { team_ghost: 'viewer' }));
    expect(eligibility.allowed).toBe(false);
    expect(reasonOf(eligibility)).toContain('team_ghost');
  });

  it('lists the teams an account may put on a team key', () => {
    const accounts = tenant.accounts;
    const mayKey = (name: string) => {
      const account = accounts.get(idOf(name));
      return account === undefined ? undefined : teamsAccountMayKey(tenant, account);
    };
    expect(mayKey('Alex Morgan')).toEqual(['team_automation', 'team_secops']);
    expect(mayKey('Sam Patel')).toEqual(['team_automation']);
    expect(mayKey('Eli Brooks')).toEqual([]);
    expect(mayKey('Vera Lin')).toEqual([]);
  });
});

describe('the FAQ example', () => {
  it('lets Jane Tino, tenant owner and team admin of Team Automation, create all four scopes', () => {
    const tenant = startTenant(janeTinoStart);
    const jane = [...tenant.accounts.values()].find((a) => a.name === 'Jane Tino');
    if (jane === undefined) throw new Error('No Jane');
    expect(jane.tenantRole).toBe('owner');
    expect(jane.teamRoles).toEqual({ team_automation: 'team_admin' });
    for (const scope of KEY_SCOPES) {
      expect(scopeEligibility(tenant, jane.id, scope).allowed).toBe(true);
      expect(keyEligibility(tenant, requestFor(jane.id, scope)).allowed).toBe(true);
    }
  });
});

describe('every refusal', () => {
  it('has a non-empty sentence a person can act on', () => {
    const refusals: Eligibility[] = [];
    const people: Person[] = TABLE.map(([tenantRole, teamRole]) => ({ tenantRole, teamRole }));
    for (const person of people) {
      const { tenant: live, accountId } = tenantWith(person);
      const variants = [
        live,
        mustApply(live, setRestrictApiKeyCreation(live, true)),
        mustApply(live, changeStatus(live, 'account_deactivated', accountId)),
        mustApply(live, changeStatus(live, 'account_deleted', accountId)),
      ];
      for (const tenant of variants) {
        for (const scope of KEY_SCOPES) {
          refusals.push(scopeEligibility(tenant, accountId, scope));
          refusals.push(keyEligibility(tenant, requestFor(accountId, scope)));
          refusals.push(
            keyEligibility(tenant, { ...requestFor(accountId, 'team'), teamRoles: {} }),
          );
          refusals.push(
            keyEligibility(tenant, {
              ...requestFor(accountId, 'team'),
              teamRoles: { team_secops: 'viewer' },
            }),
          );
        }
        refusals.push(scopeEligibility(tenant, 'usr_9999', 'personal'));
      }
    }
    const reasons = refusals.flatMap((e) => (e.allowed ? [] : [e.reason]));
    expect(reasons.length).toBeGreaterThan(100);
    for (const reason of reasons) {
      expect(reason.trim()).not.toBe('');
      expect(reason).toMatch(/^[A-Z].*\.$/);
      expect(reason).not.toMatch(/undefined|null|\[object/);
    }
  });
});

/**
 * Who may create which key. domain.md, "Who may create which key".
 * Every refusal carries a sentence a person can act on and the rule that produced it.
 */
import type { Account, KeyScope, TeamId, TeamRoles, Tenant, TenantPermission } from './model';
import { assumed, documented, type RuleRef } from './rule-sources';

export type Eligibility =
  | { readonly allowed: true; readonly rule: RuleRef }
  | { readonly allowed: false; readonly reason: string; readonly rule: RuleRef };

export const CREATION_RULES = {
  unknownAccount: {
    id: 'create.unknown-account',
    summary: 'Keys are created by an account of this tenant.',
    source: assumed('An account that does not exist cannot act.'),
  },
  knownScope: {
    id: 'create.known-scope',
    summary: 'A key is personal, team, service or tenant owner.',
    source: documented('S2'),
  },
  activeOnly: {
    id: 'create.active-only',
    summary: 'Only an active account creates keys.',
    source: assumed('A deactivated or deleted account cannot sign in, so it cannot create keys.'),
  },
  restricted: {
    id: 'create.restricted',
    summary:
      'With key creation restricted, only tenant owners and holders of API_KEY_CREATE create keys; the simulator applies this to every scope.',
    source: assumed(
      'S3 documents the restriction; whether it also covers personal keys is not documented.',
    ),
  },
  personal: {
    id: 'create.personal',
    summary: 'Every active account may create its own personal keys.',
    source: documented('S2', 'Only you can create and delete your personal API keys.'),
  },
  tenantOwnerScope: {
    id: 'create.tenant-owner-scope',
    summary: 'Tenant owner keys need the Tenant owner role.',
    source: documented('S2'),
  },
  serviceScope: {
    id: 'create.service-scope',
    summary: 'Service keys need the Tenant owner role.',
    source: documented('S2'),
  },
  teamScopeOwner: {
    id: 'create.team-scope-owner',
    summary: 'Tenant owners may create team keys for any team.',
    source: documented('S2'),
  },
  teamScopeAdmin: {
    id: 'create.team-scope-admin',
    summary: 'A team admin may create team keys for the teams they administer.',
    source: assumed(
      'S1 says a team admin of "Team Automation" gets team keys; the exact rule for non-owners is not documented.',
    ),
  },
  teamKeyShape: {
    id: 'create.team-key-shape',
    summary: 'A team key covers one or more existing teams, each with a team role.',
    source: documented('S6'),
  },
} as const satisfies Record<string, RuleRef>;

function refuse(reason: string, rule: RuleRef): Eligibility {
  return { allowed: false, reason, rule };
}

function allow(rule: RuleRef): Eligibility {
  return { allowed: true, rule };
}

/** Checks that apply to every scope: the account exists, is active, and passes the restriction. */
function baseEligibility(tenant: Tenant, account: Account): Eligibility | null {
  if (account.status !== 'active') {
    return refuse(
      `Only active accounts create keys; ${account.name} is ${account.status}.`,
      CREATION_RULES.activeOnly,
    );
  }
  if (
    tenant.restrictApiKeyCreation &&
    account.tenantRole !== 'owner' &&
    !account.permissions.includes('API_KEY_CREATE')
  ) {
    return refuse(
      'Key creation is restricted to tenant owners and holders of the API_KEY_CREATE permission.',
      CREATION_RULES.restricted,
    );
  }
  return null;
}

/** Teams this account may put on a team key (all teams for an owner). */
export function teamsAccountMayKey(tenant: Tenant, account: Account): TeamId[] {
  if (account.tenantRole === 'owner') return [...tenant.teams.keys()];
  return [...tenant.teams.keys()].filter((teamId) => account.teamRoles[teamId] === 'team_admin');
}

/**
 * May this account create a key of this scope at all? This is what the "Create key" dialog
 * shows for each scope before the user picks teams or permissions.
 */
export function scopeEligibility(tenant: Tenant, accountId: string, scope: KeyScope): Eligibility {
  const account = tenant.accounts.get(accountId);
  if (account === undefined) {
    return refuse('No such account in this tenant.', CREATION_RULES.unknownAccount);
  }
  const base = baseEligibility(tenant, account);
  if (base !== null) return base;
  switch (scope) {
    case 'personal':
      return allow(CREATION_RULES.personal);
    case 'tenant_owner':
      return account.tenantRole === 'owner'
        ? allow(CREATION_RULES.tenantOwnerScope)
        : refuse('Tenant owner keys need the Tenant owner role.', CREATION_RULES.tenantOwnerScope);
    case 'service':
      return account.tenantRole === 'owner'
        ? allow(CREATION_RULES.serviceScope)
        : refuse('Service keys need the Tenant owner role.', CREATION_RULES.serviceScope);
    case 'team':
      if (account.tenantRole === 'owner') return allow(CREATION_RULES.teamScopeOwner);
      if (Object.values(account.teamRoles).includes('team_admin')) {
        return allow(CREATION_RULES.teamScopeAdmin);
      }
      return refuse(
        'Team keys need the Tenant owner role or Team admin on at least one team.',
        CREATION_RULES.teamScopeAdmin,
      );
    default:
      return refuse(`Unknown key scope "${String(scope)}".`, CREATION_RULES.knownScope);
  }
}

export interface KeyRequest {
  readonly createdBy: string;
  readonly scope: KeyScope;
  readonly teamRoles: TeamRoles;
  readonly permissions: readonly TenantPermission[];
}

/** May this exact key (scope, teams, permissions) be created by this account? */
export function keyEligibility(tenant: Tenant, request: KeyRequest): Eligibility {
  const scoped = scopeEligibility(tenant, request.createdBy, request.scope);
  if (!scoped.allowed || request.scope !== 'team') return scoped;
  const account = tenant.accounts.get(request.createdBy);
  const teamIds = Object.keys(request.teamRoles);
  if (teamIds.length === 0) {
    return refuse('A team key must cover at least one team.', CREATION_RULES.teamKeyShape);
  }
  for (const teamId of teamIds) {
    const team = tenant.teams.get(teamId);
    if (team === undefined)
      return refuse(`There is no team "${teamId}".`, CREATION_RULES.teamKeyShape);
    if (account?.tenantRole !== 'owner' && account?.teamRoles[teamId] !== 'team_admin') {
      return refuse(
        `Team keys covering ${team.name} need Team admin on ${team.name} or the Tenant owner role.`,
        CREATION_RULES.teamScopeAdmin,
      );
    }
  }
  return scoped;
}

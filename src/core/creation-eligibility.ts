/**
 * Who may create which key. domain.md, "Who may create which key".
 * Every refusal carries a sentence a person can act on and the rule that produced it.
 */
import type { Account, KeyScope, TeamId, TeamRoles, Tenant, TenantPermission } from './model';
import type { RuleTag } from './rule-sources';

export type Eligibility =
  | { readonly allowed: true; readonly rule: RuleTag }
  | { readonly allowed: false; readonly reason: string; readonly rule: RuleTag };

/** By id; each rule's summary and source are in rule-texts.ts. */
export const CREATION_RULES = {
  unknownAccount: { id: 'create.unknown-account' },
  knownScope: { id: 'create.known-scope' },
  activeOnly: { id: 'create.active-only' },
  restricted: { id: 'create.restricted' },
  personal: { id: 'create.personal' },
  tenantOwnerScope: { id: 'create.tenant-owner-scope' },
  serviceScope: { id: 'create.service-scope' },
  teamScopeOwner: { id: 'create.team-scope-owner' },
  teamScopeAdmin: { id: 'create.team-scope-admin' },
  teamKeyShape: { id: 'create.team-key-shape' },
} as const satisfies Record<string, RuleTag>;

function refuse(reason: string, rule: RuleTag): Eligibility {
  return { allowed: false, reason, rule };
}

function allow(rule: RuleTag): Eligibility {
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

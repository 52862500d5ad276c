/**
 * Authorization: once a key is accepted (200, not 401), may it make this request (200) or not
 * (403)? domain.md, "Permission: 200 or 403". 401 means the caller is not recognised; 403 means
 * recognised but not allowed (S8). Which principal may call which endpoint is assumed from the
 * role descriptions in S2, S4 and S5; the vendor does not publish this table.
 */
import { evaluateKey, type VerdictCode } from './key-verdict';
import type {
  AccountId,
  ApiKey,
  Credential,
  CredentialId,
  KeyId,
  Story,
  TeamId,
  TeamRole,
  Tenant,
  TenantPermission,
} from './model';
import { assumed, documented, type RuleRef } from './rule-sources';
import { ruleOf } from './rule-texts';

/** The simulated API's operations, after routing. Paths follow the real API (S7). */
export type ApiOperation =
  | { readonly kind: 'info' }
  | { readonly kind: 'list_users' }
  | { readonly kind: 'get_user'; readonly userId: AccountId }
  | { readonly kind: 'update_user'; readonly userId: AccountId }
  | { readonly kind: 'delete_user'; readonly userId: AccountId }
  | { readonly kind: 'audit_logs' }
  | { readonly kind: 'team_members'; readonly teamId: TeamId }
  | { readonly kind: 'create_story'; readonly teamId: TeamId }
  /** `GET /api/v1/user_credentials`, with `team_id` or without (null). */
  | { readonly kind: 'list_credentials'; readonly teamId: TeamId | null }
  /**
   * `GET /api/v1/user_credentials/{id}`: who may read it depends on where it lives and how it is
   * shared (`place`); null when no live credential has the id (the target check answers 404).
   */
  | {
      readonly kind: 'get_credential';
      readonly credentialId: CredentialId;
      readonly place: CredentialPlace | null;
    }
  /** `GET /api/v1/stories`, with `team_id` or without (null). */
  | { readonly kind: 'list_stories'; readonly teamId: TeamId | null };

/** Where a credential lives and whom it is shared with: all that reading it depends on. */
export type CredentialPlace = Pick<
  Credential,
  'teamId' | 'draftsOf' | 'readAccess' | 'sharedTeams'
>;

export type ApiOperationKind = ApiOperation['kind'];

/** How each operation is written as a request, for tables and explanations. */
export function describeOperation(operation: ApiOperation): string {
  switch (operation.kind) {
    case 'info':
      return 'GET /api/v1/info';
    case 'list_users':
      return 'GET /api/v1/admin/users';
    case 'get_user':
      return `GET /api/v1/admin/users/${operation.userId}`;
    case 'update_user':
      return `PUT /api/v1/admin/users/${operation.userId}`;
    case 'delete_user':
      return `DELETE /api/v1/admin/users/${operation.userId}`;
    case 'audit_logs':
      return 'GET /api/v1/audit_logs';
    case 'team_members':
      return `GET /api/v1/teams/${operation.teamId}/members`;
    case 'create_story':
      return `POST /api/v1/stories (team_id ${operation.teamId})`;
    case 'list_credentials':
      return `GET /api/v1/user_credentials${teamQuery(operation.teamId)}`;
    case 'get_credential':
      return `GET /api/v1/user_credentials/${operation.credentialId}${placeText(operation.place)}`;
    case 'list_stories':
      return `GET /api/v1/stories${teamQuery(operation.teamId)}`;
  }
}

function teamQuery(teamId: TeamId | null): string {
  return teamId === null ? '' : `?team_id=${teamId}`;
}

function placeText(place: CredentialPlace | null): string {
  if (place === null) return '';
  const home = place.teamId !== null ? `of ${place.teamId}` : `in ${place.draftsOf}'s drafts`;
  const shared =
    place.readAccess === 'SPECIFIC_TEAMS'
      ? `SPECIFIC_TEAMS ${place.sharedTeams.join(', ')}`
      : place.readAccess;
  return ` (a credential ${home}, read access ${shared})`;
}

export type DecisionCode =
  | VerdictCode
  | 'NOT_TENANT_OWNER'
  | 'NO_AUDIT_LOG_READ'
  | 'NOT_ON_TEAM'
  | 'TEAM_ROLE_TOO_LOW'
  | 'NO_TEAM_ACCESS'
  | 'CREDENTIAL_NOT_SHARED';

export interface Decision {
  readonly status: 200 | 401 | 403;
  readonly code: DecisionCode;
  readonly rule: RuleRef;
}

export const PERMISSION_RULES = {
  anyValidKey: {
    id: 'perm.info-any-key',
    summary: 'Any valid key may read /api/v1/info.',
    source: assumed('Every principal can identify itself; S2 does not restrict it.'),
  },
  ownerAccess: {
    id: 'perm.owner-access',
    summary:
      'Tenant owner keys, and personal keys of tenant owners, have full access: they act as a tenant owner.',
    source: documented('S2'),
  },
  adminUsers: {
    id: 'perm.admin-users',
    summary: 'Managing users needs tenant owner access.',
    source: assumed('S4 gives user administration to tenant owners; S7 documents the endpoints.'),
  },
  auditLogs: {
    id: 'perm.audit-logs',
    summary: 'Reading the audit log needs tenant owner access or the AUDIT_LOG_READ permission.',
    source: assumed(
      'S4 describes AUDIT_LOG_READ; which keys carry it is the simulator’s reading of S2.',
    ),
  },
  teamMembers: {
    id: 'perm.team-members',
    summary:
      'Listing a team’s members needs a role on that team (a team key covering it, or membership).',
    source: assumed(
      'S5 describes team roles; a key or member outside the team gets 403 here, not 404.',
    ),
  },
  createStory: {
    id: 'perm.create-story',
    summary: 'Creating a story in a team needs Editor or Team admin on that team.',
    source: assumed('S5: viewers can view but not edit; editors and team admins can build.'),
  },
  listCredentials: {
    id: 'perm.list-credentials',
    summary:
      'Listing credentials (metadata, never values): tenant owner access lists all; other keys and people list those of their teams (any role), those shared with all teams (GLOBAL) or with one of their teams (SPECIFIC_TEAMS), and a person also their own drafts’; with team_id, a role on that team is needed. Service keys hold only tenant permissions and get 403.',
    source: assumed(
      'S11 says where a credential can be used and that a team sees those shared with it; S16 gives viewers metadata (assumed in domain.md); the vendor publishes no table for keys.',
    ),
  },
  getCredential: {
    id: 'perm.get-credential',
    summary:
      'Reading one credential’s metadata needs what listing it needs: tenant owner access, a role on its team, sharing that reaches one of your teams (GLOBAL, SPECIFIC_TEAMS), or, for a person, their own drafts. Service keys get 403; an unknown or deleted credential answers 404.',
    source: assumed(
      'S11 and S16 as for the list; a credential outside your reach gets 403 (not 404), as a team outside it does.',
    ),
  },
  listStories: {
    id: 'perm.list-stories',
    summary:
      'Listing stories: tenant owner access lists all; other keys and people list the stories of their teams (any role) and a person also their own drafts’; with team_id, a role on that team is needed. Service keys get 403.',
    source: assumed(
      'S5: every team role can view the team’s stories; drafts are their owner’s (S9). The vendor publishes no table for keys.',
    ),
  },
} as const satisfies Record<string, RuleRef>;

/**
 * What a principal holds: owner access, tenant permissions, a role per team, and for a personal
 * key the account whose drafts it may read (its creator).
 */
export interface Grants {
  readonly owner: boolean;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: Readonly<Record<TeamId, TeamRole>>;
  readonly drafts: AccountId | null;
  /** Service keys act with tenant permissions only: no team, no drafts. */
  readonly service: boolean;
}

const NONE: Grants = { owner: false, permissions: [], teamRoles: {}, drafts: null, service: false };

/**
 * The grants a key acts with. A personal key acts as its creator with the creator's *current*
 * roles (S2), so demoting a person narrows their personal key at once; the other scopes are
 * separate principals with what they were granted at creation.
 */
export function grantsOf(tenant: Tenant, key: ApiKey): Grants {
  switch (key.scope) {
    case 'tenant_owner':
      return { ...NONE, owner: true };
    case 'service':
      return { ...NONE, permissions: key.permissions, service: true };
    case 'team':
      return { ...NONE, teamRoles: key.teamRoles };
    case 'personal': {
      const creator = tenant.accounts.get(key.createdBy);
      if (creator === undefined) return NONE;
      return {
        owner: creator.tenantRole === 'owner',
        permissions: creator.permissions,
        teamRoles: creator.teamRoles,
        drafts: creator.id,
        service: false,
      };
    }
  }
}

/**
 * A principal's role on a team: an own entry of its roles only. A team id comes from a request
 * (the path, `team_id`), and `teamRoles` is a plain object: "constructor" or "__proto__" would
 * otherwise find Object.prototype's and pass for a role.
 */
function roleOn(grants: Grants, teamId: TeamId): TeamRole | undefined {
  return Object.hasOwn(grants.teamRoles, teamId) ? grants.teamRoles[teamId] : undefined;
}

/**
 * Whether a principal may read a credential's metadata [assumed from S11, S16]: owners any; else
 * one of its teams' own, one shared with all teams (GLOBAL) or with one of its teams
 * (SPECIFIC_TEAMS), or one in the person's own drafts. Service keys none.
 */
export function canReadCredential(grants: Grants, place: CredentialPlace): boolean {
  if (grants.owner) return true;
  if (grants.service) return false;
  if (place.teamId !== null && roleOn(grants, place.teamId) !== undefined) return true;
  if (place.draftsOf !== null && place.draftsOf === grants.drafts) return true;
  if (place.readAccess === 'GLOBAL') return true;
  return (
    place.readAccess === 'SPECIFIC_TEAMS' &&
    place.sharedTeams.some((teamId) => roleOn(grants, teamId) !== undefined)
  );
}

/** Whether a principal may see a story [assumed from S5, S9]: its team's, or one's own drafts. */
export function canReadStory(grants: Grants, story: Pick<Story, 'teamId' | 'draftsOf'>): boolean {
  if (grants.owner) return true;
  if (grants.service) return false;
  if (story.teamId !== null) return roleOn(grants, story.teamId) !== undefined;
  return story.draftsOf !== null && story.draftsOf === grants.drafts;
}

const allow = (rule: RuleRef): Decision => ({ status: 200, code: 'VALID', rule });
const forbid = (code: DecisionCode, rule: RuleRef): Decision => ({ status: 403, code, rule });

function decide(grants: Grants, operation: ApiOperation): Decision {
  if (operation.kind === 'info') return allow(PERMISSION_RULES.anyValidKey);
  if (grants.owner) return allow(PERMISSION_RULES.ownerAccess);
  switch (operation.kind) {
    case 'list_users':
    case 'get_user':
    case 'update_user':
    case 'delete_user':
      return forbid('NOT_TENANT_OWNER', PERMISSION_RULES.adminUsers);
    case 'audit_logs':
      return grants.permissions.includes('AUDIT_LOG_READ')
        ? allow(PERMISSION_RULES.auditLogs)
        : forbid('NO_AUDIT_LOG_READ', PERMISSION_RULES.auditLogs);
    case 'team_members':
      return roleOn(grants, operation.teamId) === undefined
        ? forbid('NOT_ON_TEAM', PERMISSION_RULES.teamMembers)
        : allow(PERMISSION_RULES.teamMembers);
    case 'create_story': {
      const role = roleOn(grants, operation.teamId);
      if (role === undefined) return forbid('NOT_ON_TEAM', PERMISSION_RULES.createStory);
      return role === 'viewer'
        ? forbid('TEAM_ROLE_TOO_LOW', PERMISSION_RULES.createStory)
        : allow(PERMISSION_RULES.createStory);
    }
    case 'list_credentials':
    case 'list_stories': {
      const rule =
        operation.kind === 'list_credentials'
          ? PERMISSION_RULES.listCredentials
          : PERMISSION_RULES.listStories;
      if (grants.service) return forbid('NO_TEAM_ACCESS', rule);
      if (operation.teamId !== null && roleOn(grants, operation.teamId) === undefined) {
        return forbid('NOT_ON_TEAM', rule);
      }
      return allow(rule);
    }
    case 'get_credential': {
      const rule = PERMISSION_RULES.getCredential;
      if (grants.service) return forbid('NO_TEAM_ACCESS', rule);
      // Unknown or deleted: allowed here so that the target check answers 404.
      if (operation.place === null || canReadCredential(grants, operation.place)) {
        return allow(rule);
      }
      return forbid('CREDENTIAL_NOT_SHARED', rule);
    }
  }
}

/**
 * The answer to a request made with this key: 401 when the key is not accepted (the validity
 * rules decide, first), else 200 or 403 by what the key's principal holds.
 */
export function authorize(
  tenant: Tenant,
  keyId: KeyId | undefined,
  operation: ApiOperation,
): Decision {
  const verdict = evaluateKey(tenant, keyId);
  const key = keyId === undefined ? undefined : tenant.keys.get(keyId);
  if (verdict.status === 401 || key === undefined) {
    return { status: 401, code: verdict.code, rule: ruleOf(verdict.rule) };
  }
  return decide(grantsOf(tenant, key), operation);
}

/**
 * Authorization: once a key is accepted (200, not 401), may it make this request (200) or not
 * (403)? domain.md, "Permission: 200 or 403". 401 means the caller is not recognised; 403 means
 * recognised but not allowed (S8). Which principal may call which endpoint is assumed from the
 * role descriptions in S2, S4 and S5; the vendor does not publish this table.
 */
import { evaluateKey, type VerdictCode } from './key-verdict';
import type { AccountId, ApiKey, KeyId, TeamId, TeamRole, Tenant, TenantPermission } from './model';
import { assumed, documented, type RuleRef } from './rule-sources';

/** The simulated API's operations, after routing. Paths follow the real API (S7). */
export type ApiOperation =
  | { readonly kind: 'info' }
  | { readonly kind: 'list_users' }
  | { readonly kind: 'get_user'; readonly userId: AccountId }
  | { readonly kind: 'update_user'; readonly userId: AccountId }
  | { readonly kind: 'delete_user'; readonly userId: AccountId }
  | { readonly kind: 'audit_logs' }
  | { readonly kind: 'team_members'; readonly teamId: TeamId }
  | { readonly kind: 'create_story'; readonly teamId: TeamId };

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
  }
}

export type DecisionCode =
  | VerdictCode
  | 'NOT_TENANT_OWNER'
  | 'NO_AUDIT_LOG_READ'
  | 'NOT_ON_TEAM'
  | 'TEAM_ROLE_TOO_LOW';

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
} as const satisfies Record<string, RuleRef>;

/** What a principal holds: owner access, tenant permissions, and a role per team. */
interface Grants {
  readonly owner: boolean;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: Readonly<Record<TeamId, TeamRole>>;
}

const NONE: Grants = { owner: false, permissions: [], teamRoles: {} };

/**
 * The grants a key acts with. A personal key acts as its creator with the creator's *current*
 * roles (S2), so demoting a person narrows their personal key at once; the other scopes are
 * separate principals with what they were granted at creation.
 */
function grantsOf(tenant: Tenant, key: ApiKey): Grants {
  switch (key.scope) {
    case 'tenant_owner':
      return { owner: true, permissions: [], teamRoles: {} };
    case 'service':
      return { owner: false, permissions: key.permissions, teamRoles: {} };
    case 'team':
      return { owner: false, permissions: [], teamRoles: key.teamRoles };
    case 'personal': {
      const creator = tenant.accounts.get(key.createdBy);
      if (creator === undefined) return NONE;
      return {
        owner: creator.tenantRole === 'owner',
        permissions: creator.permissions,
        teamRoles: creator.teamRoles,
      };
    }
  }
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
      return grants.teamRoles[operation.teamId] === undefined
        ? forbid('NOT_ON_TEAM', PERMISSION_RULES.teamMembers)
        : allow(PERMISSION_RULES.teamMembers);
    case 'create_story': {
      const role = grants.teamRoles[operation.teamId];
      if (role === undefined) return forbid('NOT_ON_TEAM', PERMISSION_RULES.createStory);
      return role === 'viewer'
        ? forbid('TEAM_ROLE_TOO_LOW', PERMISSION_RULES.createStory)
        : allow(PERMISSION_RULES.createStory);
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
    return { status: 401, code: verdict.code, rule: verdict.rule };
  }
  return decide(grantsOf(tenant, key), operation);
}

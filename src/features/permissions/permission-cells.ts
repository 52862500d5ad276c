import { VERDICT_LABELS } from '../../core/key-verdict';
import type { ApiKey, TeamId } from '../../core/model';
import type { ApiOperation, Decision, DecisionCode } from '../../core/permissions';

export type PermissionColumnId =
  | 'info'
  | 'list_users'
  | 'update_user'
  | 'delete_user'
  | 'audit_logs'
  | 'team_members'
  | 'list_credentials'
  | 'get_credential'
  | 'list_stories'
  | 'create_story';

/** The permission matrix's columns: one request each, as its header reads. */
export const PERMISSION_COLUMNS: ReadonlyArray<{
  readonly id: PermissionColumnId;
  readonly label: string;
}> = [
  { id: 'info', label: 'GET /info' },
  { id: 'list_users', label: 'GET /admin/users' },
  { id: 'update_user', label: 'PUT /admin/users/{id}' },
  { id: 'delete_user', label: 'DELETE /admin/users/{id}' },
  { id: 'audit_logs', label: 'GET /audit_logs' },
  { id: 'team_members', label: 'GET /teams/{id}/members' },
  { id: 'list_credentials', label: 'GET /user_credentials' },
  { id: 'get_credential', label: 'GET /user_credentials/{id}' },
  { id: 'list_stories', label: 'GET /stories' },
  { id: 'create_story', label: 'POST /stories' },
];

/**
 * A column's label cut where a narrow header may wrap: after its method, and after each "/" or
 * "_" of its path but the first, so `GET /user_credentials/{id}` -> `GET `, `/user_`,
 * `credentials/`, `{id}`.
 */
export function labelParts(label: string): string[] {
  return label.split(/(?<= |[^ ]\/|_)/);
}

/**
 * The request a column stands for, made with this key. User endpoints target the key's creator:
 * authorization does not depend on the target user. Team endpoints target the chosen team: the
 * lists ask for its `team_id`, and reading one credential stands for a credential of that team
 * shared with no other (`TEAM`), the narrowest reach, so the cell says who may read a team's own.
 */
export function operationFor(
  column: PermissionColumnId,
  key: ApiKey,
  teamId: TeamId,
): ApiOperation {
  switch (column) {
    case 'info':
    case 'list_users':
    case 'audit_logs':
      return { kind: column };
    case 'update_user':
    case 'delete_user':
      return { kind: column, userId: key.createdBy };
    case 'team_members':
    case 'create_story':
    case 'list_credentials':
    case 'list_stories':
      return { kind: column, teamId };
    case 'get_credential':
      return {
        kind: column,
        credentialId: '{id}',
        place: { teamId, draftsOf: null, readAccess: 'TEAM', sharedTeams: [] },
      };
  }
}

/** Short labels: a 401 reads as its verdict ("Owner deactivated"), a 403 as its reason. */
const DECISION_LABELS: Readonly<Record<DecisionCode, string>> = {
  ...VERDICT_LABELS,
  VALID: 'Allowed',
  NOT_TENANT_OWNER: 'Not owner',
  NO_AUDIT_LOG_READ: 'No audit read',
  NOT_ON_TEAM: 'Not on team',
  TEAM_ROLE_TOO_LOW: 'Role too low',
  NO_TEAM_ACCESS: 'No team access',
  CREDENTIAL_NOT_SHARED: 'Not shared',
};

export function decisionLabel(decision: Decision): string {
  return DECISION_LABELS[decision.code];
}

export function permissionCellId(keyId: string, column: PermissionColumnId): string {
  return `${keyId}:${column}`;
}

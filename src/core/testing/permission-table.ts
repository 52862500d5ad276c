/**
 * domain.md's permission table ("Permission: 200 or 403"), written out for the FAQ tenant's keys:
 * what each key may do while every creator is active. The rules module and the simulated API are
 * both tested against it; neither computes it.
 */
import type { AccountId } from '../model';
import type { ApiOperation } from '../permissions';

export const AUTOMATION = 'team_automation';
export const SECOPS = 'team_secops';

/** The table's columns, with the user endpoints aimed at `userId`. */
export function permissionOperations(
  userId: AccountId,
): ReadonlyArray<readonly [string, ApiOperation]> {
  return [
    ['info', { kind: 'info' }],
    ['list users', { kind: 'list_users' }],
    ['get user', { kind: 'get_user', userId }],
    ['update user', { kind: 'update_user', userId }],
    ['delete user', { kind: 'delete_user', userId }],
    ['audit logs', { kind: 'audit_logs' }],
    ['members of Automation', { kind: 'team_members', teamId: AUTOMATION }],
    ['members of SecOps', { kind: 'team_members', teamId: SECOPS }],
    ['story in Automation', { kind: 'create_story', teamId: AUTOMATION }],
    ['story in SecOps', { kind: 'create_story', teamId: SECOPS }],
  ];
}

/** Rows by key name; columns follow `permissionOperations`. 200 allowed, 403 forbidden. */
export const EXPECTED_PERMISSIONS: Readonly<Record<string, readonly (200 | 403)[]>> = {
  // Owner, team admin of Automation: acts as a tenant owner.
  'Jane personal': [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // Editor on Automation.
  'Jane team': [200, 403, 403, 403, 403, 403, 200, 403, 200, 403],
  // AUDIT_LOG_READ only.
  'Jane service': [200, 403, 403, 403, 403, 200, 403, 403, 403, 403],
  'Jane tenant owner': [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
  // Member; team admin of Automation, viewer of SecOps.
  'Sam personal': [200, 403, 403, 403, 403, 403, 200, 200, 200, 403],
  // Viewer on Automation.
  'Sam team': [200, 403, 403, 403, 403, 403, 200, 403, 403, 403],
  // Member with AUDIT_LOG_READ; editor of Automation.
  'Eli personal': [200, 403, 403, 403, 403, 200, 200, 403, 200, 403],
  // Member; viewer of Automation.
  'Vera personal': [200, 403, 403, 403, 403, 403, 200, 403, 403, 403],
};

/**
 * Commands turn an intention ("deactivate Jane") into a fully specified event: ids, secret and
 * time are minted here from the tenant, deterministically. Commands do not check anything;
 * `apply` does, so a command's event may still be refused.
 *
 * The commands the first paint needs (building a scenario, an account's lifecycle) are in
 * lifecycle-commands.ts and are handed on from here with the rest, which only later views use.
 */
import { nextTime } from './deterministic';
import type {
  AccountRolesChanged,
  ActionChanged,
  Actor,
  CredentialDeleted,
  CredentialRotated,
  CredentialSharingChanged,
  KeyDeleted,
  SettingChanged,
  StoryRunRecorded,
} from './events';
import { type AccountRoles, CONSOLE, type NewRequest, requestFields } from './lifecycle-commands';
import type {
  AccountId,
  ActionId,
  ActionResult,
  CredentialId,
  CredentialValue,
  KeyId,
  ReadAccess,
  StoryId,
  TeamId,
  Tenant,
} from './model';
// The events these commands make are applied by the reducer's later part, loaded with them.
import './reducer-later';

export {
  type AccountRoles,
  addAction,
  CONSOLE,
  changeStatus,
  createCredential,
  createKey,
  createStory,
  inviteAccount,
  type LifecycleEventType,
  type NewCredential,
  type NewHome,
  type NewKey,
  type NewRequest,
  reinviteAccount,
} from './lifecycle-commands';

export function changeRoles(
  tenant: Tenant,
  accountId: AccountId,
  roles: AccountRoles,
  actor: Actor = CONSOLE,
): AccountRolesChanged {
  return { type: 'account_roles_changed', at: nextTime(tenant), actor, accountId, ...roles };
}

export function deleteKey(tenant: Tenant, keyId: KeyId, actor: Actor = CONSOLE): KeyDeleted {
  return { type: 'key_deleted', at: nextTime(tenant), actor, keyId };
}

export function setRestrictApiKeyCreation(
  tenant: Tenant,
  value: boolean,
  actor: Actor = CONSOLE,
): SettingChanged {
  return {
    type: 'setting_changed',
    at: nextTime(tenant),
    actor,
    setting: 'restrictApiKeyCreation',
    value,
  };
}

export function rotateCredential(
  tenant: Tenant,
  credentialId: CredentialId,
  value: CredentialValue,
  actor: Actor = CONSOLE,
): CredentialRotated {
  return { type: 'credential_rotated', at: nextTime(tenant), actor, credentialId, value };
}

export function changeCredentialSharing(
  tenant: Tenant,
  credentialId: CredentialId,
  sharing: { readonly readAccess: ReadAccess; readonly sharedTeams?: readonly TeamId[] },
  actor: Actor = CONSOLE,
): CredentialSharingChanged {
  return {
    type: 'credential_sharing_changed',
    at: nextTime(tenant),
    actor,
    credentialId,
    readAccess: sharing.readAccess,
    sharedTeams: sharing.sharedTeams ?? [],
  };
}

export function deleteCredential(
  tenant: Tenant,
  credentialId: CredentialId,
  actor: Actor = CONSOLE,
): CredentialDeleted {
  return { type: 'credential_deleted', at: nextTime(tenant), actor, credentialId };
}

export function changeAction(
  tenant: Tenant,
  storyId: StoryId,
  actionId: ActionId,
  request: NewRequest & { readonly credential?: string },
  actor: Actor = CONSOLE,
): ActionChanged {
  return {
    type: 'action_changed',
    at: nextTime(tenant),
    actor,
    storyId,
    actionId,
    ...requestFields(request),
  };
}

export function recordStoryRun(
  tenant: Tenant,
  storyId: StoryId,
  results: readonly ActionResult[],
  actor: Actor = CONSOLE,
): StoryRunRecorded {
  return { type: 'story_run_recorded', at: nextTime(tenant), actor, storyId, results };
}

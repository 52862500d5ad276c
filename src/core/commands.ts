/**
 * Commands turn an intention ("deactivate Jane") into a fully specified event: ids, secret and
 * time are minted here from the tenant, deterministically. Commands do not check anything;
 * `apply` does, so a command's event may still be refused.
 */
import { deriveSecret, nextId, nextTime } from './deterministic';
import type {
  AccountDeactivated,
  AccountDeleted,
  AccountInvited,
  AccountReactivated,
  AccountReinvited,
  AccountRolesChanged,
  Actor,
  KeyCreated,
  KeyDeleted,
  SettingChanged,
  StoryCreated,
} from './events';
import type {
  AccountId,
  KeyId,
  KeyScope,
  TeamId,
  TeamRoles,
  Tenant,
  TenantPermission,
  TenantRole,
} from './model';

export const CONSOLE: Actor = { kind: 'console' };

export interface AccountRoles {
  readonly tenantRole: TenantRole;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: TeamRoles;
}

export function inviteAccount(
  tenant: Tenant,
  person: { readonly email: string; readonly name: string } & AccountRoles,
  actor: Actor = CONSOLE,
): AccountInvited {
  return {
    type: 'account_invited',
    at: nextTime(tenant),
    actor,
    accountId: nextId(tenant, 'usr'),
    ...person,
  };
}

export type LifecycleEventType = (AccountDeactivated | AccountReactivated | AccountDeleted)['type'];

export function changeStatus(
  tenant: Tenant,
  type: LifecycleEventType,
  accountId: AccountId,
  actor: Actor = CONSOLE,
): AccountDeactivated | AccountReactivated | AccountDeleted {
  return { type, at: nextTime(tenant), actor, accountId };
}

/**
 * Invite a deleted person back. The new account gets the roles the old one had unless others
 * are given (assumed: an admin re-inviting someone usually restores their access).
 */
export function reinviteAccount(
  tenant: Tenant,
  previousAccountId: AccountId,
  roles?: AccountRoles,
  actor: Actor = CONSOLE,
): AccountReinvited {
  const previous = tenant.accounts.get(previousAccountId);
  const restored: AccountRoles = roles ?? {
    tenantRole: previous?.tenantRole ?? 'user',
    permissions: previous?.permissions ?? [],
    teamRoles: previous?.teamRoles ?? {},
  };
  return {
    type: 'account_reinvited',
    at: nextTime(tenant),
    actor,
    accountId: nextId(tenant, 'usr'),
    previousAccountId,
    ...restored,
  };
}

export function changeRoles(
  tenant: Tenant,
  accountId: AccountId,
  roles: AccountRoles,
  actor: Actor = CONSOLE,
): AccountRolesChanged {
  return { type: 'account_roles_changed', at: nextTime(tenant), actor, accountId, ...roles };
}

export interface NewKey {
  readonly name: string;
  readonly scope: KeyScope;
  readonly createdBy: AccountId;
  readonly teamRoles?: TeamRoles;
  readonly permissions?: readonly TenantPermission[];
}

export function createKey(tenant: Tenant, key: NewKey, actor?: Actor): KeyCreated {
  const keyId = nextId(tenant, 'key');
  return {
    type: 'key_created',
    at: nextTime(tenant),
    // A key is created by its creator signed in to the console.
    actor: actor ?? { kind: 'account', accountId: key.createdBy },
    keyId,
    name: key.name,
    scope: key.scope,
    createdBy: key.createdBy,
    secret: deriveSecret(tenant.seed, keyId),
    teamRoles: key.teamRoles ?? {},
    permissions: key.permissions ?? [],
  };
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

export function createStory(
  tenant: Tenant,
  story: { readonly teamId: TeamId; readonly name: string },
  actor: Actor = CONSOLE,
): StoryCreated {
  return {
    type: 'story_created',
    at: nextTime(tenant),
    actor,
    storyId: nextId(tenant, 'sto'),
    teamId: story.teamId,
    name: story.name,
  };
}

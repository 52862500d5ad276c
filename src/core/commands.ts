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
  ActionAdded,
  ActionChanged,
  Actor,
  CredentialCreated,
  CredentialDeleted,
  CredentialRotated,
  CredentialSharingChanged,
  KeyCreated,
  KeyDeleted,
  SettingChanged,
  StoryCreated,
  StoryRunRecorded,
} from './events';
import type {
  AccountId,
  ActionId,
  ActionResult,
  CredentialId,
  CredentialMode,
  CredentialValue,
  HttpMethod,
  KeyId,
  KeyScope,
  ReadAccess,
  StoryId,
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

/** Where a credential or a story is made: a team, or a person's drafts. */
export type NewHome = { readonly teamId: TeamId } | { readonly draftsOf: AccountId };

function homeFields(home: NewHome): { teamId: TeamId | null; draftsOf?: AccountId } {
  return 'teamId' in home ? { teamId: home.teamId } : { teamId: null, draftsOf: home.draftsOf };
}

export function createStory(
  tenant: Tenant,
  story: NewHome & { readonly name: string },
  actor: Actor = CONSOLE,
): StoryCreated {
  return {
    type: 'story_created',
    at: nextTime(tenant),
    actor,
    storyId: nextId(tenant, 'sto'),
    ...homeFields(story),
    name: story.name,
  };
}

export interface NewCredential {
  readonly name: string;
  readonly mode?: CredentialMode;
  readonly readAccess?: ReadAccess;
  readonly sharedTeams?: readonly TeamId[];
  readonly value: CredentialValue;
}

export function createCredential(
  tenant: Tenant,
  credential: NewHome & NewCredential,
  actor: Actor = CONSOLE,
): CredentialCreated {
  return {
    type: 'credential_created',
    at: nextTime(tenant),
    actor,
    credentialId: nextId(tenant, 'cred'),
    name: credential.name,
    mode: credential.mode ?? 'TEXT',
    ...homeFields(credential),
    readAccess: credential.readAccess ?? 'TEAM',
    sharedTeams: credential.sharedTeams ?? [],
    value: credential.value,
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

export interface NewRequest {
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | null;
}

/** An HTTP Request action at the end of a story; `credential` puts `Bearer <<CREDENTIAL.slug>>`. */
export function addAction(
  tenant: Tenant,
  storyId: StoryId,
  action: NewRequest & { readonly name: string; readonly credential?: string },
  actor: Actor = CONSOLE,
): ActionAdded {
  return {
    type: 'action_added',
    at: nextTime(tenant),
    actor,
    storyId,
    actionId: nextId(tenant, 'act'),
    name: action.name,
    ...requestFields(action),
  };
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

function requestFields(request: NewRequest & { readonly credential?: string }) {
  const headers = { ...(request.headers ?? {}) };
  if (request.credential !== undefined) {
    headers['Authorization'] = `Bearer <<CREDENTIAL.${request.credential}>>`;
  }
  return { method: request.method, path: request.path, headers, body: request.body ?? null };
}

export function recordStoryRun(
  tenant: Tenant,
  storyId: StoryId,
  results: readonly ActionResult[],
  actor: Actor = CONSOLE,
): StoryRunRecorded {
  return { type: 'story_run_recorded', at: nextTime(tenant), actor, storyId, results };
}

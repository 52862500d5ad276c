/**
 * The commands a tenant is built with and its accounts go through their lifecycle with: invite,
 * deactivate, reactivate, delete, re-invite; create a key, a credential, a story, an action. A
 * scenario's script is written with them and the Lifecycle view's rows act with them, so they are
 * in the first chunk; commands.ts holds the rest, and is where views import every command from.
 * Commands do not check anything; `apply` does, so a command's event may still be refused.
 */
import { deriveSecret, nextId, nextTime } from './deterministic';
import type {
  AccountDeactivated,
  AccountDeleted,
  AccountInvited,
  AccountReactivated,
  AccountReinvited,
  ActionAdded,
  Actor,
  CredentialCreated,
  KeyCreated,
  StoryCreated,
} from './events';
import type {
  AccountId,
  CredentialMode,
  CredentialValue,
  HttpMethod,
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

/** An action's request as its event holds it (commands.ts's changeAction writes it this way too). */
export function requestFields(request: NewRequest & { readonly credential?: string }) {
  const headers = { ...(request.headers ?? {}) };
  if (request.credential !== undefined) {
    headers['Authorization'] = `Bearer <<CREDENTIAL.${request.credential}>>`;
  }
  return { method: request.method, path: request.path, headers, body: request.body ?? null };
}

/**
 * The events that change a tenant. The tenant is `events.reduce(apply, createTenant(genesis))`.
 * Every event carries its logical time and the actor that caused it, so the log doubles as
 * an audit trail. Ids and secrets travel inside the events: replaying a log is exact.
 */
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
  TenantPermission,
  TenantRole,
} from './model';

/**
 * Who caused an event: the scenario's set-up, the person at the console, an account, or a key
 * (through the simulated API).
 */
export type Actor =
  | { readonly kind: 'scenario' }
  | { readonly kind: 'console' }
  | { readonly kind: 'account'; readonly accountId: AccountId }
  | { readonly kind: 'key'; readonly keyId: KeyId };

interface EventBase {
  /** Logical time, ms since the epoch. */
  readonly at: number;
  readonly actor: Actor;
}

export interface AccountInvited extends EventBase {
  readonly type: 'account_invited';
  readonly accountId: AccountId;
  readonly email: string;
  readonly name: string;
  readonly tenantRole: TenantRole;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: TeamRoles;
}

export interface AccountDeactivated extends EventBase {
  readonly type: 'account_deactivated';
  readonly accountId: AccountId;
}

export interface AccountReactivated extends EventBase {
  readonly type: 'account_reactivated';
  readonly accountId: AccountId;
}

export interface AccountDeleted extends EventBase {
  readonly type: 'account_deleted';
  readonly accountId: AccountId;
}

/**
 * A deleted person invited back. It creates a new account (new id) with the same email and name;
 * the old account stays deleted. Assumed: S1 shows the effect, not the mechanism.
 */
export interface AccountReinvited extends EventBase {
  readonly type: 'account_reinvited';
  readonly accountId: AccountId;
  readonly previousAccountId: AccountId;
  readonly tenantRole: TenantRole;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: TeamRoles;
}

export interface AccountRolesChanged extends EventBase {
  readonly type: 'account_roles_changed';
  readonly accountId: AccountId;
  readonly tenantRole: TenantRole;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: TeamRoles;
}

export interface KeyCreated extends EventBase {
  readonly type: 'key_created';
  readonly keyId: KeyId;
  readonly name: string;
  readonly scope: KeyScope;
  readonly createdBy: AccountId;
  readonly secret: string;
  /** Team keys: the teams covered and the key's role in each. Empty for other scopes. */
  readonly teamRoles: TeamRoles;
  /** Service keys: the tenant permissions granted. Empty for other scopes. */
  readonly permissions: readonly TenantPermission[];
}

export interface KeyDeleted extends EventBase {
  readonly type: 'key_deleted';
  readonly keyId: KeyId;
}

export interface SettingChanged extends EventBase {
  readonly type: 'setting_changed';
  readonly setting: 'restrictApiKeyCreation';
  readonly value: boolean;
}

/**
 * A story (a workflow) made in a team (the simulated API, a scenario) or, with `draftsOf` and no
 * team, in a person's drafts.
 */
export interface StoryCreated extends EventBase {
  readonly type: 'story_created';
  readonly storyId: StoryId;
  readonly teamId: TeamId | null;
  readonly draftsOf?: AccountId;
  readonly name: string;
}

/** A credential made in a team or a person's drafts [documented S11, S12]. */
export interface CredentialCreated extends EventBase {
  readonly type: 'credential_created';
  readonly credentialId: CredentialId;
  readonly name: string;
  readonly mode: CredentialMode;
  readonly teamId: TeamId | null;
  readonly draftsOf?: AccountId;
  readonly readAccess: ReadAccess;
  readonly sharedTeams: readonly TeamId[];
  readonly value: CredentialValue;
}

/** Its value replaced (audit `CredentialReplacement`): e.g. a person's key by a team key. */
export interface CredentialRotated extends EventBase {
  readonly type: 'credential_rotated';
  readonly credentialId: CredentialId;
  readonly value: CredentialValue;
}

export interface CredentialSharingChanged extends EventBase {
  readonly type: 'credential_sharing_changed';
  readonly credentialId: CredentialId;
  readonly readAccess: ReadAccess;
  readonly sharedTeams: readonly TeamId[];
}

export interface CredentialDeleted extends EventBase {
  readonly type: 'credential_deleted';
  readonly credentialId: CredentialId;
}

/** An HTTP Request action added at the end of a story. */
export interface ActionAdded extends EventBase {
  readonly type: 'action_added';
  readonly storyId: StoryId;
  readonly actionId: ActionId;
  readonly name: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** An action's request changed (its name and place stay). */
export interface ActionChanged extends EventBase {
  readonly type: 'action_changed';
  readonly storyId: StoryId;
  readonly actionId: ActionId;
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/** A story was run: each action's status and the rule that decided it, in order. */
export interface StoryRunRecorded extends EventBase {
  readonly type: 'story_run_recorded';
  readonly storyId: StoryId;
  readonly results: readonly ActionResult[];
}

export type TenantEvent =
  | AccountInvited
  | AccountDeactivated
  | AccountReactivated
  | AccountDeleted
  | AccountReinvited
  | AccountRolesChanged
  | KeyCreated
  | KeyDeleted
  | SettingChanged
  | StoryCreated
  | CredentialCreated
  | CredentialRotated
  | CredentialSharingChanged
  | CredentialDeleted
  | ActionAdded
  | ActionChanged
  | StoryRunRecorded;

export type TenantEventType = TenantEvent['type'];

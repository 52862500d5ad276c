import { PersistentMap } from './persistent-map';

/**
 * The tenant model: teams, accounts and API keys, as ../shared/docs/domain.md describes them.
 * Pure data. Nothing here knows about React, zustand, the DOM or HTTP.
 */

export type AccountId = string;
export type KeyId = string;
export type TeamId = string;
export type StoryId = string;

/** Tenant roles. Source: https://www.tines.com/docs/admin/user-administration/ */
export type TenantRole = 'owner' | 'user';
export const TENANT_ROLES: readonly TenantRole[] = ['owner', 'user'];

/** Tenant permissions. Source: https://www.tines.com/docs/admin/user-administration/ */
export type TenantPermission = 'API_KEY_CREATE' | 'AUDIT_LOG_READ' | 'TUNNEL_MANAGE';
export const TENANT_PERMISSIONS: readonly TenantPermission[] = [
  'API_KEY_CREATE',
  'AUDIT_LOG_READ',
  'TUNNEL_MANAGE',
];

/** Team roles. Source: https://explained.tines.com/en/articles/6883947-using-teams-in-tines */
export type TeamRole = 'team_admin' | 'editor' | 'viewer';
export const TEAM_ROLES: readonly TeamRole[] = ['team_admin', 'editor', 'viewer'];

export type AccountStatus = 'active' | 'deactivated' | 'deleted';

/** Key scopes. Source: https://www.tines.com/docs/api/authentication/ */
export type KeyScope = 'personal' | 'team' | 'service' | 'tenant_owner';
export const KEY_SCOPES: readonly KeyScope[] = ['personal', 'team', 'service', 'tenant_owner'];

export type TeamRoles = Readonly<Record<TeamId, TeamRole>>;

export interface Team {
  readonly id: TeamId;
  readonly name: string;
}

export interface Account {
  readonly id: AccountId;
  readonly email: string;
  readonly name: string;
  readonly tenantRole: TenantRole;
  readonly permissions: readonly TenantPermission[];
  readonly teamRoles: TeamRoles;
  readonly status: AccountStatus;
  /** Logical time of the invitation that created this account. */
  readonly invitedAt: number;
  /** Logical time of the last change to this account (status or roles). */
  readonly updatedAt: number;
  /** The deleted account this one was re-invited from, if any (same person, new account). */
  readonly reinvitedFrom: AccountId | null;
}

export interface ApiKey {
  readonly id: KeyId;
  readonly name: string;
  readonly scope: KeyScope;
  /** The account that created the key. */
  readonly createdBy: AccountId;
  readonly secret: string;
  readonly createdAt: number;
  readonly revokedAt: number | null;
  /** Team keys only: the teams the key covers and its role in each. */
  readonly teamRoles: TeamRoles;
  /** Service keys only: the tenant permissions the key was granted. */
  readonly permissions: readonly TenantPermission[];
}

export type CredentialId = string;
export type ActionId = string;

/** A credential's kind [documented S12]; a key of this tenant is always held as `TEXT`. */
export type CredentialMode =
  | 'TEXT'
  | 'JWT'
  | 'OAUTH'
  | 'AWS'
  | 'MTLS'
  | 'HTTP_REQUEST_AGENT'
  | 'MULTI_REQUEST';
export const CREDENTIAL_MODES: readonly CredentialMode[] = [
  'TEXT',
  'JWT',
  'OAUTH',
  'AWS',
  'MTLS',
  'HTTP_REQUEST_AGENT',
  'MULTI_REQUEST',
];

/**
 * Where a credential can be used [documented S11]: its own team (`TEAM`), "All teams & drafts"
 * (`GLOBAL`), or the teams listed (`SPECIFIC_TEAMS`).
 */
export type ReadAccess = 'TEAM' | 'GLOBAL' | 'SPECIFIC_TEAMS';
export const READ_ACCESS: readonly ReadAccess[] = ['TEAM', 'GLOBAL', 'SPECIFIC_TEAMS'];

/** What a credential holds: a Tines API key of this tenant, or a secret of another service. */
export type CredentialValue =
  | { readonly kind: 'key'; readonly keyId: KeyId }
  | { readonly kind: 'external' };

/**
 * A credential [documented S11, S12]: in a team, or in a person's drafts (`draftsOf`; exactly one
 * of the two is set). Its value is never shown, only what it is.
 */
export interface Credential {
  readonly id: CredentialId;
  readonly name: string;
  /** The name, lower-cased and underscored: what `<<CREDENTIAL.slug>>` names. */
  readonly slug: string;
  readonly mode: CredentialMode;
  readonly teamId: TeamId | null;
  readonly draftsOf: AccountId | null;
  readonly readAccess: ReadAccess;
  /** The teams of `SPECIFIC_TEAMS` (empty otherwise). */
  readonly sharedTeams: readonly TeamId[];
  readonly value: CredentialValue;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Set once deleted (or deleted with its owner's drafts); kept, like a deleted key. */
  readonly deletedAt: number | null;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

/**
 * An HTTP Request action [documented S13, S14]: a request to a path of the simulated API whose
 * header values may reference a credential as `<<CREDENTIAL.slug>>`.
 */
export interface HttpAction {
  readonly id: ActionId;
  readonly name: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/**
 * How one action of a run answered, and the rule that decided it; `status` is null for an action
 * that was not sent (its credential no longer resolves, or holds another service's secret).
 */
export interface ActionResult {
  readonly actionId: ActionId;
  readonly status: number | null;
  readonly rule: string;
}

export interface StoryRun {
  readonly at: number;
  readonly results: readonly ActionResult[];
}

/**
 * A story (workflow): in a team (made through the simulated API or a scenario) or in a person's
 * drafts (`draftsOf`; exactly one of the two is set), with its HTTP Request actions in order.
 */
export interface Story {
  readonly id: StoryId;
  readonly name: string;
  readonly teamId: TeamId | null;
  readonly draftsOf: AccountId | null;
  readonly actions: readonly HttpAction[];
  readonly createdAt: number;
  readonly lastRun: StoryRun | null;
  /** Set when it was deleted with its owner's drafts [documented S9]. */
  readonly deletedAt: number | null;
}

/** `Jane's API key` → `jane_s_api_key`: a credential's slug [documented S12: underscored name]. */
export function credentialSlug(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** What a scenario starts from before its first event. Cannot be derived, so it is stored. */
export interface TenantGenesis {
  readonly name: string;
  readonly domain: string;
  /** Seeds the deterministic secrets of this tenant. */
  readonly seed: string;
  /** Logical clock at the start, in ms since the epoch. */
  readonly startsAt: number;
  readonly teams: readonly Team[];
}

export interface Tenant {
  readonly name: string;
  readonly domain: string;
  readonly seed: string;
  /** When on, only owners and holders of API_KEY_CREATE may create keys (S3). */
  readonly restrictApiKeyCreation: boolean;
  readonly teams: ReadonlyMap<TeamId, Team>;
  /** Accounts in invitation order. Persistent: an event costs O(log n), not a copy. */
  readonly accounts: PersistentMap<Account>;
  /** Keys in creation order. */
  readonly keys: PersistentMap<ApiKey>;
  /** Every account ever made for an email, oldest first: one person's history. */
  readonly accountsByEmail: PersistentMap<readonly AccountId[]>;
  readonly keyBySecret: PersistentMap<KeyId>;
  /** The keys each account created, in creation order. */
  readonly keysByCreator: PersistentMap<readonly KeyId[]>;
  /** Stories in creation order. */
  readonly stories: PersistentMap<Story>;
  readonly credentials: PersistentMap<Credential>;
  /** The credentials with each slug, in creation order (resolution reads these). */
  readonly credentialsBySlug: PersistentMap<readonly CredentialId[]>;
  /** The ids of the stories and credentials in each account's drafts (deleted with it, S9). */
  readonly drafts: PersistentMap<readonly string[]>;
  /** Logical time of the last applied event. */
  readonly clock: number;
  /** How many events have been applied; drives deterministic ids. */
  readonly sequence: number;
}

export function createTenant(genesis: TenantGenesis): Tenant {
  return {
    name: genesis.name,
    domain: genesis.domain,
    seed: genesis.seed,
    restrictApiKeyCreation: false,
    teams: new Map(genesis.teams.map((team) => [team.id, team])),
    accounts: PersistentMap.empty(),
    keys: PersistentMap.empty(),
    accountsByEmail: PersistentMap.empty(),
    keyBySecret: PersistentMap.empty(),
    keysByCreator: PersistentMap.empty(),
    stories: PersistentMap.empty(),
    credentials: PersistentMap.empty(),
    credentialsBySlug: PersistentMap.empty(),
    drafts: PersistentMap.empty(),
    clock: genesis.startsAt,
    sequence: 0,
  };
}

export const SCOPE_LABELS: Readonly<Record<KeyScope, string>> = {
  personal: 'Personal',
  team: 'Team',
  service: 'Service',
  tenant_owner: 'Tenant owner',
};

export const TEAM_ROLE_LABELS: Readonly<Record<TeamRole, string>> = {
  team_admin: 'Team admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export const TENANT_ROLE_LABELS: Readonly<Record<TenantRole, string>> = {
  owner: 'Tenant owner',
  user: 'Member',
};

export const STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  active: 'Active',
  deactivated: 'Deactivated',
  deleted: 'Deleted',
};

/** The newest account made for an email, whatever its status. Emails are stored lower-cased. */
export function latestAccountForEmail(tenant: Tenant, email: string): Account | undefined {
  const ids = tenant.accountsByEmail.get(email);
  const latest = ids?.[ids.length - 1];
  return latest === undefined ? undefined : tenant.accounts.get(latest);
}

/**
 * The account for an email that is not deleted, if any. Only the newest can be: a new account is
 * made for an email only when every older one is deleted.
 */
export function liveAccountWithEmail(tenant: Tenant, email: string): Account | undefined {
  const latest = latestAccountForEmail(tenant, email);
  return latest?.status === 'deleted' ? undefined : latest;
}

/** The keys an account created, in creation order. */
export function keysCreatedBy(tenant: Tenant, accountId: AccountId): ApiKey[] {
  const ids = tenant.keysByCreator.get(accountId) ?? [];
  return ids.flatMap((id) => {
    const key = tenant.keys.get(id);
    return key === undefined ? [] : [key];
  });
}

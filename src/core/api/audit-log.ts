/**
 * `GET /api/v1/audit_logs`: the event log read as the vendor's audit entries. Nothing is stored
 * twice: an entry is an event of the log, rendered when asked for.
 * Operation names: `AuthenticationTokenCreation` and `AuthenticationTokenDeletion` are the
 * vendor's (Tines API reference, audit logs); the others are the simulator's, in the same style.
 */
import type { Actor, TenantEvent, TenantEventType } from '../events';
import type { Tenant } from '../model';
import { isoTime } from './resources';

export const OPERATION_NAMES: Readonly<Record<TenantEventType, string>> = {
  account_invited: 'UserInvitation',
  account_deactivated: 'UserDeactivation',
  account_reactivated: 'UserReactivation',
  account_deleted: 'UserDeletion',
  account_reinvited: 'UserReinvitation',
  account_roles_changed: 'UserRoleChange',
  key_created: 'AuthenticationTokenCreation',
  key_deleted: 'AuthenticationTokenDeletion',
  setting_changed: 'TenantSettingChange',
  story_created: 'StoryCreation',
  credential_created: 'CredentialSave',
  credential_sharing_changed: 'CredentialSave',
  credential_rotated: 'CredentialReplacement',
  credential_deleted: 'CredentialDestruction',
  action_added: 'ActionCreation',
  action_changed: 'ActionUpdate',
  story_run_recorded: 'StoryRun',
};

/** Operation names the vendor documents; the rest are the simulator's. */
export const DOCUMENTED_OPERATION_NAMES: readonly string[] = [
  'AuthenticationTokenCreation',
  'AuthenticationTokenDeletion',
  'CredentialSave',
  'CredentialReplacement',
  'CredentialDestruction',
];

/** The account an entry is filed under: the acting account, or the owner of the acting key. */
function userOf(tenant: Tenant, actor: Actor) {
  const accountId =
    actor.kind === 'account'
      ? actor.accountId
      : actor.kind === 'key'
        ? tenant.keys.get(actor.keyId)?.createdBy
        : undefined;
  return accountId === undefined ? undefined : tenant.accounts.get(accountId);
}

/** Who acted, in the simulator's words (not a vendor field, hence the prefix). */
function simulatorActor(tenant: Tenant, actor: Actor) {
  switch (actor.kind) {
    case 'scenario':
    case 'console':
      return { type: actor.kind };
    case 'account':
      return { type: 'user', user_id: actor.accountId };
    case 'key': {
      const key = tenant.keys.get(actor.keyId);
      return {
        type: 'api_key',
        key_id: actor.keyId,
        key_name: key?.name ?? null,
        key_scope: key?.scope ?? null,
      };
    }
  }
}

/** What the operation was given. Secrets never appear: a key is named by its id. */
function inputsOf(event: TenantEvent): Record<string, unknown> {
  switch (event.type) {
    case 'account_invited':
      return {
        userId: event.accountId,
        email: event.email,
        admin: event.tenantRole === 'owner',
        tenantPermissions: event.permissions,
        teamRoles: event.teamRoles,
      };
    case 'account_reinvited':
      return {
        userId: event.accountId,
        previousUserId: event.previousAccountId,
        admin: event.tenantRole === 'owner',
        tenantPermissions: event.permissions,
        teamRoles: event.teamRoles,
      };
    case 'account_roles_changed':
      return {
        userId: event.accountId,
        admin: event.tenantRole === 'owner',
        tenantPermissions: event.permissions,
        teamRoles: event.teamRoles,
      };
    case 'account_deactivated':
    case 'account_reactivated':
    case 'account_deleted':
      return { userId: event.accountId };
    case 'key_created':
      return {
        authenticationTokenId: event.keyId,
        name: event.name,
        scope: event.scope,
        // Assumed (README, assumption 17): every non-personal key acts as its own service
        // account (S2), so its creation is a service token's, as detection rules read it (S9).
        isServiceToken: event.scope !== 'personal',
        teamRoles: event.teamRoles,
        tenantPermissions: event.permissions,
      };
    case 'key_deleted':
      return { authenticationTokenId: event.keyId };
    case 'setting_changed':
      return { setting: event.setting, value: event.value };
    case 'story_created':
      return {
        storyId: event.storyId,
        teamId: event.teamId,
        draftsOf: event.draftsOf ?? null,
        name: event.name,
      };
    case 'credential_created':
      // The value is never logged: what it holds is named, a key by its id.
      return {
        credentialId: event.credentialId,
        name: event.name,
        mode: event.mode,
        teamId: event.teamId,
        draftsOf: event.draftsOf ?? null,
        readAccess: event.readAccess,
        sharedTeams: event.sharedTeams,
        holds: event.value,
      };
    case 'credential_rotated':
      return { credentialId: event.credentialId, holds: event.value };
    case 'credential_sharing_changed':
      return {
        credentialId: event.credentialId,
        readAccess: event.readAccess,
        sharedTeams: event.sharedTeams,
      };
    case 'credential_deleted':
      return { credentialId: event.credentialId };
    case 'action_added':
    case 'action_changed':
      return {
        storyId: event.storyId,
        actionId: event.actionId,
        method: event.method,
        path: event.path,
      };
    case 'story_run_recorded':
      return { storyId: event.storyId, results: event.results };
  }
}

/** One entry; `index` is the event's position in the log (the entry id is index + 1). */
export function auditEntry(tenant: Tenant, event: TenantEvent, index: number) {
  const user = userOf(tenant, event.actor);
  return {
    id: index + 1,
    created_at: isoTime(event.at),
    updated_at: isoTime(event.at),
    operation_name: OPERATION_NAMES[event.type],
    inputs: { inputs: inputsOf(event) },
    outputs: {},
    request_ip: null,
    request_user_agent: null,
    tenant_id: tenant.domain,
    user_id: user?.id ?? null,
    user_email: user?.email ?? null,
    user_name: user?.name ?? null,
    simulator_actor: simulatorActor(tenant, event.actor),
  };
}

export interface AuditFilter {
  readonly operationNames: readonly string[];
  readonly userIds: readonly string[];
  /** Only entries strictly before / after these times (ms); null for no bound. */
  readonly before: number | null;
  readonly after: number | null;
}

/**
 * The log positions an audit query selects, newest first. Filtering reads each event once; the
 * caller renders only the page it returns.
 */
export function selectAuditEvents(
  tenant: Tenant,
  events: readonly TenantEvent[],
  filter: AuditFilter,
): number[] {
  const names = new Set(filter.operationNames);
  const users = new Set(filter.userIds);
  const selected: number[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event === undefined) continue;
    if (names.size > 0 && !names.has(OPERATION_NAMES[event.type])) continue;
    if (filter.before !== null && !(event.at < filter.before)) continue;
    if (filter.after !== null && !(event.at > filter.after)) continue;
    if (users.size > 0) {
      const user = userOf(tenant, event.actor);
      if (user === undefined || !users.has(user.id)) continue;
    }
    selected.push(i);
  }
  return selected;
}

/** Plain-language lines for events and keys, shared by the explanations and announcements. */
import type { Actor, TenantEvent } from './events';
import { SCOPE_LABELS, type Tenant } from './model';

function accountName(tenant: Tenant, accountId: string): string {
  return tenant.accounts.get(accountId)?.name ?? accountId;
}

function actorName(tenant: Tenant, actor: Actor): string {
  switch (actor.kind) {
    case 'scenario':
      return 'the scenario';
    case 'console':
      return 'the console';
    case 'account':
      return accountName(tenant, actor.accountId);
    case 'key':
      return `key ${tenant.keys.get(actor.keyId)?.name ?? actor.keyId}`;
  }
}

/**
 * "Jane Tino was deactivated by the console". `tenant` is the tenant the event applies to
 * (names are looked up there, so a re-invite can still name the old account).
 */
export function describeEvent(tenant: Tenant, event: TenantEvent): string {
  const by = actorName(tenant, event.actor);
  switch (event.type) {
    case 'account_invited':
      return `${event.name} was invited by ${by}`;
    case 'account_deactivated':
      return `${accountName(tenant, event.accountId)} was deactivated by ${by}`;
    case 'account_reactivated':
      return `${accountName(tenant, event.accountId)} was reactivated by ${by}`;
    case 'account_deleted':
      return `${accountName(tenant, event.accountId)} was deleted by ${by}`;
    case 'account_reinvited':
      return `${accountName(tenant, event.previousAccountId)} was re-invited by ${by} as a new account`;
    case 'account_roles_changed':
      return `${accountName(tenant, event.accountId)}'s roles were changed by ${by}`;
    case 'key_created':
      return `${event.name} (${SCOPE_LABELS[event.scope]}) was created by ${accountName(tenant, event.createdBy)}`;
    case 'key_deleted':
      return `${tenant.keys.get(event.keyId)?.name ?? event.keyId} was deleted by ${by}`;
    case 'setting_changed':
      return `Key creation was ${event.value ? 'restricted' : 'unrestricted'} by ${by}`;
    case 'story_created':
      return `Story "${event.name}" was created in ${tenant.teams.get(event.teamId)?.name ?? event.teamId} by ${by}`;
  }
}

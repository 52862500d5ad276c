/**
 * The validity matrix as a value that follows the tenant event by event. Building it costs a
 * what-if run per creator; after that, an event recomputes only the rows it can change: the keys
 * of the accounts it touches (and of that person's other accounts, whose "Re-invited" stage
 * depends on whether a newer account is live). The result always equals `whatIfMatrix(after)`;
 * a property test holds it to that.
 */
import type { TenantEvent } from './events';
import { type AccountId, type ApiKey, keysCreatedBy, type Tenant } from './model';
import { PersistentMap } from './persistent-map';
import { type WhatIfRow, whatIfMatrix, whatIfRows } from './what-if';

export interface ValidityView {
  /** One row per key, in creation order. */
  readonly rows: readonly WhatIfRow[];
  /** Where each key's row is in `rows`. */
  readonly rowIndex: PersistentMap<number>;
}

export function buildValidityView(tenant: Tenant): ValidityView {
  const rows = whatIfMatrix(tenant);
  return { rows, rowIndex: PersistentMap.from(rows.map((row, index) => [row.key.id, index])) };
}

/** Every account of the person behind this account (same email), this one included. */
function personAccounts(tenant: Tenant, accountId: AccountId): readonly AccountId[] {
  const email = tenant.accounts.get(accountId)?.email;
  return (email === undefined ? undefined : tenant.accountsByEmail.get(email)) ?? [accountId];
}

/** The keys whose row an accepted event can change, read from the tenant after the event. */
function touchedKeys(after: Tenant, event: TenantEvent): ApiKey[] {
  switch (event.type) {
    case 'account_invited':
    case 'account_reinvited':
    case 'account_deactivated':
    case 'account_reactivated':
    case 'account_deleted':
    case 'account_roles_changed':
      return personAccounts(after, event.accountId).flatMap((id) => keysCreatedBy(after, id));
    case 'key_created':
    case 'key_deleted': {
      const key = after.keys.get(event.keyId);
      return key === undefined ? [] : [key];
    }
    case 'setting_changed':
    // The setting governs who may create keys, not whether a key is accepted; credentials and
    // stories use keys and change none.
    case 'story_created':
    case 'credential_created':
    case 'credential_rotated':
    case 'credential_sharing_changed':
    case 'credential_deleted':
    case 'action_added':
    case 'action_changed':
    case 'story_run_recorded':
      return [];
  }
}

/** The view with these keys' rows recomputed against `after` (new keys appended in order). */
function withRowsOf(view: ValidityView, after: Tenant, keys: Iterable<ApiKey>): ValidityView {
  const rows = view.rows.slice();
  let rowIndex = view.rowIndex;
  for (const row of whatIfRows(after, keys)) {
    const index = rowIndex.get(row.key.id);
    if (index === undefined) {
      rowIndex = rowIndex.set(row.key.id, rows.length);
      rows.push(row);
    } else {
      rows[index] = row;
    }
  }
  return { rows, rowIndex };
}

/** The view after an accepted event, from the view before it. */
export function advanceValidityView(
  view: ValidityView,
  after: Tenant,
  event: TenantEvent,
): ValidityView {
  const keys = touchedKeys(after, event);
  return keys.length === 0 ? view : withRowsOf(view, after, keys);
}

/**
 * The view after several accepted events at once, `after` being the tenant after the last: each
 * touched row is recomputed once, against the final tenant, and the rows are copied once. (A key
 * an event touches is still found from the final tenant: accounts and keys are never removed.)
 */
export function advanceValidityViewBy(
  view: ValidityView,
  after: Tenant,
  events: readonly TenantEvent[],
): ValidityView {
  const keys = new Map<string, ApiKey>();
  // Keys created in the batch first, in the order they were created: their rows are appended,
  // and a map keeps its first insertion order when a later event touches the key again.
  for (const event of events) {
    if (event.type !== 'key_created') continue;
    const key = after.keys.get(event.keyId);
    if (key !== undefined) keys.set(key.id, key);
  }
  for (const event of events) {
    for (const key of touchedKeys(after, event)) keys.set(key.id, key);
  }
  return keys.size === 0 ? view : withRowsOf(view, after, keys.values());
}

import type { AccountId, Tenant } from '../../core/model';

/**
 * A People row holds only what never changes for an account: who it is, and whether a newer
 * account replaced it. Status and roles are read live by the cells that show them, so a status
 * change re-renders a few cells instead of rebuilding 10,000 rows.
 */
export interface PersonRow {
  readonly accountId: AccountId;
  readonly name: string;
  readonly email: string;
  /** A deleted account whose person was re-invited: shown under the new account as history. */
  readonly isHistory: boolean;
}

const cache = new WeakMap<Tenant['accountsByEmail'], PersonRow[]>();

/**
 * One row per account, grouped by person (email): the newest account first, then the older
 * deleted ones it replaced. People keep the order of their first invitation. The list changes
 * only when an account is added, so it is cached on the email index.
 */
export function peopleRows(tenant: Tenant): PersonRow[] {
  const cached = cache.get(tenant.accountsByEmail);
  if (cached !== undefined) return cached;
  const rows: PersonRow[] = [];
  for (const ids of tenant.accountsByEmail.values()) {
    for (let i = ids.length - 1; i >= 0; i--) {
      const account = tenant.accounts.get(ids[i] as string);
      if (account === undefined) continue;
      rows.push({
        accountId: account.id,
        name: account.name,
        email: account.email,
        isHistory: i < ids.length - 1,
      });
    }
  }
  cache.set(tenant.accountsByEmail, rows);
  return rows;
}

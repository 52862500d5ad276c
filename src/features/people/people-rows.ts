import type { Account, Tenant } from '../../core/model';

export interface PersonRow {
  readonly account: Account;
  /** A deleted account whose person was re-invited: shown under the new account as history. */
  readonly isHistory: boolean;
  /** A deleted account with no newer account for its email: it can be re-invited. */
  readonly canReinvite: boolean;
}

/**
 * One row per account, grouped by person (email): the newest account first, then the older
 * deleted ones it replaced. People keep the order of their first invitation.
 */
export function peopleRows(tenant: Tenant): PersonRow[] {
  const rows: PersonRow[] = [];
  for (const ids of tenant.accountsByEmail.values()) {
    for (let i = ids.length - 1; i >= 0; i--) {
      const account = tenant.accounts.get(ids[i] as string);
      if (account === undefined) continue;
      const newest = i === ids.length - 1;
      rows.push({
        account,
        isHistory: !newest,
        canReinvite: newest && account.status === 'deleted',
      });
    }
  }
  return rows;
}

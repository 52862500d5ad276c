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
  const byEmail = new Map<string, Account[]>();
  for (const account of tenant.accounts.values()) {
    const group = byEmail.get(account.email);
    if (group === undefined) byEmail.set(account.email, [account]);
    else group.push(account);
  }
  const rows: PersonRow[] = [];
  for (const group of byEmail.values()) {
    const newestFirst = [...group].reverse();
    newestFirst.forEach((account, index) => {
      rows.push({
        account,
        isHistory: index > 0,
        canReinvite: index === 0 && account.status === 'deleted',
      });
    });
  }
  return rows;
}

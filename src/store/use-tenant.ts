/** Narrow, memoised reads of derived state. Components never read the whole store. */
import type { Account, AccountId, Tenant } from '../core/model';
import type { WhatIfRow } from '../core/what-if';
import { selectTenant, selectView, useTenantStore } from './tenant-store';

export function useTenant(): Tenant {
  return useTenantStore(selectTenant);
}

/** The validity matrix's rows: derived with the tenant, recomputing only what an event touched. */
export function useWhatIfMatrix(): readonly WhatIfRow[] {
  return useTenantStore(selectView).rows;
}

/** One account, live: the component re-renders only when this account changes. */
export function useAccount(accountId: AccountId): Account | undefined {
  return useTenantStore((state) => selectTenant(state).accounts.get(accountId));
}

/** Narrow, memoised reads of derived state. Components never read the whole store. */
import type { Tenant } from '../core/model';
import { type WhatIfRow, whatIfMatrix } from '../core/what-if';
import { selectTenant, useTenantStore } from './tenant-store';

export function useTenant(): Tenant {
  return useTenantStore(selectTenant);
}

const matrices = new WeakMap<Tenant, readonly WhatIfRow[]>();

/** The what-if matrix of a tenant, computed once per tenant value and shared by every reader. */
export function whatIfFor(tenant: Tenant): readonly WhatIfRow[] {
  let rows = matrices.get(tenant);
  if (rows === undefined) {
    rows = whatIfMatrix(tenant);
    matrices.set(tenant, rows);
  }
  return rows;
}

export function useWhatIfMatrix(): readonly WhatIfRow[] {
  return whatIfFor(useTenant());
}

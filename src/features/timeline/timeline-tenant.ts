import { replay } from '../../core/apply';
import type { TenantEvent } from '../../core/events';
import type { Tenant, TenantGenesis } from '../../core/model';
import { selectTenant, type TenantStore } from '../../store/tenant-store';

let last: {
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly tenant: Tenant;
} | null = null;

/**
 * The tenant after the whole log, redo branch included: it knows every account and key any event
 * names (neither is ever removed, and ids are never reused within one log), so each line of the
 * timeline can be written from it. Memoised on (genesis, events); a usable zustand selector.
 * At the present it is the store's own tenant, derived incrementally; only a log that changes
 * while the cursor is in the past (an import) is replayed.
 */
export function selectTenantAtEnd(
  state: Pick<TenantStore, 'genesis' | 'events' | 'cursor'>,
): Tenant {
  const { genesis, events } = state;
  if (last !== null && last.genesis === genesis && last.events === events) return last.tenant;
  const tenant =
    state.cursor === events.length ? selectTenant(state) : replay(genesis, events).tenant;
  last = { genesis, events, tenant };
  return tenant;
}

/**
 * The tenant is derived from (genesis, events, cursor), never stored. Deriving it again after an
 * append applies only the new events, so a click costs one `apply`, not a replay of the log.
 */
import { apply, replay } from '../core/apply';
import type { TenantEvent } from '../core/events';
import type { Tenant, TenantGenesis } from '../core/model';

interface Derived {
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
  readonly tenant: Tenant;
}

/** True when `next[0..cursor)` holds the very same events as `previous[0..cursor)`. */
function sharesPrefix(
  previous: readonly TenantEvent[],
  next: readonly TenantEvent[],
  cursor: number,
): boolean {
  if (previous === next) return true;
  for (let i = cursor - 1; i >= 0; i--) {
    if (previous[i] !== next[i]) return false;
  }
  return true;
}

/**
 * A one-entry memo: the store only ever asks for the current tenant. `remember` hands it a
 * tenant the caller already computed (the store applies an event before logging it).
 */
export function createTenantDeriver() {
  let last: Derived | null = null;
  function remember(
    genesis: TenantGenesis,
    events: readonly TenantEvent[],
    cursor: number,
    tenant: Tenant,
  ): void {
    last = { genesis, events, cursor, tenant };
  }
  function derive(genesis: TenantGenesis, events: readonly TenantEvent[], cursor: number): Tenant {
    if (last?.genesis === genesis && last.events === events && last.cursor === cursor) {
      return last.tenant;
    }
    let tenant: Tenant;
    if (
      last !== null &&
      last.genesis === genesis &&
      cursor >= last.cursor &&
      sharesPrefix(last.events, events, last.cursor)
    ) {
      tenant = last.tenant;
      for (let i = last.cursor; i < cursor; i++) {
        const event = events[i];
        if (event === undefined) break;
        const result = apply(tenant, event);
        if (result.ok) tenant = result.tenant;
      }
    } else {
      tenant = replay(genesis, events.slice(0, cursor)).tenant;
    }
    remember(genesis, events, cursor, tenant);
    return tenant;
  }
  return { derive, remember };
}

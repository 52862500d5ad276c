/**
 * The tenant and its validity view are derived from (genesis, events, cursor), never stored.
 * Deriving again after an append applies only the new events and advances the view by only the
 * rows they touch, so a click costs one `apply` and a few what-if runs, not a replay of the log.
 *
 * Replays here go through the checked `apply`, though the store's log is the console's own and
 * already checked: the trusted replay (core/trusted-replay.ts) needs every event type's effect
 * (reducer-later.ts) and the bulk build of maps, about 1.3 kB gzip the first chunk has no room
 * for (bench figure 1). Undo and redo land on moments kept (`RECENT`); a move the deriver cannot
 * make at once on a big tenant (`isQuick`) is built a slice at a time by store/travel.ts, from
 * the nearest moment or checkpoint, with the trusted builder; and a log the worker reads arrives
 * with its tenant and view (src/worker/core-client.ts, `replaceLog`'s tenant).
 */
import type { TenantEvent } from '../core/events';
import { createTenant, type Tenant, type TenantGenesis } from '../core/model';
import { apply } from '../core/reducer';
import {
  advanceValidityView,
  advanceValidityViewBy,
  buildValidityView,
  type ValidityView,
} from '../core/validity-view';

interface Derived {
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  readonly cursor: number;
  readonly tenant: Tenant;
  /** Built on first request, then advanced with the tenant. */
  view: ValidityView | null;
}

/** True when `next[0..cursor)` holds the very same events as `previous[0..cursor)`. */
export function sharesPrefix(
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
 * Every this many events a replay keeps the tenant it reached. Tenants are persistent values, so
 * a checkpoint costs a reference; moving the cursor back (undo, time travel) then replays at most
 * this many events instead of the whole log.
 */
export const CHECKPOINT_EVERY = 1024;

/**
 * Moments derived before the current one that are kept, most recent first: an undo, a redo or a
 * way back to the present lands on one of them as it was, with its view, whatever the log's
 * length. Tenants and views are persistent values: each costs what it does not share.
 */
const RECENT = 16;

/** A log of at most this many events, and a tenant of at most this many keys, is quick (`isQuick`). */
const QUICK_REPLAY = 2_000;
const QUICK_VIEW_KEYS = 2_000;

/** A jump forward over more events than this rebuilds the validity view instead of advancing it. */
const REBUILD_VIEW_AFTER = 256;

interface Checkpoints {
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
  /** Tenants after `(i + 1) * CHECKPOINT_EVERY` events. */
  readonly tenants: Tenant[];
}

/**
 * A memo of the current moment and the recent ones: the store only ever asks for the current
 * tenant. `remember` hands it a tenant the caller already computed (the store applies an event
 * before logging it, a load or a travel builds it a slice at a time).
 */
export type TenantDeriver = ReturnType<typeof createTenantDeriver>;

export function createTenantDeriver() {
  let last: Derived | null = null;
  let recent: Derived[] = [];
  let checkpoints: Checkpoints | null = null;

  /** Make `next` the current moment; the one it replaces joins the recent ones. */
  function setLast(next: Derived): void {
    if (last !== null && last !== next) {
      const previous = last;
      recent = [previous, ...recent.filter((entry) => entry !== next)].slice(0, RECENT);
    }
    last = next;
  }

  /** A recent moment at exactly (genesis, events, cursor): the same events up to its cursor. */
  function recentAt(
    genesis: TenantGenesis,
    events: readonly TenantEvent[],
    cursor: number,
  ): Derived | undefined {
    return recent.find(
      (entry) =>
        entry.genesis === genesis &&
        entry.cursor === cursor &&
        sharesPrefix(entry.events, events, cursor),
    );
  }

  /** The tenant after `cursor` events, from the nearest checkpoint; refused events are skipped. */
  function replayTo(
    genesis: TenantGenesis,
    events: readonly TenantEvent[],
    cursor: number,
  ): Tenant {
    // Checkpoints hold for the log they were made on (a change makes a new one).
    if (checkpoints?.genesis !== genesis || checkpoints.events !== events) {
      checkpoints = { genesis, events, tenants: [] };
    }
    const saved = checkpoints.tenants;
    const usable = Math.min(saved.length, Math.floor(cursor / CHECKPOINT_EVERY));
    let tenant = usable === 0 ? createTenant(genesis) : (saved[usable - 1] as Tenant);
    for (let i = usable * CHECKPOINT_EVERY; i < cursor; i++) {
      const event = events[i];
      if (event === undefined) break;
      const result = apply(tenant, event);
      if (result.ok) tenant = result.tenant;
      if ((i + 1) % CHECKPOINT_EVERY === 0) {
        const index = (i + 1) / CHECKPOINT_EVERY - 1;
        saved[index] = tenant;
      }
    }
    return tenant;
  }

  /** `last`, if (genesis, events, cursor) extends it by appended events. */
  function extendable(genesis: TenantGenesis, events: readonly TenantEvent[], cursor: number) {
    return last !== null &&
      last.genesis === genesis &&
      cursor >= last.cursor &&
      sharesPrefix(last.events, events, last.cursor)
      ? last
      : null;
  }

  /** `tenant` is the tenant at `cursor`; `built`, when given, is its validity view. */
  function remember(
    genesis: TenantGenesis,
    events: readonly TenantEvent[],
    cursor: number,
    tenant: Tenant,
    built?: ValidityView,
  ): void {
    // One event on from what we had: the view moves on by the rows that event touches.
    const from = extendable(genesis, events, cursor);
    const event = events[cursor - 1];
    let view: ValidityView | null = null;
    if (built !== undefined) {
      // Built beside the tenant: a large load builds it a slice at a time.
      view = built;
    } else if (from?.view != null && from.tenant === tenant) {
      // The same tenant again (a Reset with nothing changed): its view still holds.
      view = from.view;
    } else if (from?.view != null && cursor === from.cursor + 1 && event !== undefined) {
      view = advanceValidityView(from.view, tenant, event);
    }
    setLast({ genesis, events, cursor, tenant, view });
  }

  function derive(genesis: TenantGenesis, events: readonly TenantEvent[], cursor: number): Tenant {
    if (last?.genesis === genesis && last.events === events && last.cursor === cursor) {
      return last.tenant;
    }
    const known = recentAt(genesis, events, cursor);
    if (known !== undefined) {
      // The same moment, reached before: its tenant and view hold for this log too.
      setLast({ ...known, events });
      return known.tenant;
    }
    const from = extendable(genesis, events, cursor);
    if (from === null) {
      const tenant = replayTo(genesis, events, cursor);
      setLast({ genesis, events, cursor, tenant, view: null });
      return tenant;
    }
    let tenant = from.tenant;
    // Advancing the view costs a few what-if runs per event; over a long jump (time travel to
    // the present) building it once at the end is far cheaper.
    const applied: TenantEvent[] = [];
    for (let i = from.cursor; i < cursor; i++) {
      const event = events[i];
      if (event === undefined) break;
      const result = apply(tenant, event);
      if (!result.ok) continue;
      tenant = result.tenant;
      applied.push(event);
    }
    const view =
      from.view === null || applied.length > REBUILD_VIEW_AFTER
        ? null
        : advanceValidityViewBy(from.view, tenant, applied);
    setLast({ genesis, events, cursor, tenant, view });
    return tenant;
  }

  /** The validity view of the tenant at (genesis, events, cursor). */
  function deriveView(
    genesis: TenantGenesis,
    events: readonly TenantEvent[],
    cursor: number,
  ): ValidityView {
    const tenant = derive(genesis, events, cursor);
    const current = last as Derived;
    if (current.view === null) current.view = buildValidityView(tenant);
    return current.view;
  }

  /**
   * The moments known on some log, for a caller that builds one itself (store/travel.ts): the
   * current one and the recent ones.
   */
  function known() {
    return { last, recent };
  }

  /**
   * Whether the tenant and view at `cursor` can be derived at once (a few ms): a moment known,
   * a short step on from one with its view, or a small log and tenant. Otherwise a caller should build them
   * a slice at a time (store/travel.ts) and `remember` them.
   */
  function isQuick(
    genesis: TenantGenesis,
    events: readonly TenantEvent[],
    cursor: number,
  ): boolean {
    if (last?.genesis === genesis && last.events === events && last.cursor === cursor) return true;
    if (recentAt(genesis, events, cursor) !== undefined) return true;
    const from = extendable(genesis, events, cursor);
    if (from?.view != null && cursor - from.cursor <= REBUILD_VIEW_AFTER) return true;
    return events.length <= QUICK_REPLAY && (last?.tenant.keys.size ?? 0) <= QUICK_VIEW_KEYS;
  }

  return { derive, deriveView, remember, known, isQuick };
}

/**
 * Replay of a log the console wrote itself or has already checked (its own store's log, from a
 * checkpoint or from the start): the very tenant the validated reducer (`apply`) builds, at the
 * speed of reading the log. Two things make it fast:
 * - no checks: each event runs only its type's effect (reducer.ts, reducer-later.ts), the same
 *   code `apply` runs once its checks pass, so the two paths cannot drift apart;
 * - the tenant's maps are built transiently, changed in place, and frozen once, when `tenant()`
 *   is asked, instead of copying a path of each map's trie per event.
 *
 * Anything from outside (a file, a link, storage) goes through `replay`/`apply` (apply.ts): a
 * trusted replay of a log that `apply` would refuse somewhere builds a tenant no rule allows.
 */
import type { TenantEvent } from './events';
import { createTenant, type Tenant, type TenantGenesis } from './model';
import type { PersistentMap } from './persistent-map';
import { bulkMap } from './persistent-map-bulk';
import { effectOf } from './reducer';
// A log may hold any event: the reducer learns the later ones' effects first.
import './reducer-later';

export interface TrustedBuilder {
  /** Apply these events after the ones pushed before. */
  push(events: readonly TenantEvent[]): void;
  /** The tenant after every event pushed so far; later pushes never change it. */
  tenant(): Tenant;
  /**
   * Freeze one map that has changed since the last freeze, so that `tenant()` has that much less
   * to do at once: a caller that yields between steps spreads the freeze over several tasks.
   * False when no map was left to freeze.
   */
  freezeStep(): boolean;
  /** How many events have been applied since the start. */
  readonly applied: number;
}

/**
 * One of the tenant's maps while a replay builds it: what is set goes into a native Map over the
 * persistent map it started from, and `persistent()` freezes the two into one persistent map,
 * built at once (persistent-map-bulk.ts) rather than a trie path copied per event. It reads as
 * the persistent map it stands for would (what the reducer's checks read), in the same order.
 */
class TransientMap<V> implements ReadonlyMap<string, V> {
  #base: PersistentMap<V>;
  /** Entries set since `base`, in the order their keys were first set. */
  #changes = new Map<string, V>();
  /** How many keys of `changes` the base lacks. */
  #added = 0;

  constructor(base: PersistentMap<V>) {
    this.#base = base;
  }

  /** True when something was set since the map was last frozen. */
  get changed(): boolean {
    return this.#changes.size > 0;
  }

  get size(): number {
    return this.#base.size + this.#added;
  }

  get(key: string): V | undefined {
    const value = this.#changes.get(key);
    if (value !== undefined || this.#base.size === 0 || this.#changes.has(key)) return value;
    return this.#base.get(key);
  }

  has(key: string): boolean {
    return this.#changes.has(key) || (this.#base.size !== 0 && this.#base.has(key));
  }

  /** Changes this map, and returns it: a replay's effects keep what `set` returns. */
  set(key: string, value: V): this {
    const changes = this.#changes;
    const before = changes.size;
    changes.set(key, value);
    if (changes.size !== before && (this.#base.size === 0 || !this.#base.has(key))) this.#added++;
    return this;
  }

  /** The base's keys, then the keys it lacks in the order they were set: a persistent map's. */
  *keys(): MapIterator<string> {
    yield* this.#base.keys();
    for (const key of this.#changes.keys()) if (!this.#base.has(key)) yield key;
  }

  *values(): MapIterator<V> {
    for (const key of this.keys()) yield this.get(key) as V;
  }

  *entries(): MapIterator<[string, V]> {
    for (const key of this.keys()) yield [key, this.get(key) as V];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  forEachUnordered(visit: (value: V) => void): void {
    for (const value of this.values()) visit(value);
  }

  /** The entries as a persistent map; later sets do not change it. */
  persistent(): PersistentMap<V> {
    const base = this.#base;
    const changes = this.#changes;
    if (changes.size === 0) return base;
    let map = base;
    if (changes.size * 8 > base.size) {
      // Much of the map is new: build it whole, at once.
      map = bulkMap(base.size === 0 ? changes : new Map(this.entries()));
    } else {
      for (const [key, value] of changes) map = map.set(key, value);
    }
    this.#base = map;
    this.#changes = new Map();
    this.#added = 0;
    return map;
  }
}

/** Every map field of a tenant (the tests and the bench compare tenants by them too). */
export const TENANT_MAPS = [
  'accounts',
  'keys',
  'accountsByEmail',
  'keyBySecret',
  'keysByCreator',
  'stories',
  'credentials',
  'credentialsBySlug',
  'drafts',
] as const satisfies ReadonlyArray<keyof Tenant>;

/**
 * A working copy of `tenant` whose maps are transient: effects change them in place. The tenant
 * given is never changed. The copy never leaves the replay that made it: its maps only pass for
 * persistent ones, for the reducer's checks and effects to read and set.
 */
export function transientTenant(tenant: Tenant): Tenant {
  const working: Record<string, unknown> = { ...tenant };
  for (const field of TENANT_MAPS) working[field] = new TransientMap<unknown>(tenant[field]);
  return working as unknown as Tenant;
}

/**
 * The working copy's state as a tenant of persistent maps, the same shape `apply` returns. The
 * copy stays usable; its later changes do not touch this tenant.
 */
export function persistentTenant(working: Tenant): Tenant {
  const tenant: Record<string, unknown> = { ...working };
  for (const field of TENANT_MAPS) {
    tenant[field] = (working[field] as unknown as TransientMap<unknown>).persistent();
  }
  return tenant as unknown as Tenant;
}

/** A working copy's fields, which its replay changes in place. */
type Working = { -readonly [K in keyof Tenant]: Tenant[K] };

/**
 * Applies an accepted event to a working copy (`transientTenant`), in place: its maps change
 * themselves, and the fields the effect returns (a map, the setting) are set, with the clock.
 */
export function applyInPlace(working: Tenant, event: TenantEvent): void {
  const changing = working as Working;
  Object.assign(changing, effectOf(working, event));
  changing.clock = event.at;
  changing.sequence++;
}

/**
 * A builder from `start` (a genesis's tenant or any tenant reached before, a checkpoint say). The
 * caller may push the log in slices and report progress between them; `tenant()` costs O(1).
 */
export function trustedBuilder(start: Tenant): TrustedBuilder {
  const working = transientTenant(start);
  let frozen: Tenant | null = start;
  let applied = 0;
  return {
    push(events) {
      for (const event of events) {
        frozen = null;
        applyInPlace(working, event);
        applied++;
      }
    },
    tenant() {
      frozen ??= persistentTenant(working);
      return frozen;
    },
    freezeStep() {
      for (const field of TENANT_MAPS) {
        const map = working[field] as unknown as TransientMap<unknown>;
        if (map.changed) {
          map.persistent();
          return true;
        }
      }
      return false;
    },
    get applied() {
      return applied;
    },
  };
}

/** The tenant a trusted log builds from its genesis. */
export function replayTrusted(genesis: TenantGenesis, events: readonly TenantEvent[]): Tenant {
  const builder = trustedBuilder(createTenant(genesis));
  builder.push(events);
  return builder.tenant();
}

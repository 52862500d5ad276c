/**
 * What replacing a log would lose: the changes in it. A change is an event past the scenario's
 * own events (its set-up), so resetting a scenario as it was made loses nothing, and opening a
 * link over four deactivations loses four. The redo branch counts: the timeline can still bring
 * it back, so it is work too.
 */
import type { TenantEvent } from '../core/events';

/** Equal as data (key order aside): a log read back from a file or storage has other objects. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** How many events at the start of `events` are `other`'s, in order. */
function sharedStart(
  events: readonly TenantEvent[],
  other: readonly TenantEvent[],
  equal: (a: TenantEvent, b: TenantEvent) => boolean,
): number {
  let shared = 0;
  while (
    shared < events.length &&
    shared < other.length &&
    equal(events[shared] as TenantEvent, other[shared] as TenantEvent)
  ) {
    shared += 1;
  }
  return shared;
}

/**
 * The changes in `events` (past the `scenario`'s own events, compared as data) that the log
 * replacing it does not keep: `kept` keeps the events it shares (the same objects, as a
 * checkpoint of this log does).
 */
export function droppedChanges(
  events: readonly TenantEvent[],
  scenario: readonly TenantEvent[],
  kept: readonly TenantEvent[] = [],
): number {
  const setUp = sharedStart(events, scenario, same);
  return events.length - Math.max(setUp, sharedStart(events, kept, Object.is));
}

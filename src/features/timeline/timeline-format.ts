/** How the timeline words an event's time, its actor and a moment of the log. */

import { formatCount } from '../../components/search-box';
import type { Actor } from '../../core/events';
import type { Tenant } from '../../core/model';

/** "2026-01-05 09:14 UTC": from the ISO string, so no locale or time zone enters it. */
export function formatUtc(at: number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Who caused an event, as the timeline's "By" column shows it. */
export function actorLabel(tenant: Tenant, actor: Actor): string {
  switch (actor.kind) {
    case 'scenario':
      return 'Scenario';
    case 'console':
      return 'Console';
    case 'account':
      return tenant.accounts.get(actor.accountId)?.name ?? actor.accountId;
    case 'key':
      return `Key ${tenant.keys.get(actor.keyId)?.name ?? actor.keyId}`;
  }
}

/**
 * Where the cursor stands, in words: "after event 12 of 15", "before the first event of 15".
 * The cursor counts the events in effect, so "after event N" is the moment the cursor is N.
 */
export function momentLabel(cursor: number, total: number): string {
  return cursor === 0
    ? `before the first event of ${formatCount(total)}`
    : `after event ${formatCount(cursor)} of ${formatCount(total)}`;
}

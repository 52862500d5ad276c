/**
 * The reducer as later views use it: `apply` itself (reducer.ts, which the first paint needs to
 * build its scenario and judge every key), `replay` of a whole log, and the reducer's rules with
 * the words of the one rule that keeps them here. None of this is needed before a later view, a
 * saved state or a link is opened, so it stays out of the first chunk.
 */
import type { TenantEvent } from './events';
import { createTenant, type Tenant, type TenantGenesis } from './model';
import { apply, checked, EVENT_RULE_TAGS, type Refusal, refusalFor } from './reducer';
// A log read through here may hold any event: the reducer learns the later ones before.
import './reducer-later';
import { documented, type RuleRef, type RuleTag } from './rule-sources';
import { applyInPlace, persistentTenant, transientTenant } from './trusted-replay';

export { type ApplyResult, apply, type Refusal } from './reducer';

/** By id; each rule's summary and source are in rule-texts.ts. */
export const EVENT_RULES = {
  ...EVENT_RULE_TAGS,
  // Its words stay with it: the credential dialogs show its summary beside who may act.
  manageCredentials: {
    ...EVENT_RULE_TAGS.manageCredentials,
    summary:
      'Tenant owners manage every credential and story, drafts included; team admins their team’s; editors create and edit them; anyone else’s drafts are their owner’s alone.',
    source: documented(
      'S16',
      'Owners (any credential) and team admins are documented; what editors may do, and that no one else may touch a person’s drafts, is assumed.',
    ),
  },
} as const satisfies Record<string, RuleTag | RuleRef>;

export interface Replay {
  readonly tenant: Tenant;
  /** Events that were refused, by their index in the log. A healthy log has none. */
  readonly refused: ReadonlyArray<{ readonly index: number; readonly refusal: Refusal }>;
}

/**
 * Build a tenant from its genesis and a log, skipping (and reporting) refused events. Every event
 * is checked as `apply` checks it, so any log may come through here (a file, a link, storage);
 * the tenant is built as a trusted replay builds it, in place, each event's effect running only
 * once its checks have passed (trusted-replay.ts).
 */
export function replay(genesis: TenantGenesis, events: readonly TenantEvent[]): Replay {
  const working = transientTenant(createTenant(genesis));
  const refused: Array<{ index: number; refusal: Refusal }> = [];
  for (let index = 0; index < events.length; index++) {
    let event: TenantEvent;
    try {
      event = checked(working, events[index]);
    } catch (error) {
      refused.push({ index, refusal: refusalFor(error) });
      continue;
    }
    try {
      applyInPlace(working, event);
    } catch {
      // An effect that throws on a checked event is a bug; it may have changed the working
      // tenant halfway, so the log is replayed event by event, where `apply` reports it.
      return replayByApply(genesis, events);
    }
  }
  return { tenant: persistentTenant(working), refused };
}

/** `replay`, one persistent tenant per event. */
function replayByApply(genesis: TenantGenesis, events: readonly TenantEvent[]): Replay {
  let tenant = createTenant(genesis);
  const refused: Array<{ index: number; refusal: Refusal }> = [];
  events.forEach((event, index) => {
    const result = apply(tenant, event);
    if (result.ok) tenant = result.tenant;
    else refused.push({ index, refusal: result.refusal });
  });
  return { tenant, refused };
}

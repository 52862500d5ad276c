/**
 * The reducer as later views use it: `apply` itself (reducer.ts, which the first paint needs to
 * build its scenario and judge every key), `replay` of a whole log, and the reducer's rules with
 * the words of the one rule that keeps them here. None of this is needed before a later view, a
 * saved state or a link is opened, so it stays out of the first chunk.
 */
import type { TenantEvent } from './events';
import { createTenant, type Tenant, type TenantGenesis } from './model';
import { apply, EVENT_RULE_TAGS, type Refusal } from './reducer';
// A log read through here may hold any event: the reducer learns the later ones before.
import './reducer-later';
import { documented, type RuleRef, type RuleTag } from './rule-sources';

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

/** Build a tenant from its genesis and a log, skipping (and reporting) refused events. */
export function replay(genesis: TenantGenesis, events: readonly TenantEvent[]): Replay {
  let tenant = createTenant(genesis);
  const refused: Array<{ index: number; refusal: Refusal }> = [];
  events.forEach((event, index) => {
    const result = apply(tenant, event);
    if (result.ok) tenant = result.tenant;
    else refused.push({ index, refusal: result.refusal });
  });
  return { tenant, refused };
}

/**
 * Where the tour stands, read from the log alone: a step is done when an event in effect (before
 * the cursor) did it, in the tour's order, whoever made the change (the person in the page, the
 * "Do it for me" button, the simulated API). Undo the change and the step is not done any more.
 *
 * The tour replays the log itself rather than asking the store's deriver for earlier moments:
 * that deriver is a one-entry memo of the present, and asking it about the past would throw away
 * its incremental state. The tour only runs on jane-tino, a log of a few dozen events.
 */
import { apply } from '../../core/apply';
import { changeStatus, createKey, reinviteAccount } from '../../core/commands';
import type { AccountReinvited, TenantEvent } from '../../core/events';
import { evaluateKey, type Verdict } from '../../core/key-verdict';
import {
  type Account,
  type AccountId,
  type ApiKey,
  createTenant,
  KEY_SCOPES,
  type KeyScope,
  keysCreatedBy,
  type Tenant,
  type TenantGenesis,
} from '../../core/model';
import { type ActionStepNumber, JANE_EMAIL, JANE_KEY_TEMPLATES } from './tour-steps';

/** One of Jane's keys across a step: its verdict before (null: it is new) and after. */
export interface KeyOutcome {
  readonly key: ApiKey;
  readonly before: Verdict | null;
  readonly after: Verdict;
}

/** A done step: the event that did it and what it did to Jane's keys. */
export interface StepOutcome {
  readonly step: ActionStepNumber;
  readonly event: TenantEvent;
  /** The tenant the event applied to (names in sentences are looked up there). */
  readonly before: Tenant;
  readonly keys: readonly KeyOutcome[];
}

export interface TourReading {
  /** The tenant at the cursor. */
  readonly tenant: Tenant;
  /** Jane's first account (the one that owns the FAQ's keys), at the cursor; none off the scenario. */
  readonly jane: Account | undefined;
  /** The steps done, in order: `outcomes.length` steps are done. */
  readonly outcomes: readonly StepOutcome[];
  /** Scopes Jane has no live key of yet (step 1's to-do list). */
  readonly missingScopes: readonly KeyScope[];
}

/** A command in the store's shape: builds its event from the tenant it will apply to. */
export type TourCommand = (tenant: Tenant) => TenantEvent;

function janeIn(tenant: Tenant): Account | undefined {
  const first = tenant.accountsByEmail.get(JANE_EMAIL)?.[0];
  return first === undefined ? undefined : tenant.accounts.get(first);
}

function missingScopesOf(tenant: Tenant, janeId: AccountId): KeyScope[] {
  const live = new Set(
    keysCreatedBy(tenant, janeId)
      .filter((key) => key.revokedAt === null)
      .map((key) => key.scope),
  );
  return KEY_SCOPES.filter((scope) => !live.has(scope));
}

/** Which event completes step `stage + 1`, given the tenant right after it. */
function completes(
  stage: number,
  event: TenantEvent,
  after: Tenant,
  janeId: AccountId,
): ActionStepNumber | null {
  switch (stage) {
    case 0:
      return missingScopesOf(after, janeId).length === 0 ? 1 : null;
    case 1:
      return event.type === 'account_deactivated' && event.accountId === janeId ? 2 : null;
    case 2:
      return event.type === 'account_reactivated' && event.accountId === janeId ? 3 : null;
    case 3:
      return event.type === 'account_deleted' && event.accountId === janeId ? 4 : null;
    case 4:
      return event.type === 'account_reinvited' && event.previousAccountId === janeId ? 5 : null;
    default:
      return null;
  }
}

function outcomeOf(
  step: ActionStepNumber,
  event: TenantEvent,
  before: Tenant,
  after: Tenant,
  janeId: AccountId,
): StepOutcome {
  // Step 1 shows the keys as they came to be; the others compare each key across the event.
  const keys =
    step === 1
      ? keysCreatedBy(after, janeId)
          .filter((key) => key.revokedAt === null)
          .map((key) => ({ key, before: null, after: evaluateKey(after, key.id) }))
      : keysCreatedBy(before, janeId).map((key) => ({
          key,
          before: evaluateKey(before, key.id),
          after: evaluateKey(after, key.id),
        }));
  return { step, event, before, keys };
}

// The tenants after 0, 1, … n events of the last log read; extended when the log grows.
let replayed: {
  genesis: TenantGenesis;
  events: readonly TenantEvent[];
  tenants: Tenant[];
} | null = null;

function tenantsUpTo(
  genesis: TenantGenesis,
  events: readonly TenantEvent[],
  cursor: number,
): readonly Tenant[] {
  if (replayed === null || replayed.genesis !== genesis) {
    replayed = { genesis, events, tenants: [createTenant(genesis)] };
  } else if (replayed.events !== events) {
    // A change appends to (or cuts) the log: keep the tenants of the part both logs share.
    const previous = replayed.events;
    const limit = Math.min(replayed.tenants.length - 1, previous.length, events.length);
    let shared = 0;
    while (shared < limit && previous[shared] === events[shared]) shared++;
    replayed = { genesis, events, tenants: replayed.tenants.slice(0, shared + 1) };
  }
  const { tenants } = replayed;
  for (let i = tenants.length - 1; i < cursor && i < events.length; i++) {
    const tenant = tenants[i] as Tenant;
    const result = apply(tenant, events[i] as TenantEvent);
    tenants.push(result.ok ? result.tenant : tenant);
  }
  return tenants;
}

/** The tour's view of the log up to `cursor`. */
export function readTour(
  genesis: TenantGenesis,
  events: readonly TenantEvent[],
  cursor: number,
): TourReading {
  const end = Math.max(0, Math.min(cursor, events.length));
  const tenants = tenantsUpTo(genesis, events, end);
  const tenant = tenants[end] as Tenant;
  const jane = janeIn(tenant);
  if (jane === undefined) return { tenant, jane, outcomes: [], missingScopes: KEY_SCOPES };
  const outcomes: StepOutcome[] = [];
  for (let i = 0; i < end && outcomes.length < 5; i++) {
    const before = tenants[i] as Tenant;
    const after = tenants[i + 1] as Tenant;
    const event = events[i] as TenantEvent;
    // A refused event changed nothing; Jane is not in the tenant before her invitation.
    if (before === after || !after.accounts.has(jane.id)) continue;
    const step = completes(outcomes.length, event, after, jane.id);
    if (step !== null) outcomes.push(outcomeOf(step, event, before, after, jane.id));
  }
  return { tenant, jane, outcomes, missingScopes: missingScopesOf(tenant, jane.id) };
}

/** What "Do it for me" dispatches for a step, in order (none when there is nothing to do). */
export function tourCommands(step: ActionStepNumber, reading: TourReading): TourCommand[] {
  const janeId = reading.jane?.id;
  if (janeId === undefined) return [];
  switch (step) {
    case 1:
      return reading.missingScopes.map(
        (scope) => (tenant: Tenant) =>
          createKey(tenant, { ...JANE_KEY_TEMPLATES[scope], scope, createdBy: janeId }),
      );
    case 2:
      return [(tenant) => changeStatus(tenant, 'account_deactivated', janeId)];
    case 3:
      return [(tenant) => changeStatus(tenant, 'account_reactivated', janeId)];
    case 4:
      return [(tenant) => changeStatus(tenant, 'account_deleted', janeId)];
    case 5:
      return [(tenant) => reinviteAccount(tenant, janeId)];
  }
}

/**
 * Why the step cannot be done from here (Jane deleted before she was deactivated, say), in the
 * reducer's own words; null when its first change would be accepted.
 */
export function tourBlocker(step: ActionStepNumber, reading: TourReading): string | null {
  const [first] = tourCommands(step, reading);
  if (first === undefined) return null;
  const result = apply(reading.tenant, first(reading.tenant));
  return result.ok ? null : result.refusal.reason;
}

/** The cells whose status changed; for a step where none did, those that stayed 401. */
export function flippedKeys(outcome: StepOutcome): readonly KeyOutcome[] {
  return outcome.keys.filter(
    (entry) => entry.before !== null && entry.before.status !== entry.after.status,
  );
}

/** The keys to outline in the matrix for a done step. */
export function highlightedKeys(outcome: StepOutcome): readonly KeyOutcome[] {
  if (outcome.step === 1) return outcome.keys;
  const flipped = flippedKeys(outcome);
  return flipped.length > 0
    ? flipped
    : outcome.keys.filter((entry) => entry.before?.status === 401 && entry.after.status === 401);
}

/** The account a re-invite made (step 5). */
export function reinvitedAs(outcome: StepOutcome): AccountReinvited['accountId'] | undefined {
  return outcome.event.type === 'account_reinvited' ? outcome.event.accountId : undefined;
}

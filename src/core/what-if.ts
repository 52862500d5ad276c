/**
 * What-if: "what happens to each key if its creator is deactivated / reactivated / deleted /
 * re-invited?" Answered by applying those events to the current tenant and evaluating, never
 * from a table. A stage the creator cannot reach from where it is (a deleted account cannot be
 * reactivated) is reported with the reducer's own reason.
 */
import type { TenantEvent } from './events';
import { evaluateKey, type Verdict } from './key-verdict';
import { changeStatus, reinviteAccount } from './lifecycle-commands';
import {
  type Account,
  type AccountId,
  type ApiKey,
  type KeyId,
  liveAccountWithEmail,
  type Tenant,
} from './model';
import { apply } from './reducer';

export type LifecycleStage = 'active' | 'deactivated' | 'reactivated' | 'deleted' | 'reinvited';

export const LIFECYCLE_STAGES: ReadonlyArray<{
  readonly stage: LifecycleStage;
  readonly label: string;
}> = [
  { stage: 'active', label: 'Active' },
  { stage: 'deactivated', label: 'Deactivated' },
  { stage: 'reactivated', label: 'Reactivated' },
  { stage: 'deleted', label: 'Deleted' },
  { stage: 'reinvited', label: 'Re-invited' },
];

type Step = (tenant: Tenant, accountId: AccountId) => TenantEvent;

const deactivate: Step = (t, id) => changeStatus(t, 'account_deactivated', id);
const reactivate: Step = (t, id) => changeStatus(t, 'account_reactivated', id);
const remove: Step = (t, id) => changeStatus(t, 'account_deleted', id);
const reinvite: Step = (t, id) => reinviteAccount(t, id);

/** The lifecycle events that take an account from its current status into a stage. */
export function stageSteps(
  tenant: Tenant,
  account: Account,
  stage: LifecycleStage,
): readonly Step[] {
  const status = account.status;
  switch (stage) {
    case 'active':
      return status === 'active' ? [] : [reactivate];
    case 'deactivated':
      return status === 'deactivated' ? [] : [deactivate];
    case 'reactivated':
      return status === 'active' ? [deactivate, reactivate] : [reactivate];
    case 'deleted':
      return status === 'deleted' ? [] : [remove];
    case 'reinvited':
      if (status !== 'deleted') return [remove, reinvite];
      // Already re-invited (a newer account for the email is not deleted): nothing to do.
      return liveAccountWithEmail(tenant, account.email) === undefined ? [reinvite] : [];
  }
}

export type StageOutcome =
  | { readonly reachable: true; readonly tenant: Tenant; readonly events: readonly TenantEvent[] }
  | {
      readonly reachable: false;
      readonly reason: string;
      readonly events: readonly TenantEvent[];
    };

/** Apply the stage's events to the tenant (a value: the original is untouched). */
export function runStage(
  tenant: Tenant,
  accountId: AccountId,
  stage: LifecycleStage,
): StageOutcome {
  const account = tenant.accounts.get(accountId);
  if (account === undefined) {
    return { reachable: false, reason: `There is no account "${accountId}".`, events: [] };
  }
  let current = tenant;
  const events: TenantEvent[] = [];
  for (const step of stageSteps(tenant, account, stage)) {
    const event = step(current, accountId);
    events.push(event);
    const result = apply(current, event);
    if (!result.ok) return { reachable: false, reason: result.refusal.reason, events };
    current = result.tenant;
  }
  return { reachable: true, tenant: current, events };
}

/**
 * One cell: the verdict after the stage, or why the stage cannot be reached. The events behind
 * it are not kept (40,000 keys × 5 stages); `runStage` gives them again for the one explained.
 */
export type WhatIfCell =
  | { readonly reachable: true; readonly verdict: Verdict }
  | { readonly reachable: false; readonly reason: string };

export interface WhatIfRow {
  readonly key: ApiKey;
  readonly creator: Account | undefined;
  readonly now: Verdict;
  readonly stages: Readonly<Record<LifecycleStage, WhatIfCell>>;
}

function cellFor(outcome: StageOutcome, keyId: KeyId): WhatIfCell {
  return outcome.reachable
    ? { reachable: true, verdict: evaluateKey(outcome.tenant, keyId) }
    : { reachable: false, reason: outcome.reason };
}

/**
 * A maker of rows against one tenant: each key's verdict now and under each lifecycle stage of
 * its creator. Stages are run once per creator and shared by that creator's keys, across calls.
 */
export function whatIfRowMaker(tenant: Tenant): (key: ApiKey) => WhatIfRow {
  const outcomesByCreator = new Map<AccountId, Record<LifecycleStage, StageOutcome>>();
  const outcomesFor = (accountId: AccountId) => {
    let outcomes = outcomesByCreator.get(accountId);
    if (outcomes === undefined) {
      const run = (stage: LifecycleStage) => runStage(tenant, accountId, stage);
      outcomes = {
        active: run('active'),
        deactivated: run('deactivated'),
        reactivated: run('reactivated'),
        deleted: run('deleted'),
        reinvited: run('reinvited'),
      };
      outcomesByCreator.set(accountId, outcomes);
    }
    return outcomes;
  };
  return (key) => {
    const outcomes = outcomesFor(key.createdBy);
    return {
      key,
      creator: tenant.accounts.get(key.createdBy),
      now: evaluateKey(tenant, key.id),
      stages: {
        active: cellFor(outcomes.active, key.id),
        deactivated: cellFor(outcomes.deactivated, key.id),
        reactivated: cellFor(outcomes.reactivated, key.id),
        deleted: cellFor(outcomes.deleted, key.id),
        reinvited: cellFor(outcomes.reinvited, key.id),
      },
    };
  };
}

/** Rows for these keys, in their order (see `whatIfRowMaker`). */
export function whatIfRows(tenant: Tenant, keys: Iterable<ApiKey>): WhatIfRow[] {
  const rowOf = whatIfRowMaker(tenant);
  const rows: WhatIfRow[] = [];
  for (const key of keys) rows.push(rowOf(key));
  return rows;
}

/** Every key's row, in creation order. */
export function whatIfMatrix(tenant: Tenant): WhatIfRow[] {
  return whatIfRows(tenant, tenant.keys.values());
}

export type MatrixColumnId = 'now' | LifecycleStage;

/** The validity matrix's columns: the verdict now, then each lifecycle stage of the creator. */
export const MATRIX_COLUMNS: ReadonlyArray<{
  readonly id: MatrixColumnId;
  readonly label: string;
}> = [
  { id: 'now', label: 'Now' },
  ...LIFECYCLE_STAGES.map(({ stage, label }) => ({ id: stage, label })),
];

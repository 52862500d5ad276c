/**
 * The bench's figure for the offboarding plan: the impact of offboarding many people at once in
 * the `large` scenario, to be compared with evaluating every key (`evaluateAll`) in the same run.
 * Kept apart from impact.ts so that the app's chunks do not carry the generator.
 */
import { replay } from '../apply';
import type { TenantEvent } from '../events';
import type { AccountId, Tenant } from '../model';
import { generateLargeScenario } from '../scenarios/large';
import { type Impact, impactOf, type LifecycleChange } from './impact';

export interface OffboardingBenchOptions {
  readonly people?: number;
  readonly keysPerPerson?: number;
  readonly offboard?: number;
  readonly change?: LifecycleChange;
  readonly seed?: string;
}

export interface OffboardingBenchCase {
  readonly tenant: Tenant;
  readonly events: readonly TenantEvent[];
  readonly accountIds: readonly AccountId[];
  readonly change: LifecycleChange;
  /** One timed run: the whole plan for the set. */
  readonly run: () => Impact;
}

/** `offboard` active accounts spread over the whole tenant, not only its first ones. */
function spread(tenant: Tenant, wanted: number): AccountId[] {
  const active: AccountId[] = [];
  for (const account of tenant.accounts.values()) {
    if (account.status === 'active') active.push(account.id);
  }
  if (active.length <= wanted) return active;
  const step = active.length / wanted;
  return Array.from({ length: wanted }, (_, i) => active[Math.floor(i * step)] as AccountId);
}

/** Defaults: 10,000 people, 4 keys each, 500 deactivated at once (the figure). */
export function offboardingBenchCase(options: OffboardingBenchOptions = {}): OffboardingBenchCase {
  const scenario = generateLargeScenario({
    people: options.people ?? 10_000,
    keysPerPerson: options.keysPerPerson ?? 4,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const tenant = scenario.tenant ?? replay(scenario.genesis, scenario.events).tenant;
  const accountIds = spread(tenant, options.offboard ?? 500);
  const change = options.change ?? 'deactivate';
  return {
    tenant,
    events: scenario.events,
    accountIds,
    change,
    run: () => impactOf(tenant, scenario.events, accountIds, change),
  };
}

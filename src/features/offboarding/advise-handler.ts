/**
 * What the advice worker does with each message, apart from the worker's wiring so that a test
 * can drive it directly: it holds a copy of the tenant, rebuilt from the same log as the page's
 * (`apply` is pure and deterministic, so the copy is the page's tenant), and answers a plan's
 * fixes with `impactOf` and `adviseFixes`, exactly as the page would.
 */
import { apply, replay } from '../../core/apply';
import { adviseFixes } from '../../core/automation/advisor';
import { impactOf } from '../../core/automation/impact';
import type { TenantEvent } from '../../core/events';
import { createTenant, type Tenant } from '../../core/model';
import { generateLargeScenario } from '../../core/scenarios/large';
import type { FromWorker, ToWorker, WorkerBase } from './advise-protocol';

export function createAdviceHandler(): (message: ToWorker) => FromWorker | null {
  let tenant: Tenant | null = null;
  let events: TenantEvent[] = [];
  // The last generated base, kept: an undo on `large` restarts from it, not from a new generation.
  let large: {
    readonly key: string;
    readonly tenant: Tenant;
    readonly events: readonly TenantEvent[];
  } | null = null;

  const baseOf = (base: WorkerBase): { tenant: Tenant; events: readonly TenantEvent[] } => {
    if (base.kind === 'log') return { tenant: createTenant(base.genesis), events: [] };
    const key = `${base.people}/${base.keysPerPerson}`;
    if (large?.key !== key) {
      const scenario = generateLargeScenario({
        people: base.people,
        keysPerPerson: base.keysPerPerson,
      });
      large = {
        key,
        tenant: scenario.tenant ?? replay(scenario.genesis, scenario.events).tenant,
        events: scenario.events,
      };
    }
    const last = large.events[large.events.length - 1];
    if (large.events.length !== base.baseLength || JSON.stringify(last) !== base.lastBase) {
      throw new Error('The generated scenario differs from the page’s.');
    }
    return large;
  };

  const append = (added: readonly TenantEvent[]) => {
    if (tenant === null) throw new Error('No log yet.');
    for (const event of added) {
      const result = apply(tenant, event);
      if (!result.ok) throw new Error(result.refusal.reason);
      tenant = result.tenant;
      events.push(event);
    }
  };

  return (message) => {
    try {
      switch (message.type) {
        case 'reset': {
          tenant = null;
          const base = baseOf(message.base);
          tenant = base.tenant;
          events = [...base.events];
          append(message.events);
          return null;
        }
        case 'append':
          append(message.events);
          return null;
        case 'advise': {
          if (tenant === null) throw new Error('No log yet.');
          const impact = impactOf(tenant, events, message.accountIds, message.change);
          return {
            type: 'fixes',
            requestId: message.requestId,
            fixes: adviseFixes(tenant, events, impact),
          };
        }
      }
    } catch (error) {
      // A copy that could not be built is no copy: the next plan starts it again.
      tenant = null;
      return {
        type: 'failed',
        requestId: message.type === 'advise' ? message.requestId : null,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
  };
}

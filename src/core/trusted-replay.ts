/**
 * Replay of a log the console produced itself or has already validated (its own store's log, a
 * checkpoint's suffix): the same tenant as the validated reducer (`apply`), for work that must not
 * pay for checks it already passed. Anything from outside (a file, a link, storage) still goes
 * through `replay`/`apply` (apply.ts).
 *
 * `push` may be called many times, so a caller can slice the work and report progress between
 * slices; `tenant()` may be asked between pushes.
 */
import { apply } from './apply';
import type { TenantEvent } from './events';
import { createTenant, type Tenant, type TenantGenesis } from './model';

export interface TrustedBuilder {
  push(events: readonly TenantEvent[]): void;
  tenant(): Tenant;
  /** How many events have been applied since `start`. */
  readonly applied: number;
}

export function trustedBuilder(start: Tenant): TrustedBuilder {
  let tenant = start;
  let applied = 0;
  return {
    push(events) {
      for (const event of events) {
        const result = apply(tenant, event);
        // A trusted log is never refused: a refusal means it was not what the caller promised.
        if (!result.ok) {
          throw new Error(`Trusted replay: event ${applied} refused: ${result.refusal.reason}`);
        }
        tenant = result.tenant;
        applied++;
      }
    },
    tenant: () => tenant,
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

/**
 * Messages between the Offboarding view and its advice worker (advise-worker.ts). All plain
 * data: events and fixes are what the log and the advisor already hold.
 */
import type { Fix } from '../../core/automation/advisor';
import type { LifecycleChange } from '../../core/automation/impact';
import type { TenantEvent } from '../../core/events';
import type { AccountId, TenantGenesis } from '../../core/model';

/**
 * Where the worker's log starts: a genesis and every event, or the `large` scenario regenerated
 * from its parameters (deterministic: the same parameters give the same events), so that its
 * 80,000 events are not copied across. `lastBase` is the generated log's last event as JSON: the
 * worker checks its own against it.
 */
export type WorkerBase =
  | { readonly kind: 'log'; readonly genesis: TenantGenesis }
  | {
      readonly kind: 'large';
      readonly people: number;
      readonly keysPerPerson: number;
      readonly baseLength: number;
      readonly lastBase: string;
    };

export type ToWorker =
  /** Start again from `base`, then these events. */
  | { readonly type: 'reset'; readonly base: WorkerBase; readonly events: readonly TenantEvent[] }
  /** These events follow the ones the worker holds. */
  | { readonly type: 'append'; readonly events: readonly TenantEvent[] }
  | {
      readonly type: 'advise';
      readonly requestId: number;
      readonly accountIds: readonly AccountId[];
      readonly change: LifecycleChange;
    };

export type FromWorker =
  | { readonly type: 'fixes'; readonly requestId: number; readonly fixes: readonly Fix[] }
  | { readonly type: 'failed'; readonly requestId: number | null; readonly reason: string };

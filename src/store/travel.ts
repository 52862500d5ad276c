/**
 * A move of the timeline's cursor that the tenant deriver cannot make at once (a big tenant, far
 * from any moment it knows): the tenant is built from the nearest known moment with the trusted
 * builder (the store's log is the console's own, every event accepted when it was logged), then
 * its validity view, a slice at a time with the page's turn between, while `useTravelProgress`
 * says how far it is. Loaded with the first such move.
 */
import { create, type StoreApi } from 'zustand';
import type { TenantEvent } from '../core/events';
import { createTenant, type Tenant, type TenantGenesis } from '../core/model';
import { trustedBuilder } from '../core/trusted-replay';
import type { ValidityView } from '../core/validity-view';
import { validityViewBuilder } from '../core/validity-view-builder';
import { type Progress, VIEW_STAGE } from '../worker/core-client';
import { sharesPrefix, type TenantDeriver } from './derive-tenant';
import type { TenantStore, Travel } from './tenant-store';

export const REPLAY_STAGE = 'Replaying the log:';

/** Events pushed, and validity rows built, between two looks at the clock. */
const EVENTS_CHUNK = 128;
const ROWS_CHUNK = 32;

/** The travel under way (the store's `travelling`) and how far it is. */
export const useTravelProgress = create<{
  readonly travel: object | null;
  readonly progress: Progress;
}>()(() => ({ travel: null, progress: { stage: 'Starting', done: 0, total: 0 } }));

export interface MomentOptions {
  /** Whether the move is still wanted (checked at every turn of the page). */
  readonly wanted: () => boolean;
  readonly onProgress?: (progress: Progress) => void;
  readonly sliceMs?: number;
  readonly yieldToPage?: () => Promise<void>;
  readonly now?: () => number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The tenant after `cursor` events of `events` and its validity view, from `start` (a tenant the
 * log reached at `start.cursor`). Null once the move is no longer wanted.
 */
export async function buildMoment(
  start: { readonly cursor: number; readonly tenant: Tenant },
  events: readonly TenantEvent[],
  cursor: number,
  options: MomentOptions,
): Promise<{ readonly tenant: Tenant; readonly view: ValidityView } | null> {
  const { wanted, onProgress } = options;
  const sliceMs = options.sliceMs ?? 16;
  const yieldToPage = options.yieldToPage ?? nextTask;
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  /** Yield when the slice is spent; false when the move is no longer wanted. */
  const turn = async (report: () => void, force = false): Promise<boolean> => {
    if (!force && now() - sliceStart < sliceMs) return true;
    report();
    await yieldToPage();
    sliceStart = now();
    return wanted();
  };

  const builder = trustedBuilder(start.tenant);
  let at = start.cursor;
  const replayed = () =>
    onProgress?.({ stage: REPLAY_STAGE, done: at, total: cursor, unit: 'events' });
  while (at < cursor) {
    const stop = Math.min(cursor, at + EVENTS_CHUNK);
    builder.push(events.slice(at, stop));
    at = stop;
    if (!(await turn(replayed))) return null;
  }
  // Its maps frozen one per task: a large one takes a while.
  while (builder.freezeStep()) {
    if (!(await turn(replayed, true))) return null;
  }
  const tenant = builder.tenant();

  const rows = validityViewBuilder(tenant);
  const built = () =>
    onProgress?.({ stage: VIEW_STAGE, done: rows.built, total: rows.total, unit: 'keys' });
  while (rows.built < rows.total) {
    rows.step(ROWS_CHUNK);
    if (!(await turn(built))) return null;
  }
  built();
  return wanted() ? { tenant, view: rows.view() } : null;
}

/**
 * The known moment closest before `cursor` on this log, the current or a recent one (the
 * genesis's tenant when none), so that as few events as can be are replayed.
 */
export function nearest(
  deriver: Pick<TenantDeriver, 'known'>,
  genesis: TenantGenesis,
  events: readonly TenantEvent[],
  cursor: number,
): { readonly cursor: number; readonly tenant: Tenant } {
  const { last, recent } = deriver.known();
  let best: { cursor: number; tenant: Tenant } = { cursor: 0, tenant: createTenant(genesis) };
  for (const moment of last === null ? recent : [last, ...recent]) {
    if (
      moment.genesis === genesis &&
      moment.cursor <= cursor &&
      moment.cursor > best.cursor &&
      sharesPrefix(moment.events, events, moment.cursor)
    ) {
      best = { cursor: moment.cursor, tenant: moment.tenant };
    }
  }
  return best;
}

type Store = StoreApi<Pick<TenantStore, 'genesis' | 'events' | 'travelling' | 'showNotice'>> & {
  setState(partial: Partial<Pick<TenantStore, 'cursor' | 'travelling' | 'notice'>>): void;
};

/**
 * Carry out the store's `travelling` move (set by `goTo`): build the moment, hand it to the
 * deriver, then move the cursor, unless the move was cancelled, replaced or overtaken by a change.
 */
export async function travelTo(
  travel: Travel,
  store: Store,
  deriver: Pick<TenantDeriver, 'known' | 'remember'>,
): Promise<void> {
  const { genesis, events } = store.getState();
  const wanted = () => {
    const state = store.getState();
    return state.travelling === travel && state.events === events && state.genesis === genesis;
  };
  const end = () => {
    if (store.getState().travelling === travel) store.setState({ travelling: null });
  };
  if (!wanted()) return end();
  useTravelProgress.setState({ travel, progress: { stage: 'Starting', done: 0, total: 0 } });
  try {
    const built = await buildMoment(
      nearest(deriver, genesis, events, travel.cursor),
      events,
      travel.cursor,
      {
        wanted,
        onProgress: (progress) => {
          if (useTravelProgress.getState().travel === travel)
            useTravelProgress.setState({ progress });
        },
      },
    );
    if (built === null || !wanted()) return end();
    deriver.remember(genesis, events, travel.cursor, built.tenant, built.view);
    store.setState({ cursor: travel.cursor, travelling: null, notice: null });
  } catch (error) {
    if (!wanted()) return end();
    store.setState({ travelling: null });
    const why = error instanceof Error ? error.message : String(error);
    store.getState().showNotice('error', `The timeline could not move: ${why}`);
  }
}

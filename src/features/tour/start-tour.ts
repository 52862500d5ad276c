import { replaceAsking } from '../../app/ask-store';
import type { TenantEvent } from '../../core/events';
import { type DispatchResult, useTenantStore } from '../../store/tenant-store';
import { JANE_EMAIL, TOUR_SCENARIO_ID } from './tour-steps';

/** The position of the first key Jane creates in a log (its length when there is none). */
export function firstJaneKeyIndex(events: readonly TenantEvent[]): number {
  const invited = events.find(
    (event) => event.type === 'account_invited' && event.email === JANE_EMAIL,
  );
  const janeId = invited?.type === 'account_invited' ? invited.accountId : undefined;
  const index = events.findIndex(
    (event) => event.type === 'key_created' && event.createdBy === janeId,
  );
  return index === -1 ? events.length : index;
}

/**
 * Open jane-tino at the moment before Jane creates her first key, so that step 1 is hers to do.
 * The later events are cut from the log rather than left as a redo branch: the tour's first
 * change would drop them anyway, and would first ask to confirm that. Changes the person made
 * on the scenario shown are dropped only once they agree (and can be brought back).
 */
export async function startTour(): Promise<DispatchResult> {
  let result: DispatchResult = {
    ok: false,
    reason: 'The tour was not started: your changes are kept.',
  };
  await replaceAsking('tour', async () => {
    result = await openTourStart();
  });
  return result;
}

async function openTourStart(): Promise<DispatchResult> {
  const result = await useTenantStore.getState().loadScenario(TOUR_SCENARIO_ID);
  if (!result.ok) return result;
  const state = useTenantStore.getState();
  if (state.scenarioId !== TOUR_SCENARIO_ID) {
    return { ok: false, reason: 'Another scenario was opened meanwhile.' };
  }
  const start = firstJaneKeyIndex(state.events);
  state.replaceLog({
    scenarioId: state.scenarioId,
    scenarioParams: state.scenarioParams,
    genesis: state.genesis,
    events: state.events.slice(0, start),
    cursor: start,
  });
  return { ok: true };
}

import type { LogState } from './tenant-store';

/**
 * The log part of a state (the store, a saved document): what an export, a link, a checkpoint,
 * the saved state or a dropped log keeps. Its own module: only chunks loaded later need it.
 */
export function logOf(state: LogState): LogState {
  const { scenarioId, scenarioParams, genesis, events, cursor } = state;
  return { scenarioId, scenarioParams, genesis, events, cursor };
}

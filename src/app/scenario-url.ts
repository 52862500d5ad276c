/**
 * `?scenario=jane-tino` and `?scenario=large&people=10000&keysPerPerson=4` deep links. The URL is
 * read once at start-up, and kept in step with the store by a subscriber (side effects stay out
 * of the store's updaters). While a generated scenario loads, the URL already names it. Back and
 * forward move between views, not scenarios: after one, the address is given the scenario shown.
 */
import { SCENARIO_PARAM_NAMES, SCENARIOS } from '../core/scenarios/scenario-catalog';
import { type ScenarioParams, sameParams } from '../core/scenarios/scenario-params';
import { type TenantStore, useTenantStore } from '../store/tenant-store';

/** The scenario the page shows, or is about to show. */
function wanted(state: TenantStore): { readonly id: string; readonly params: ScenarioParams } {
  return state.loading ?? { id: state.scenarioId, params: state.scenarioParams };
}

/** Writes the scenario the page shows (or is loading) into the address, keeping the rest. */
export function writeScenarioToAddress(state: TenantStore = useTenantStore.getState()): void {
  const next = wanted(state);
  const link = new URL(window.location.href);
  // An imported log of a tenant no scenario makes ("custom") has no address of its own.
  if (SCENARIOS.some((scenario) => scenario.id === next.id)) {
    link.searchParams.set('scenario', next.id);
  } else {
    link.searchParams.delete('scenario');
  }
  for (const name of SCENARIO_PARAM_NAMES) link.searchParams.delete(name);
  for (const [name, value] of Object.entries(next.params)) {
    link.searchParams.set(name, String(value));
  }
  if (link.href !== window.location.href) {
    window.history.replaceState(window.history.state, '', link);
  }
}

/** Returns the function that stops keeping the URL in step (for tests). */
export function initialiseScenarioFromUrl(): () => void {
  // Subscribed first, so that the start-up load is written back too: `?scenario=large` gains
  // its default parameters, and a fixed scenario drops parameters it does not take.
  const unsubscribe = useTenantStore.subscribe((state, previous) => {
    const next = wanted(state);
    const before = wanted(previous);
    if (next.id === before.id && sameParams(next.params, before.params)) return;
    writeScenarioToAddress(state);
  });

  const url = new URL(window.location.href);
  const requested = url.searchParams.get('scenario');
  if (requested === null) return unsubscribe;
  const store = useTenantStore.getState();
  if (!SCENARIOS.some((scenario) => scenario.id === requested)) {
    store.showNotice(
      'error',
      `There is no scenario "${requested}"; showing "${store.scenarioId}". Known scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}.`,
    );
    return unsubscribe;
  }
  // Only the parameters present are passed: a missing one takes its default, and an invalid one
  // is reported by the store (naming it and its range) while nothing is loaded.
  const params: Record<string, string> = {};
  for (const name of SCENARIO_PARAM_NAMES) {
    const value = url.searchParams.get(name);
    if (value !== null) params[name] = value;
  }
  void store.loadScenario(requested, params);
  return unsubscribe;
}

/**
 * `?scenario=jane-tino` deep links. The URL is read once at start-up, and kept in step with the
 * store by a subscriber (side effects stay out of the store's updaters).
 */
import { SCENARIOS } from '../core/scenarios/scenario-catalog';
import { useTenantStore } from '../store/tenant-store';

export function initialiseScenarioFromUrl(): void {
  const url = new URL(window.location.href);
  const requested = url.searchParams.get('scenario');
  const store = useTenantStore.getState();
  if (requested !== null) {
    if (SCENARIOS.some((scenario) => scenario.id === requested)) {
      store.loadScenario(requested);
    } else {
      store.showNotice(
        'error',
        `There is no scenario "${requested}"; showing "${store.scenarioId}". Known scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}.`,
      );
    }
  }
  useTenantStore.subscribe((state, previous) => {
    if (state.scenarioId === previous.scenarioId) return;
    const next = new URL(window.location.href);
    next.searchParams.set('scenario', state.scenarioId);
    window.history.replaceState(null, '', next);
  });
}

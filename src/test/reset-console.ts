import { useLessonStore } from '../features/lessons/lesson-store';
import { useViewStore } from '../navigation/view-store';
import { useTenantStore } from '../store/tenant-store';

/**
 * The console as a fresh page shows it: nothing saved, no lesson, Lifecycle, a fresh jane-tino,
 * and a change in the past drops the later events without asking. The views' focus token is
 * left as it is: the outlet remembers the last one it honoured.
 */
export async function resetConsole(): Promise<void> {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  useLessonStore.setState({ tour: null, predicting: false, focusPending: false });
  useViewStore.setState({ view: 'lifecycle' });
  await useTenantStore.getState().loadScenario('jane-tino');
  useTenantStore.getState().setDropConfirmer(() => true);
}

import { useAskStore } from '../app/ask-store';
import { useLessonStore } from '../features/lessons/lesson-store';
import { useViewStore } from '../navigation/view-store';
import { useTenantStore } from '../store/tenant-store';

/**
 * The console as a fresh page shows it: nothing saved, no lesson, no question or dropped log,
 * Lifecycle, a fresh jane-tino. The views' focus token is
 * left as it is: the outlet remembers the last one it honoured.
 */
export async function resetConsole(): Promise<void> {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  useLessonStore.setState({ tour: null, predicting: false, focusPending: false });
  useViewStore.setState({ view: 'lifecycle' });
  useAskStore.setState({ question: null, replaced: null });
  await useTenantStore.getState().loadScenario('jane-tino');
}

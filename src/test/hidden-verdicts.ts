import { afterEach, beforeEach } from 'vitest';
import { usePredictStore } from '../features/predict/use-predict-store';
import { usePresenter } from '../features/presenter/use-presenter';

/**
 * For a `describe` of views while the verdicts are hidden until reveal: each test starts with
 * presenter mode on, "Hide live verdicts until reveal" pressed and a fresh round (a person is
 * picked by the test), and ends with both off.
 */
export function withVerdictsHiddenUntilReveal(): void {
  beforeEach(() => {
    usePredictStore.getState().resetScore();
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true });
  });
  afterEach(() => {
    usePredictStore.getState().resetScore();
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false });
  });
}

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useViewStore } from '../../navigation/view-store';
import { useTenantStore } from '../../store/tenant-store';
import { useLessonStore } from '../lessons/lesson-store';
import { PredictCard } from './predict-card';
import { usePredictStore } from './use-predict-store';

function card() {
  return screen.getByRole('region', { name: 'Predict, then reveal' });
}

describe('PredictCard', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/?view=training');
    window.localStorage.clear();
    useViewStore.setState({ view: 'training' });
    useLessonStore.setState({ tour: null, predicting: false, focusPending: false });
    usePredictStore.getState().resetScore();
    await useTenantStore.getState().loadScenario('jane-tino');
  });

  it('offers to start predicting, with no score yet', () => {
    render(<PredictCard />);
    expect(
      within(card()).getByRole('heading', { level: 3, name: 'Predict, then reveal' }),
    ).toBeVisible();
    expect(card()).toHaveTextContent('Score: no rounds yet');
    expect(within(card()).getByRole('button', { name: 'Start predicting' })).toBeInTheDocument();
  });

  it('starts a round docked on Lifecycle, asking the dock to take focus', async () => {
    const user = userEvent.setup();
    const entries = window.history.length;
    const { focusToken } = useViewStore.getState();
    render(<PredictCard />);
    await user.click(within(card()).getByRole('button', { name: 'Start predicting' }));
    expect(useLessonStore.getState()).toMatchObject({ predicting: true, focusPending: true });
    // The view's heading does not take focus: the dock does.
    expect(useViewStore.getState()).toEqual({ view: 'lifecycle', focusToken });
    expect(window.location.search).toBe('');
    expect(window.history.length).toBe(entries + 1);
  });

  it('leaves an open tour to start a round; the tour keeps its step', async () => {
    const user = userEvent.setup();
    useLessonStore.setState({ tour: { step: 3, mode: 'open' } });
    render(<PredictCard />);
    await user.click(within(card()).getByRole('button', { name: 'Start predicting' }));
    expect(useLessonStore.getState().tour).toEqual({ step: 3, mode: 'left' });
    expect(useLessonStore.getState().predicting).toBe(true);
  });

  it('offers to show a round that is running, and the score so far', async () => {
    const user = userEvent.setup();
    useLessonStore.setState({ predicting: true });
    usePredictStore.setState({ score: { right: 1, total: 2, rounds: 1 } });
    render(<PredictCard />);
    expect(card()).toHaveTextContent('Score: 1 of 2 right over 1 round');
    await user.click(within(card()).getByRole('button', { name: 'Show the round' }));
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(useLessonStore.getState()).toMatchObject({ predicting: true, focusPending: true });
  });
});

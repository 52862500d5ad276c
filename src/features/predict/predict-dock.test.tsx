import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ViewOutlet } from '../../app/view-outlet';
import { navigate, useViewStore } from '../../navigation/view-store';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { useLessonStore } from '../lessons/lesson-store';
import { PredictDock } from './predict-dock';
import { usePredictStore } from './use-predict-store';

function account(name: string) {
  const found = [...selectTenant(useTenantStore.getState()).accounts.values()].find(
    (candidate) => candidate.name === name,
  );
  if (found === undefined) throw new Error(name);
  return found;
}

function dock() {
  return screen.getByRole('region', { name: 'Predict, then reveal' });
}

/** Plays one round: Jane deactivated, her personal key guessed right. */
async function playRound(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(
    within(dock()).getByRole('combobox', { name: 'Person' }),
    account('Jane Tino').id,
  );
  await user.click(within(dock()).getByRole('checkbox', { name: 'Jane personal (Personal)' }));
  await user.click(within(dock()).getByRole('button', { name: 'Reveal' }));
  await within(dock()).findByRole('list', { name: 'Results' });
}

describe('PredictDock', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    useViewStore.setState({ view: 'lifecycle' });
    useLessonStore.setState({ tour: null, predicting: true, focusPending: false });
    usePredictStore.getState().resetScore();
    await useTenantStore.getState().loadScenario('jane-tino');
  });

  it('takes the focus into the dock when a button opened it, once', () => {
    useLessonStore.setState({ focusPending: true });
    render(<PredictDock />);
    expect(dock()).toContainElement(document.activeElement as HTMLElement);
    expect(useLessonStore.getState().focusPending).toBe(false);
  });

  // Known bug, reported: the dock focuses the first of `select, input, button` in document
  // order, which is the heading row's Close button, so Enter or Space right after Start
  // predicting ends the round. Remove `.fails` once the Person select takes the focus.
  it('puts the focus on the Person select, not on Close, when a button opened it', () => {
    useLessonStore.setState({ focusPending: true });
    render(<PredictDock />);
    expect(within(dock()).getByRole('combobox', { name: 'Person' })).toHaveFocus();
  });

  it('leaves focus alone when nothing asked for it', () => {
    render(<PredictDock />);
    expect(document.body).toHaveFocus();
  });

  it('ends the round on Close and keeps the score', async () => {
    const user = userEvent.setup();
    render(<PredictDock />);
    await playRound(user);
    expect(within(dock()).getByRole('status')).toHaveTextContent(
      'Score: 7 of 7 right over 1 round',
    );
    const score = usePredictStore.getState().score;
    const { focusToken } = useViewStore.getState();

    await user.click(within(dock()).getByRole('button', { name: 'Close' }));
    expect(useLessonStore.getState().predicting).toBe(false);
    expect(usePredictStore.getState()).toMatchObject({ revealed: null, accountId: '', score });
    // The dock goes: the view's heading takes the focus.
    expect(useViewStore.getState()).toEqual({ view: 'lifecycle', focusToken: focusToken + 1 });
  });

  it('is docked on Lifecycle from the Training card, and Close folds it with focus on the view heading', async () => {
    const user = userEvent.setup();
    useLessonStore.setState({ predicting: false });
    act(() => navigate('training', { focus: false }));
    render(<ViewOutlet />);
    const start = await screen.findByRole(
      'button',
      { name: 'Start predicting' },
      { timeout: 5_000 },
    );
    await user.click(start);

    const person = await waitFor(() => within(dock()).getByRole('combobox', { name: 'Person' }), {
      timeout: 5_000,
    });
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Lifecycle');
    expect(screen.getByRole('table', { name: 'Validity matrix' })).toBeInTheDocument();
    await waitFor(() => expect(dock()).toContainElement(document.activeElement as HTMLElement));
    expect(person).toBeInTheDocument();

    await user.click(within(dock()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: 'Predict, then reveal' })).toBeNull();
    expect(screen.getByRole('heading', { level: 2 })).toHaveFocus();
  });
});

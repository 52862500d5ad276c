import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewOutlet } from '../../app/view-outlet';
import { changeStatus } from '../../core/commands';
import { currentAccountId } from '../../core/testing/named';
import { navigate, useViewStore } from '../../navigation/view-store';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { answerEveryQuestion } from '../../test/answer-questions';
import { resetConsole } from '../../test/reset-console';
import { useLessonStore } from '../lessons/lesson-store';
import { TourCard } from './tour-card';
import { JANE_EMAIL } from './tour-steps';
import { TOUR_STORAGE_KEY } from './tour-storage';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

function janeId(): string {
  return currentAccountId(tenant(), JANE_EMAIL);
}

function card() {
  return screen.getByRole('region', { name: 'Guided tour' });
}

function saved(): unknown {
  const raw = window.localStorage.getItem(TOUR_STORAGE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

/** The view's level-2 heading (the outlet's region is named by it). */
function viewHeading() {
  return screen.getByRole('heading', { level: 2 });
}

/** The docked tour's step heading, once its chunk has arrived (the dock stands in meanwhile). */
function dockedStep(name: RegExp | string) {
  return waitFor(
    () =>
      within(screen.getByRole('region', { name: 'Guided tour' })).getByRole('heading', {
        level: 3,
        name,
      }),
    { timeout: 5_000 },
  );
}

/** The outline a cell gets from the style sheets (jsdom computes the shorthand only). */
function outline(testId: string): string {
  return getComputedStyle(screen.getByTestId(testId)).outline;
}

/** The shell's outlet opened on Training (its chunk loaded). */
async function openTraining() {
  act(() => navigate('training', { focus: false }));
  render(<ViewOutlet />);
  await screen.findByRole('heading', { level: 3, name: 'Guided tour' });
}

describe('TourCard', () => {
  // Starting the tour over changes asks first: here the answer is always yes.
  let stopAnswering = () => {};
  beforeEach(async () => {
    await resetConsole();
    stopAnswering = answerEveryQuestion(true);
  });
  afterEach(() => stopAnswering());

  it('invites to the tour before it is started', () => {
    render(<TourCard />);
    expect(within(card()).getByRole('heading', { level: 3, name: 'Guided tour' })).toBeVisible();
    expect(within(card()).getByText(/The vendor FAQ in six steps/)).toBeInTheDocument();
    expect(
      within(card())
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Start the guided tour']);
  });

  it('starts on Lifecycle, on Jane Tino just before her first key, with the step heading focused', async () => {
    const user = userEvent.setup();
    // Another log in place (Jane deactivated): starting replaces it.
    act(() => {
      useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    });
    await openTraining();
    const entries = window.history.length;

    await user.click(screen.getByRole('button', { name: 'Start the guided tour' }));
    const heading = await dockedStep('Step 1 of 6: Create Jane’s four keys');
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(window.location.search).toBe('');
    expect(window.history.length).toBe(entries + 1);
    expect(viewHeading()).toHaveTextContent('Lifecycle');
    await waitFor(() => expect(useTenantStore.getState().events).toHaveLength(5));
    const { events, cursor } = useTenantStore.getState();
    expect(cursor).toBe(events.length);
    expect(tenant().keys.size).toBe(0);
    // The tour's heading has the focus, not the view's.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(saved()).toEqual({ step: 1, mode: 'open' });
  });

  it('outlines in the matrix the cells a done step names, with a dashed outline', async () => {
    const user = userEvent.setup();
    await openTraining();
    await user.click(screen.getByRole('button', { name: 'Start the guided tour' }));
    await dockedStep(/^Step 1 of 6/);
    await waitFor(() => expect(useTenantStore.getState().events).toHaveLength(5));
    const dock = screen.getByRole('region', { name: 'Guided tour' });
    await user.click(await within(dock).findByRole('button', { name: 'Do it for me' }));

    const matrix = screen.getByRole('region', { name: 'Validity matrix' });
    expect(within(matrix).getByTestId('cell-key_0006:now')).toBeInTheDocument();
    for (const keyId of ['key_0006', 'key_0007', 'key_0008', 'key_0009']) {
      expect(outline(`cell-${keyId}:now`)).toMatch(/dashed/);
    }
    expect(outline('cell-key_0006:active')).not.toMatch(/dashed/);
    // Step 2 flips only Jane's personal key: only its cell stays outlined.
    await user.click(within(dock).getByRole('button', { name: 'Next' }));
    await user.click(within(dock).getByRole('button', { name: 'Do it for me' }));
    expect(outline('cell-key_0006:now')).toMatch(/dashed/);
    expect(outline('cell-key_0007:now')).not.toMatch(/dashed/);
    // Leaving the tour takes the outline away with it.
    await user.click(within(dock).getByRole('button', { name: 'Leave tour' }));
    // (jsdom keeps a removed sheet's computed style: ask for the sheet itself.)
    expect(screen.getByTestId('cell-key_0006:now')).toBeInTheDocument();
    expect(document.querySelector('style[data-tour-highlight]')).toBeNull();
  });

  it('leaves with focus on the view heading, and resumes from Training at the same step', async () => {
    const user = userEvent.setup();
    await openTraining();
    await user.click(screen.getByRole('button', { name: 'Start the guided tour' }));
    await dockedStep(/^Step 1 of 6/);
    let dock = screen.getByRole('region', { name: 'Guided tour' });
    await user.click(await within(dock).findByRole('button', { name: 'Do it for me' }));
    await user.click(within(dock).getByRole('button', { name: 'Next' }));
    await user.click(within(dock).getByRole('button', { name: 'Leave tour' }));

    expect(screen.queryByRole('region', { name: 'Guided tour' })).toBeNull();
    expect(viewHeading()).toHaveTextContent('Lifecycle');
    expect(viewHeading()).toHaveFocus();
    expect(saved()).toEqual({ step: 2, mode: 'left' });

    act(() => navigate('training'));
    await screen.findByRole('heading', { level: 3, name: 'Guided tour' });
    expect(within(card()).getByText(/You left the tour at step 2 of 6: Deactivate Jane/));
    const resume = within(card()).getByRole('button', { name: 'Resume the tour (step 2 of 6)' });
    expect(within(card()).getByRole('button', { name: 'Start over' })).toBeInTheDocument();
    resume.focus();
    await user.keyboard('{Enter}');

    const heading = await dockedStep('Step 2 of 6: Deactivate Jane');
    await waitFor(() => expect(heading).toHaveFocus());
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(saved()).toEqual({ step: 2, mode: 'open' });
    // Resuming does not touch the page: Jane was not deactivated, her keys are still there.
    expect(tenant().accounts.get(janeId())?.status).toBe('active');
    expect(tenant().keys.size).toBe(4);
    dock = screen.getByRole('region', { name: 'Guided tour' });
    expect(within(dock).getByRole('button', { name: 'Do it for me' })).toBeInTheDocument();
  });

  it('offers the left tour as it was kept in this browser, and Start over begins it afresh', async () => {
    const user = userEvent.setup();
    useLessonStore.setState({ tour: { step: 3, mode: 'left' } });
    render(<TourCard />);
    expect(within(card()).getByText(/You left the tour at step 3 of 6: Reactivate Jane/));
    await user.click(within(card()).getByRole('button', { name: 'Start over' }));
    expect(useLessonStore.getState().tour).toEqual({ step: 1, mode: 'open' });
    expect(useLessonStore.getState().focusPending).toBe(true);
    expect(useViewStore.getState().view).toBe('lifecycle');
    await waitFor(() => expect(useTenantStore.getState().events).toHaveLength(5));
  });

  it('offers to show a tour that is open, without restarting it', async () => {
    const user = userEvent.setup();
    useLessonStore.setState({ tour: { step: 4, mode: 'open' } });
    useViewStore.setState({ view: 'training' });
    const events = useTenantStore.getState().events;
    render(<TourCard />);
    expect(within(card()).getByText('The tour is open at step 4 of 6: Delete Jane.'));
    await user.click(within(card()).getByRole('button', { name: 'Show the tour' }));
    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(useLessonStore.getState().tour).toEqual({ step: 4, mode: 'open' });
    expect(useLessonStore.getState().focusPending).toBe(true);
    expect(useTenantStore.getState().events).toBe(events);
  });
});

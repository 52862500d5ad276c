import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus } from '../core/commands';
import { accountNamed } from '../core/testing/named';
import { useLessonStore } from '../features/lessons/lesson-store';
import { startTour } from '../features/tour/start-tour';
import { navigate, useViewStore } from '../navigation/view-store';
import { usePersistStatus } from '../persist/persist-status';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { App } from './app';

function janeId(): string {
  return accountNamed(selectTenant(useTenantStore.getState()), 'Jane Tino').id;
}

function deactivateJane() {
  act(() => {
    useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
  });
}

function cursor() {
  return useTenantStore.getState().cursor;
}

function total() {
  return useTenantStore.getState().events.length;
}

function viewHeading() {
  return screen.getByRole('heading', { level: 2 });
}

/** Long enough for a view's or a banner's chunk to arrive. */
const CHUNK = { timeout: 5_000 };

/** The shell, once Ctrl+Z is bound (its own chunk, loaded just after the first paint). */
async function renderWithShortcuts() {
  const listen = vi.spyOn(document, 'addEventListener');
  try {
    render(<App />);
    await waitFor(
      () => expect(listen).toHaveBeenCalledWith('keydown', expect.any(Function)),
      CHUNK,
    );
  } finally {
    listen.mockRestore();
  }
}

describe('App shell', () => {
  beforeEach(async () => {
    window.history.replaceState(null, '', '/');
    window.localStorage.clear();
    // The focus token is left as it is: the outlet remembers the last one it honoured.
    useViewStore.setState({ view: 'lifecycle' });
    useLessonStore.setState({ tour: null, predicting: false, focusPending: false });
    usePersistStatus.setState({ unreadable: null, otherTab: false });
    await useTenantStore.getState().loadScenario('jane-tino');
    useTenantStore.getState().dismissNotice();
  });

  it('has a skip link to main, the header, the Console navigation and one view in main', () => {
    render(<App />);
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute(
      'href',
      '#main',
    );
    const main = screen.getByRole('main');
    expect(main).toHaveAttribute('id', 'main');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Console' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(within(main).getAllByRole('heading', { level: 2 })).toHaveLength(1);
    expect(within(main).getByRole('region', { name: 'Lifecycle' })).toBeInTheDocument();
  });

  it('reaches the skip link first with Tab', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();
  });

  it('opens a view from the navigation and moves focus to its heading', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByRole('link', { name: 'Timeline' }));
    await screen.findByRole('table', { name: 'Timeline' }, CHUNK);
    expect(viewHeading()).toHaveTextContent('Timeline');
    expect(viewHeading()).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Timeline' })).toHaveAttribute('aria-current', 'page');
    expect(screen.queryByRole('table', { name: 'Validity matrix' })).toBeNull();
  });

  it('undoes with Ctrl+Z or Cmd+Z and redoes with Shift+Ctrl+Z or Shift+Cmd+Z', async () => {
    const user = userEvent.setup();
    await renderWithShortcuts();
    deactivateJane();
    const end = total();

    await user.keyboard('{Control>}z{/Control}');
    expect(cursor()).toBe(end - 1);
    await user.keyboard('{Meta>}z{/Meta}');
    expect(cursor()).toBe(end - 2);

    await user.keyboard('{Shift>}{Control>}Z{/Control}{/Shift}');
    expect(cursor()).toBe(end - 1);
    await user.keyboard('{Shift>}{Meta>}Z{/Meta}{/Shift}');
    expect(cursor()).toBe(end);
    expect(selectTenant(useTenantStore.getState()).accounts.get(janeId())?.status).toBe(
      'deactivated',
    );
  });

  it('undoes one step per Ctrl+Z on every view, the Timeline included', async () => {
    const user = userEvent.setup();
    await renderWithShortcuts();
    deactivateJane();
    const end = total();
    act(() => navigate('timeline'));
    await screen.findByRole('table', { name: 'Timeline' }, CHUNK);
    await user.keyboard('{Control>}z{/Control}');
    expect(cursor()).toBe(end - 1);
    act(() => navigate('training'));
    await screen.findByRole('heading', { level: 3, name: 'Guided tour' }, CHUNK);
    await user.keyboard('{Shift>}{Control>}Z{/Control}{/Shift}');
    expect(cursor()).toBe(end);
  });

  it('leaves Ctrl+Z to a text field that has the focus, and to an open dialog', async () => {
    const user = userEvent.setup();
    await renderWithShortcuts();
    deactivateJane();
    const end = total();
    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'abc');
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Shift>}{Control>}Z{/Control}{/Shift}');
    expect(cursor()).toBe(end);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(cursor()).toBe(end - 1);
    await user.click(screen.getByRole('button', { name: 'Share' }));
    const dialog = await screen.findByRole('dialog', { name: 'Share and import' }, CHUNK);
    await user.keyboard('{Shift>}{Control>}Z{/Control}{/Shift}');
    expect(cursor()).toBe(end - 1);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.keyboard('{Shift>}{Control>}Z{/Control}{/Shift}');
    expect(cursor()).toBe(end);
  });

  it('says at the top of main while an earlier moment is shown, with the way back', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(screen.queryByRole('region', { name: 'Earlier moment' })).toBeNull();
    deactivateJane();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    const banner = await screen.findByRole('region', { name: 'Earlier moment' }, CHUNK);
    expect(banner).toHaveTextContent(
      `Viewing an earlier moment (event ${total() - 1} of ${total()})`,
    );
    await user.click(within(banner).getByRole('button', { name: 'Back to the present' }));
    expect(cursor()).toBe(total());
    expect(screen.queryByRole('region', { name: 'Earlier moment' })).toBeNull();
  });

  it('shows a saved-state banner only when there is one', async () => {
    render(<App />);
    expect(screen.queryByRole('region', { name: 'Saved by another tab' })).toBeNull();
    act(() => usePersistStatus.setState({ otherTab: true }));
    expect(
      await screen.findByRole('region', { name: 'Saved by another tab' }, CHUNK),
    ).toHaveTextContent('Another tab changed the saved state.');
  });

  it('reminds of a running tour on other views, and takes the person back to its step', async () => {
    const user = userEvent.setup();
    useLessonStore.getState().openTour(1, false);
    await act(() => startTour());
    render(<App />);
    expect(screen.queryByRole('region', { name: 'Lesson in progress' })).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Keys' }));
    const reminder = await screen.findByRole('region', { name: 'Lesson in progress' }, CHUNK);
    expect(reminder).toHaveTextContent(
      'The guided tour is open at step 1 of 6, beside the matrix on Lifecycle.',
    );
    await user.click(within(reminder).getByRole('button', { name: 'Back to the tour' }));

    expect(useViewStore.getState().view).toBe('lifecycle');
    expect(screen.queryByRole('region', { name: 'Lesson in progress' })).toBeNull();
    const step = await waitFor(
      () =>
        within(screen.getByRole('region', { name: 'Guided tour' })).getByRole('heading', {
          level: 3,
          name: 'Step 1 of 6: Create Jane’s four keys',
        }),
      CHUNK,
    );
    await waitFor(() => expect(step).toHaveFocus());
  });

  it('reminds of a running prediction on other views', async () => {
    useLessonStore.getState().openPrediction(false);
    act(() => navigate('api'));
    render(<App />);
    expect(
      await screen.findByRole('region', { name: 'Lesson in progress' }, CHUNK),
    ).toHaveTextContent('A predict-then-reveal round is open beside the matrix on Lifecycle.');
    expect(screen.getByRole('button', { name: 'Back to the round' })).toBeInTheDocument();
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeStatus, createKey } from '../../core/commands';
import { KEY_SCOPES } from '../../core/model';
import { currentAccountId } from '../../core/testing/named';
import { useViewStore } from '../../navigation/view-store';
import { type Command, selectTenant, useTenantStore } from '../../store/tenant-store';
import { answerEveryQuestion } from '../../test/answer-questions';
import { resetConsole } from '../../test/reset-console';
import { useLessonStore } from '../lessons/lesson-store';
import { startTour } from './start-tour';
import { TourDock } from './tour-dock';
import { JANE_EMAIL, JANE_KEY_TEMPLATES, TOUR_STEPS } from './tour-steps';
import { TOUR_STORAGE_KEY } from './tour-storage';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

/** Jane's current account (the re-invited one once there is one). */
function janeId(): string {
  return currentAccountId(tenant(), JANE_EMAIL);
}

function dispatch(command: Command) {
  act(() => {
    const result = useTenantStore.getState().dispatch(command);
    if (!result.ok) throw new Error(result.reason);
  });
}

function dock() {
  return screen.getByRole('region', { name: 'Guided tour' });
}

function button(name: string) {
  return within(dock()).getByRole('button', { name });
}

function stepHeading() {
  return within(dock()).getByRole('heading', { level: 3 });
}

function saved(): unknown {
  const raw = window.localStorage.getItem(TOUR_STORAGE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

function highlightCss(): string {
  return document.querySelector('style[data-tour-highlight]')?.textContent ?? '';
}

/** What Start the guided tour does (TourCard): the tour at step 1, Jane Tino before her keys. */
async function startAndRender() {
  useLessonStore.getState().openTour(1, true);
  await act(() => startTour());
  render(<TourDock />);
  expect(stepHeading()).toHaveTextContent('Step 1 of 6: Create Jane’s four keys');
}

describe('TourDock', () => {
  // Starting the tour over changes asks first: here the answer is always yes.
  let stopAnswering = () => {};
  beforeEach(async () => {
    await resetConsole();
    stopAnswering = answerEveryQuestion(true);
  });
  afterEach(() => stopAnswering());

  it('shows step 1 with its heading focused when a button opened it, Back and Next unavailable', async () => {
    await startAndRender();
    expect(stepHeading()).toHaveFocus();
    expect(useLessonStore.getState().focusPending).toBe(false);
    expect(
      within(dock()).getByText('Still to create: Personal, Team, Service and Tenant owner.'),
    ).toBeInTheDocument();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Back')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Leave tour')).toBeInTheDocument();
    const steps = within(dock()).getByRole('list', { name: 'Tour steps' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(6);
    expect(within(steps).getByText('Create keys').closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(saved()).toEqual({ step: 1, mode: 'open' });
  });

  it('leaves focus where it is when the tour was opened by the address, not a button', async () => {
    useLessonStore.getState().openTour(1, false);
    await act(() => startTour());
    render(<TourDock />);
    expect(stepHeading()).not.toHaveFocus();
    expect(document.body).toHaveFocus();
  });

  it('does every step on “Do it for me”, names the flipped cells and quotes the FAQ', async () => {
    const user = userEvent.setup();
    await startAndRender();

    const expected = [
      {
        list: 'New keys',
        items: [
          'Jane personal (Personal key): new, 200 Valid',
          'Jane team (Team key): new, 200 Valid',
          'Jane service (Service key): new, 200 Valid',
          'Jane tenant owner (Tenant owner key): new, 200 Valid',
        ],
        outlined: ['key_0006', 'key_0007', 'key_0008', 'key_0009'],
      },
      {
        list: 'Cells that flipped',
        items: ['Jane personal (Personal key): 200 Valid → 401 Owner deactivated'],
        outlined: ['key_0006'],
      },
      {
        list: 'Cells that flipped',
        items: ['Jane personal (Personal key): 401 Owner deactivated → 200 Valid'],
        outlined: ['key_0006'],
      },
      {
        list: 'Cells that flipped',
        items: ['Jane personal (Personal key): 200 Valid → 401 Owner deleted'],
        outlined: ['key_0006'],
      },
      { list: null, items: [], outlined: ['key_0006'] },
    ];

    for (const [index, step] of expected.entries()) {
      const info = TOUR_STEPS[index];
      if (info === undefined) throw new Error('no step');
      expect(stepHeading()).toHaveTextContent(`Step ${index + 1} of 6: ${info.title}`);
      expect(useLessonStore.getState().tour).toEqual({ step: index + 1, mode: 'open' });
      expect(within(dock()).queryByText(/What happened/)).toBeNull();
      expect(highlightCss()).toBe('');
      await user.click(button('Do it for me'));

      expect(within(dock()).getByText(/What happened/)).toBeInTheDocument();
      if (step.list === null) {
        expect(within(dock()).queryByRole('list', { name: 'Cells that flipped' })).toBeNull();
        expect(within(dock()).getByText(/Nothing flipped back/)).toBeInTheDocument();
        expect(
          within(dock()).getByText('Jane personal stays 401 Owner deleted.'),
        ).toBeInTheDocument();
      } else {
        const list = within(dock()).getByRole('list', { name: step.list });
        expect(
          within(list)
            .getAllByRole('listitem')
            .map((item) => item.textContent),
        ).toEqual(step.items);
      }
      if (index > 0) {
        expect(
          within(dock()).getByText('Jane team, Jane service and Jane tenant owner stay 200 Valid.'),
        ).toBeInTheDocument();
      }
      expect(within(dock()).getByText(`“${info.quote}”`)).toBeInTheDocument();
      expect(
        within(dock()).getByRole('link', {
          name: 'FAQ: What happens to a Tines API key when the user account that created it leaves the tenant?',
        }),
      ).toHaveAttribute('href', 'https://explained.tines.com/en/articles/10522850');
      for (const keyId of step.outlined) {
        expect(highlightCss()).toContain(`td[data-testid="cell-${keyId}:now"]`);
      }
      expect(highlightCss().match(/td\[/g)).toHaveLength(step.outlined.length * 2);
      // The button is gone once the step is done; focus waits on Next.
      expect(within(dock()).queryByRole('button', { name: 'Do it for me' })).toBeNull();
      expect(button('Next')).toHaveFocus();
      expect(button('Next')).toHaveAttribute('aria-disabled', 'false');
      await user.keyboard('{Enter}');
    }

    expect(stepHeading()).toHaveTextContent('Step 6 of 6: Done: what the FAQ says');
    expect(saved()).toEqual({ step: 6, mode: 'open' });
    const summary = within(dock()).getByRole('list', { name: 'What each step did' });
    expect(within(summary).getAllByRole('listitem')[4]).toHaveTextContent(
      'Re-invite: nothing flipped; Jane personal stayed 401.',
    );
    expect(
      within(dock()).getByText(
        '“In summary, when a user is deactivated or removed entirely from the tenant, the only API key that stops working is their Personal API key. Even if they are re-invited to the tenant, the Personal API key from before will still not work.”',
      ),
    ).toBeInTheDocument();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');

    // Back walks through the done steps; a finished tour starts again from scratch.
    await user.click(button('Back'));
    expect(stepHeading()).toHaveTextContent('Step 5 of 6: Re-invite Jane');
    expect(button('Back')).toHaveFocus();
    expect(within(dock()).getByText(/Nothing flipped back/)).toBeInTheDocument();
    await user.click(button('Next'));
    await user.click(button('Start the tour again'));
    await within(dock()).findByText('Still to create: Personal, Team, Service and Tenant owner.');
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
    expect(stepHeading()).toHaveFocus();
    expect(useTenantStore.getState().events).toHaveLength(5);
  });

  it('does nothing on Back at step 1 or on Next before the step is done, and keeps focus there', async () => {
    const user = userEvent.setup();
    await startAndRender();
    await user.click(button('Back'));
    expect(button('Back')).toHaveFocus();
    await user.click(button('Next'));
    expect(button('Next')).toHaveFocus();
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
    expect(useLessonStore.getState().tour).toEqual({ step: 1, mode: 'open' });
  });

  it('sees a step done in the page, not by the tour, and undone by time travel', async () => {
    const user = userEvent.setup();
    await startAndRender();
    for (const scope of KEY_SCOPES) {
      dispatch((t) => createKey(t, { ...JANE_KEY_TEMPLATES[scope], scope, createdBy: janeId() }));
      if (scope !== 'tenant_owner') expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    }
    expect(within(dock()).getByRole('list', { name: 'New keys' })).toBeInTheDocument();
    await user.click(button('Next'));
    expect(within(dock()).getByText(/In People, press Deactivate/)).toBeInTheDocument();

    dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    const flipped = within(dock()).getByRole('list', { name: 'Cells that flipped' });
    expect(flipped).toHaveTextContent(
      'Jane personal (Personal key): 200 Valid → 401 Owner deactivated',
    );
    expect(
      within(dock()).getByText(/Jane Tino was deactivated by the console\. One cell flipped/),
    ).toBeInTheDocument();

    act(() => {
      useTenantStore.getState().undo();
    });
    expect(within(dock()).queryByRole('list', { name: 'Cells that flipped' })).toBeNull();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Back'));
    act(() => {
      useTenantStore.getState().undo();
    });
    // Back on step 1 with one key fewer: step 1 is to do again, and step 2 says so.
    expect(within(dock()).getByText('Still to create: Tenant owner.')).toBeInTheDocument();
    await user.click(button('Next'));
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
  });

  it('asks to go back when an earlier step is no longer done, and focuses the step it goes to', async () => {
    const user = userEvent.setup();
    // A reload at step 4 of a page freshly opened: Jane has her keys, nothing else happened.
    useLessonStore.setState({ tour: { step: 4, mode: 'open' } });
    render(<TourDock />);
    expect(stepHeading()).toHaveTextContent('Step 4 of 6: Delete Jane');
    expect(within(dock()).getByText(/Step 2 is not done in the page any more/)).toBeInTheDocument();
    expect(within(dock()).queryByRole('button', { name: 'Do it for me' })).toBeNull();
    await user.click(button('Go to step 2'));
    expect(stepHeading()).toHaveTextContent('Step 2 of 6: Deactivate Jane');
    expect(stepHeading()).toHaveFocus();
    expect(button('Do it for me')).toBeInTheDocument();
    expect(saved()).toEqual({ step: 2, mode: 'open' });
  });

  it('explains a step that cannot be done any more and offers to start again', async () => {
    const user = userEvent.setup();
    await startAndRender();
    await user.click(button('Do it for me'));
    await user.click(button('Next'));
    dispatch((t) => changeStatus(t, 'account_deleted', janeId()));
    expect(within(dock()).getByText(/This step cannot be done from here:/)).toBeInTheDocument();
    expect(within(dock()).queryByRole('button', { name: 'Do it for me' })).toBeNull();
    await user.click(button('Start the tour again'));
    expect(await within(dock()).findByRole('button', { name: 'Do it for me' })).toBeInTheDocument();
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
  });

  it('says the tour needs Jane Tino when another scenario is open', async () => {
    const user = userEvent.setup();
    await startAndRender();
    await act(() => useTenantStore.getState().loadScenario('blank'));
    expect(
      within(dock()).getByText(/The tour runs on the Jane Tino scenario; the page now shows/),
    ).toBeInTheDocument();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Start the tour again'));
    await within(dock()).findByRole('button', { name: 'Do it for me' });
    expect(useTenantStore.getState().scenarioId).toBe('jane-tino');
  });

  it('leaves the tour at its step and sends focus to the view heading, without touching the page', async () => {
    const user = userEvent.setup();
    await startAndRender();
    await user.click(button('Do it for me'));
    await user.click(button('Next'));
    const events = useTenantStore.getState().events;
    const { focusToken } = useViewStore.getState();
    const entries = window.history.length;

    await user.click(button('Leave tour'));
    expect(useLessonStore.getState().tour).toEqual({ step: 2, mode: 'left' });
    expect(saved()).toEqual({ step: 2, mode: 'left' });
    expect(useViewStore.getState()).toMatchObject({
      view: 'lifecycle',
      focusToken: focusToken + 1,
    });
    // Already on Lifecycle: no history entry for it.
    expect(window.history.length).toBe(entries);
    expect(useTenantStore.getState().events).toBe(events);
  });
});

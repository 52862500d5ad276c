import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus, createKey } from '../../core/commands';
import { KEY_SCOPES } from '../../core/model';
import { type Command, selectTenant, useTenantStore } from '../../store/tenant-store';
import { TourPanel } from './tour-panel';
import { JANE_EMAIL, JANE_KEY_TEMPLATES, TOUR_STEPS } from './tour-steps';
import { TOUR_STORAGE_KEY } from './tour-storage';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

/** Jane's current account (the re-invited one once there is one). */
function janeId(): string {
  const ids = tenant().accountsByEmail.get(JANE_EMAIL);
  const id = ids?.[ids.length - 1];
  if (id === undefined) throw new Error('no Jane Tino');
  return id;
}

function dispatch(command: Command) {
  act(() => {
    const result = useTenantStore.getState().dispatch(command);
    if (!result.ok) throw new Error(result.reason);
  });
}

function panel() {
  return screen.getByRole('region', { name: 'Guided tour' });
}

function button(name: string) {
  return within(panel()).getByRole('button', { name });
}

function stepHeading() {
  return within(panel()).getByRole('heading', { level: 3 });
}

function saved(): unknown {
  const raw = window.localStorage.getItem(TOUR_STORAGE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

function highlightCss(): string {
  return document.querySelector('style[data-tour-highlight]')?.textContent ?? '';
}

async function startFromButton(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Start the guided tour' }));
  await screen.findByRole('heading', { name: 'Step 1 of 6: Create Jane’s four keys' });
  expect(useTenantStore.getState().events).toHaveLength(5);
}

describe('TourPanel', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.history.replaceState(null, '', '/');
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('offers the tour, and starting it opens Jane Tino just before her first key', async () => {
    const user = userEvent.setup();
    // Another log in place (Jane deactivated): starting replaces it.
    dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    render(<TourPanel />);
    expect(within(panel()).getByText(/The vendor FAQ in six steps/)).toBeInTheDocument();
    await startFromButton(user);

    const { events, cursor } = useTenantStore.getState();
    expect(cursor).toBe(events.length);
    expect(tenant().keys.size).toBe(0);
    expect(stepHeading()).toHaveFocus();
    expect(
      within(panel()).getByText('Still to create: Personal, Team, Service and Tenant owner.'),
    ).toBeInTheDocument();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    expect(button('Back')).toHaveAttribute('aria-disabled', 'true');
    const steps = within(panel()).getByRole('list', { name: 'Tour steps' });
    expect(within(steps).getAllByRole('listitem')).toHaveLength(6);
    expect(within(steps).getByText('Create keys').closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(saved()).toEqual({ step: 1, mode: 'open' });
  });

  it('starts from ?tour=jane-tino and drops the parameter, so a reload resumes instead', async () => {
    window.history.replaceState(null, '', '/?scenario=blank&tour=jane-tino');
    await useTenantStore.getState().loadScenario('blank');
    render(<TourPanel />);
    expect(
      await screen.findByRole('heading', { name: 'Step 1 of 6: Create Jane’s four keys' }),
    ).toBeInTheDocument();
    await screen.findByRole('button', { name: 'Do it for me' });
    expect(useTenantStore.getState().scenarioId).toBe('jane-tino');
    expect(useTenantStore.getState().events).toHaveLength(5);
    expect(window.location.search).not.toContain('tour=');
  });

  it('refuses an unknown ?tour= with a notice and leaves the page alone', () => {
    window.history.replaceState(null, '', '/?tour=bob');
    render(<TourPanel />);
    expect(useTenantStore.getState().notice?.message).toBe(
      'There is no tour "bob"; the guided tour is "jane-tino".',
    );
    expect(screen.getByRole('button', { name: 'Start the guided tour' })).toBeInTheDocument();
    expect(useTenantStore.getState().events.length).toBeGreaterThan(5);
    expect(window.location.search).toBe('');
  });

  it('does every step on “Do it for me”, names the flipped cells and quotes the FAQ', async () => {
    const user = userEvent.setup();
    render(<TourPanel />);
    await startFromButton(user);

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
      expect(within(panel()).queryByText(/What happened/)).toBeNull();
      expect(highlightCss()).toBe('');
      await user.click(button('Do it for me'));

      expect(within(panel()).getByText(/What happened/)).toBeInTheDocument();
      if (step.list === null) {
        expect(within(panel()).queryByRole('list', { name: 'Cells that flipped' })).toBeNull();
        expect(within(panel()).getByText(/Nothing flipped back/)).toBeInTheDocument();
        expect(
          within(panel()).getByText('Jane personal stays 401 Owner deleted.'),
        ).toBeInTheDocument();
      } else {
        const list = within(panel()).getByRole('list', { name: step.list });
        expect(
          within(list)
            .getAllByRole('listitem')
            .map((item) => item.textContent),
        ).toEqual(step.items);
      }
      if (index > 0) {
        expect(
          within(panel()).getByText(
            'Jane team, Jane service and Jane tenant owner stay 200 Valid.',
          ),
        ).toBeInTheDocument();
      }
      expect(within(panel()).getByText(`“${info.quote}”`)).toBeInTheDocument();
      expect(
        within(panel()).getByRole('link', {
          name: 'FAQ: What happens to a Tines API key when the user account that created it leaves the tenant?',
        }),
      ).toHaveAttribute('href', 'https://explained.tines.com/en/articles/10522850');
      for (const keyId of step.outlined) {
        expect(highlightCss()).toContain(`td[data-testid="cell-${keyId}:now"]`);
      }
      expect(highlightCss().match(/td\[/g)).toHaveLength(step.outlined.length * 2);
      // The button is gone once the step is done; focus waits on Next.
      expect(within(panel()).queryByRole('button', { name: 'Do it for me' })).toBeNull();
      expect(button('Next')).toHaveFocus();
      expect(button('Next')).toHaveAttribute('aria-disabled', 'false');
      await user.keyboard('{Enter}');
    }

    expect(stepHeading()).toHaveTextContent('Step 6 of 6: Done: what the FAQ says');
    const summary = within(panel()).getByRole('list', { name: 'What each step did' });
    expect(within(summary).getAllByRole('listitem')[4]).toHaveTextContent(
      'Re-invite: nothing flipped; Jane personal stayed 401.',
    );
    expect(
      within(panel()).getByText(
        '“In summary, when a user is deactivated or removed entirely from the tenant, the only API key that stops working is their Personal API key. Even if they are re-invited to the tenant, the Personal API key from before will still not work.”',
      ),
    ).toBeInTheDocument();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');

    // Back walks through the done steps; a finished tour starts again from scratch.
    await user.click(button('Back'));
    expect(stepHeading()).toHaveTextContent('Step 5 of 6: Re-invite Jane');
    expect(within(panel()).getByText(/Nothing flipped back/)).toBeInTheDocument();
    await user.click(button('Next'));
    await user.click(button('Start the tour again'));
    await screen.findByText('Still to create: Personal, Team, Service and Tenant owner.');
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
    expect(useTenantStore.getState().events).toHaveLength(5);
  });

  it('sees a step done in the page, not by the tour, and undone by time travel', async () => {
    const user = userEvent.setup();
    render(<TourPanel />);
    await startFromButton(user);
    for (const scope of KEY_SCOPES) {
      dispatch((t) => createKey(t, { ...JANE_KEY_TEMPLATES[scope], scope, createdBy: janeId() }));
      if (scope !== 'tenant_owner') expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    }
    expect(within(panel()).getByRole('list', { name: 'New keys' })).toBeInTheDocument();
    await user.click(button('Next'));
    expect(within(panel()).getByText(/In People, press Deactivate/)).toBeInTheDocument();

    dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    const flipped = within(panel()).getByRole('list', { name: 'Cells that flipped' });
    expect(flipped).toHaveTextContent(
      'Jane personal (Personal key): 200 Valid → 401 Owner deactivated',
    );
    expect(
      within(panel()).getByText(/Jane Tino was deactivated by the console\. One cell flipped/),
    ).toBeInTheDocument();

    act(() => {
      useTenantStore.getState().undo();
    });
    expect(within(panel()).queryByRole('list', { name: 'Cells that flipped' })).toBeNull();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Back'));
    act(() => {
      useTenantStore.getState().undo();
    });
    // Back on step 1 with one key fewer: step 1 is to do again, and step 2 says so.
    expect(within(panel()).getByText('Still to create: Tenant owner.')).toBeInTheDocument();
    await user.click(button('Next'));
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
  });

  it('asks to go back when an earlier step is no longer done', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(TOUR_STORAGE_KEY, JSON.stringify({ step: 4, mode: 'open' }));
    render(<TourPanel />);
    // The page as freshly opened: Jane has her keys, nothing else happened.
    expect(stepHeading()).toHaveTextContent('Step 4 of 6: Delete Jane');
    expect(
      within(panel()).getByText(/Step 2 is not done in the page any more/),
    ).toBeInTheDocument();
    expect(within(panel()).queryByRole('button', { name: 'Do it for me' })).toBeNull();
    await user.click(button('Go to step 2'));
    expect(stepHeading()).toHaveTextContent('Step 2 of 6: Deactivate Jane');
    expect(stepHeading()).toHaveFocus();
    expect(button('Do it for me')).toBeInTheDocument();
  });

  it('explains a step that cannot be done any more and offers to start again', async () => {
    const user = userEvent.setup();
    render(<TourPanel />);
    await startFromButton(user);
    await user.click(button('Do it for me'));
    await user.click(button('Next'));
    dispatch((t) => changeStatus(t, 'account_deleted', janeId()));
    expect(within(panel()).getByText(/This step cannot be done from here:/)).toBeInTheDocument();
    expect(within(panel()).queryByRole('button', { name: 'Do it for me' })).toBeNull();
    await user.click(button('Start the tour again'));
    expect(await screen.findByRole('button', { name: 'Do it for me' })).toBeInTheDocument();
    expect(stepHeading()).toHaveTextContent('Step 1 of 6');
  });

  it('says the tour needs Jane Tino when another scenario is open', async () => {
    const user = userEvent.setup();
    render(<TourPanel />);
    await startFromButton(user);
    await act(() => useTenantStore.getState().loadScenario('blank'));
    expect(
      within(panel()).getByText(/The tour runs on the Jane Tino scenario; the page now shows/),
    ).toBeInTheDocument();
    expect(button('Next')).toHaveAttribute('aria-disabled', 'true');
    await user.click(button('Start the tour again'));
    await screen.findByRole('button', { name: 'Do it for me' });
    expect(useTenantStore.getState().scenarioId).toBe('jane-tino');
  });

  it('leaves and resumes with the keyboard, and remembers the step across a reload', async () => {
    const user = userEvent.setup();
    const first = render(<TourPanel />);
    await startFromButton(user);
    await user.click(button('Do it for me'));
    await user.click(button('Next'));
    await user.click(button('Leave tour'));

    const resume = button('Resume the tour (step 2 of 6)');
    expect(resume).toHaveFocus();
    expect(within(panel()).queryByRole('heading', { level: 3 })).toBeNull();
    expect(within(panel()).getByText(/You left the tour at step 2 of 6: Deactivate Jane/));
    expect(saved()).toEqual({ step: 2, mode: 'left' });

    first.unmount();
    render(<TourPanel />);
    expect(button('Resume the tour (step 2 of 6)')).toBeInTheDocument();
    await user.tab();
    expect(button('Resume the tour (step 2 of 6)')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(stepHeading()).toHaveTextContent('Step 2 of 6: Deactivate Jane');
    expect(stepHeading()).toHaveFocus();
    expect(saved()).toEqual({ step: 2, mode: 'open' });
    // Resuming does not touch the page.
    expect(tenant().accounts.get(janeId())?.status).toBe('active');
  });

  it.each([
    ['not JSON', '{step'],
    ['a step out of range', '{"step":7,"mode":"open"}'],
    ['a fractional step', '{"step":1.5,"mode":"open"}'],
    ['an unknown mode', '{"step":2,"mode":"hidden"}'],
    ['a string', '"open"'],
    ['null', 'null'],
    ['an array', '[2,"open"]'],
  ])('ignores saved progress that is %s, and forgets it', (_, raw) => {
    window.localStorage.setItem(TOUR_STORAGE_KEY, raw);
    render(<TourPanel />);
    expect(button('Start the guided tour')).toBeInTheDocument();
    expect(window.localStorage.getItem(TOUR_STORAGE_KEY)).toBeNull();
  });
});

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../core/commands';
import { accountNamed } from '../core/testing/named';
import { type DispatchResult, selectTenant, useTenantStore } from '../store/tenant-store';
import { resetConsole } from '../test/reset-console';
import { AppHeader } from './app-header';
import { dispatchAsking, replaceAsking, useAskStore } from './ask-store';
import { AskingSlot } from './asking-slot';

const PEOPLE = ['Jane Tino', 'Vera Lin', 'Sam Patel', 'Eli Brooks'];

function deactivate(names: readonly string[]): void {
  for (const name of names) {
    useTenantStore
      .getState()
      .dispatch((tenant) =>
        changeStatus(tenant, 'account_deactivated', accountNamed(tenant, name).id),
      );
  }
}

const events = () => useTenantStore.getState().events.length;
const statusOf = (name: string) =>
  accountNamed(selectTenant(useTenantStore.getState()), name).status;

function renderConsole() {
  render(
    <>
      <AppHeader />
      <AskingSlot />
    </>,
  );
}

/**
 * Jane and `others` deactivated, the timeline two events back, the console drawn, and Jane's
 * reactivation dispatched through `dispatchAsking`: its question is on screen.
 */
async function reactivateJaneTwoEventsBack(others: readonly string[]) {
  deactivate(['Jane Tino', ...others]);
  const full = useTenantStore.getState().events;
  useTenantStore.getState().goTo(full.length - 2);
  renderConsole();
  const jane = accountNamed(selectTenant(useTenantStore.getState()), 'Jane Tino').id;
  let result: Promise<DispatchResult> = Promise.resolve({ ok: true });
  act(() => {
    result = dispatchAsking((tenant) => changeStatus(tenant, 'account_reactivated', jane));
  });
  const dialog = await screen.findByRole('dialog', { name: 'Drop 2 later events?' });
  return { full, result, dialog };
}

describe('asking before work is dropped', () => {
  let scenarioEvents = 0;
  beforeEach(async () => {
    await resetConsole();
    scenarioEvents = events();
  });

  it('resets at once when nothing would be dropped', async () => {
    renderConsole();
    await userEvent.click(screen.getByRole('button', { name: 'Reset scenario' }));
    await waitFor(() => expect(useAskStore.getState().question).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(events()).toBe(scenarioEvents);
  });

  it('asks before a reset drops changes, says how many, and keeps them on Cancel', async () => {
    const people = PEOPLE.filter((name) => statusOf(name) === 'active');
    expect(people).toHaveLength(4);
    deactivate(people);
    const withChanges = events();
    renderConsole();
    await userEvent.click(screen.getByRole('button', { name: 'Reset scenario' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the scenario?' });
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining(`This drops ${people.length} changes`),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(events()).toBe(withChanges);
    expect(useTenantStore.getState().notice?.message).toBe(
      `Nothing changed: your ${people.length} changes are kept.`,
    );
  });

  it('resets once agreed, and Undo reset brings the dropped log back', async () => {
    deactivate(['Jane Tino', 'Vera Lin']);
    const withChanges = useTenantStore.getState().events;
    renderConsole();
    await userEvent.click(screen.getByRole('button', { name: 'Reset scenario' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the scenario?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reset and drop 2 changes' }));
    await waitFor(() => expect(events()).toBe(scenarioEvents));
    expect(statusOf('Jane Tino')).toBe('active');
    const banner = await screen.findByRole('region', { name: 'Dropped changes' });
    expect(banner).toHaveTextContent('The reset dropped 2 changes.');
    expect(within(banner).getByRole('button', { name: 'Download the dropped log' })).toBeVisible();
    await userEvent.click(within(banner).getByRole('button', { name: 'Undo reset' }));
    await waitFor(() => expect(useTenantStore.getState().events).toBe(withChanges));
    expect(statusOf('Jane Tino')).toBe('deactivated');
    expect(screen.queryByRole('region', { name: 'Dropped changes' })).toBeNull();
  });

  it('asks before switching scenario over changes, naming the button that drops them', async () => {
    deactivate(['Jane Tino']);
    renderConsole();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'blank');
    const dialog = await screen.findByRole('dialog', { name: 'Open another scenario?' });
    expect(useTenantStore.getState().scenarioId).toBe('jane-tino');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Open it and drop 1 change' }),
    );
    await waitFor(() => expect(useTenantStore.getState().scenarioId).toBe('blank'));
    expect(await screen.findByRole('button', { name: 'Undo scenario switch' })).toBeVisible();
  });

  it('asks before a change in the past drops more than one later event, in the page', async () => {
    const { full, result, dialog } = await reactivateJaneTwoEventsBack(['Vera Lin', 'Sam Patel']);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Drop them and make the change' }),
    );
    await expect(result).resolves.toEqual({ ok: true });
    expect(events()).toBe(full.length - 1);
    const banner = await screen.findByRole('region', { name: 'Dropped changes' });
    expect(banner).toHaveTextContent('The change dropped 2 later events.');
    await userEvent.click(within(banner).getByRole('button', { name: 'Undo change' }));
    await waitFor(() => expect(useTenantStore.getState().events).toBe(full));
  });

  it('keeps the later events when the person cancels the drop', async () => {
    const { full, result, dialog } = await reactivateJaneTwoEventsBack(['Vera Lin']);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(result).resolves.toEqual({
      ok: false,
      reason: 'Nothing changed: the 2 later events are kept.',
    });
    expect(dialog).not.toBeInTheDocument();
    expect(useTenantStore.getState().events).toBe(full);
  });

  it('dispatches at once, without a question, when one later event or none is dropped', async () => {
    deactivate(['Jane Tino']);
    useTenantStore.getState().undo();
    const vera = accountNamed(selectTenant(useTenantStore.getState()), 'Vera Lin').id;
    const result = dispatchAsking((tenant) => changeStatus(tenant, 'account_deactivated', vera));
    // Applied before the promise settles: a click repaints without waiting for a chunk.
    expect(statusOf('Vera Lin')).toBe('deactivated');
    await expect(result).resolves.toEqual({ ok: true });
    expect(useAskStore.getState().question).toBeNull();
  });

  it('resolves false and leaves the log when the replacement is refused by the person', async () => {
    deactivate(['Jane Tino']);
    const before = useTenantStore.getState().events;
    const pending = replaceAsking('import', () => {
      throw new Error('must not run');
    });
    await waitFor(() => expect(useAskStore.getState().question?.title).toBe('Import the file?'));
    useAskStore.getState().question?.answer(false);
    await expect(pending).resolves.toBe(false);
    expect(useTenantStore.getState().events).toBe(before);
  });
});

describe('starting the tour over changes', () => {
  beforeEach(async () => {
    await resetConsole();
  });

  it('asks first, and starts nothing when the person keeps their changes', async () => {
    const { startTour } = await import('../features/tour/start-tour');
    deactivate(['Vera Lin']);
    const before = useTenantStore.getState().events;
    const started = startTour();
    await waitFor(() => expect(useAskStore.getState().question?.title).toBe('Start the tour?'));
    expect(useAskStore.getState().question?.confirm).toBe('Start the tour and drop 1 change');
    useAskStore.getState().question?.answer(false);
    await expect(started).resolves.toMatchObject({ ok: false });
    expect(useTenantStore.getState().events).toBe(before);
  });
});

describe('the words of each question (the README contract quotes them)', () => {
  beforeEach(async () => {
    await resetConsole();
  });

  it.each([
    [
      'reset',
      'Reset the scenario?',
      'Reset and drop 1 change',
      'The reset dropped 1 change.',
      'Undo reset',
    ],
    [
      'switch',
      'Open another scenario?',
      'Open it and drop 1 change',
      'Opening another scenario dropped 1 change.',
      'Undo scenario switch',
    ],
    [
      'link',
      'Open the shared link?',
      'Open the link and drop 1 change',
      'Opening the shared link dropped 1 change.',
      'Undo opening the link',
    ],
    [
      'import',
      'Import the file?',
      'Import and drop 1 change',
      'The import dropped 1 change.',
      'Undo import',
    ],
    [
      'tour',
      'Start the tour?',
      'Start the tour and drop 1 change',
      'Starting the tour dropped 1 change.',
      'Undo tour start',
    ],
    [
      'checkpoint',
      'Reset to the checkpoint?',
      'Reset to it and drop 1 change',
      'Resetting to the checkpoint dropped 1 change.',
      'Undo checkpoint reset',
    ],
  ] as const)(
    '%s: asks "%s", confirms with "%s", then says "%s" and offers "%s"',
    async (what, title, confirm, done, undo) => {
      deactivate(['Jane Tino']);
      const pending = replaceAsking(what, () => useTenantStore.getState().resetScenario());
      await waitFor(() => expect(useAskStore.getState().question?.title).toBe(title));
      const question = useAskStore.getState().question;
      expect(question?.confirm).toBe(confirm);
      expect(question?.message).toMatch(/^This drops 1 change made since the scenario was set up/);
      question?.answer(true);
      await expect(pending).resolves.toBe(true);
      expect(useAskStore.getState().replaced).toMatchObject({ message: done, undo });
    },
  );
});

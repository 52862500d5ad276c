import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../core/commands';
import { accountNamed } from '../core/testing/named';
import { usePresenter } from '../features/presenter/use-presenter';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { AppHeader } from './app-header';

function janeId(): string {
  return accountNamed(selectTenant(useTenantStore.getState()), 'Jane Tino').id;
}

function cursor() {
  return useTenantStore.getState().cursor;
}

function total() {
  return useTenantStore.getState().events.length;
}

function header() {
  return screen.getByRole('banner');
}

describe('AppHeader', () => {
  beforeEach(async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false, checkpoint: null });
  });

  it('names the console and the tenant shown', () => {
    render(<AppHeader />);
    expect(
      within(header()).getByRole('heading', { level: 1, name: 'Key Lifecycle Console' }),
    ).toBeVisible();
    expect(header()).toHaveTextContent(
      'Tino Corp · tino-corp-1234.tines.com · simulated Tines tenant',
    );
  });

  it('says a state that names no scenario of the console is an imported one, not the first scenario', () => {
    render(<AppHeader />);
    const select = within(header()).getByRole('combobox', { name: 'Scenario' });
    expect(select).toHaveDisplayValue('Jane Tino (the FAQ)');
    const { genesis, events } = useTenantStore.getState();
    act(() =>
      useTenantStore
        .getState()
        .replaceLog({ scenarioId: 'custom', scenarioParams: {}, genesis, events, cursor: 3 }),
    );
    expect(select).toHaveDisplayValue('Imported state');
    expect(within(select).getByRole('option', { name: 'Imported state' })).toBeDisabled();
  });

  it('undoes and redoes with its buttons, which are disabled when there is nothing to do', async () => {
    const user = userEvent.setup();
    render(<AppHeader />);
    const undo = within(header()).getByRole('button', { name: 'Undo' });
    const redo = within(header()).getByRole('button', { name: 'Redo' });
    expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z');
    expect(redo).toHaveAttribute('aria-keyshortcuts', 'Shift+Control+Z Shift+Meta+Z');
    act(() => {
      useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    });
    expect(undo).toBeEnabled();
    expect(redo).toBeDisabled();

    await user.click(undo);
    expect(cursor()).toBe(total() - 1);
    expect(selectTenant(useTenantStore.getState()).accounts.get(janeId())?.status).toBe('active');
    expect(redo).toBeEnabled();

    await user.click(redo);
    expect(cursor()).toBe(total());
    expect(selectTenant(useTenantStore.getState()).accounts.get(janeId())?.status).toBe(
      'deactivated',
    );
    expect(redo).toBeDisabled();

    act(() => useTenantStore.getState().goTo(0));
    expect(undo).toBeDisabled();
    expect(redo).toBeEnabled();
  });

  it('opens Share and import in a dialog, and gives focus back to Share once it is closed', async () => {
    const user = userEvent.setup();
    render(<AppHeader />);
    const share = within(header()).getByRole('button', { name: 'Share' });
    expect(share).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(share);
    const dialog = await waitFor(() => screen.getByRole('dialog', { name: 'Share and import' }), {
      timeout: 5_000,
    });
    expect(within(dialog).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Share and import' })).toBeNull();
    expect(share).toHaveFocus();
  });

  it('shows the Presenter bar while presenter mode is on, and only then', async () => {
    const user = userEvent.setup();
    render(<AppHeader />);
    const toggle = within(header()).getByRole('button', { name: 'Presenter mode' });
    expect(screen.queryByRole('group', { name: 'Presenter' })).toBeNull();
    await user.click(toggle);
    // The bar is its own chunk, loaded when the mode is first turned on.
    const bar = await screen.findByRole('group', { name: 'Presenter' }, { timeout: 5_000 });
    expect(within(bar).getByRole('button', { name: 'Save checkpoint' })).toBeInTheDocument();
    await user.click(toggle);
    expect(screen.queryByRole('group', { name: 'Presenter' })).toBeNull();
  });
});

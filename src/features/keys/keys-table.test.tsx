import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../../core/commands';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { usePredictStore } from '../predict/use-predict-store';
import { usePresenter } from '../presenter/use-presenter';
import { KeysTable } from './keys-table';

function janeId(): string {
  const tenant = selectTenant(useTenantStore.getState());
  const jane = [...tenant.accounts.values()].find((account) => account.name === 'Jane Tino');
  if (jane === undefined) throw new Error('no Jane Tino');
  return jane.id;
}

function verdictFilter(): HTMLSelectElement {
  return screen.getByRole('combobox', { name: 'Filter by verdict' }) as HTMLSelectElement;
}

function optionTexts(select: HTMLSelectElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent ?? '');
}

describe('KeysTable', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
    usePredictStore.getState().resetScore();
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false });
    act(() => {
      useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
    });
  });

  afterEach(() => {
    usePredictStore.getState().resetScore();
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false });
  });

  it('filters by the verdicts present and counts the keys shown', async () => {
    const user = userEvent.setup();
    render(<KeysTable />);
    expect(optionTexts(verdictFilter())).toEqual([
      'All verdicts',
      '200 Valid',
      '401 Owner deactivated',
    ]);
    await user.selectOptions(verdictFilter(), '401 Owner deactivated');
    expect(screen.getByText('Showing 1 of 8 keys')).toBeInTheDocument();
  });

  it('while a prediction is open, hides the verdicts, their filter, their count and their sorting; the reveal restores them', async () => {
    const user = userEvent.setup();
    render(<KeysTable />);
    const table = screen.getByRole('table', { name: 'Keys' });
    await user.selectOptions(verdictFilter(), '401 Owner deactivated');
    await user.click(within(table).getByRole('button', { name: /^Verdict now/ }));
    expect(screen.getByText('Showing 1 of 8 keys')).toBeInTheDocument();

    // Presenter mode hides the verdicts; a round about Jane is open.
    act(() => {
      usePresenter.setState({ enabled: true, hideLiveVerdicts: true });
      usePredictStore.getState().choosePerson(janeId(), 'reactivate');
    });
    const filter = verdictFilter();
    expect(filter).toBeDisabled();
    expect(optionTexts(filter)).toEqual(['hidden until reveal']);
    expect(filter).toHaveDisplayValue('hidden until reveal');
    // The filter would count the 401s: it waits for the reveal, and every key is listed.
    expect(screen.getByText('Showing 8 of 8 keys')).toBeInTheDocument();
    // Sorting by verdict would give the order away: the column cannot be sorted for now.
    const header = within(table).getByRole('columnheader', { name: 'Verdict now' });
    expect(within(header).queryByRole('button')).not.toBeInTheDocument();
    expect(header).not.toHaveAttribute('aria-sort');
    expect(table).not.toHaveTextContent(/\b(200|401)\b|Valid|Owner deactivated/);
    expect(within(table).getAllByText('hidden until reveal')).toHaveLength(8);

    act(() =>
      usePredictStore
        .getState()
        .reveal({ personName: 'Jane Tino', change: 'reactivate', marked: [] }),
    );
    expect(verdictFilter()).toBeEnabled();
    expect(verdictFilter()).toHaveDisplayValue('401 Owner deactivated');
    expect(screen.getByText('Showing 1 of 8 keys')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /^Verdict now/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(table).toHaveTextContent('401 Owner deactivated');
  });
});

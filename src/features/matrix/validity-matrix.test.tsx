import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../../core/commands';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { usePredictStore } from '../predict/use-predict-store';
import { usePresenter } from '../presenter/use-presenter';
import { ValidityMatrix } from './validity-matrix';

function accountId(name: string): string {
  const tenant = selectTenant(useTenantStore.getState());
  const account = [...tenant.accounts.values()].find((candidate) => candidate.name === name);
  if (account === undefined) throw new Error(name);
  return account.id;
}

function cellOf(keyName: string, column: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Validity matrix' });
  const columnIndex = within(table)
    .getAllByRole('columnheader')
    .filter((header) => header.getAttribute('scope') === 'col')
    .findIndex((header) => header.textContent === column);
  const row = within(table)
    .getByRole('rowheader', { name: new RegExp(`^${keyName}`) })
    .closest('tr');
  const cell = row?.querySelectorAll('td')[columnIndex - 1];
  if (cell === undefined) throw new Error(`${keyName} / ${column}`);
  return cell;
}

describe('ValidityMatrix', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('shows each cell as a status code in text, not colour alone', () => {
    render(<ValidityMatrix />);
    expect(cellOf('Jane personal', 'Now')).toHaveTextContent('200');
    expect(cellOf('Jane personal', 'Deactivated')).toHaveTextContent('401Owner deactivated');
    expect(cellOf('Jane personal', 'Re-invited')).toHaveTextContent('401Owner deleted');
    expect(cellOf('Jane team', 'Re-invited')).toHaveTextContent('200Valid');
  });

  it('flips the live column and announces it when Jane is deactivated', () => {
    render(<ValidityMatrix />);
    act(() => {
      useTenantStore
        .getState()
        .dispatch((t) => changeStatus(t, 'account_deactivated', accountId('Jane Tino')));
    });
    expect(cellOf('Jane personal', 'Now')).toHaveAttribute('data-status', '401');
    expect(cellOf('Jane personal', 'Now')).toHaveAttribute('data-flipped', 'true');
    expect(cellOf('Jane team', 'Now')).not.toHaveAttribute('data-flipped');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Changed: Jane Tino — Personal key: 200 → 401',
    );
  });

  it('announces no flip while the verdicts are hidden until reveal, and hides every cell', () => {
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true });
    try {
      render(<ValidityMatrix />);
      act(() => usePredictStore.getState().choosePerson(accountId('Sam Patel'), 'deactivate'));
      // A change made during the round (here at the console) would be announced with its verdicts.
      act(() => {
        useTenantStore
          .getState()
          .dispatch((t) => changeStatus(t, 'account_deactivated', accountId('Jane Tino')));
      });
      expect(cellOf('Jane personal', 'Now')).toHaveTextContent('hidden until reveal');
      expect(screen.getByRole('table', { name: 'Validity matrix' })).not.toHaveTextContent(
        /\b(200|401)\b/,
      );
      expect(screen.getByRole('status')).not.toHaveTextContent(/\b(200|401)\b|Changed/);
    } finally {
      usePredictStore.getState().resetScore();
      usePresenter.setState({ enabled: false, hideLiveVerdicts: false });
    }
  });

  it('filters its rows by key name, creator name or email', async () => {
    const user = userEvent.setup();
    render(<ValidityMatrix />);
    await user.type(screen.getByRole('searchbox', { name: 'Find keys' }), 'sam.patel@');
    const table = screen.getByRole('table', { name: 'Validity matrix' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual(['Sam personalPersonal · Sam Patel', 'Sam teamTeam · Sam Patel']);
    expect(screen.getByText('Showing 2 of 8 keys')).toBeInTheDocument();
  });

  it('marks stages a deleted creator cannot reach as not reachable, with the reason', async () => {
    const user = userEvent.setup();
    render(<ValidityMatrix />);
    act(() => {
      useTenantStore
        .getState()
        .dispatch((t) => changeStatus(t, 'account_deleted', accountId('Jane Tino')));
    });
    const active = cellOf('Jane team', 'Active');
    expect(active).toHaveAttribute('data-status', 'n/a');
    await user.click(within(active).getByRole('button'));
    // The explanation is its own lazily loaded chunk: wait for it.
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Cell explanation' })).toHaveTextContent(
        'a deleted account cannot be reactivated',
      ),
    );
  });

  it('explains a key with the credentials that hold it and what uses them (key → credential → action → story)', async () => {
    const user = userEvent.setup();
    render(<ValidityMatrix />);
    await user.click(within(cellOf('Jane personal', 'Now')).getByRole('button'));
    const held = await screen.findByRole('list', { name: 'Credentials holding this key' });
    expect(
      within(held)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Jane personal API key (Team Automation): used by 3 actions in 2 stories']);
    await user.click(within(cellOf('Vera personal', 'Now')).getByRole('button'));
    await waitFor(() =>
      expect(screen.getByRole('region', { name: 'Cell explanation' })).toHaveTextContent(
        'No credential holds this key.',
      ),
    );
  });

  it('is a region named Validity matrix with a level-3 heading and the export menu', () => {
    render(<ValidityMatrix />);
    const region = screen.getByRole('region', { name: 'Validity matrix' });
    expect(
      within(region).getByRole('heading', { level: 3, name: 'Validity matrix' }),
    ).toBeVisible();
    const exports = within(region).getByRole('group', { name: 'Export all keys' });
    expect(
      within(exports)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Export CSV', 'Export Markdown', 'Export JSON']);
  });

  it('describes the table by its help text while the help is folded under How to read it', () => {
    render(<ValidityMatrix />);
    const help = screen.getByText('How to read it').closest('details');
    expect(help).not.toHaveAttribute('open');
    expect(screen.getByRole('table', { name: 'Validity matrix' })).toHaveAccessibleDescription(
      /^Each row is a key; each column is its HTTP status now and after its creator is deactivated/,
    );
  });

  it('moves focus between cells with the arrow keys and explains the focused cell', async () => {
    const user = userEvent.setup();
    render(<ValidityMatrix />);
    const buttons = screen
      .getByRole('table', { name: 'Validity matrix' })
      .querySelectorAll('td button');
    expect([...buttons].filter((button) => button.getAttribute('tabindex') === '0')).toHaveLength(
      1,
    );

    // Above the matrix: the search box, then the folded help; one more Tab lands on the
    // matrix's one tab stop.
    screen.getByRole('searchbox', { name: 'Find keys' }).focus();
    await user.tab();
    expect(screen.getByText('How to read it')).toHaveFocus();
    await user.tab();
    expect(document.activeElement?.closest('td')).toBe(cellOf('Jane personal', 'Now'));
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement?.closest('td')).toBe(cellOf('Jane personal', 'Deactivated'));
    const explanation = screen.getByRole('region', { name: 'Cell explanation' });
    await waitFor(() => expect(explanation).toHaveTextContent('auth.personal-owner-deactivated'));
    expect(explanation).toHaveTextContent('Documented (S1)');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.closest('td')).toBe(cellOf('Jane team', 'Deactivated'));
    await user.keyboard('{End}');
    expect(document.activeElement?.closest('td')).toBe(cellOf('Jane team', 'Re-invited'));
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement?.closest('td')).toBe(cellOf('Jane personal', 'Now'));
  });
});

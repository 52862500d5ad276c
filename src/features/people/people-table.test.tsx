import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTenantStore } from '../../store/tenant-store';
import { PeopleTable } from './people-table';

function personRow(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'People' });
  const header = within(table).getByRole('rowheader', { name: name });
  const row = header.closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

describe('PeopleTable', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('lists every person with their tenant role, team roles and status', () => {
    render(<PeopleTable />);
    const jane = personRow('Jane Tino');
    expect(within(jane).getByText('Tenant owner')).toBeInTheDocument();
    // The team's name is isolated (<bdi>), so the item's text is split across elements.
    expect(within(jane).getByRole('listitem')).toHaveTextContent(/^Team Automation: Team admin$/);
    expect(within(jane).getByText('Team Automation', { selector: 'li > bdi' })).toBeInTheDocument();
    expect(within(jane).getByText('Active')).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader')).toHaveLength(5);
  });

  it('finds a person by name or email', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'VERA.LIN');
    expect(screen.getAllByRole('rowheader').map((header) => header.textContent)).toEqual([
      'Vera Lin',
    ]);
    await user.clear(screen.getByRole('searchbox', { name: 'Find a person' }));
    await user.type(screen.getByRole('searchbox', { name: 'Find a person' }), 'nobody');
    expect(screen.getByText('No person matches.')).toBeInTheDocument();
  });

  it('offers only the actions that apply to each status', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    const buttons = () =>
      within(personRow('Jane Tino'))
        .getAllByRole('button')
        .map((button) => button.textContent);
    expect(buttons()).toEqual(['Deactivate', 'Edit roles', 'Delete']);
    await user.click(within(personRow('Jane Tino')).getByRole('button', { name: 'Deactivate' }));
    expect(buttons()).toEqual(['Reactivate', 'Edit roles', 'Delete']);
    expect(within(personRow('Jane Tino')).getByText('Deactivated')).toBeInTheDocument();
  });

  it('asks for confirmation before deleting, naming the keys that will break', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    await user.click(within(personRow('Jane Tino')).getByRole('button', { name: 'Delete' }));
    // The dialog is its own chunk, fetched on first use.
    const dialog = await screen.findByRole(
      'dialog',
      { name: "Delete Jane Tino's account?" },
      { timeout: 5_000 },
    );
    expect(dialog).toHaveTextContent('Jane personal');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(personRow('Jane Tino')).getByText('Active')).toBeInTheDocument();

    await user.click(within(personRow('Jane Tino')).getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: "Delete Jane Tino's account?" })).getByRole(
        'button',
        { name: 'Delete' },
      ),
    );
    expect(within(personRow('Jane Tino')).getByText('Deleted')).toBeInTheDocument();
    expect(
      within(personRow('Jane Tino')).getByRole('button', { name: 'Re-invite' }),
    ).toBeInTheDocument();
  });

  it('shows a re-invited person as a new active account above the old deleted one', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    await user.click(within(personRow('Jane Tino')).getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', {}, { timeout: 5_000 })).getByRole('button', {
        name: 'Delete',
      }),
    );
    await user.click(within(personRow('Jane Tino')).getByRole('button', { name: 'Re-invite' }));

    const janeRows = screen
      .getAllByRole('row')
      .filter((row) => row.textContent?.includes('jane.tino@tinocorp.example'));
    expect(janeRows).toHaveLength(2);
    const [current, history] = janeRows as [HTMLElement, HTMLElement];
    expect(within(current).getByText('Active')).toBeInTheDocument();
    expect(within(history).getByText('Deleted')).toBeInTheDocument();
    expect(history).toHaveTextContent(/previous account usr_\d{4}/);
    expect(within(history).queryByRole('button')).not.toBeInTheDocument();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTenantStore } from '../../store/tenant-store';
import { PeopleTable } from './people-table';

function janeRow(): HTMLElement {
  const header = within(screen.getByRole('table', { name: 'People' })).getByRole('rowheader', {
    name: 'Jane Tino',
  });
  const row = header.closest('tr');
  if (row === null) throw new Error('no row');
  return row;
}

describe('Edit roles', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('opens with the account’s current roles', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    await user.click(within(janeRow()).getByRole('button', { name: 'Edit roles' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit roles for Jane Tino' });
    expect(within(dialog).getByLabelText('Tenant role')).toHaveValue('owner');
    expect(within(dialog).getByLabelText('Team Automation')).toHaveValue('team_admin');
    expect(within(dialog).getByLabelText('Team SecOps')).toHaveValue('');
    expect(within(dialog).getByRole('checkbox', { name: 'AUDIT_LOG_READ' })).not.toBeChecked();
  });

  it('demotes Jane with one event, and the row shows her new roles', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events.length;
    render(<PeopleTable />);
    await user.click(within(janeRow()).getByRole('button', { name: 'Edit roles' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit roles for Jane Tino' });
    await user.selectOptions(within(dialog).getByLabelText('Tenant role'), 'user');
    await user.selectOptions(within(dialog).getByLabelText('Team Automation'), '');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const { events } = useTenantStore.getState();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      type: 'account_roles_changed',
      tenantRole: 'user',
      permissions: [],
      teamRoles: {},
    });
    expect(within(janeRow()).getByText('Member')).toBeInTheDocument();
    expect(within(janeRow()).getByText('None')).toBeInTheDocument();
  });

  it('logs nothing when saved unchanged or cancelled', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events;
    render(<PeopleTable />);
    await user.click(within(janeRow()).getByRole('button', { name: 'Edit roles' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(within(janeRow()).getByRole('button', { name: 'Edit roles' }));
    await user.selectOptions(screen.getByLabelText('Tenant role'), 'user');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useTenantStore.getState().events).toBe(before);
  });

  it('shows the reducer’s refusal and keeps the choices when the account changed meanwhile', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    await user.click(within(janeRow()).getByRole('button', { name: 'Edit roles' }));
    await user.selectOptions(screen.getByLabelText('Tenant role'), 'user');
    // Someone else deletes Jane while the dialog is open (as the simulated API will allow).
    const jane = [...useTenantStore.getState().events].find(
      (event) => event.type === 'account_invited' && event.name === 'Jane Tino',
    );
    if (jane?.type !== 'account_invited') throw new Error('no Jane');
    useTenantStore.setState((state) => ({
      events: [
        ...state.events,
        {
          type: 'account_deleted',
          at: 2e12,
          actor: { kind: 'console' },
          accountId: jane.accountId,
        },
      ],
      cursor: state.cursor + 1,
    }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Jane Tino's account is deleted; its roles cannot change.",
    );
    expect(screen.getByLabelText('Tenant role')).toHaveValue('user');
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../../core/commands';
import { useTenantStore } from '../../store/tenant-store';
import { PeopleTable } from './people-table';

type User = ReturnType<typeof userEvent.setup>;

function personRow(name: string): HTMLElement {
  const header = within(screen.getByRole('table', { name: 'People' })).getByRole('rowheader', {
    name,
  });
  const row = header.closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return row;
}

function accountId(name: string): string {
  const id = personRow(name).getAttribute('data-account-id');
  if (id === null) throw new Error(`no account id for ${name}`);
  return id;
}

function editRolesButton(name: string): HTMLElement {
  return within(personRow(name)).getByRole('button', { name: 'Edit roles' });
}

async function openEditRoles(user: User, name: string): Promise<HTMLElement> {
  await user.click(editRolesButton(name));
  // The dialog is its own chunk, fetched on first use.
  return screen.findByRole('dialog', { name: `Edit roles for ${name}` }, { timeout: 5_000 });
}

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole('option')
    .map((option) => option.textContent ?? '');
}

describe('Edit roles', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('opens with the account’s current tenant role, permissions and team roles', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    const dialog = await openEditRoles(user, 'Jane Tino');

    const tenantRole = within(dialog).getByRole('combobox', { name: 'Tenant role' });
    expect(tenantRole).toHaveValue('owner');
    expect(optionLabels(tenantRole)).toEqual(['Tenant owner', 'Member']);

    const permissions = within(dialog).getByRole('group', { name: 'Tenant permissions' });
    for (const permission of ['API_KEY_CREATE', 'AUDIT_LOG_READ', 'TUNNEL_MANAGE']) {
      expect(within(permissions).getByRole('checkbox', { name: permission })).not.toBeChecked();
    }

    const teamRoles = within(dialog).getByRole('group', { name: 'Team roles' });
    const automation = within(teamRoles).getByRole('combobox', { name: 'Team Automation' });
    expect(automation).toHaveValue('team_admin');
    expect(optionLabels(automation)).toEqual(['None', 'Team admin', 'Editor', 'Viewer']);
    expect(within(teamRoles).getByRole('combobox', { name: 'Team SecOps' })).toHaveValue('');
  });

  it('ticks the tenant permissions the account holds', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    const dialog = await openEditRoles(user, 'Eli Brooks');
    expect(within(dialog).getByRole('checkbox', { name: 'AUDIT_LOG_READ' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'API_KEY_CREATE' })).not.toBeChecked();
  });

  it('demotes Jane to Member with no team roles in one event, and her row shows it', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events.length;
    render(<PeopleTable />);
    const dialog = await openEditRoles(user, 'Jane Tino');
    await user.selectOptions(within(dialog).getByLabelText('Tenant role'), 'Member');
    await user.selectOptions(within(dialog).getByLabelText('Team Automation'), 'None');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const { events } = useTenantStore.getState();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({
      type: 'account_roles_changed',
      accountId: accountId('Jane Tino'),
      tenantRole: 'user',
      permissions: [],
      teamRoles: {},
    });
    expect(within(personRow('Jane Tino')).getByText('Member')).toBeInTheDocument();
    expect(within(personRow('Jane Tino')).getByText('None')).toBeInTheDocument();
    // Focus goes back to the button when the dialog's effect is cleaned up, after the commit.
    await waitFor(() => expect(editRolesButton('Jane Tino')).toHaveFocus());
  });

  it('changes nothing when cancelled, and opens again from the account as it is', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events;
    render(<PeopleTable />);
    let dialog = await openEditRoles(user, 'Jane Tino');
    await user.selectOptions(within(dialog).getByLabelText('Tenant role'), 'Member');
    await user.click(within(dialog).getByRole('checkbox', { name: 'TUNNEL_MANAGE' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useTenantStore.getState().events).toBe(before);
    expect(within(personRow('Jane Tino')).getByText('Tenant owner')).toBeInTheDocument();
    // Focus goes back to the button when the dialog's effect is cleaned up, after the commit.
    await waitFor(() => expect(editRolesButton('Jane Tino')).toHaveFocus());

    dialog = await openEditRoles(user, 'Jane Tino');
    expect(within(dialog).getByLabelText('Tenant role')).toHaveValue('owner');
    expect(within(dialog).getByRole('checkbox', { name: 'TUNNEL_MANAGE' })).not.toBeChecked();
  });

  it('logs nothing when saved unchanged', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events;
    render(<PeopleTable />);
    const dialog = await openEditRoles(user, 'Jane Tino');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useTenantStore.getState().events).toBe(before);
  });

  it('shows the reducer’s refusal and keeps the choices when the account was deleted meanwhile', async () => {
    const user = userEvent.setup();
    render(<PeopleTable />);
    const dialog = await openEditRoles(user, 'Jane Tino');
    await user.selectOptions(within(dialog).getByLabelText('Tenant role'), 'Member');
    await user.click(within(dialog).getByRole('checkbox', { name: 'AUDIT_LOG_READ' }));
    // The modal keeps the console's own Delete out of reach; another actor (the simulated API)
    // can still delete Jane while the dialog is open. That is the reducer's only refusal here.
    const { dispatch } = useTenantStore.getState();
    const jane = accountId('Jane Tino');
    const deleted = dispatch((tenant) => changeStatus(tenant, 'account_deleted', jane));
    expect(deleted).toEqual({ ok: true });
    const before = useTenantStore.getState().events;

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      "Jane Tino's account is deleted; its roles cannot change.",
    );
    expect(dialog).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Tenant role')).toHaveValue('user');
    expect(within(dialog).getByRole('checkbox', { name: 'AUDIT_LOG_READ' })).toBeChecked();
    expect(useTenantStore.getState().events).toBe(before);
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { CreateKeyDialog } from './create-key-dialog';

function accountId(name: string): string {
  const tenant = selectTenant(useTenantStore.getState());
  const account = [...tenant.accounts.values()].find((candidate) => candidate.name === name);
  if (account === undefined) throw new Error(name);
  return account.id;
}

describe('CreateKeyDialog', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('offers a viewer only a personal key, saying why each other scope is refused', async () => {
    const user = userEvent.setup();
    render(<CreateKeyDialog onClose={() => {}} />);
    await user.selectOptions(screen.getByLabelText('Acting account'), accountId('Vera Lin'));
    const team = screen.getByRole('radio', { name: 'Team' });
    expect(team).toBeDisabled();
    expect(team).toHaveAccessibleDescription(
      'Team keys need the Tenant owner role or Team admin on at least one team.',
    );
    expect(screen.getByRole('radio', { name: 'Tenant owner' })).toHaveAccessibleDescription(
      'Tenant owner keys need the Tenant owner role.',
    );
    expect(screen.getByRole('radio', { name: 'Service' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'Personal' })).toBeEnabled();
  });

  it('lets a team admin key only the teams they administer', async () => {
    const user = userEvent.setup();
    render(<CreateKeyDialog onClose={() => {}} />);
    await user.selectOptions(screen.getByLabelText('Acting account'), accountId('Sam Patel'));
    await user.click(screen.getByRole('radio', { name: 'Team' }));
    const teams = screen.getByRole('group', { name: 'Teams the key covers' });
    expect(within(teams).getByRole('checkbox', { name: /Team Automation/ })).toBeEnabled();
    expect(within(teams).getByRole('checkbox', { name: /Team SecOps/ })).toBeDisabled();
  });

  it('keeps the dialog open with a message when the name is empty', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events;
    render(<CreateKeyDialog onClose={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Give the key a name.');
    expect(useTenantStore.getState().events).toBe(before);
  });

  it('refuses a team key with no team and creates nothing', async () => {
    const user = userEvent.setup();
    const before = useTenantStore.getState().events;
    render(<CreateKeyDialog onClose={() => {}} />);
    await user.selectOptions(screen.getByLabelText('Acting account'), accountId('Jane Tino'));
    await user.type(screen.getByLabelText('Key name'), 'No team');
    await user.click(screen.getByRole('radio', { name: 'Team' }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(screen.getByRole('alert')).toHaveTextContent('A team key must cover at least one team.');
    expect(useTenantStore.getState().events).toBe(before);
  });

  it('creates the key and shows its secret once', async () => {
    const user = userEvent.setup();
    render(<CreateKeyDialog onClose={() => {}} />);
    await user.selectOptions(screen.getByLabelText('Acting account'), accountId('Jane Tino'));
    await user.type(screen.getByLabelText('Key name'), 'Audit reader');
    await user.click(screen.getByRole('radio', { name: 'Service' }));
    await user.click(screen.getByRole('checkbox', { name: 'AUDIT_LOG_READ' }));
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    expect(screen.getByRole('dialog', { name: 'Key created' })).toBeInTheDocument();
    const secret = (screen.getByRole('textbox', { name: 'Secret' }) as HTMLInputElement).value;
    expect(secret).toMatch(/^sim_[A-Z2-7]{32}$/);
    const created = [...selectTenant(useTenantStore.getState()).keys.values()].at(-1);
    expect(created).toMatchObject({
      name: 'Audit reader',
      scope: 'service',
      permissions: ['AUDIT_LOG_READ'],
      secret,
    });
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../../core/commands';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { withVerdictsHiddenUntilReveal } from '../../test/hidden-verdicts';
import { usePredictStore } from '../predict/use-predict-store';
import { usePresenter } from '../presenter/use-presenter';
import { labelParts, PERMISSION_COLUMNS, type PermissionColumnId } from './permission-cells';
import { PermissionPanel } from './permission-panel';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

function accountId(name: string): string {
  const account = [...tenant().accounts.values()].find((candidate) => candidate.name === name);
  if (account === undefined) throw new Error(name);
  return account.id;
}

function cell(keyName: string, column: PermissionColumnId): HTMLElement {
  const key = [...tenant().keys.values()].find((candidate) => candidate.name === keyName);
  if (key === undefined) throw new Error(keyName);
  return screen.getByTestId(`perm-${key.id}:${column}`);
}

function statuses(keyName: string): string[] {
  return PERMISSION_COLUMNS.map(
    (column) => cell(keyName, column.id).getAttribute('data-status') ?? '',
  );
}

describe('PermissionPanel', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('shows a row per key and a column per request, each cell in text with its code', () => {
    render(<PermissionPanel />);
    const table = screen.getByRole('table', { name: 'Permission matrix' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(8);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Key', ...PERMISSION_COLUMNS.map((column) => column.label)]);
    expect(within(table).getByRole('rowheader', { name: /^Vera personal/ })).toHaveTextContent(
      'Vera personalPersonal · Vera Lin',
    );
    expect(cell('Vera personal', 'create_story')).toHaveTextContent('403Role too low');
    expect(cell('Vera personal', 'info')).toHaveTextContent('200Allowed');
  });

  it('lets a viewer read Team Automation’s members but not create a story there', () => {
    render(<PermissionPanel />);
    expect(screen.getByRole('combobox', { name: 'Team' })).toHaveDisplayValue('Team Automation');
    expect(cell('Vera personal', 'create_story')).toHaveAttribute('data-status', '403');
    expect(cell('Vera personal', 'team_members')).toHaveAttribute('data-status', '200');
  });

  it('answers 401 everywhere for a deactivated creator’s personal key, not for her tenant owner key', () => {
    render(<PermissionPanel />);
    act(() => {
      useTenantStore
        .getState()
        .dispatch((t) => changeStatus(t, 'account_deactivated', accountId('Jane Tino')));
    });
    expect(statuses('Jane personal')).toEqual(PERMISSION_COLUMNS.map(() => '401'));
    expect(cell('Jane personal', 'info')).toHaveTextContent('401Owner deactivated');
    expect(statuses('Jane tenant owner')).toEqual(PERMISSION_COLUMNS.map(() => '200'));
  });

  it('decides the team endpoints for the team chosen in the Team select', async () => {
    const user = userEvent.setup();
    render(<PermissionPanel />);
    expect(cell('Sam personal', 'team_members')).toHaveAttribute('data-status', '200');
    expect(cell('Sam personal', 'create_story')).toHaveAttribute('data-status', '200');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Team' }), 'Team SecOps');
    // Sam is a viewer of SecOps: may read its members, may not build there.
    expect(cell('Sam personal', 'team_members')).toHaveAttribute('data-status', '200');
    expect(cell('Sam personal', 'create_story')).toHaveAttribute('data-status', '403');
    // Eli has no role on SecOps.
    expect(cell('Eli personal', 'team_members')).toHaveAttribute('data-status', '403');
    expect(cell('Eli personal', 'team_members')).toHaveTextContent('403Not on team');
  });

  it('answers the credential and story reads per key and team (assumed rules)', async () => {
    const user = userEvent.setup();
    render(<PermissionPanel />);
    // A service key holds tenant permissions only.
    for (const column of ['list_credentials', 'get_credential', 'list_stories'] as const) {
      expect(cell('Jane service', column)).toHaveTextContent('403No team access');
    }
    expect(cell('Vera personal', 'list_credentials')).toHaveAttribute('data-status', '200');
    expect(cell('Vera personal', 'get_credential')).toHaveAttribute('data-status', '200');
    expect(cell('Vera personal', 'list_stories')).toHaveAttribute('data-status', '200');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Team' }), 'Team SecOps');
    // Vera has no role on SecOps: its lists are refused, and a SecOps-only credential is not hers.
    expect(cell('Vera personal', 'list_credentials')).toHaveTextContent('403Not on team');
    expect(cell('Vera personal', 'get_credential')).toHaveTextContent('403Not shared');
    expect(cell('Sam personal', 'get_credential')).toHaveAttribute('data-status', '200');
    await user.click(within(cell('Vera personal', 'get_credential')).getByRole('button'));
    const explanation = screen.getByRole('region', { name: 'Permission explanation' });
    expect(explanation).toHaveTextContent(
      'GET /api/v1/user_credentials/{id} (a credential of team_secops, read access TEAM)',
    );
    expect(explanation).toHaveTextContent(
      'Rule perm.get-credential, reason code CREDENTIAL_NOT_SHARED',
    );
  });

  it('explains a clicked cell: the request, the status, the rule and its source', async () => {
    const user = userEvent.setup();
    render(<PermissionPanel />);
    const explanation = screen.getByRole('region', { name: 'Permission explanation' });
    expect(explanation).toHaveTextContent('Focus or click a cell');
    await user.click(within(cell('Vera personal', 'create_story')).getByRole('button'));
    expect(within(explanation).getByRole('heading')).toHaveTextContent(
      'Vera personal — POST /stories: 403 Role too low',
    );
    expect(explanation).toHaveTextContent('POST /api/v1/stories (team_id team_automation)');
    expect(explanation).toHaveTextContent('for Team Automation');
    expect(explanation).toHaveTextContent('Rule perm.create-story, reason code TEAM_ROLE_TOO_LOW');
    expect(explanation).toHaveTextContent('Assumed');

    await user.click(within(cell('Jane tenant owner', 'update_user')).getByRole('button'));
    expect(explanation).toHaveTextContent(`PUT /api/v1/admin/users/${accountId('Jane Tino')}`);
    expect(explanation).toHaveTextContent('Rule perm.owner-access, reason code VALID');
    expect(within(explanation).getByRole('link', { name: 'API authentication' })).toHaveAttribute(
      'href',
      'https://www.tines.com/docs/api/authentication/',
    );
    expect(explanation).toHaveTextContent('Documented (S2)');
  });

  it('has one tab stop and moves it with the arrow keys, Home and End', async () => {
    const user = userEvent.setup();
    render(<PermissionPanel />);
    const table = screen.getByRole('table', { name: 'Permission matrix' });
    expect(table.querySelectorAll('td button[tabindex="0"]')).toHaveLength(1);
    screen.getByRole('combobox', { name: 'Team' }).focus();
    await user.tab();
    expect(document.activeElement?.closest('td')).toBe(cell('Jane personal', 'info'));
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement?.closest('td')).toBe(cell('Jane team', 'list_users'));
    expect(screen.getByRole('region', { name: 'Permission explanation' })).toHaveTextContent(
      'reason code NOT_TENANT_OWNER',
    );
    await user.keyboard('{End}');
    expect(document.activeElement?.closest('td')).toBe(cell('Jane team', 'create_story'));
    await user.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement?.closest('td')).toBe(cell('Vera personal', 'create_story'));
    await user.keyboard('{Home}');
    expect(document.activeElement?.closest('td')).toBe(cell('Vera personal', 'info'));
    expect(table.querySelectorAll('td button[tabindex="0"]')).toHaveLength(1);
  });
});

describe('labelParts', () => {
  it('lets a header wrap after its method and inside its path, never after the leading slash', () => {
    expect(labelParts('GET /user_credentials/{id}')).toEqual([
      'GET ',
      '/user_',
      'credentials/',
      '{id}',
    ]);
    expect(labelParts('GET /info')).toEqual(['GET ', '/info']);
    for (const column of PERMISSION_COLUMNS) {
      expect(labelParts(column.label).join('')).toBe(column.label);
    }
  });
});

describe('PermissionPanel while the verdicts are hidden until reveal', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });
  withVerdictsHiddenUntilReveal();

  it('hides every decision while a prediction is open, in words, and shows them after the reveal', async () => {
    const user = userEvent.setup();
    render(<PermissionPanel />);
    const table = screen.getByRole('table', { name: 'Permission matrix' });
    // No prediction open yet: nothing to hide.
    expect(cell('Jane personal', 'info')).toHaveAttribute('data-status', '200');

    act(() => usePredictStore.getState().choosePerson(accountId('Jane Tino'), 'deactivate'));
    for (const column of PERMISSION_COLUMNS) {
      expect(cell('Jane personal', column.id)).not.toHaveAttribute('data-status');
      expect(cell('Jane personal', column.id)).toHaveTextContent('hidden until reveal');
    }
    expect(table.querySelectorAll('td[data-status]')).toHaveLength(0);
    expect(table).not.toHaveTextContent(/\b(200|401|403)\b|Allowed|Not owner|Role too low/);
    // A change made during the round (here at the console) stays hidden as well.
    act(() => {
      useTenantStore
        .getState()
        .dispatch((t) => changeStatus(t, 'account_deactivated', accountId('Jane Tino')));
    });
    expect(table).not.toHaveTextContent(/\b401\b|Owner deactivated/);
    // The explanation does not give the answer away either.
    await user.click(within(cell('Jane personal', 'info')).getByRole('button'));
    const explanation = screen.getByRole('region', { name: 'Permission explanation' });
    expect(explanation).toHaveTextContent('This answer is hidden until reveal.');
    expect(explanation).not.toHaveTextContent(/\b(200|401|403)\b|reason code/);

    act(() =>
      usePredictStore
        .getState()
        .reveal({ personName: 'Jane Tino', change: 'deactivate', marked: [] }),
    );
    expect(cell('Jane personal', 'info')).toHaveAttribute('data-status', '401');
    expect(cell('Jane personal', 'info')).toHaveTextContent('401Owner deactivated');
    expect(explanation).toHaveTextContent('reason code OWNER_DEACTIVATED');
  });

  it('shows the decisions while the switch is off, even with a prediction open', () => {
    usePresenter.setState({ hideLiveVerdicts: false });
    render(<PermissionPanel />);
    act(() => usePredictStore.getState().choosePerson(accountId('Jane Tino'), 'deactivate'));
    expect(cell('Jane personal', 'info')).toHaveAttribute('data-status', '200');
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addAction,
  changeStatus,
  createCredential,
  createStory,
  deleteCredential,
} from '../../core/commands';
import { accountNamed, keyNamed } from '../../core/testing/named';
import { type Command, selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { usePresenter } from '../presenter/use-presenter';
import { CredentialsView } from './credentials-view';

function dispatch(command: Command): void {
  const result = useTenantStore.getState().dispatch(command);
  if (!result.ok) throw new Error(result.reason);
}

const tenant = () => selectTenant(useTenantStore.getState());

/** Jane's personal key as a Team Automation credential, used by two actions of one story. */
function janeChain(): void {
  dispatch((t) =>
    createCredential(t, {
      teamId: 'team_automation',
      name: 'Jane personal key',
      value: { kind: 'key', keyId: keyNamed(t, 'Jane personal').id },
    }),
  );
  dispatch((t) =>
    createCredential(t, {
      teamId: 'team_secops',
      name: 'Pager',
      readAccess: 'GLOBAL',
      value: { kind: 'external' },
    }),
  );
  dispatch((t) => createStory(t, { teamId: 'team_automation', name: 'User sync' }));
  const storyId = [...tenant().stories.keys()].at(-1) as string;
  for (const path of ['/api/v1/admin/users', '/api/v1/info']) {
    dispatch((t) =>
      addAction(t, storyId, { name: path, method: 'GET', path, credential: 'jane_personal_key' }),
    );
  }
}

function row(name: string) {
  const table = screen.getByRole('table', { name: 'Credentials' });
  const header = within(table).getByRole('rowheader', { name });
  return header.closest('tr') as HTMLTableRowElement;
}

/** A row's cell under a column, by the column's header. */
function cell(name: string, column: string) {
  const table = screen.getByRole('table', { name: 'Credentials' });
  const headers = within(table).getAllByRole('columnheader');
  const index = headers.findIndex((header) => header.textContent?.startsWith(column));
  return row(name).children[index] as HTMLElement;
}

describe('CredentialsView', () => {
  beforeEach(async () => {
    await resetConsole();
    janeChain();
  });

  it('lists where each credential lives, who may use it, what it holds and what uses it', () => {
    render(<CredentialsView />);
    const jane = row('Jane personal key');
    expect(jane).toHaveTextContent('Team Automation');
    expect(jane).toHaveTextContent('Its team only');
    expect(jane).toHaveTextContent('Jane personal · Personal · Jane Tino');
    expect(jane).toHaveTextContent('2 actions in 1 story');
    expect(jane).toHaveTextContent('200 Valid');
    const pager = row('Pager');
    expect(pager).toHaveTextContent('All teams & drafts');
    expect(pager).toHaveTextContent('External secret');
    expect(pager).toHaveTextContent('0 actions in 0 stories');
    expect(pager).toHaveTextContent('Not judged');
  });

  it('shows the credential breaking when the key’s creator is deactivated', () => {
    dispatch((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Jane Tino').id));
    render(<CredentialsView />);
    expect(row('Jane personal key')).toHaveTextContent('401 Owner deactivated');
  });
});

describe('CredentialsView: create, rotate, share and delete', () => {
  beforeEach(async () => {
    await resetConsole();
    janeChain();
  });

  it('gives each live credential Rotate, Sharing and Delete, named after it', () => {
    // A second "Pager", in another team: the place tells the two rows' buttons apart.
    dispatch((t) =>
      createCredential(t, {
        teamId: 'team_automation',
        name: 'Pager',
        value: { kind: 'external' },
      }),
    );
    dispatch((t) => deleteCredential(t, credentialId('Jane service API key')));
    render(<CredentialsView />);
    const table = screen.getByRole('table', { name: 'Credentials' });
    expect(
      within(row('Jane personal API key'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Rotate Jane personal API key',
      'Sharing of Jane personal API key',
      'Delete Jane personal API key',
    ]);
    expect(
      within(table).getByRole('button', { name: 'Rotate Pager (Team SecOps)' }),
    ).toBeInTheDocument();
    expect(
      within(table).getByRole('button', { name: 'Delete Pager (Team Automation)' }),
    ).toBeInTheDocument();
    const names = within(table)
      .getAllByRole('button')
      .map((button) => button.textContent)
      .filter((name) => !/^(Name|Team or drafts|Used by|Verdict now)/.test(name ?? ''));
    expect(new Set(names).size).toBe(names.length);
    // A deleted credential stays listed, Missing, with nothing to manage.
    expect(row('Jane service API key')).toHaveTextContent('Missing');
    expect(within(row('Jane service API key')).queryAllByRole('button')).toEqual([]);
    expect(cell('Jane service API key', 'Manage')).toHaveTextContent('Deleted');
  });

  it('opens Create credential and lists the new credential', async () => {
    const user = userEvent.setup();
    render(<CredentialsView />);
    await user.click(screen.getByRole('button', { name: 'Create credential' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create credential' });
    await user.type(within(dialog).getByLabelText('Credential name'), 'Ops bot');
    await user.selectOptions(within(dialog).getByLabelText('Key'), 'Jane team · Team · Jane Tino');
    await user.click(within(dialog).getByRole('button', { name: 'Create credential' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(row('Ops bot')).toHaveTextContent('Jane team · Team · Jane Tino');
    expect(row('Ops bot')).toHaveTextContent('Its team only');
    expect(screen.getByRole('button', { name: 'Create credential' })).toHaveFocus();
  });

  it('rotates Jane’s personal credential to the team key: Holds and Verdict follow', async () => {
    const user = userEvent.setup();
    dispatch((t) => changeStatus(t, 'account_deactivated', accountNamed(t, 'Jane Tino').id));
    render(<CredentialsView />);
    expect(cell('Jane personal API key', 'Verdict now')).toHaveTextContent('401 Owner deactivated');
    const rotate = screen.getByRole('button', { name: 'Rotate Jane personal API key' });
    await user.click(rotate);
    const dialog = await screen.findByRole('dialog', { name: 'Rotate Jane personal API key' });
    expect(dialog).toHaveAccessibleDescription(
      'It holds the key Jane personal · Personal · Jane Tino (401 Owner deactivated). 3 actions in 2 stories use it; they send the new value from their next run.',
    );
    // Jane is deactivated: she may not act, and the dialog says so.
    expect(within(dialog).getByRole('option', { name: 'Jane Tino (may not)' })).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Key'), 'Jane team · Team · Jane Tino');
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cell('Jane personal API key', 'Holds')).toHaveTextContent(
      'Jane team · Team · Jane Tino',
    );
    expect(cell('Jane personal API key', 'Verdict now')).toHaveTextContent('200 Valid');
    expect(useTenantStore.getState().events.at(-1)).toMatchObject({
      type: 'credential_rotated',
      actor: { kind: 'account', accountId: accountNamed(tenant(), 'Alex Morgan').id },
    });
    expect(rotate).toHaveFocus();
  });

  it('refuses to rotate to the key it holds already', async () => {
    const user = userEvent.setup();
    render(<CredentialsView />);
    await user.click(screen.getByRole('button', { name: 'Rotate Jane personal API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate Jane personal API key' });
    await user.selectOptions(
      within(dialog).getByLabelText('Key'),
      'Jane personal · Personal · Jane Tino',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'It holds that key already: choose another.',
    );
  });

  it('changes who may use a credential (Sharing)', async () => {
    const user = userEvent.setup();
    render(<CredentialsView />);
    expect(cell('Jane personal API key', 'Sharing')).toHaveTextContent('All teams & drafts');
    await user.click(screen.getByRole('button', { name: 'Sharing of Jane personal API key' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sharing of Jane personal API key' });
    expect(within(dialog).getByRole('radio', { name: 'GLOBAL: all teams & drafts' })).toBeChecked();
    await user.click(
      within(dialog).getByRole('radio', { name: 'SPECIFIC_TEAMS: the teams chosen below' }),
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Team SecOps' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save sharing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cell('Jane personal API key', 'Sharing')).toHaveTextContent('Teams: Team SecOps');
    expect(useTenantStore.getState().events.at(-1)).toMatchObject({
      type: 'credential_sharing_changed',
      readAccess: 'SPECIFIC_TEAMS',
      sharedTeams: ['team_secops'],
    });
  });

  it('asks before deleting, listing the actions and stories that will no longer resolve it', async () => {
    const user = userEvent.setup();
    render(<CredentialsView />);
    const before = useTenantStore.getState().events;
    await user.click(screen.getByRole('button', { name: 'Delete Jane personal API key' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete the credential Jane personal API key?',
    });
    expect(useTenantStore.getState().events).toBe(before);
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining('3 actions in 2 stories use it and will no longer resolve it:'),
    );
    const uses = within(dialog).getByRole('list', { name: 'Actions that use it' });
    expect(
      within(uses)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'User sync (Team Automation): Fetch users, Fetch Team Automation members',
      'SecOps user watch (Team SecOps): Check users',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete credential' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cell('Jane personal API key', 'Verdict now')).toHaveTextContent('Missing');
    expect(cell('Jane personal API key', 'Used by')).toHaveTextContent('0 actions in 0 stories');
    // Its buttons went with it: focus goes on to the next row's first button.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Rotate Jane team API key' })).toHaveFocus(),
    );
  });

  it('says which credential an action will use instead once this one is gone (S11)', async () => {
    const user = userEvent.setup();
    // Team SecOps' own credential of the same slug, shared with all teams: Team Automation's
    // story falls back to it, and SecOps' story resolves its own already.
    dispatch((t) =>
      createCredential(t, {
        teamId: 'team_secops',
        name: 'Jane personal API key',
        readAccess: 'GLOBAL',
        value: { kind: 'key', keyId: keyNamed(t, 'Jane team').id },
      }),
    );
    render(<CredentialsView />);
    await user.click(
      screen.getByRole('button', { name: 'Delete Jane personal API key (Team Automation)' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete the credential Jane personal API key (Team Automation)?',
    });
    const uses = within(dialog).getByRole('list', { name: 'Actions that use it' });
    expect(
      within(uses)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'User sync (Team Automation): Fetch users (then uses Jane personal API key (Team SecOps)), Fetch Team Automation members (then uses Jane personal API key (Team SecOps))',
    ]);
  });

  it('hides the held key’s verdict in Rotate while a prediction round hides verdicts', async () => {
    const user = userEvent.setup();
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true, roundOpen: true });
    try {
      render(<CredentialsView />);
      await user.click(screen.getByRole('button', { name: 'Rotate Jane personal API key' }));
      const dialog = await screen.findByRole('dialog', { name: 'Rotate Jane personal API key' });
      expect(dialog).toHaveAccessibleDescription(
        expect.stringContaining('Jane personal · Personal · Jane Tino (hidden until reveal)'),
      );
      expect(dialog).not.toHaveTextContent('200 Valid');
    } finally {
      usePresenter.setState({ enabled: false, hideLiveVerdicts: false, roundOpen: false });
    }
  });

  it('says in the dialog that an editor may not delete, keeping the dialog open', async () => {
    const user = userEvent.setup();
    render(<CredentialsView />);
    await user.click(screen.getByRole('button', { name: 'Delete Jane team API key' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete the credential Jane team API key?',
    });
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining('Team members report (Team Automation): List team members'),
    );
    await user.selectOptions(
      within(dialog).getByLabelText('Acting account'),
      'Eli Brooks (may not)',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete credential' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'Eli Brooks may not delete in this team.',
    );
    expect(tenant().credentials.get(credentialId('Jane team API key'))?.deletedAt).toBeNull();
  });
});

function credentialId(name: string): string {
  const found = [...tenant().credentials.values()].find((c) => c.name === name);
  if (found === undefined) throw new Error(name);
  return found.id;
}

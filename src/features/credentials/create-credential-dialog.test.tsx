import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credential } from '../../core/model';
import { accountNamed, keyNamed } from '../../core/testing/named';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { usePresenter } from '../presenter/use-presenter';
import { CreateCredentialDialog } from './create-credential-dialog';

const tenant = () => selectTenant(useTenantStore.getState());
const events = () => useTenantStore.getState().events;
const lastCredential = () => [...tenant().credentials.values()].at(-1) as Credential;

function open() {
  const onClose = vi.fn();
  render(<CreateCredentialDialog onClose={onClose} />);
  const dialog = screen.getByRole('dialog', { name: 'Create credential' });
  return { dialog, onClose, d: within(dialog), user: userEvent.setup() };
}

describe('CreateCredentialDialog', () => {
  beforeEach(async () => {
    await resetConsole();
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false, roundOpen: false });
  });

  it('groups its choices: what it holds and who may use it, a key of this tenant and its team by default', () => {
    const { d } = open();
    const holds = d.getByRole('group', { name: 'What it holds' });
    expect(within(holds).getByRole('radio', { name: 'A key of this tenant' })).toBeChecked();
    expect(
      within(holds).getByRole('radio', { name: 'A secret of another service' }),
    ).not.toBeChecked();
    const sharing = d.getByRole('group', { name: 'Who may use it' });
    expect(within(sharing).getByRole('radio', { name: 'TEAM: its team only' })).toBeChecked();
    expect(within(sharing).getAllByRole('radio')).toHaveLength(3);
  });

  it('creates a team credential holding a key, as the chosen account, showing its slug', async () => {
    const { d, onClose, user } = open();
    await user.type(d.getByLabelText('Credential name'), "Sam's Team-Key");
    expect(d.getByLabelText('Credential name')).toHaveAccessibleDescription(
      'Slug sam_s_team_key: actions reference it as <<CREDENTIAL.sam_s_team_key>>.',
    );
    expect(d.getByLabelText('Team or drafts')).toHaveDisplayValue('Team Automation');
    await user.selectOptions(d.getByLabelText('Key'), 'Sam team · Team · Sam Patel');
    await user.selectOptions(d.getByLabelText('Acting account'), 'Sam Patel');
    expect(d.getByLabelText('Acting account')).toHaveAccessibleDescription(
      'Sam Patel may do this.',
    );
    await user.click(d.getByRole('button', { name: 'Create credential' }));

    expect(onClose).toHaveBeenCalledOnce();
    expect(lastCredential()).toMatchObject({
      name: "Sam's Team-Key",
      slug: 'sam_s_team_key',
      mode: 'TEXT',
      teamId: 'team_automation',
      draftsOf: null,
      readAccess: 'TEAM',
      sharedTeams: [],
      value: { kind: 'key', keyId: keyNamed(tenant(), 'Sam team').id },
    });
    expect(events().at(-1)?.actor).toEqual({
      kind: 'account',
      accountId: accountNamed(tenant(), 'Sam Patel').id,
    });
  });

  it('creates one in a person’s drafts, acted by that person, usable by its owner only', async () => {
    const { d, user } = open();
    await user.type(d.getByLabelText('Credential name'), 'Scratch');
    await user.selectOptions(d.getByLabelText('Team or drafts'), "Eli Brooks's drafts");
    expect(d.getByLabelText('Acting account')).toHaveDisplayValue('Eli Brooks');
    expect(d.getByRole('radio', { name: 'TEAM: its owner only' })).toBeChecked();
    await user.selectOptions(d.getByLabelText('Key'), 'Eli personal · Personal · Eli Brooks');
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    const eli = accountNamed(tenant(), 'Eli Brooks').id;
    expect(lastCredential()).toMatchObject({ teamId: null, draftsOf: eli, readAccess: 'TEAM' });
    expect(tenant().drafts.get(eli)).toContain(lastCredential().id);
  });

  it('shares a new credential with all teams (GLOBAL)', async () => {
    const { d, user } = open();
    await user.type(d.getByLabelText('Credential name'), 'Everyone');
    await user.selectOptions(d.getByLabelText('Key'), 'Jane team · Team · Jane Tino');
    await user.click(d.getByRole('radio', { name: 'GLOBAL: all teams & drafts' }));
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(lastCredential()).toMatchObject({ name: 'Everyone', readAccess: 'GLOBAL' });
  });

  it('shares with the teams ticked (SPECIFIC_TEAMS), and asks for one when none is', async () => {
    const { d, user } = open();
    await user.type(d.getByLabelText('Credential name'), 'For SecOps');
    await user.selectOptions(d.getByLabelText('Key'), 'Jane team · Team · Jane Tino');
    await user.click(d.getByRole('radio', { name: 'SPECIFIC_TEAMS: the teams chosen below' }));
    const teams = d.getByRole('group', { name: 'Teams it is shared with' });
    // Its own team is where it lives already: only the others are offered.
    expect(
      within(teams)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['Team SecOps']);
    const before = events();
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(d.getByRole('alert')).toHaveTextContent(
      'Choose at least one team to share it with, or another kind of sharing.',
    );
    expect(events()).toBe(before);
    await user.click(within(teams).getByRole('checkbox', { name: 'Team SecOps' }));
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(lastCredential()).toMatchObject({
      readAccess: 'SPECIFIC_TEAMS',
      sharedTeams: ['team_secops'],
    });
  });

  it('holds another service’s secret, masked until shown, and never logs its text', async () => {
    const { d, user } = open();
    await user.type(d.getByLabelText('Credential name'), 'Pager token');
    await user.click(d.getByRole('radio', { name: 'A secret of another service' }));
    const secret = d.getByLabelText('Secret');
    expect(secret).toHaveAttribute('type', 'password');
    await user.type(secret, 'pd-very-secret-42');
    await user.click(d.getByRole('button', { name: 'Show secret' }));
    expect(secret).toHaveAttribute('type', 'text');
    await user.click(d.getByRole('button', { name: 'Hide secret' }));
    expect(secret).toHaveAttribute('type', 'password');
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(lastCredential()).toMatchObject({ name: 'Pager token', value: { kind: 'external' } });
    expect(JSON.stringify(events())).not.toContain('pd-very-secret-42');
  });

  it('says which accounts may create here, and why the others may not, in the reducer’s words', async () => {
    const { d, user } = open();
    expect(d.getByLabelText('Acting account')).toHaveDisplayValue('Alex Morgan');
    expect(
      d.getByText(/^May do this: Alex Morgan, Jane Tino, Sam Patel, Eli Brooks\./),
    ).toBeVisible();
    expect(d.getByRole('option', { name: 'Vera Lin (may not)' })).toBeInTheDocument();
    await user.click(d.getByText('Why one account may not'));
    expect(d.getByRole('listitem')).toHaveTextContent('Vera Lin may not edit in this team.');
  });

  it('keeps a viewer’s refused credential in the dialog, with everything typed', async () => {
    const { d, onClose, user } = open();
    const before = events();
    await user.type(d.getByLabelText('Credential name'), 'Vera try');
    await user.selectOptions(d.getByLabelText('Key'), 'Vera personal · Personal · Vera Lin');
    await user.click(d.getByRole('radio', { name: 'GLOBAL: all teams & drafts' }));
    await user.selectOptions(d.getByLabelText('Acting account'), 'Vera Lin (may not)');
    expect(d.getByLabelText('Acting account')).toHaveAccessibleDescription(
      'Vera Lin may not edit in this team.',
    );
    await user.click(d.getByRole('button', { name: 'Create credential' }));

    expect(d.getByRole('alert')).toHaveTextContent('Vera Lin may not edit in this team.');
    expect(onClose).not.toHaveBeenCalled();
    expect(events()).toBe(before);
    expect(d.getByLabelText('Credential name')).toHaveValue('Vera try');
    expect(d.getByLabelText('Key')).toHaveDisplayValue('Vera personal · Personal · Vera Lin');
    expect(d.getByRole('radio', { name: 'GLOBAL: all teams & drafts' })).toBeChecked();
    expect(d.getByLabelText('Credential name')).toHaveAccessibleDescription(
      expect.stringContaining('Vera Lin may not edit in this team.'),
    );
  });

  it('refuses a name with a direction control, naming it, and keeps the name', async () => {
    const { d, user } = open();
    const before = events();
    await user.type(d.getByLabelText('Credential name'), 'Quarterly \u202ereport');
    await user.selectOptions(d.getByLabelText('Key'), 'Jane team · Team · Jane Tino');
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(d.getByRole('alert')).toHaveTextContent(
      'Credential name: contains the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE); names may not reorder the text around them.',
    );
    expect(d.getByLabelText('Credential name')).toHaveValue('Quarterly \u202ereport');
    expect(events()).toBe(before);
  });

  it('asks for a name, then for what it holds, before anything is logged', async () => {
    const { d, user } = open();
    const before = events();
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(d.getByRole('alert')).toHaveTextContent('Give the credential a name.');
    await user.type(d.getByLabelText('Credential name'), '***');
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(d.getByRole('alert')).toHaveTextContent(
      'A credential name needs a letter or a digit: its slug is made of them.',
    );
    await user.clear(d.getByLabelText('Credential name'));
    await user.type(d.getByLabelText('Credential name'), 'Jane team API key');
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(d.getByRole('alert')).toHaveTextContent('Choose the key it holds.');
    // A name already used in the place: the reducer's refusal, said here.
    await user.selectOptions(d.getByLabelText('Key'), 'Jane team · Team · Jane Tino');
    await user.click(d.getByRole('button', { name: 'Create credential' }));
    expect(d.getByRole('alert')).toHaveTextContent(
      'Jane team API key already has the slug "jane_team_api_key" here.',
    );
    expect(events()).toBe(before);
  });
});

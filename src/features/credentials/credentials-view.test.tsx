import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addAction, changeStatus, createCredential, createStory } from '../../core/commands';
import { accountNamed, keyNamed } from '../../core/testing/named';
import { type Command, selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
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

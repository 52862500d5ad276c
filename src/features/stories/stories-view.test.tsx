import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus, recordStoryRun } from '../../core/commands';
import { accountNamed } from '../../core/testing/named';
import { type Command, selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { StoriesView } from './stories-view';

function dispatch(command: Command): void {
  const result = useTenantStore.getState().dispatch(command);
  if (!result.ok) throw new Error(result.reason);
}

function row(name: string) {
  const table = screen.getByRole('table', { name: 'Stories' });
  return within(table).getByRole('rowheader', { name }).closest('tr') as HTMLTableRowElement;
}

const storyNamed = (name: string) =>
  [...selectTenant(useTenantStore.getState()).stories.values()].find((s) => s.name === name);

describe('StoriesView', () => {
  beforeEach(resetConsole);

  it('lists jane-tino’s stories with their place, actions, credentials and last run', () => {
    render(<StoriesView />);
    const sync = row('User sync');
    expect(sync).toHaveTextContent('Team Automation');
    expect(sync).toHaveTextContent('Jane personal API key');
    expect(sync).toHaveTextContent('Not run yet');
    expect(row('SecOps user watch')).toHaveTextContent('Team SecOps');
    expect(row('SecOps user watch')).toHaveTextContent('Jane personal API key');
    expect(row('SecOps audit digest')).toHaveTextContent('Jane drafts audit key');
  });

  it('shows a recorded run, and a reference that no longer resolves once Jane is deleted (S9)', () => {
    const sync = storyNamed('User sync');
    if (sync === undefined) throw new Error('no User sync');
    dispatch((t) =>
      recordStoryRun(
        t,
        sync.id,
        sync.actions.map((action, i) => ({
          actionId: action.id,
          status: i === 0 ? 200 : 401,
          rule: 'auth.valid',
        })),
      ),
    );
    dispatch((t) => changeStatus(t, 'account_deleted', accountNamed(t, 'Jane Tino').id));
    render(<StoriesView />);
    expect(row('User sync')).toHaveTextContent(
      sync.actions.length === 1
        ? '200'
        : `200, ${Array(sync.actions.length - 1)
            .fill('401')
            .join(', ')}`,
    );
    expect(row('SecOps audit digest')).toHaveTextContent('(unresolved)');
  });
});

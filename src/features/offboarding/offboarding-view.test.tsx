import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AskingSlot } from '../../app/asking-slot';
import { downloadText } from '../../components/download-file';
import { adviseFixes } from '../../core/automation/advisor';
import { impactOf } from '../../core/automation/impact';
import { changeStatus } from '../../core/commands';
import { accountNamed } from '../../core/testing/named';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { usePresenter } from '../presenter/use-presenter';
import { OffboardingView } from './offboarding-view';
import { useAdvisedFixes } from './use-advised-fixes';

vi.mock('../../components/download-file', () => ({ downloadText: vi.fn() }));

const JANE = 'Jane Tino jane.tino@tinocorp.example';
const tenant = () => selectTenant(useTenantStore.getState());
const plan = () => screen.getByRole('region', { name: 'Offboarding plan' });
const summary = () => plan().querySelector('#offboarding-plan-summary') as HTMLElement;

/** The rows of one of the plan's tables, each as its cells' text. */
function rowsOf(table: string): string[][] {
  const found = within(plan()).getByRole('table', { name: table });
  return within(found)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

async function pickJane(change: 'Deactivate' | 'Delete' = 'Deactivate') {
  const user = userEvent.setup();
  render(<OffboardingView />);
  await user.type(screen.getByRole('searchbox', { name: 'Find people' }), 'jane');
  await user.click(screen.getByRole('checkbox', { name: JANE }));
  await user.click(screen.getByRole('radio', { name: change }));
  return user;
}

describe('OffboardingView', () => {
  beforeEach(async () => {
    await resetConsole();
    vi.mocked(downloadText).mockClear();
  });
  afterEach(() => {
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false, roundOpen: false });
  });

  it('picks people by search: only the matches are listed, and the count follows', async () => {
    const user = userEvent.setup();
    render(<OffboardingView />);
    expect(summary()).toHaveTextContent('Pick at least one person');
    await user.type(screen.getByRole('searchbox', { name: 'Find people' }), 'jane');
    const table = screen.getByRole('table', { name: 'People to offboard' });
    expect(within(table).getAllByRole('checkbox')).toHaveLength(1);
    await user.click(screen.getByRole('checkbox', { name: JANE }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Find people' }));
    await user.click(screen.getByRole('checkbox', { name: 'Show selected only' }));
    expect(within(table).getAllByRole('checkbox')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByText('0 selected')).toBeInTheDocument();
    expect(summary()).toHaveTextContent('Pick at least one person');
  });

  it('selects everyone the search shows, and asks before deleting them all, naming how many', async () => {
    const user = userEvent.setup();
    render(<OffboardingView />);
    await user.type(screen.getByRole('searchbox', { name: 'Find people' }), 'tinocorp');
    const shown = within(screen.getByRole('table', { name: 'People to offboard' })).getAllByRole(
      'checkbox',
    ).length;
    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect(screen.getByText(`${shown} selected`)).toBeInTheDocument();
    const change = screen.getByRole('group', { name: 'Change' });
    await user.click(within(change).getByRole('radio', { name: 'Delete' }));
    const exports = within(plan()).getByRole('group', { name: 'Export the plan' });
    expect(within(exports).getAllByRole('button')).toHaveLength(2);
    await user.click(within(plan()).getByRole('button', { name: 'Make the change' }));
    const question = screen.getByRole('dialog', { name: `Delete ${shown} people?` });
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('selects pasted emails, names the unknown and repeated ones, and keeps the text', async () => {
    const user = userEvent.setup();
    render(<OffboardingView />);
    const box = screen.getByRole('textbox', { name: 'Paste emails' });
    const pasted =
      'jane.tino@tinocorp.example\nghost@tinocorp.example; Sam Patel <sam.patel@tinocorp.example>,jane.tino@tinocorp.example';
    await user.click(box);
    await user.paste(pasted);
    await user.click(screen.getByRole('button', { name: 'Select pasted emails' }));
    const status = within(screen.getByRole('region', { name: 'Who leaves' }))
      .getAllByRole('status')
      .find((each) => each.textContent?.includes('Selected')) as HTMLElement;
    expect(status).toHaveTextContent('Selected 2 people from 4 emails.');
    expect(status).toHaveTextContent('Not found in this tenant (1): ghost@tinocorp.example.');
    expect(status).toHaveTextContent('Listed more than once (1): jane.tino@tinocorp.example.');
    expect(box).toHaveValue(pasted);
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: JANE })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Sam Patel sam.patel@tinocorp.example' }),
    ).toBeChecked();
  });

  it('deactivating Jane: her personal key, its credential, its actions and their stories', async () => {
    await pickJane('Deactivate');
    expect(summary()).toHaveTextContent(
      'Deactivating Jane Tino: 1 key answers 401, 1 credential breaks, 3 actions fail, 2 stories are affected.',
    );
    expect(rowsOf('Keys that answer 401')).toEqual([
      [
        'Jane personal',
        'Personal',
        'Jane Tino <jane.tino@tinocorp.example>',
        '401 OWNER_DEACTIVATED',
      ],
    ]);
    expect(rowsOf('Credentials that break')).toEqual([
      [
        'Jane personal API key',
        'Team Automation',
        'Jane personal · Personal · Jane Tino',
        'Its key answers 401 OWNER_DEACTIVATED',
        '3 actions in 2 stories',
      ],
    ]);
    expect(rowsOf('Actions that fail').map((row) => [row[0], row[2], row[3]])).toEqual([
      ['SecOps user watch › Check users', 'Jane personal API key', '401 OWNER_DEACTIVATED'],
      ['User sync › Fetch users', 'Jane personal API key', '401 OWNER_DEACTIVATED'],
      [
        'User sync › Fetch Team Automation members',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
    ]);
    expect(rowsOf('Stories affected').map((row) => row[0])).toEqual([
      'SecOps user watch',
      'User sync',
    ]);
    expect(rowsOf('Counts per team')).toEqual([
      ['Team Automation', '1', '2', '1'],
      ['Team SecOps', '0', '1', '1'],
    ]);
  });

  it('deleting Jane adds her drafts credential, the SecOps story using it, and a Drafts count', async () => {
    await pickJane('Delete');
    await waitFor(() =>
      expect(summary()).toHaveTextContent(
        'Deleting Jane Tino: 1 key answers 401, 2 credentials break, 4 actions fail, 3 stories are affected.',
      ),
    );
    expect(rowsOf('Credentials that break').map((row) => [row[0], row[1], row[3]])).toEqual([
      ['Jane personal API key', 'Team Automation', 'Its key answers 401 OWNER_DELETED'],
      ['Jane drafts audit key', "Jane Tino's drafts", 'Deleted with its owner’s drafts'],
    ]);
    expect(rowsOf('Actions that fail').at(-1)).toEqual([
      'SecOps audit digest › Pull audit logs',
      'Team SecOps',
      'Jane drafts audit key',
      'Credential no longer resolves: Deleted with its owner’s drafts',
    ]);
    expect(rowsOf('Counts per team').at(-1)).toEqual(['Drafts', '1', '0', '0']);
  });

  it('proposes a fix per breaking credential; Apply fix on each makes the plan say nothing breaks', async () => {
    const user = await pickJane('Delete');
    const first = await within(plan()).findByRole('button', {
      name: 'Apply fix for Jane personal API key',
    });
    expect(rowsOf('Proposed fixes')[0]).toEqual([
      'Jane personal API keyTeam Automation',
      expect.stringMatching(/^Tenant owner keynamed “Jane personal API key \(tenant owner key\)”/),
      'Rotate it to the new key (same name, same place)',
      'Alex Morgan <alex.morgan@tinocorp.example>',
      'Apply fix',
    ]);
    const before = useTenantStore.getState().events.length;
    await user.click(first);
    // A key made by Alex, then the credential rotated to it: two events, one change.
    expect(
      useTenantStore
        .getState()
        .events.slice(before)
        .map((event) => event.type),
    ).toEqual(['key_created', 'credential_rotated']);
    await user.click(
      await within(plan()).findByRole('button', { name: 'Apply fix for Jane drafts audit key' }),
    );
    await waitFor(() =>
      expect(summary()).toHaveTextContent(
        'Nothing breaks: no action fails after deleting Jane Tino (1 key answers 401 and 1 credential goes, but nothing uses them).',
      ),
    );
    expect(rowsOf('Actions that fail')).toEqual([['No action fails.']]);
  });

  it('Apply all fixes logs every fix at once and the plan is clear', async () => {
    const user = await pickJane('Deactivate');
    const all = within(plan()).getByRole('button', { name: 'Apply all fixes' });
    await waitFor(() => expect(all).toBeEnabled());
    const before = useTenantStore.getState().events.length;
    await user.click(all);
    expect(useTenantStore.getState().events.length).toBe(before + 2);
    await waitFor(() => expect(summary()).toHaveTextContent(/^✓ Nothing breaks: /));
    expect(within(plan()).getByRole('status', { name: '' })).toHaveTextContent('Applied 1 fix.');
  });

  it('Make the change deactivates the people picked, as events in the log', async () => {
    const user = await pickJane('Deactivate');
    await user.click(within(plan()).getByRole('button', { name: 'Make the change' }));
    const jane = accountNamed(tenant(), 'Jane Tino').id;
    expect(useTenantStore.getState().events.at(-1)).toMatchObject({
      type: 'account_deactivated',
      accountId: jane,
    });
    expect(tenant().accounts.get(jane)?.status).toBe('deactivated');
    expect(summary()).toHaveTextContent('Nothing to do: everyone picked is already deactivated.');
    expect(within(plan()).getByRole('button', { name: 'Make the change' })).toBeDisabled();
  });

  it('asks before deleting, naming how many people, and deletes only once confirmed', async () => {
    const user = await pickJane('Delete');
    const before = useTenantStore.getState().events.length;
    await user.click(within(plan()).getByRole('button', { name: 'Make the change' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 1 person?' });
    expect(dialog).toHaveTextContent('Jane Tino.');
    expect(dialog).toHaveTextContent('4 actions will fail after this');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(useTenantStore.getState().events.length).toBe(before);
    await user.click(within(plan()).getByRole('button', { name: 'Make the change' }));
    await user.click(screen.getByRole('button', { name: 'Delete 1 person' }));
    expect(
      useTenantStore
        .getState()
        .events.slice(before)
        .map((event) => event.type),
    ).toEqual(['account_deleted']);
    expect(summary()).toHaveTextContent('Nothing to do: everyone picked is already deleted.');
  });

  it('downloads the plan as Markdown and CSV under the tenant’s names', async () => {
    const user = await pickJane('Delete');
    const csv = within(plan()).getByRole('button', { name: 'Download plan as CSV' });
    await waitFor(() => expect(csv).toBeEnabled());
    await user.click(csv);
    await user.click(within(plan()).getByRole('button', { name: 'Download plan as Markdown' }));
    const calls = vi.mocked(downloadText).mock.calls;
    expect(calls.map(([name, , type]) => [name, type])).toEqual([
      ['tino-corp-1234.tines.com-offboarding-delete-plan.csv', 'text/csv;charset=utf-8'],
      ['tino-corp-1234.tines.com-offboarding-delete-plan.md', 'text/markdown;charset=utf-8'],
    ]);
    expect(calls[0]?.[1]).toContain("Credential,Jane drafts audit key,Jane Tino's drafts,");
    expect(calls[1]?.[1]).toContain('## Actions that fail (4)');
  });

  it('gives no verdict away while a prediction round hides them', async () => {
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true, roundOpen: true });
    await pickJane('Delete');
    expect(summary()).toHaveTextContent('hidden until reveal');
    expect(within(plan()).queryByRole('table')).toBeNull();
    expect(within(plan()).queryByRole('button', { name: /^Apply/ })).toBeNull();
    expect(plan()).not.toHaveTextContent(/401|OWNER_|fails?\b|\d+ (key|credential|action|stor)/);
    for (const name of ['Download plan as CSV', 'Download plan as Markdown']) {
      expect(within(plan()).getByRole('button', { name })).toBeDisabled();
    }
    expect(plan()).toHaveTextContent('Exports hidden until reveal');
  });

  it('lists the people the change cannot reach, with the reason', async () => {
    const vera = accountNamed(tenant(), 'Vera Lin').id;
    useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deleted', vera));
    const user = userEvent.setup();
    render(<OffboardingView />);
    await user.type(screen.getByRole('searchbox', { name: 'Find people' }), 'vera');
    await user.click(screen.getByRole('checkbox', { name: 'Vera Lin vera.lin@tinocorp.example' }));
    const refused = within(plan()).getByRole('list', { name: 'Not reachable by this change (1)' });
    expect(refused).toHaveTextContent(/^Vera Lin \(vera\.lin@tinocorp\.example\): .+/);
    expect(summary()).toHaveTextContent('Nothing to do: the change reaches no one picked');
    expect(within(plan()).getByRole('button', { name: 'Make the change' })).toBeDisabled();
  });

  it('asks before a change drops undone events, and keeps them on Cancel', async () => {
    useTenantStore.getState().undo();
    useTenantStore.getState().undo();
    const before = useTenantStore.getState().events;
    render(<AskingSlot />);
    const user = await pickJane('Deactivate');
    await user.click(within(plan()).getByRole('button', { name: 'Make the change' }));
    const question = await screen.findByRole('dialog', { name: 'Drop 2 later events?' });
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(useTenantStore.getState().events).toBe(before);
    await user.click(within(plan()).getByRole('button', { name: 'Make the change' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Drop 2 later events?' })).getByRole(
        'button',
        { name: 'Drop them and make the change' },
      ),
    );
    const { events, cursor } = useTenantStore.getState();
    expect(cursor).toBe(events.length);
    expect(events.at(-1)).toMatchObject({ type: 'account_deactivated' });
    expect(events).toHaveLength(before.length - 1);
  });
});

describe('useAdvisedFixes', () => {
  beforeEach(resetConsole);

  it('works the fixes out slice by slice, and ends with what adviseFixes gives at once', async () => {
    const t = tenant();
    const events = useTenantStore.getState().events;
    const impact = impactOf(t, events, [accountNamed(t, 'Jane Tino').id], 'delete');
    const { result } = renderHook(() => useAdvisedFixes(t, events, impact));
    expect(result.current).toMatchObject({ fixes: [], total: 2, done: false });
    await waitFor(() => expect(result.current.done).toBe(true));
    // jsdom has no Worker: the page worked them out itself.
    expect(result.current.by).toBe('page');
    expect(result.current.fixes).toEqual(adviseFixes(t, events, impact));
  });
});

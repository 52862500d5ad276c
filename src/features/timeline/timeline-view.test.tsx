import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeStatus, inviteAccount } from '../../core/commands';
import type { Actor } from '../../core/events';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { actorLabel, formatUtc, momentLabel } from './timeline-format';
import { TimelineView } from './timeline-view';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

function janeId(): string {
  const jane = [...tenant().accounts.values()].find((account) => account.name === 'Jane Tino');
  if (jane === undefined) throw new Error('no Jane Tino');
  return jane.id;
}

function janeStatus(): string | undefined {
  return tenant().accounts.get(janeId())?.status;
}

function deactivateJane() {
  act(() => {
    useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', janeId()));
  });
}

function reactivateJane() {
  act(() => {
    useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_reactivated', janeId()));
  });
}

function table() {
  return screen.getByRole('table', { name: 'Timeline' });
}

/** Body rows, "Before the first event" first. */
function bodyRows() {
  return within(table()).getAllByRole('row').slice(1);
}

function rowOf(line: string) {
  const row = within(table()).getByRole('button', { name: line }).closest('tr');
  if (row === null) throw new Error(line);
  return row;
}

function cursor() {
  return useTenantStore.getState().cursor;
}

function total() {
  return useTenantStore.getState().events.length;
}

describe('TimelineView', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
  });

  it('lists every event of the log with its UTC time, its actor and its line', () => {
    render(<TimelineView />);
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Event', 'Time (UTC)', 'By', 'What happened', 'State']);
    const rows = bodyRows();
    expect(rows).toHaveLength(total() + 1);
    expect(within(rows[0] as HTMLElement).getByRole('button')).toHaveAccessibleName(
      'Before the first event',
    );
    const invited = within(rowOf('Jane Tino was invited by the scenario')).getAllByRole('cell');
    expect(invited.map((cell) => cell.textContent)).toEqual([
      '2026-01-05 09:02 UTC',
      'Scenario',
      'Jane Tino was invited by the scenario',
      'In effect',
    ]);
    expect(
      within(rowOf('Jane personal (Personal) was created by Jane Tino')).getByRole('rowheader'),
    ).toHaveTextContent('6');
  });

  it('isolates every name it shows in <bdi>, so a right-to-left name cannot reorder the line', () => {
    render(<TimelineView />);
    act(() => {
      useTenantStore.getState().dispatch((t) =>
        inviteAccount(t, {
          email: 'dana@people.example',
          name: 'דנה לוי',
          tenantRole: 'user',
          permissions: [],
          teamRoles: {},
        }),
      );
    });
    const isolated = (element: Element) =>
      [...element.querySelectorAll('bdi')].map((bdi) => bdi.textContent);
    const invited = within(table()).getByRole('button', {
      name: 'דנה לוי was invited by the console',
    });
    expect(isolated(invited)).toEqual(['דנה לוי']);
    const created = rowOf('Jane personal (Personal) was created by Jane Tino');
    expect(isolated(within(created).getByRole('button'))).toEqual(['Jane personal', 'Jane Tino']);
    // The By column.
    expect(isolated(within(created).getAllByRole('cell')[1] as HTMLElement)).toEqual(['Jane Tino']);
  });

  it('names the actor, and the time of a new change, of each event', () => {
    render(<TimelineView />);
    deactivateJane();
    const cells = within(rowOf('Jane Tino was deactivated by the console')).getAllByRole('cell');
    expect(cells[1]).toHaveTextContent('Console');
    expect(within(table()).getByRole('button', { current: 'step' })).toHaveAccessibleName(
      'Jane Tino was deactivated by the console',
    );
    expect(screen.getByText(/^You are here: after event/)).toHaveTextContent(
      `You are here: after event ${total()} of ${total()}`,
    );
  });

  it('leaves Undo and Redo to the header: the view has only Back to the present', () => {
    render(<TimelineView />);
    deactivateJane();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Redo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Back to the present' })).toBeDisabled();
    act(() => useTenantStore.getState().undo());
    expect(screen.getByRole('button', { name: 'Back to the present' })).toBeEnabled();
  });

  it('does not undo on Ctrl+Z by itself, so the shell’s shortcut undoes once, not twice', async () => {
    const user = userEvent.setup();
    render(<TimelineView />);
    deactivateJane();
    const end = total();
    await user.keyboard('{Control>}z{/Control}');
    expect(cursor()).toBe(end);
  });

  it('travels to the moment right after a clicked event, and back to the present', async () => {
    const user = userEvent.setup();
    render(<TimelineView />);
    deactivateJane();
    reactivateJane();
    const end = total();
    expect(janeStatus()).toBe('active');

    await user.click(within(table()).getByRole('button', { name: /^Jane Tino was deactivated/ }));
    expect(cursor()).toBe(end - 1);
    expect(janeStatus()).toBe('deactivated');

    // The event just before her deactivation: Jane is active again.
    const before = bodyRows()[end - 2] as HTMLElement;
    await user.click(within(before).getByRole('button'));
    expect(cursor()).toBe(end - 2);
    expect(janeStatus()).toBe('active');

    await user.click(within(table()).getByRole('button', { name: 'Before the first event' }));
    expect(cursor()).toBe(0);
    expect(tenant().accounts.size).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Back to the present' }));
    expect(cursor()).toBe(end);
    expect(janeStatus()).toBe('active');
  });

  it('travels with Enter or Space on a focused event, and walks the events with arrow keys', async () => {
    const user = userEvent.setup();
    render(<TimelineView />);
    deactivateJane();
    const end = total();
    // One tab stop in the table: the current moment.
    const tabbable = within(table())
      .getAllByRole('button')
      .filter((button) => button.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]).toHaveAttribute('aria-current', 'step');

    tabbable[0]?.focus();
    await user.keyboard('{ArrowUp}');
    expect(within(bodyRows()[end - 1] as HTMLElement).getByRole('button')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(cursor()).toBe(end - 1);
    await user.keyboard('{Home}');
    await user.keyboard(' ');
    expect(cursor()).toBe(0);
    await user.keyboard('{End}{Enter}');
    expect(cursor()).toBe(end);
  });

  it('marks the redo branch as undone, in words', () => {
    render(<TimelineView />);
    deactivateJane();
    reactivateJane();
    act(() => useTenantStore.getState().undo());
    act(() => useTenantStore.getState().undo());

    const undone = bodyRows().filter((row) => row.dataset['state'] === 'undone');
    expect(undone.map((row) => within(row).getByRole('button').textContent)).toEqual([
      'Jane Tino was deactivated by the console',
      'Jane Tino was reactivated by the console',
    ]);
    for (const row of undone) expect(row).toHaveTextContent('Undone');
    expect(within(table()).getByRole('button', { current: 'step' })).toHaveAccessibleName(
      'Action "Pull audit logs" was added to "SecOps audit digest" by Alex Morgan',
    );
    expect(screen.getByText(/^You are here:/).parentElement).toHaveTextContent(
      `You are here: after event ${total() - 2} of ${total()} — an earlier moment; 2 later events can be redone.`,
    );

    // A new change drops the branch.
    deactivateJane();
    expect(bodyRows().filter((row) => row.dataset['state'] === 'undone')).toHaveLength(0);
    expect(bodyRows()).toHaveLength(total() + 1);
  });

  it('announces each move politely', async () => {
    const user = userEvent.setup();
    render(<TimelineView />);
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();
    deactivateJane();
    reactivateJane();
    const end = total();
    expect(status).toBeEmptyDOMElement();

    await user.click(within(table()).getByRole('button', { name: /^Jane Tino was deactivated/ }));
    expect(status).toHaveTextContent(
      `Showing the moment after event ${end - 1} of ${end}: Jane Tino was deactivated by the console`,
    );
    await user.click(screen.getByRole('button', { name: 'Back to the present' }));
    expect(status).toHaveTextContent(
      `Showing the moment after event ${end} of ${end} (the present): Jane Tino was reactivated by the console`,
    );
    act(() => useTenantStore.getState().goTo(0));
    expect(status).toHaveTextContent(`Showing the moment before the first event of ${end}.`);
  });

  it('renders only a window of a long log', async () => {
    await act(() => useTenantStore.getState().loadScenario('large', { people: '200' }));
    // Over 200 rows the table waits for the virtualiser (its own chunk): an awaited act lets
    // React draw it once it has arrived.
    await act(async () => {
      render(<TimelineView />);
    });
    expect(total()).toBeGreaterThan(200);
    await screen.findByRole('table', { name: 'Timeline' }, { timeout: 5_000 });
    expect(table()).toHaveAttribute('aria-rowcount', String(total() + 2));
    expect(bodyRows().length).toBeLessThan(100);
  });
});

describe('timeline wording', () => {
  it.each([
    [Date.UTC(2026, 0, 5, 9, 14), '2026-01-05 09:14 UTC'],
    [Date.UTC(1999, 11, 31, 23, 59, 59), '1999-12-31 23:59 UTC'],
  ])('writes %d as %s', (at, text) => {
    expect(formatUtc(at)).toBe(text);
  });

  it.each<[Actor, string]>([
    [{ kind: 'scenario' }, 'Scenario'],
    [{ kind: 'console' }, 'Console'],
    [{ kind: 'account', accountId: 'usr_0002' }, 'Jane Tino'],
    [{ kind: 'key', keyId: 'key_0009' }, 'Key Jane tenant owner'],
  ])('names the actor %o as %s', (actor, label) => {
    useTenantStore.getState().loadScenario('jane-tino');
    expect(actorLabel(tenant(), actor)).toBe(label);
  });

  it('says where the cursor stands', () => {
    expect(momentLabel(0, 15)).toBe('before the first event of 15');
    expect(momentLabel(12, 15)).toBe('after event 12 of 15');
    expect(momentLabel(51234, 51234)).toBe('after event 51,234 of 51,234');
  });
});

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { changeStatus } from '../../core/commands';
import { evaluateKey } from '../../core/key-verdict';
import { runStage } from '../../core/what-if';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { PredictPanel } from './predict-panel';
import { candidateKeys, keyLabel } from './predict-round';
import { usePredictStore } from './use-predict-store';

function tenant() {
  return selectTenant(useTenantStore.getState());
}

function account(name: string) {
  const found = [...tenant().accounts.values()].find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(name);
  return found;
}

const GUESSES = 'Keys that answer 401 after the change';

function checkboxNames(): string[] {
  return within(screen.getByRole('group', { name: GUESSES }))
    .getAllByRole('checkbox')
    .map((box) => box.getAttribute('aria-label') ?? box.closest('label')?.textContent ?? '');
}

/** Each result line's text, by key label. */
function results(): Record<string, string> {
  const list = screen.getByRole('list', { name: 'Results' });
  return Object.fromEntries(
    within(list)
      .getAllByRole('listitem')
      .map((item) => [item.firstElementChild?.textContent ?? '', item.textContent ?? '']),
  );
}

async function playRound(
  user: ReturnType<typeof userEvent.setup>,
  person: string,
  change: string,
  guessed401: readonly string[],
) {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Person' }), account(person).id);
  await user.click(screen.getByRole('radio', { name: change }));
  for (const label of guessed401) {
    await user.click(screen.getByRole('checkbox', { name: label }));
  }
  await user.click(screen.getByRole('button', { name: 'Reveal' }));
}

describe('PredictPanel', () => {
  beforeEach(() => {
    useTenantStore.getState().loadScenario('jane-tino');
    usePredictStore.getState().resetScore();
  });

  it('lists the changes that apply and every key of the person, then a few others for contrast', async () => {
    const user = userEvent.setup();
    render(<PredictPanel />);
    expect(screen.queryByRole('button', { name: 'Reveal' })).not.toBeInTheDocument();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Person' }),
      account('Jane Tino').id,
    );
    const changes = within(screen.getByRole('group', { name: 'Change' })).getAllByRole('radio');
    expect(changes.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Deactivate',
      'Delete',
    ]);
    expect(screen.getByRole('radio', { name: 'Deactivate' })).toBeChecked();
    expect(checkboxNames()).toEqual([
      'Jane personal (Personal)',
      'Jane team (Team)',
      'Jane service (Service)',
      'Jane tenant owner (Tenant owner)',
      'Sam personal (Personal)',
      'Sam team (Team)',
      'Eli personal (Personal)',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Sam team (Team)' })).toHaveAccessibleDescription(
      'by Sam Patel',
    );
  });

  it('scores every guess right when only Jane personal is expected to break on deactivating Jane', async () => {
    const user = userEvent.setup();
    const before = tenant();
    const jane = account('Jane Tino');
    // The truth, computed on a copy without applying anything.
    const outcome = runStage(before, jane.id, 'deactivated');
    if (!outcome.reachable) throw new Error(outcome.reason);
    const keys = candidateKeys(before, jane).map((candidate) => candidate.key);
    const breaking = keys
      .filter((key) => evaluateKey(outcome.tenant, key.id).status === 401)
      .map(keyLabel);
    expect(breaking).toEqual(['Jane personal (Personal)']);

    render(<PredictPanel />);
    await playRound(user, 'Jane Tino', 'Deactivate', breaking);

    expect(account('Jane Tino').status).toBe('deactivated');
    expect(
      screen.getByRole('heading', { name: 'Round 1: Jane Tino deactivated — 7 of 7 right' }),
    ).toHaveFocus();
    const lines = results();
    expect(Object.keys(lines)).toEqual(keys.map(keyLabel));
    expect(lines['Jane personal (Personal)']).toBe(
      'Jane personal (Personal): you expected 401. ✓ right: answers 401 (Owner deactivated)',
    );
    expect(lines['Jane team (Team)']).toBe(
      'Jane team (Team): you expected 200. ✓ right: stays 200',
    );
    for (const line of Object.values(lines)) expect(line).toContain('✓ right');
    expect(screen.getByRole('status')).toHaveTextContent('Score: 7 of 7 right over 1 round');
  });

  it('marks a wrong guess wrong, in text, with the real verdict', async () => {
    const user = userEvent.setup();
    render(<PredictPanel />);
    // Expect the team key to break and the personal key to survive: both wrong.
    await playRound(user, 'Jane Tino', 'Deactivate', ['Jane team (Team)']);
    const lines = results();
    expect(lines['Jane personal (Personal)']).toBe(
      'Jane personal (Personal): you expected 200. ✗ wrong: answers 401 (Owner deactivated)',
    );
    expect(lines['Jane team (Team)']).toBe(
      'Jane team (Team): you expected 401. ✗ wrong: stays 200',
    );
    expect(lines['Jane service (Service)']).toBe(
      'Jane service (Service): you expected 200. ✓ right: stays 200',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Score: 5 of 7 right over 1 round');
  });

  it('keeps a running score across rounds, and Next round starts a fresh form', async () => {
    const user = userEvent.setup();
    render(<PredictPanel />);
    await playRound(user, 'Jane Tino', 'Deactivate', ['Jane personal (Personal)']);
    await user.click(screen.getByRole('button', { name: 'Next round' }));
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveValue('');
    expect(screen.queryByRole('list', { name: 'Results' })).not.toBeInTheDocument();

    // Jane is deactivated now: Reactivate or Delete. Deleting her keeps the personal key at 401.
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Person' }),
      account('Jane Tino').id,
    );
    const changes = within(screen.getByRole('group', { name: 'Change' })).getAllByRole('radio');
    expect(changes.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Reactivate',
      'Delete',
    ]);
    expect(screen.getByRole('checkbox', { name: 'Jane personal (Personal)' })).not.toBeChecked();
    await playRound(user, 'Jane Tino', 'Delete', ['Jane personal (Personal)']);
    expect(results()['Jane personal (Personal)']).toBe(
      'Jane personal (Personal): you expected 401. ✓ right: stays 401 (Owner deleted)',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Score: 14 of 14 right over 2 rounds');

    // A deleted person can only be re-invited; the old personal key stays broken.
    await user.click(screen.getByRole('button', { name: 'Next round' }));
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Person' }),
      account('Jane Tino').id,
    );
    expect(
      within(screen.getByRole('group', { name: 'Change' }))
        .getAllByRole('radio')
        .map((radio) => radio.closest('label')?.textContent),
    ).toEqual(['Re-invite']);
    await playRound(user, 'Jane Tino', 'Re-invite', []);
    expect(results()['Jane personal (Personal)']).toBe(
      'Jane personal (Personal): you expected 200. ✗ wrong: stays 401 (Owner deleted)',
    );
    expect(screen.getByRole('status')).toHaveTextContent('Score: 20 of 21 right over 3 rounds');
  });

  it('refuses a change that no longer applies, with the store’s reason, and keeps the round open', async () => {
    const user = userEvent.setup();
    render(<PredictPanel />);
    const jane = account('Jane Tino');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Person' }), jane.id);
    await user.click(screen.getByRole('checkbox', { name: 'Jane personal (Personal)' }));
    // Someone else deactivates Jane meanwhile (the People table, the API).
    act(() => {
      useTenantStore.getState().dispatch((t) => changeStatus(t, 'account_deactivated', jane.id));
    });
    const logged = useTenantStore.getState().events.length;
    // The chosen change stays listed and chosen; Reveal says why it cannot be made.
    expect(screen.getByRole('radio', { name: 'Deactivate' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Refused: Jane Tino is already deactivated.',
    );
    expect(useTenantStore.getState().events).toHaveLength(logged);
    expect(screen.queryByRole('list', { name: 'Results' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Jane personal (Personal)' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Score: no rounds yet');
  });

  it('offers Close only when it is given one (docked), and Close calls it', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<PredictPanel />);
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
    unmount();
    const onClose = vi.fn();
    render(<PredictPanel onClose={onClose} />);
    const region = screen.getByRole('region', { name: 'Predict, then reveal' });
    await user.click(within(region).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

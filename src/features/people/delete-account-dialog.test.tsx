import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountNamed } from '../../core/testing/named';
import { selectTenant, useTenantStore } from '../../store/tenant-store';
import { resetConsole } from '../../test/reset-console';
import { usePresenter } from '../presenter/use-presenter';
import { DeleteAccountDialog } from './delete-account-dialog';

function renderFor(name: string) {
  const account = accountNamed(selectTenant(useTenantStore.getState()), name);
  render(<DeleteAccountDialog account={account} onConfirm={() => {}} onClose={() => {}} />);
  return screen.getByRole('dialog', { name: `Delete ${name}'s account?` });
}

describe('DeleteAccountDialog', () => {
  beforeEach(async () => {
    await resetConsole();
    usePresenter.setState({ enabled: false, hideLiveVerdicts: false, roundOpen: false });
  });

  it('names the keys that deleting breaks for good', () => {
    const dialog = renderFor('Jane Tino');
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining(
        'These keys will answer 401 and stay broken even if Jane Tino is re-invited: Jane personal.',
      ),
    );
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining(
        'Team, service and tenant owner keys created by Jane Tino keep working.',
      ),
    );
  });

  it('says nothing of the keys while a prediction round hides the verdicts', () => {
    usePresenter.setState({ enabled: true, hideLiveVerdicts: true, roundOpen: true });
    const dialog = renderFor('Jane Tino');
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining('What this does to the keys is hidden until reveal.'),
    );
    expect(dialog).not.toHaveTextContent('Jane personal');
    expect(dialog).not.toHaveTextContent('keep working');
    expect(dialog).toHaveTextContent('A deleted account cannot be reactivated');
  });
});

import { expect, test } from './fixtures/console-page';

const SECRET_FORMAT = /^sim_[A-Z2-7]{32}$/;

const REASONS = {
  Team: 'Team keys need the Tenant owner role or Team admin on at least one team.',
  Service: 'Service keys need the Tenant owner role.',
  'Tenant owner': 'Tenant owner keys need the Tenant owner role.',
} as const;

test.describe('Create key', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Keys' });
    await consolePage.openCreateKey();
  });

  test('offers a viewer only a personal key, with the reason each other scope is refused', async ({
    consolePage,
  }) => {
    await consolePage.chooseActingAccount('Vera Lin');

    await expect(consolePage.scopeRadio('Personal')).toBeEnabled();
    await expect(consolePage.scopeRadio('Personal')).toBeChecked();
    for (const scope of ['Team', 'Service', 'Tenant owner'] as const) {
      const radio = consolePage.scopeRadio(scope);
      await expect(radio).toBeDisabled();
      await expect(radio).toHaveAccessibleDescription(REASONS[scope]);
      await expect(consolePage.scopeGroup.getByText(REASONS[scope], { exact: true })).toBeVisible();
    }
    await consolePage.expectNoA11yViolations('create key dialog, Vera Lin acting');
  });

  test('shows a personal key’s secret once, then only its masked form, and adds it to the matrix as valid', async ({
    consolePage,
    page,
  }) => {
    await consolePage.chooseActingAccount('Vera Lin');
    await consolePage.keyNameInput.fill('Vera CLI');
    await consolePage.createKeySubmit.click();

    await expect(consolePage.createKeyDialog).toBeHidden();
    await expect(consolePage.keyCreatedDialog).toBeVisible();
    await expect(consolePage.keyCreatedDialog).toContainText('Vera CLI');
    await expect(consolePage.secret).toHaveValue(SECRET_FORMAT);
    await expect(consolePage.secret).not.toBeEditable();
    const secret = await consolePage.secret.inputValue();
    await consolePage.expectNoA11yViolations('key created dialog');

    await consolePage.doneButton.click();
    await expect(consolePage.keyCreatedDialog).toBeHidden();
    await expect(consolePage.secret).toHaveCount(0);

    // Only the masked form is left, in the Keys table; the secret itself is nowhere on the page.
    await expect(consolePage.keyCell('Vera CLI', 'Secret')).toHaveText(`sim_…${secret.slice(-4)}`);
    await expect(page.locator('body')).not.toContainText(secret);
    await expect.poll(() => page.content()).not.toContain(secret);
    await expect(consolePage.keyCell('Vera CLI', 'Scope')).toHaveText('Personal');
    await expect(consolePage.keyCell('Vera CLI', 'Created by')).toHaveText('Vera Lin');
    await expect(consolePage.keyVerdict('Vera CLI')).toHaveAccessibleName('200 Valid');
    await expect(consolePage.keysShown).toHaveText('Showing 9 of 9 keys');

    // The validity matrix, on Lifecycle, has the key too.
    await consolePage.openView('Lifecycle');
    await expect(consolePage.matrixRow('Vera CLI').getByRole('rowheader')).toHaveAccessibleName(
      'Vera CLI Personal · Vera Lin',
    );
    await expect(consolePage.matrixCell('Vera CLI', 'Now')).toHaveAttribute('data-status', '200');
    await expect(consolePage.matrixCell('Vera CLI', 'Deactivated')).toHaveAttribute(
      'data-status',
      '401',
    );
  });

  test('copies the secret to the clipboard', async ({ consolePage, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await consolePage.keyNameInput.fill('Clipboard key');
    await consolePage.createKeySubmit.click();
    await expect(consolePage.secret).toHaveValue(SECRET_FORMAT);
    const secret = await consolePage.secret.inputValue();

    await consolePage.copySecretButton.click();
    await expect(consolePage.keyCreatedDialog.getByRole('status')).toHaveText(
      'Secret copied to the clipboard.',
    );
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  });

  test('creates a team key as Jane, a tenant owner and team admin', async ({ consolePage }) => {
    await consolePage.chooseActingAccount('Jane Tino');
    for (const scope of ['Personal', 'Team', 'Service', 'Tenant owner'] as const) {
      await expect(consolePage.scopeRadio(scope)).toBeEnabled();
    }
    await consolePage.keyNameInput.fill('Jane automation');
    await consolePage.scopeRadio('Team').check();

    const teams = consolePage.createKeyDialog.getByRole('group', { name: 'Teams the key covers' });
    await teams.getByRole('checkbox', { name: 'Team Automation' }).check();
    await consolePage.createKeyDialog
      .getByRole('combobox', { name: "Key's role on those teams" })
      .selectOption({ label: 'Editor' });
    await consolePage.expectNoA11yViolations('create key dialog, team scope');
    await consolePage.createKeySubmit.click();

    await expect(consolePage.secret).toHaveValue(SECRET_FORMAT);
    await consolePage.doneButton.click();
    await expect(consolePage.keyCreatedDialog).toBeHidden();

    await expect(consolePage.keyCell('Jane automation', 'Scope')).toHaveText('Team');
    await expect(consolePage.keyCell('Jane automation', 'Created by')).toHaveText('Jane Tino');
    await expect(consolePage.keyCell('Jane automation', 'Teams, roles or permissions')).toHaveText(
      'Team Automation: Editor',
    );
    await expect(consolePage.keyVerdict('Jane automation')).toHaveAccessibleName('200 Valid');
    // A team key outlives every lifecycle stage of its creator (the matrix is on Lifecycle).
    await consolePage.openView('Lifecycle');
    for (const column of ['Now', 'Deactivated', 'Deleted', 'Re-invited'] as const) {
      await expect(consolePage.matrixCell('Jane automation', column)).toHaveAttribute(
        'data-status',
        '200',
      );
    }
  });

  test('refuses a team key that covers no team and keeps the dialog open', async ({
    consolePage,
  }) => {
    await consolePage.chooseActingAccount('Jane Tino');
    await consolePage.keyNameInput.fill('Teamless');
    await consolePage.scopeRadio('Team').check();
    await consolePage.createKeySubmit.click();

    await expect(consolePage.createKeyError).toHaveText('A team key must cover at least one team.');
    await expect(consolePage.createKeyDialog).toBeVisible();
    await expect(consolePage.keyCreatedDialog).toBeHidden();
  });

  test('shows an error for an empty name and keeps the dialog open', async ({ consolePage }) => {
    await consolePage.keyNameInput.fill('   ');
    await consolePage.createKeySubmit.click();

    await expect(consolePage.createKeyError).toHaveText('Give the key a name.');
    await expect(consolePage.keyNameInput).toHaveAccessibleDescription('Give the key a name.');
    await expect(consolePage.createKeyDialog).toBeVisible();
    await expect(consolePage.keyCreatedDialog).toBeHidden();
    await consolePage.expectNoA11yViolations('create key dialog with an error');

    await consolePage.createKeyCancel.click();
    await expect(consolePage.createKeyDialog).toBeHidden();
    await expect(consolePage.keysShown).toHaveText('Showing 8 of 8 keys');
  });
});

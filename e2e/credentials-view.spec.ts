import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/console-page';

/**
 * The Credentials view on jane-tino: Jane's keys stored as Team Automation's credentials (S1),
 * what uses each, and the verdict that follows her account.
 */

test.describe('Credentials view', () => {
  test('lists each credential with where it lives, what it holds and what uses it; follows Jane', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=credentials&scenario=jane-tino');
    await consolePage.expectView('Credentials');
    const table = consolePage.viewContent('Credentials');
    // Sortable headers add a sort sign (↕, ▲, ▼) after the name.
    await expect(table.getByRole('columnheader')).toHaveText([
      /^Name/,
      /^Team or drafts/,
      'Sharing',
      'Holds',
      /^Used by/,
      /^Verdict now/,
      'Manage',
    ]);
    const rows = table.locator('tbody tr[data-credential-id]');
    await expect(rows).toHaveCount(5);
    const personal = rows.filter({ hasText: 'Jane personal · Personal · Jane Tino' });
    await expect(personal).toHaveCount(1);
    await expect(personal).toContainText('Team Automation');
    await expect(personal).toContainText('All teams & drafts');
    await expect(personal).toContainText('in 2 stories');
    await expect(personal).toContainText('200 Valid');
    await consolePage.expectNoA11yViolations('Credentials view, light');

    await consolePage.openView('Lifecycle');
    await consolePage.deactivate('Jane Tino');
    await consolePage.openView('Credentials');
    await expect(personal).toContainText('401 Owner deactivated');
    // Her team, service and tenant owner keys' credentials still answer.
    await expect(rows.filter({ hasText: 'Jane team · Team · Jane Tino' })).toContainText(
      '200 Valid',
    );

    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await consolePage.expectNoA11yViolations('Credentials view, dark');
  });
});

/**
 * Create, rotate, share and delete. The page object has no locators for these controls yet, so
 * this spec names them itself, by role and accessible name, as the README's contract does.
 */
test.describe('Credentials view: create, rotate and delete', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Credentials' });
  });

  const credentialRow = (page: Page, name: string) =>
    page
      .getByRole('table', { name: 'Credentials', exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

  test('creates a credential holding a team key, shared with all teams; axe with the dialog open, light and dark', async ({
    consolePage,
    page,
  }) => {
    const view = consolePage.view('Credentials');
    const create = view.getByRole('button', { name: 'Create credential', exact: true });
    const dialog = page.getByRole('dialog', { name: 'Create credential', exact: true });
    await create.click();
    await expect(dialog).toBeVisible();
    await consolePage.expectNoA11yViolations('Create credential dialog, light');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(create).toBeFocused();

    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await create.click();
    const name = dialog.getByRole('textbox', { name: 'Credential name', exact: true });
    await name.fill('Ops bot');
    await expect(name).toHaveAccessibleDescription(
      'Slug ops_bot: actions reference it as <<CREDENTIAL.ops_bot>>.',
    );
    await dialog
      .getByRole('combobox', { name: 'Key', exact: true })
      .selectOption({ label: 'Jane team · Team · Jane Tino' });
    await dialog.getByRole('radio', { name: 'GLOBAL: all teams & drafts', exact: true }).check();
    // A viewer is refused, in the dialog, and nothing typed is lost.
    const acting = dialog.getByRole('combobox', { name: 'Acting account', exact: true });
    await acting.selectOption({ label: 'Vera Lin (may not)' });
    await dialog.getByRole('button', { name: 'Create credential', exact: true }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Vera Lin may not edit in this team.');
    await expect(name).toHaveValue('Ops bot');
    await consolePage.expectNoA11yViolations('Create credential dialog with a refusal, dark');

    await acting.selectOption({ label: 'Eli Brooks' });
    await dialog.getByRole('button', { name: 'Create credential', exact: true }).click();
    await expect(dialog).toBeHidden();
    const row = credentialRow(page, 'Ops bot');
    await expect(row).toContainText('Team Automation');
    await expect(row).toContainText('All teams & drafts');
    await expect(row).toContainText('Jane team · Team · Jane Tino');
    await expect(row).toContainText('200 Valid');
    await expect(create).toBeFocused();
  });

  test('rotates Jane’s personal credential to the team key, which outlives her; delete asks first', async ({
    consolePage,
    page,
  }) => {
    const personal = credentialRow(page, 'Jane personal API key');
    await personal
      .getByRole('button', { name: 'Rotate Jane personal API key', exact: true })
      .click();
    const rotate = page.getByRole('dialog', { name: 'Rotate Jane personal API key', exact: true });
    await expect(rotate).toContainText('3 actions in 2 stories use it');
    await rotate
      .getByRole('combobox', { name: 'Key', exact: true })
      .selectOption({ label: 'Jane team · Team · Jane Tino' });
    await rotate.getByRole('button', { name: 'Rotate', exact: true }).click();
    await expect(rotate).toBeHidden();
    await expect(personal).toContainText('Jane team · Team · Jane Tino');

    await consolePage.openView('Lifecycle');
    await consolePage.deactivate('Jane Tino');
    await consolePage.openView('Credentials');
    await expect(personal).toContainText('200 Valid');

    // Delete asks first, naming what will no longer resolve it; Cancel changes nothing.
    const drafts = credentialRow(page, 'Jane drafts audit key');
    const deleteButton = drafts.getByRole('button', {
      name: 'Delete Jane drafts audit key',
      exact: true,
    });
    await deleteButton.click();
    const ask = page.getByRole('dialog', {
      name: 'Delete the credential Jane drafts audit key?',
      exact: true,
    });
    await expect(ask.getByRole('list', { name: 'Actions that use it' })).toHaveText(
      'SecOps audit digest (Team SecOps): Pull audit logs',
    );
    // Jane is deactivated: she may not act, and the dialog starts with one who may.
    await expect(ask.getByRole('combobox', { name: 'Acting account' })).toHaveAccessibleDescription(
      'Alex Morgan may do this.',
    );
    await ask.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(ask).toBeHidden();
    await expect(deleteButton).toBeFocused();
    await expect(drafts).toContainText('in 1 story');

    await deleteButton.click();
    await ask.getByRole('button', { name: 'Delete credential', exact: true }).click();
    await expect(ask).toBeHidden();
    await expect(drafts).toContainText('Missing');
    await expect(drafts.getByRole('button')).toHaveCount(0);
    // The last row lost its buttons: focus goes to the row before it.
    await expect(
      page.getByRole('button', { name: 'Rotate Jane tenant owner API key', exact: true }),
    ).toBeFocused();
  });
});

import {
  type ConsolePage,
  expect,
  MATRIX_COLUMNS,
  type MatrixColumn,
  test,
} from './fixtures/console-page';

const S1_TITLE =
  'FAQ: What happens to a Tines API key when the user account that created it leaves the tenant?';

test.describe('Validity matrix from the keyboard', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  /** Focus is on this cell's button, and the explanation region explains this cell. */
  async function expectFocusOn(
    consolePage: ConsolePage,
    keyName: string,
    column: MatrixColumn,
    verdict: string,
  ) {
    const keyId = await consolePage.keyId(keyName);
    await expect(consolePage.focusedMatrixCell).toHaveAttribute(
      'data-testid',
      `cell-${keyId}:${MATRIX_COLUMNS[column]}`,
    );
    await expect(consolePage.matrixCellButton(keyName, column)).toBeFocused();
    await expect(consolePage.cellExplanation.getByRole('heading')).toHaveText(
      `${keyName} — ${column}: ${verdict}`,
    );
  }

  test('is entered with one Tab, walked with arrows, Home and End, and left with one Tab', async ({
    consolePage,
    page,
  }) => {
    // Roving tabindex: exactly one cell button is in the tab order.
    await expect(consolePage.matrix.locator('button[tabindex="0"]')).toHaveCount(1);
    await expect(consolePage.cellExplanation).toContainText(
      'Focus or click a cell to see the rule',
    );

    // Before the matrix: its "Find keys" search box, then the folded "How to read it" help.
    await page.getByRole('searchbox', { name: 'Find keys' }).focus();
    await page.keyboard.press('Tab');
    await expect(
      consolePage.matrixRegion.locator('summary').filter({ hasText: 'How to read it' }),
    ).toBeFocused();
    await page.keyboard.press('Tab');
    await expectFocusOn(consolePage, 'Jane personal', 'Now', '200 Valid');
    await expect(consolePage.cellExplanation).toContainText('Rule auth.valid, reason code VALID');
    await expect(consolePage.cellExplanation.getByRole('link', { name: S1_TITLE })).toBeVisible();
    await expect(consolePage.cellExplanation).toContainText('Documented (S1):');

    await page.keyboard.press('ArrowRight');
    await expectFocusOn(consolePage, 'Jane personal', 'Active', '200 Valid');
    await page.keyboard.press('ArrowRight');
    await expectFocusOn(consolePage, 'Jane personal', 'Deactivated', '401 Owner deactivated');
    await expect(consolePage.cellExplanation).toContainText(
      'Rule auth.personal-owner-deactivated, reason code OWNER_DEACTIVATED',
    );
    await expect(consolePage.cellExplanation).toContainText(
      'Jane Tino was deactivated by the console',
    );

    await page.keyboard.press('ArrowDown');
    await expectFocusOn(consolePage, 'Jane team', 'Deactivated', '200 Valid');
    await page.keyboard.press('ArrowLeft');
    await expectFocusOn(consolePage, 'Jane team', 'Active', '200 Valid');
    await page.keyboard.press('ArrowUp');
    await expectFocusOn(consolePage, 'Jane personal', 'Active', '200 Valid');

    // Edges hold: nothing above the first row.
    await page.keyboard.press('ArrowUp');
    await expectFocusOn(consolePage, 'Jane personal', 'Active', '200 Valid');

    await page.keyboard.press('End');
    await expectFocusOn(consolePage, 'Jane personal', 'Re-invited', '401 Owner deleted');
    await expect(consolePage.cellExplanation).toContainText(
      'Rule auth.personal-owner-deleted, reason code OWNER_DELETED',
    );
    await page.keyboard.press('ArrowRight');
    await expectFocusOn(consolePage, 'Jane personal', 'Re-invited', '401 Owner deleted');

    await page.keyboard.press('Home');
    await expectFocusOn(consolePage, 'Jane personal', 'Now', '200 Valid');
    await page.keyboard.press('Control+End');
    await expectFocusOn(consolePage, 'Vera personal', 'Re-invited', '401 Owner deleted');
    await page.keyboard.press('ArrowDown');
    await expectFocusOn(consolePage, 'Vera personal', 'Re-invited', '401 Owner deleted');
    await page.keyboard.press('Control+Home');
    await expectFocusOn(consolePage, 'Jane personal', 'Now', '200 Valid');

    await page.keyboard.press('End');
    await expectFocusOn(consolePage, 'Jane personal', 'Re-invited', '401 Owner deleted');
    await expect(consolePage.matrix.locator('button[tabindex="0"]')).toHaveCount(1);

    // One Tab leaves the matrix: the next stop is the source link of the explanation.
    await page.keyboard.press('Tab');
    await expect(consolePage.focusedMatrixCell).toHaveCount(0);
    await expect(consolePage.cellExplanation.getByRole('link', { name: S1_TITLE })).toBeFocused();

    // Shift+Tab comes back to the cell last visited.
    await page.keyboard.press('Shift+Tab');
    await expectFocusOn(consolePage, 'Jane personal', 'Re-invited', '401 Owner deleted');
  });

  test('explains a cell on click, including rules the simulator assumed', async ({
    consolePage,
  }) => {
    // Keys are deleted in the Keys view; the matrix is on Lifecycle.
    await consolePage.openView('Keys');
    await consolePage.keyRow('Sam team').getByRole('button', { name: 'Delete key' }).click();
    const dialog = consolePage.page.getByRole('dialog', { name: 'Delete the key "Sam team"?' });
    await dialog.getByRole('button', { name: 'Delete key', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(consolePage.keyVerdict('Sam team')).toHaveAccessibleName('401 Key deleted');

    await consolePage.openView('Lifecycle');
    await consolePage.matrixCellButton('Sam team', 'Now').click();
    await expect(consolePage.cellExplanation.getByRole('heading')).toHaveText(
      'Sam team — Now: 401 Key deleted',
    );
    await expect(consolePage.cellExplanation).toContainText(
      'Rule auth.key-revoked, reason code KEY_REVOKED',
    );
    await expect(consolePage.cellExplanation).toContainText('Assumed');
    await expect(consolePage.cellExplanation.getByRole('link')).toHaveCount(0);
  });
});

test.describe('People actions from the keyboard', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  test('deactivates and reactivates with Enter, keeping focus in the row', async ({
    consolePage,
    page,
  }) => {
    // Tab order runs through the rows: Alex Morgan's Delete, then Jane Tino's Deactivate.
    await consolePage.personAction('Alex Morgan', 'Delete').focus();
    await page.keyboard.press('Tab');
    await expect(consolePage.personAction('Jane Tino', 'Deactivate')).toBeFocused();

    // The verdict is checked in the matrix beside People (the Keys table is another view).
    await page.keyboard.press('Enter');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');
    await expect(consolePage.matrixCellButton('Jane personal', 'Now')).toHaveAccessibleName(
      /^401 Owner deactivated/,
    );
    await expect(consolePage.personAction('Jane Tino', 'Reactivate')).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
    await expect(consolePage.matrixCellButton('Jane personal', 'Now')).toHaveAccessibleName(
      /^200 Valid/,
    );
    await expect(consolePage.personAction('Jane Tino', 'Deactivate')).toBeFocused();
  });

  test('deletes through the dialog and re-invites with the keyboard alone', async ({
    consolePage,
    page,
  }) => {
    await consolePage.personAction('Jane Tino', 'Delete').focus();
    await page.keyboard.press('Enter');
    const dialog = consolePage.deleteAccountDialog('Jane Tino');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();

    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deleted');
    await expect(consolePage.personAction('Jane Tino', 'Re-invite')).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(consolePage.historyRows('Jane Tino')).toHaveCount(1);
    // The old row became history; focus follows Jane to her new account's row.
    await expect(consolePage.personAction('Jane Tino', 'Deactivate')).toBeFocused();
  });

  test('returns focus to the Delete button when the delete dialog is dismissed with Escape', async ({
    consolePage,
    page,
  }) => {
    const deleteButton = consolePage.personAction('Jane Tino', 'Delete');
    await deleteButton.focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.deleteAccountDialog('Jane Tino')).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(consolePage.deleteAccountDialog('Jane Tino')).toBeHidden();
    await expect(deleteButton).toBeFocused();
  });
});

test.describe('Create key from the keyboard', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Keys' });
  });

  test('moves focus into the Key created dialog once the key is created', async ({
    consolePage,
    page,
  }) => {
    await consolePage.createKeyButton.focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.createKeyDialog).toBeVisible();
    await expect(consolePage.actingAccountSelect).toBeFocused();

    await consolePage.keyNameInput.fill('Keyboard key');
    await consolePage.keyNameInput.press('Enter');
    await expect(consolePage.keyCreatedDialog).toBeVisible();
    // The submit button is gone; focus must not fall out of the dialog onto <body>.
    await expect(consolePage.keyCreatedDialog.locator(':focus')).toHaveCount(1);
  });

  test('returns focus to Create key when the Key created dialog closes', async ({
    consolePage,
    page,
  }) => {
    await consolePage.createKeyButton.focus();
    await page.keyboard.press('Enter');
    await consolePage.keyNameInput.fill('Keyboard key');
    await consolePage.keyNameInput.press('Enter');
    await expect(consolePage.keyCreatedDialog).toBeVisible();

    await consolePage.doneButton.focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.keyCreatedDialog).toBeHidden();
    await expect(consolePage.createKeyButton).toBeFocused();
  });
});

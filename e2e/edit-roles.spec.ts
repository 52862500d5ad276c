import { expect, test } from './fixtures/console-page';

test.describe('Edit roles', () => {
  test('demotes Jane from the keyboard; her personal key stays valid (roles do not decide 401)', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto('jane-tino');
    await consolePage.personRow('Jane Tino').getByRole('button', { name: 'Edit roles' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit roles for Jane Tino' });
    await expect(dialog).toBeVisible();
    await consolePage.expectNoA11yViolations('edit roles dialog open');

    await dialog.getByLabel('Tenant role').selectOption('user');
    await dialog.getByLabel('Team Automation').selectOption('');
    await dialog.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(consolePage.personCell('Jane Tino', 'Tenant role')).toHaveText('Member');
    await expect(consolePage.personCell('Jane Tino', 'Team roles')).toHaveText('None');
    await expect(consolePage.keyVerdict('Jane personal')).toContainText('200 Valid');
    // Focus is back on the button that opened the dialog.
    await expect(
      consolePage.personRow('Jane Tino').getByRole('button', { name: 'Edit roles' }),
    ).toBeFocused();
  });
});

import { expect, test } from './fixtures/console-page';

test.describe('Edit roles', () => {
  test('demotes Jane with the keyboard alone; her personal key stays 200 (roles do not decide 401)', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    const editRoles = consolePage.personRow('Jane Tino').getByRole('button', {
      name: 'Edit roles',
      exact: true,
    });
    // Tab order in the row: Deactivate, then Edit roles.
    await consolePage.personAction('Jane Tino', 'Deactivate').focus();
    await page.keyboard.press('Tab');
    await expect(editRoles).toBeFocused();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Edit roles for Jane Tino', exact: true });
    await expect(dialog).toBeVisible();
    const tenantRole = dialog.getByRole('combobox', { name: 'Tenant role', exact: true });
    const automation = dialog.getByRole('combobox', { name: 'Team Automation', exact: true });
    await expect(tenantRole).toHaveValue('owner');
    await expect(automation).toHaveValue('team_admin');
    await consolePage.expectNoA11yViolations('edit roles dialog open');

    // The dialog focuses its first control; type-ahead picks an option of a closed select.
    await expect(tenantRole).toBeFocused();
    await page.keyboard.press('m');
    await expect(tenantRole).toHaveValue('user');
    // Then the three permission checkboxes, then one select per team.
    for (const permission of ['API_KEY_CREATE', 'AUDIT_LOG_READ', 'TUNNEL_MANAGE']) {
      await page.keyboard.press('Tab');
      await expect(dialog.getByRole('checkbox', { name: permission, exact: true })).toBeFocused();
    }
    await page.keyboard.press('Tab');
    await expect(automation).toBeFocused();
    await page.keyboard.press('n');
    await expect(automation).toHaveValue('');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('combobox', { name: 'Team SecOps', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(dialog).toBeHidden();
    await expect(consolePage.personCell('Jane Tino', 'Tenant role')).toHaveText('Member');
    await expect(consolePage.personCell('Jane Tino', 'Team roles')).toHaveText('None');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
    // The Dialog gives focus back to the button that opened it.
    await expect(editRoles).toBeFocused();
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '200',
    );
    // The Keys view says the same.
    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName('200 Valid');
  });
});

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

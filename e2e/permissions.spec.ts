import { expect, test } from './fixtures/console-page';

test.describe('Permission matrix', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
  });

  test('is walked from the keyboard and explains a 403 the simulator assumed', async ({
    consolePage,
    page,
  }) => {
    const matrix = page.getByRole('table', { name: 'Permission matrix', exact: true });
    const explanation = page.getByRole('region', { name: 'Permission explanation', exact: true });
    const teamSelect = page
      .getByRole('region', { name: 'Permission matrix', exact: true })
      .getByRole('combobox', { name: 'Team', exact: true });
    const focusedCell = matrix.getByRole('cell').filter({ has: page.locator('button:focus') });
    const janePersonal = await consolePage.keyId('Jane personal');
    const janeTeam = await consolePage.keyId('Jane team');
    const veraPersonal = await consolePage.keyId('Vera personal');

    await matrix.scrollIntoViewIfNeeded();
    await expect(matrix.getByRole('rowheader')).toHaveCount(8);
    await expect(matrix.locator('button[tabindex="0"]')).toHaveCount(1);
    await expect(teamSelect).toHaveValue('team_automation');

    // The last control before the matrix is its Team select: one Tab enters the matrix.
    await teamSelect.focus();
    await page.keyboard.press('Tab');
    await expect(focusedCell).toHaveAttribute('data-testid', `perm-${janePersonal}:info`);
    await expect(explanation.getByRole('heading')).toHaveText(
      'Jane personal — GET /info: 200 Allowed',
    );

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect(focusedCell).toHaveAttribute('data-testid', `perm-${janeTeam}:list_users`);
    await expect(focusedCell).toHaveAttribute('data-status', '403');
    await expect(explanation).toContainText('Rule perm.admin-users, reason code NOT_TENANT_OWNER');

    await page.keyboard.press('Control+End');
    await expect(focusedCell).toHaveAttribute('data-testid', `perm-${veraPersonal}:create_story`);
    await expect(focusedCell).toHaveAttribute('data-status', '403');
    await expect(explanation.getByRole('heading')).toHaveText(
      'Vera personal — POST /stories: 403 Role too low',
    );
    await expect(explanation).toContainText('POST /api/v1/stories (team_id team_automation)');
    await expect(explanation).toContainText(
      'Rule perm.create-story, reason code TEAM_ROLE_TOO_LOW',
    );
    await expect(explanation).toContainText('Assumed');
    await expect(explanation.getByRole('link')).toHaveCount(0);

    await page.keyboard.press('Home');
    await expect(focusedCell).toHaveAttribute('data-testid', `perm-${veraPersonal}:info`);
    await expect(matrix.locator('button[tabindex="0"]')).toHaveCount(1);

    await consolePage.expectNoA11yViolations('permission matrix, a cell explained');
  });

  test('follows the Team select and the creator’s status', async ({ consolePage, page }) => {
    const matrix = page.getByRole('table', { name: 'Permission matrix', exact: true });
    const samPersonal = await consolePage.keyId('Sam personal');
    const janePersonal = await consolePage.keyId('Jane personal');
    const janeOwner = await consolePage.keyId('Jane tenant owner');
    const story = matrix.getByTestId(`perm-${samPersonal}:create_story`);

    await expect(story).toHaveAttribute('data-status', '200');
    await page
      .getByRole('region', { name: 'Permission matrix', exact: true })
      .getByRole('combobox', { name: 'Team', exact: true })
      .selectOption({ label: 'Team SecOps' });
    await expect(story).toHaveAttribute('data-status', '403');
    await expect(matrix.getByTestId(`perm-${samPersonal}:team_members`)).toHaveAttribute(
      'data-status',
      '200',
    );

    // People are on Lifecycle; the permission matrix follows when the API view is opened again.
    await consolePage.openView('Lifecycle');
    await consolePage.deactivate('Jane Tino');
    await consolePage.openView('API');
    await expect(matrix.getByTestId(`perm-${janePersonal}:info`)).toHaveAttribute(
      'data-status',
      '401',
    );
    await expect(matrix.getByTestId(`perm-${janePersonal}:info`)).toContainText(
      'Owner deactivated',
    );
    await expect(matrix.getByTestId(`perm-${janeOwner}:list_users`)).toHaveAttribute(
      'data-status',
      '200',
    );
    await consolePage.expectNoA11yViolations('permission matrix, Jane deactivated');
  });
});

import { expect, test } from './fixtures/console-page';

/**
 * Promises of the README's test contract that no other spec states word for word (a unit test,
 * src/readme-contract.test.ts, fails when the README promises a string the suite does not use).
 * Texts said to start an `alert` are matched from its first character.
 */

test.describe('README test contract', () => {
  test('addresses: ?view=lifecycle, an unknown view, /?tour=jane-tino&view=training', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=lifecycle');
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.currentViewLink).toHaveText('Lifecycle');

    await page.goto('/?view=nope');
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.notice).toHaveText(
      /^There is no view "nope"; showing Lifecycle\. Known views: lifecycle, keys, api, timeline, training, credentials, stories, offboarding\./,
    );
    await expect(consolePage.notice).toHaveText(
      'There is no view "nope"; showing Lifecycle. Known views: lifecycle, keys, api, timeline, training, credentials, stories, offboarding.Dismiss',
    );

    // The tour starts (docked on Lifecycle); the view asked for is shown, the tour is one click away.
    await page.goto('/?tour=jane-tino&view=training');
    await consolePage.expectView('Training');
    await expect(page).toHaveURL(/\?view=training$/);
    await expect(
      consolePage.view('Training').getByRole('button', { name: 'Show the tour', exact: true }),
    ).toBeVisible();
  });

  test('a refused link: the alert starts with "The shared link was not opened, so nothing changed."', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/#state=%%%not-base64');
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.notice).toHaveText(
      /^The shared link was not opened, so nothing changed\. /,
    );
  });

  test('Timeline: its scroll box "Timeline, scrollable", undone rows with data-state="undone"', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Timeline' });
    await expect(
      consolePage.timeline.getByRole('region', { name: 'Timeline, scrollable', exact: true }),
    ).toBeVisible();
    await consolePage.undoButton.click();
    await expect(consolePage.timelineTable.locator('tr[data-state="undone"]')).toHaveCount(1);
    await expect(consolePage.timelineTable.locator('tr[data-state="current"]')).toHaveCount(1);
  });

  test('both matrices sit in named scroll boxes', async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await expect(
      consolePage.matrixRegion.getByRole('region', {
        name: 'Validity matrix, scrollable',
        exact: true,
      }),
    ).toBeVisible();
    await consolePage.openView('API');
    await expect(
      consolePage.view('API').getByRole('region', {
        name: 'Permission matrix, scrollable',
        exact: true,
      }),
    ).toBeVisible();
  });

  test('Predict over 100 people offers "Search people"', async ({ consolePage, page }) => {
    await page.goto('/?scenario=large&people=150&keysPerPerson=1&view=training');
    await consolePage.expectView('Training');
    await consolePage.view('Training').getByRole('button', { name: 'Start predicting' }).click();
    const form = page.getByRole('form', { name: 'Prediction' });
    await expect(form.getByRole('searchbox', { name: 'Search people' })).toBeVisible();
  });

  test('the request console\'s Method and "Body (JSON)"; users and audit entries carry created_at, updated_at, user_name', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
    await consolePage.waitForApi();
    const console = consolePage.apiRegion;
    await expect(console.getByRole('combobox', { name: 'Method', exact: true })).toBeVisible();
    await expect(console.getByRole('textbox', { name: /^Body \(JSON\)/ })).toBeVisible();

    const secret = await consolePage.secretOf('Jane tenant owner');
    const { user, audit } = await page.evaluate(async (key) => {
      const headers = { Authorization: `Bearer ${key}` };
      const users = await (await fetch('/api/v1/admin/users', { headers })).json();
      const first = users['admin/users'][0];
      const one = await (await fetch(`/api/v1/admin/users/${first.id}`, { headers })).json();
      const logs = await (await fetch('/api/v1/audit_logs', { headers })).json();
      return { user: one, audit: logs.audit_logs[0] };
    }, secret);
    expect(user).toHaveProperty('created_at');
    expect(user).toHaveProperty('updated_at');
    expect(audit).toHaveProperty('user_name');
  });
});

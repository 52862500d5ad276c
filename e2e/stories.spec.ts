import { expect, test } from './fixtures/console-page';

/**
 * The Stories view runs stories for real: each action's request leaves the page through `fetch`,
 * the simulated API's service worker answers it, and the run is logged as an event.
 */

test.describe('Stories view', () => {
  test('runs every story through the service worker; once Jane is deactivated her personal key’s actions answer 401', async ({
    consolePage,
    page,
  }) => {
    const answered: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/')) {
        answered.push(`${response.status()} ${url.pathname} ${response.fromServiceWorker()}`);
      }
    });
    await page.goto('/?view=stories&scenario=jane-tino');
    await consolePage.expectView('Stories');
    const view = consolePage.view('Stories');
    await expect(view.getByRole('columnheader')).toHaveText([
      /^Name/,
      /^Team or drafts/,
      /^Actions/,
      'Credentials used',
      'Last run',
      'Run',
    ]);
    const rows = view.getByRole('table', { name: 'Stories' }).locator('tbody tr[data-story-id]');
    await expect(rows).toHaveCount(6);
    await expect(rows.locator('[data-last-run]')).toHaveText(Array(6).fill('Not run yet'));

    await view.getByRole('button', { name: 'Run all', exact: true }).click();
    await expect(view.getByRole('button', { name: 'Run all', exact: true })).toBeEnabled({
      timeout: 20_000,
    });
    // Every action of every story answered 200, each request answered by the service worker.
    for (const text of await rows.locator('[data-last-run]').allTextContents()) {
      expect(text).toMatch(/^200(, 200)*$/);
    }
    expect(answered.length).toBeGreaterThanOrEqual(6);
    expect(answered.every((line) => line.startsWith('200 ') && line.endsWith(' true'))).toBe(true);
    await consolePage.expectNoA11yViolations('Stories view after Run all, light');

    await consolePage.openView('Lifecycle');
    await consolePage.deactivate('Jane Tino');
    await consolePage.openView('Stories');
    await view.getByRole('button', { name: 'Run story User sync', exact: true }).click();
    const sync = rows.filter({ has: page.getByRole('rowheader', { name: 'User sync' }) });
    await expect(sync.locator('[data-last-run]')).toHaveText('401, 401');
    const details = view.getByRole('region', { name: 'Last run of User sync', exact: true });
    await expect(details.getByRole('row', { name: /^Fetch users/ })).toContainText(
      'auth.personal-owner-deactivated',
    );
    // The failing action's emitted event is open: the response, with the key's reason code.
    const emitted = details.locator('details[open] pre').first();
    const event = JSON.parse((await emitted.textContent()) ?? '');
    expect(event).toMatchObject({ status: 401, body: { error: { code: 'OWNER_DEACTIVATED' } } });
    // Audit export runs on Jane's service key: it does not depend on her.
    await view.getByRole('button', { name: 'Run story Audit export', exact: true }).click();
    await expect(
      rows
        .filter({ has: page.getByRole('rowheader', { name: 'Audit export' }) })
        .locator('[data-last-run]'),
    ).toHaveText('200');

    await consolePage.openView('Timeline');
    await expect(
      page.getByRole('button', {
        name: 'Story "User sync" ran: 0 of 2 actions answered 2xx, by the console: "Fetch users" 401 (auth.personal-owner-deactivated); "Fetch Team Automation members" 401 (auth.personal-owner-deactivated)',
        exact: true,
      }),
    ).toHaveCount(1);

    await consolePage.openView('Stories');
    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await view.getByRole('button', { name: 'Show last run of User sync', exact: true }).click();
    await consolePage.expectNoA11yViolations('Stories view with a failing run, dark');
  });
});

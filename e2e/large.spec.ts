import { expect, test } from './fixtures/console-page';

const LARGE = '/?scenario=large&people=10000&keysPerPerson=4';

test.describe('Large tenant (10,000 people)', () => {
  // Generating 50,000 events and the matrix takes seconds on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ page }) => {
    await page.goto(LARGE);
    await expect(page.getByText(/^Showing 10,100 of 10,100 accounts$/)).toBeVisible({
      timeout: 60_000,
    });
  });

  test('loads every account and key, virtualised, with row counts for assistive technology', async ({
    consolePage,
    page,
  }) => {
    // 10,000 people plus the 100 re-invited ones' old accounts, and a header row.
    await expect(consolePage.people).toHaveAttribute('aria-rowcount', '10101');
    await expect(consolePage.matrix).toHaveAttribute('aria-rowcount', /^\d{5}$/);
    // Only a window of rows is in the page.
    expect(await consolePage.people.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(100);
    await expect(page).toHaveURL(/scenario=large&people=10000&keysPerPerson=4/);
    await consolePage.expectNoA11yViolations('large tenant loaded');
  });

  test('scrolls to the last person', async ({ consolePage, page }) => {
    const region = page.getByRole('region', { name: 'People, scrollable' });
    await region.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    // The last row exists only if the virtualiser rendered the end of the list.
    await expect(consolePage.people.locator('tr[aria-rowindex="10101"]')).toBeVisible();
    // The sticky header stays at the top of the scroll box at the bottom of the list.
    const box = await region.boundingBox();
    const header = await consolePage.people
      .getByRole('columnheader', { name: 'Status' })
      .boundingBox();
    expect(box).not.toBeNull();
    expect(header).not.toBeNull();
    expect(Math.abs((header?.y ?? 0) - (box?.y ?? 0))).toBeLessThan(4);
  });

  test('deactivating a person deep in the list breaks exactly their personal keys in the matrix', async ({
    consolePage,
    page,
  }) => {
    const region = page.getByRole('region', { name: 'People, scrollable' });
    await region.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    // The last active person with at least one personal key, among the last rows rendered.
    const rows = consolePage.people.locator('tbody tr[aria-rowindex]');
    const count = await rows.count();
    const findKeys = page.getByRole('searchbox', { name: 'Find keys' });
    let chosen: { name: string; email: string } | null = null;
    for (let i = count - 1; i >= 0 && chosen === null; i--) {
      const row = rows.nth(i);
      if ((await row.getByRole('button', { name: 'Deactivate', exact: true }).count()) === 0)
        continue;
      const email = ((await row.locator('td').first().textContent()) ?? '').trim();
      await findKeys.fill(email);
      const personal = consolePage.matrix.getByRole('rowheader', { name: /Personal ·/ });
      if ((await personal.count()) === 0) continue;
      chosen = { name: ((await row.getByRole('rowheader').textContent()) ?? '').trim(), email };
      expect(Number(await row.getAttribute('aria-rowindex'))).toBeGreaterThan(9000);
      // Pin the row by its account, not its position: the rendered window can move.
      const target = consolePage.people.locator(
        `tr[data-account-id="${await row.getAttribute('data-account-id')}"]`,
      );
      await target.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await expect(target.getByRole('button', { name: 'Reactivate', exact: true })).toBeVisible();
    }
    expect(chosen).not.toBeNull();

    // Every personal key of that person now answers 401; their other keys stay 200.
    const matrixRows = consolePage.matrix.locator('tbody tr[data-index]');
    const total = await matrixRows.count();
    expect(total).toBeGreaterThan(0);
    for (let i = 0; i < total; i++) {
      const row = matrixRows.nth(i);
      const header = (await row.getByRole('rowheader').textContent()) ?? '';
      const now = row.locator('td').first();
      await expect(now).toHaveAttribute(
        'data-status',
        header.includes('Personal ·') ? '401' : '200',
      );
    }
    await expect(page.getByRole('status').filter({ hasText: 'Changed:' })).toContainText(
      `${chosen?.name} — Personal key: 200 → 401`,
    );
    await consolePage.expectNoA11yViolations('large tenant after a deactivation');
  });
});

test.describe('Large tenant in the other views', () => {
  test.describe.configure({ timeout: 120_000 });

  test('opens on the Keys view, virtualised, and switches views without losing the tenant', async ({
    consolePage,
    page,
  }) => {
    await page.goto(`${LARGE}&view=keys`);
    await expect(consolePage.keysShown).toHaveText('Showing 40,100 of 40,100 keys', {
      timeout: 60_000,
    });
    await consolePage.expectView('Keys');
    // 40,100 keys and a header row; only a window of them is in the page.
    await expect(consolePage.keys).toHaveAttribute('aria-rowcount', '40101');
    expect(await consolePage.keys.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(100);
    const region = page.getByRole('region', { name: 'Keys, scrollable' });
    await region.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect(consolePage.keys.locator('tr[aria-rowindex="40101"]')).toBeVisible();
    await consolePage.expectNoA11yViolations('large tenant, Keys');

    for (const view of ['Timeline', 'API', 'Lifecycle'] as const) {
      await consolePage.openView(view);
      await expect(consolePage.viewHeading(view)).toBeFocused();
    }
    await expect(page.getByText(/^Showing 10,100 of 10,100 accounts$/)).toBeVisible();
    await expect(page).toHaveURL(/scenario=large&people=10000&keysPerPerson=4$/);
  });
});

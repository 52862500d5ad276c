import { ConsolePage, expect, test } from './fixtures/console-page';

/**
 * The console built with `BASE_PATH=/klc/` and served at `/klc/` (the `sub-path` project of
 * playwright.config.ts): the smoke suite of a deploy under a sub-path. Addresses are relative to
 * `…/klc/`: `./` is the console.
 */

const JANE = 'Jane Tino';

test.describe('Deployed under /klc/', () => {
  test('opens, changes, and answers from the simulated API under the base', async ({
    consolePage,
    page,
    baseURL,
  }) => {
    const base = new URL(baseURL ?? '').pathname;
    expect(base).toBe('/klc/');
    await page.goto('./?view=api');
    await consolePage.waitForApi();
    const personal = await consolePage.secretOf('Jane personal');
    const owner = await consolePage.secretOf('Jane tenant owner');
    expect(new URL(page.url()).pathname).toBe(base);

    // The page's own calls go to /klc/api/…, and the simulated API answers them.
    const info = () =>
      page.evaluate(
        async ({ url, secret }) =>
          (await fetch(url, { headers: { authorization: `Bearer ${secret}` } })).status,
        { url: `${base}api/v1/info`, secret: personal },
      );
    expect(await info()).toBe(200);
    await consolePage.openView('Lifecycle');
    await consolePage.deactivate(JANE);
    expect(await info()).toBe(401);
    const put = await page.evaluate(
      async ({ url, secret }) =>
        (
          await fetch(url, {
            method: 'PUT',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify({ is_active: true }),
          })
        ).status,
      { url: `${base}api/v1/admin/users/usr_0002`, secret: owner },
    );
    expect(put).toBe(200);
    expect(await info()).toBe(200);
    await expect(consolePage.personAction(JANE, 'Deactivate')).toBeVisible();
  });

  test('?view= and ?scenario= stay under the base, and the saved state comes back on reload', async ({
    consolePage,
    page,
  }) => {
    await page.goto('./?scenario=blank&view=timeline');
    await expect(page.getByRole('heading', { level: 2, name: 'Timeline' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/klc/');
    await page.goto('./');
    await consolePage.deactivate(JANE);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('klc.state.v1')?.length ?? 0))
      .toBeGreaterThan(0);
    await page.reload();
    await expect(consolePage.personAction(JANE, 'Reactivate')).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/klc/');
  });

  test('a share link made here opens the same state in a fresh browser', async ({
    consolePage,
    page,
    browser,
  }) => {
    await page.goto('./');
    await consolePage.deactivate(JANE);
    await consolePage.openShare();
    await consolePage.copyLinkButton.click();
    const link = await consolePage.shareLink.inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/klc\/#state=/);
    await consolePage.closeShare();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(new ConsolePage(other).personAction(JANE, 'Reactivate')).toBeVisible();
    expect(new URL(other.url()).pathname).toBe('/klc/');
    await fresh.close();
  });
});

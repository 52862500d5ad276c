/**
 * The README's example: how a Playwright suite of your own calls the simulated API. It uses only
 * @playwright/test and the console's public roles and names, no project fixture. The request
 * console is on the API view (`?view=api`), the People table on Lifecycle.
 */
import { expect, test } from '@playwright/test';

test('a personal key stops working while its creator is deactivated; her team key does not', async ({
  page,
}) => {
  await page.goto('/?scenario=jane-tino&view=api');
  const api = page.getByRole('region', { name: 'Simulated API', exact: true });
  // The service worker starts after the first paint; wait until the console says it is up.
  await expect(api.getByRole('status').filter({ hasText: 'Simulated API ready' })).toBeVisible();

  // Read a key's secret: pick the key in the request console and press "Show secret". A newly
  // picked key starts masked, so the same two steps read any number of keys.
  const secretOf = async (label: string) => {
    await api.getByRole('combobox', { name: 'Key', exact: true }).selectOption({ label });
    await api.getByRole('button', { name: 'Show secret', exact: true }).click();
    return api.getByRole('textbox', { name: 'Secret', exact: true }).inputValue();
  };
  const personal = await secretOf('Jane personal · Personal · Jane Tino');
  const team = await secretOf('Jane team · Team · Jane Tino');

  // Call the API from inside the page: Playwright's `request` fixture would bypass the worker.
  const status = (secret: string) =>
    page.evaluate(
      async (key) =>
        (await fetch('/api/v1/info', { headers: { Authorization: `Bearer ${key}` } })).status,
      secret,
    );
  expect(await status(personal)).toBe(200);
  expect(await status(team)).toBe(200);

  // The People table is on the Lifecycle view.
  await page
    .getByRole('navigation', { name: 'Console', exact: true })
    .getByRole('link', { name: 'Lifecycle', exact: true })
    .click();
  const people = page.getByRole('table', { name: 'People', exact: true });
  await people
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Jane Tino', exact: true }) })
    .getByRole('button', { name: 'Deactivate', exact: true })
    .click();
  expect(await status(personal)).toBe(401);
  expect(await status(team)).toBe(200);
});

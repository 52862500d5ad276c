import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/console-page';

/**
 * The Offboarding view on jane-tino: Jane's plan follows the chain the FAQ implies (S1, S9):
 * her personal key -> the Team Automation credential holding it -> the actions using it -> their
 * stories; on Delete also her drafts credential and the SecOps story using it. The fixes are
 * applied, the change is made, and the plan says nothing breaks. Axe in both themes.
 */

const JANE = 'Jane Tino jane.tino@tinocorp.example';

/** The plan's tables, each row as its cells' text (virtualisation is off below 200 rows). */
async function rows(plan: Locator, table: string): Promise<string[][]> {
  return plan
    .getByRole('table', { name: table, exact: true })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
}

/** Press Run all in the Stories view and read each story's last run, by name. */
async function runAllStories(stories: Locator): Promise<Record<string, string>> {
  const runAll = stories.getByRole('button', { name: 'Run all', exact: true });
  await runAll.click();
  await expect(runAll).toBeEnabled({ timeout: 20_000 });
  const table = stories.getByRole('table', { name: 'Stories', exact: true });
  await expect(table.locator('[data-last-run]', { hasText: 'Not run yet' })).toHaveCount(0);
  return Object.fromEntries(
    await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('[data-last-run]')?.textContent ?? '',
        ]),
      ),
  );
}

function viewHeading(page: Page): Locator {
  return page
    .getByRole('main')
    .getByRole('heading', { level: 2, name: 'Offboarding', exact: true });
}

test.describe('Offboarding view', () => {
  test('Jane’s plan lists the exact chain; fixes applied and the change made, nothing breaks', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=offboarding&scenario=jane-tino');
    await expect(viewHeading(page)).toBeVisible();
    const who = page.getByRole('region', { name: 'Who leaves', exact: true });
    const plan = page.getByRole('region', { name: 'Offboarding plan', exact: true });

    await who.getByRole('searchbox', { name: 'Find people' }).fill('jane');
    await expect(who.getByText('Showing 1 of 5 accounts')).toBeVisible();
    await who.getByRole('checkbox', { name: JANE, exact: true }).check();
    await expect(who.getByText('1 selected', { exact: true })).toBeVisible();

    // Deactivate: the personal key, its credential, its three actions, their two stories.
    await who.getByRole('radio', { name: 'Deactivate', exact: true }).check();
    await expect(plan.locator('#offboarding-plan-summary')).toHaveText(
      '✕ Deactivating Jane Tino: 1 key answers 401, 1 credential breaks, 3 actions fail, 2 stories are affected.',
    );
    expect(await rows(plan, 'Keys that answer 401')).toEqual([
      [
        'Jane personal',
        'Personal',
        'Jane Tino <jane.tino@tinocorp.example>',
        '401 OWNER_DEACTIVATED',
      ],
    ]);
    expect(await rows(plan, 'Credentials that break')).toEqual([
      [
        'Jane personal API key',
        'Team Automation',
        'Jane personal · Personal · Jane Tino',
        'Its key answers 401 OWNER_DEACTIVATED',
        '3 actions in 2 stories',
      ],
    ]);
    expect(await rows(plan, 'Actions that fail')).toEqual([
      [
        'SecOps user watch › Check users',
        'Team SecOps',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
      [
        'User sync › Fetch users',
        'Team Automation',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
      [
        'User sync › Fetch Team Automation members',
        'Team Automation',
        'Jane personal API key',
        '401 OWNER_DEACTIVATED',
      ],
    ]);
    expect(await rows(plan, 'Stories affected')).toEqual([
      ['SecOps user watch', 'Team SecOps', '1 of 1 action fails'],
      ['User sync', 'Team Automation', '2 of 2 actions fail'],
    ]);

    // Delete: her drafts go too (S9): the drafts credential and the SecOps story that used it.
    await who.getByRole('radio', { name: 'Delete', exact: true }).check();
    await expect(plan.locator('#offboarding-plan-summary')).toContainText(
      'Deleting Jane Tino: 1 key answers 401, 2 credentials break, 4 actions fail, 3 stories are affected.',
    );
    expect(await rows(plan, 'Credentials that break')).toEqual([
      [
        'Jane personal API key',
        'Team Automation',
        'Jane personal · Personal · Jane Tino',
        'Its key answers 401 OWNER_DELETED',
        '3 actions in 2 stories',
      ],
      [
        'Jane drafts audit key',
        "Jane Tino's drafts",
        'Jane service · Service · Jane Tino',
        'Deleted with its owner’s drafts',
        '1 action in 1 story',
      ],
    ]);
    expect((await rows(plan, 'Actions that fail')).at(-1)).toEqual([
      'SecOps audit digest › Pull audit logs',
      'Team SecOps',
      'Jane drafts audit key',
      'Credential no longer resolves: Deleted with its owner’s drafts',
    ]);
    expect((await rows(plan, 'Stories affected')).map((row) => row[0])).toEqual([
      'SecOps user watch',
      'User sync',
      'SecOps audit digest',
    ]);
    expect(await rows(plan, 'Counts per team')).toEqual([
      ['Team Automation', '1', '2', '1'],
      ['Team SecOps', '0', '2', '2'],
      ['Drafts', '1', '0', '0'],
    ]);
    // One fix per breaking credential, each with a button of its own.
    await expect(
      plan.getByRole('button', { name: 'Apply fix for Jane personal API key', exact: true }),
    ).toBeVisible();
    await expect(
      plan.getByRole('button', { name: 'Apply fix for Jane drafts audit key', exact: true }),
    ).toBeVisible();
    // The advisor ran in the advice worker, off the page's thread.
    await expect(plan.locator('[data-advised-by]')).toHaveAttribute('data-advised-by', 'worker');
    await consolePage.expectNoA11yViolations('Offboarding view, Jane on Delete, light');

    // Fix everything first, then make the change: the plan stays clear.
    await plan.getByRole('button', { name: 'Apply all fixes', exact: true }).click();
    await expect(plan.getByRole('status').filter({ hasText: 'Applied' })).toHaveText(
      'Applied 2 fixes.',
    );
    await expect(plan.locator('#offboarding-plan-summary')).toHaveText(
      '✓ Nothing breaks: no action fails after deleting Jane Tino (1 key answers 401 and 1 credential goes, but nothing uses them).',
    );
    expect(await rows(plan, 'Actions that fail')).toEqual([['No action fails.']]);

    await plan.getByRole('button', { name: 'Make the change', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 1 person?', exact: true });
    await dialog.getByRole('button', { name: 'Delete 1 person', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(plan.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
      'Deleted Jane Tino.',
    );
    await expect(plan.locator('#offboarding-plan-summary')).toHaveText(
      '✓ Nothing to do: everyone picked is already deleted.',
    );
    await expect(who.getByRole('row', { name: /Jane Tino/ })).toContainText('Deleted');
    expect(await rows(plan, 'Actions that fail')).toEqual([['No action fails.']]);
    await expect(plan.getByRole('button', { name: 'Make the change', exact: true })).toBeDisabled();

    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await consolePage.expectNoA11yViolations('Offboarding view, after the change, dark');

    // Jane is gone, and every action of every story still answers 200 when run for real.
    await consolePage.openView('Stories');
    expect(await runAllStories(consolePage.view('Stories'))).toEqual({
      'User sync': '200, 200',
      'Audit export': '200',
      'Team members report': '200',
      'Access review': '200',
      'SecOps user watch': '200',
      'SecOps audit digest': '200',
    });
  });

  test('the same change without the fixes: the plan’s actions answer 401 or are not sent when run', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=offboarding&scenario=jane-tino');
    const who = page.getByRole('region', { name: 'Who leaves', exact: true });
    const plan = page.getByRole('region', { name: 'Offboarding plan', exact: true });
    await who.getByRole('searchbox', { name: 'Find people' }).fill('jane');
    await who.getByRole('checkbox', { name: JANE, exact: true }).check();
    await who.getByRole('radio', { name: 'Delete', exact: true }).check();
    const failing = (await rows(plan, 'Actions that fail')).map((row) => row[0]);
    await plan.getByRole('button', { name: 'Make the change', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete 1 person?', exact: true })
      .getByRole('button', { name: 'Delete 1 person', exact: true })
      .click();
    await expect(plan.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(
      'Deleted Jane Tino.',
    );

    await consolePage.openView('Stories');
    const statuses = await runAllStories(consolePage.view('Stories'));
    expect(statuses).toEqual({
      'User sync': '401, 401',
      'Audit export': '200',
      'Team members report': '200',
      'Access review': '200',
      'SecOps user watch': '401',
      'SecOps audit digest': 'not sent',
    });
    // Exactly the stories of the plan's failing actions fail.
    const failingStories = new Set(failing.map((action) => action?.split(' › ')[0]));
    expect(
      Object.entries(statuses)
        .filter(([, status]) => status !== '200' && status !== '200, 200')
        .map(([story]) => story)
        .sort(),
    ).toEqual([...failingStories].sort());
  });

  test('paste a list of emails: the known ones are selected, the others named, the text kept', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=offboarding&scenario=jane-tino');
    await expect(viewHeading(page)).toBeVisible();
    const who = page.getByRole('region', { name: 'Who leaves', exact: true });
    const box = who.getByRole('textbox', { name: 'Paste emails', exact: true });
    const list = 'jane.tino@tinocorp.example\nnobody@tinocorp.example;jane.tino@tinocorp.example';
    await box.fill(list);
    await who.getByRole('button', { name: 'Select pasted emails', exact: true }).click();
    const status = who.getByRole('status').filter({ hasText: 'Selected' });
    await expect(status).toContainText('Selected 1 person from 3 emails.');
    await expect(status).toContainText('Not found in this tenant (1): nobody@tinocorp.example.');
    await expect(status).toContainText('Listed more than once (1): jane.tino@tinocorp.example.');
    await expect(box).toHaveValue(list);
    await expect(who.getByRole('checkbox', { name: JANE, exact: true })).toBeChecked();
    await expect(
      page
        .getByRole('region', { name: 'Offboarding plan', exact: true })
        .locator('#offboarding-plan-summary'),
    ).toContainText('Deactivating Jane Tino: 1 key answers 401');
    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await consolePage.expectNoA11yViolations('Offboarding view, Jane picked by paste, dark');
  });
});

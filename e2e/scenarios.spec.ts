import { expect, KEY_COLUMNS, PEOPLE_COLUMNS, test, VIEW_NAMES } from './fixtures/console-page';

const ALL_KEYS = [
  'Jane personal',
  'Jane team',
  'Jane service',
  'Jane tenant owner',
  'Sam personal',
  'Sam team',
  'Eli personal',
  'Vera personal',
];

/** A header's text, allowing the sort indicator (aria-hidden) after it. */
const header = (name: string) => new RegExp(`^${name}[↕▲▼]?$`);

test.describe('Scenarios', () => {
  test('opens the blank scenario from a deep link: Blank Co, one person, no keys', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'blank' });
    await expect(consolePage.scenarioSelect).toHaveValue('blank');
    await expect(consolePage.tenantSummary).toContainText('Blank Co');
    await expect(consolePage.people.getByRole('rowheader')).toHaveText(['Morgan Lee']);
    await expect(consolePage.personCell('Morgan Lee', 'Tenant role')).toHaveText('Tenant owner');
    await expect(consolePage.matrix.getByRole('rowheader')).toHaveCount(0);
    await expect(consolePage.matrix).toContainText('No keys yet. Create one with “Create key”.');
    await consolePage.expectNoA11yViolations('blank scenario');

    await consolePage.openView('Keys');
    await expect(consolePage.keyRows).toHaveCount(0);
    await expect(consolePage.keys).toContainText('No keys yet. Create one with “Create key”.');
    await consolePage.expectNoA11yViolations('blank scenario, Keys');
  });

  test('keeps the scenario parameter of the URL in step with the scenario select', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto();
    await expect(consolePage.scenarioSelect).toHaveValue('jane-tino');
    await expect(consolePage.tenantSummary).toContainText('Tino Corp');
    await consolePage.openView('Keys');

    // The scenario changes in place: the view stays, and so does its parameter.
    await consolePage.scenarioSelect.selectOption({ label: 'Blank tenant' });
    await expect(page).toHaveURL(/[?&]scenario=blank(&|$)/);
    await expect(page).toHaveURL(/[?&]view=keys(&|$)/);
    await expect(consolePage.tenantSummary).toContainText('Blank Co');
    await expect(consolePage.keyRows).toHaveCount(0);
    // The navigation's links carry the scenario.
    await expect(consolePage.viewLink('Timeline')).toHaveAttribute(
      'href',
      /[?&]scenario=blank(&|$)/,
    );

    await consolePage.scenarioSelect.selectOption({ label: 'Jane Tino (the FAQ)' });
    await expect(page).toHaveURL(/[?&]scenario=jane-tino(&|$)/);
    await expect(page).toHaveURL(/[?&]view=keys(&|$)/);
    await expect(consolePage.tenantSummary).toContainText('Tino Corp');
    await expect(consolePage.keyRows).toHaveCount(ALL_KEYS.length);
    await consolePage.expectView('Keys');
  });

  test('undoes every change with Reset scenario', async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.deactivate('Eli Brooks');
    await consolePage.deleteAccount('Jane Tino');
    await consolePage.reinvite('Jane Tino');
    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Eli personal')).toHaveAccessibleName(
      '401 Owner deactivated',
    );
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName('401 Owner deleted');

    // Reset from the Keys view: the header's button works on every view. It drops the three
    // changes only once the person agrees, in the page.
    await consolePage.resetScenarioButton.click();
    const question = consolePage.question('Reset the scenario?');
    await expect(question).toContainText('This drops 3 changes');
    await question.getByRole('button', { name: 'Reset and drop 3 changes' }).click();
    await expect(consolePage.droppedChanges).toContainText('The reset dropped 3 changes.');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName('200 Valid');
    await expect(consolePage.keyVerdict('Eli personal')).toHaveAccessibleName('200 Valid');
    await expect(consolePage.scenarioSelect).toHaveValue('jane-tino');
    await consolePage.expectView('Keys');
    await consolePage.openView('Lifecycle');
    await expect(consolePage.historyRows('Jane Tino')).toHaveCount(0);
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
    await expect(consolePage.personCell('Eli Brooks', 'Status')).toHaveText('Active');
  });

  test('alerts that an unknown scenario does not exist and shows the default one', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'nope' });
    await expect(consolePage.notice).toContainText('There is no scenario "nope"');
    await expect(consolePage.tenantSummary).toContainText('Tino Corp');
    await expect(consolePage.matrix.getByRole('rowheader')).toHaveCount(ALL_KEYS.length);
    await consolePage.expectNoA11yViolations('unknown scenario alert');

    await consolePage.notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(consolePage.notice).toHaveCount(0);
  });

  test('renders the same page for the same scenario on every load', async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    const people = (await consolePage.people.textContent()) ?? '';
    const matrix = (await consolePage.matrix.textContent()) ?? '';
    await consolePage.openView('Keys');
    const keys = (await consolePage.keys.textContent()) ?? '';
    await expect(consolePage.keyCell('Jane personal', 'Secret')).toHaveText(/^sim_…[A-Z2-7]{4}$/);

    await consolePage.goto({ scenario: 'jane-tino', view: 'Keys' });
    await expect(consolePage.keys).toHaveText(keys);
    await consolePage.goto({ scenario: 'jane-tino' });
    await expect(consolePage.people).toHaveText(people);
    await expect(consolePage.matrix).toHaveText(matrix);
  });
});

test.describe('Keys table', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Keys' });
  });

  test('shows the documented columns in order', async ({ consolePage }) => {
    await expect(consolePage.keys.getByRole('columnheader')).toHaveText(KEY_COLUMNS.map(header));
    await expect(consolePage.keyRows.getByRole('rowheader')).toHaveText(ALL_KEYS);
    await consolePage.openView('Lifecycle');
    await expect(consolePage.people.getByRole('columnheader')).toHaveText(
      PEOPLE_COLUMNS.map(header),
    );
  });

  test('filters by scope', async ({ consolePage }) => {
    await consolePage.scopeFilter.selectOption({ label: 'Personal' });
    await expect(consolePage.keyRows.getByRole('rowheader')).toHaveText([
      'Jane personal',
      'Sam personal',
      'Eli personal',
      'Vera personal',
    ]);
    for (const keyName of ['Jane personal', 'Sam personal', 'Eli personal', 'Vera personal']) {
      await expect(consolePage.keyCell(keyName, 'Scope')).toHaveText('Personal');
    }
    await expect(consolePage.keysShown).toHaveText('Showing 4 of 8 keys');

    await consolePage.scopeFilter.selectOption({ label: 'Tenant owner' });
    await expect(consolePage.keyRows.getByRole('rowheader')).toHaveText(['Jane tenant owner']);

    await consolePage.scopeFilter.selectOption({ label: 'All scopes' });
    await expect(consolePage.keyRows).toHaveCount(ALL_KEYS.length);
  });

  test('filters by verdict once Jane is deactivated', async ({ consolePage }) => {
    await consolePage.openView('Lifecycle');
    await consolePage.deactivate('Jane Tino');
    await consolePage.openView('Keys');
    await consolePage.verdictFilter.selectOption({ label: '401 Owner deactivated' });
    await expect(consolePage.keyRows.getByRole('rowheader')).toHaveText(['Jane personal']);
    await expect(consolePage.keysShown).toHaveText('Showing 1 of 8 keys');

    await consolePage.verdictFilter.selectOption({ label: '200 Valid' });
    await expect(consolePage.keyRows).toHaveCount(ALL_KEYS.length - 1);
    await expect(consolePage.keyRow('Jane personal')).toHaveCount(0);

    // Once no key has the chosen verdict, the table says so and the choice stays selectable.
    // Jane is reactivated without leaving the view: the header's Undo takes the deactivation back.
    await consolePage.verdictFilter.selectOption({ label: '401 Owner deactivated' });
    await consolePage.undoButton.click();
    await expect(consolePage.keyRows).toHaveCount(0);
    await expect(consolePage.keys).toContainText('No key matches the filters.');
    await expect(consolePage.verdictFilter).toHaveValue('401 Owner deactivated');
  });

  test('sorts by name, toggling aria-sort between ascending and descending', async ({
    consolePage,
  }) => {
    const nameHeader = consolePage.keyColumnHeader('Name');
    const sorted = [...ALL_KEYS].sort((a, b) => a.localeCompare(b));
    await expect(nameHeader).not.toHaveAttribute('aria-sort');

    await nameHeader.getByRole('button', { name: 'Name' }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(consolePage.keyRows.getByRole('rowheader')).toHaveText(sorted);

    await nameHeader.getByRole('button', { name: 'Name' }).click();
    await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    await expect(consolePage.keyRows.getByRole('rowheader')).toHaveText([...sorted].reverse());

    // Only the sorted column carries aria-sort.
    await expect(consolePage.keyColumnHeader('Scope')).not.toHaveAttribute('aria-sort');
  });
});

test.describe('Theme and layout', () => {
  test('applies the dark theme when chosen, remembers it, and stays accessible', async ({
    consolePage,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await consolePage.goto({ scenario: 'jane-tino' });
    const html = page.locator('html');
    await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);

    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
    await consolePage.expectNoA11yViolations('dark theme');

    // Muted labels that only appear later: a history row and a deleted key.
    await consolePage.deleteAccount('Jane Tino');
    await consolePage.reinvite('Jane Tino');
    await consolePage.openView('Keys');
    await consolePage.keyRow('Sam team').getByRole('button', { name: 'Delete key' }).click();
    await page
      .getByRole('dialog', { name: 'Delete the key "Sam team"?' })
      .getByRole('button', { name: 'Delete key' })
      .click();
    await expect(consolePage.keyVerdict('Sam team')).toHaveAccessibleName('401 Key deleted');
    await consolePage.expectNoA11yViolations('dark theme, Keys, deleted key');
    await consolePage.openView('Lifecycle');
    await expect(consolePage.historyRows('Jane Tino')).toHaveCount(1);
    await consolePage.expectNoA11yViolations('dark theme, Lifecycle, history row and deleted key');

    await page.reload();
    await expect(consolePage.themeSelect).toHaveValue('dark');
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);

    await consolePage.themeSelect.selectOption({ label: 'Light' });
    await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
  });

  test('follows the system colour scheme by default', async ({ consolePage, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await consolePage.goto({ scenario: 'jane-tino' });
    await expect(consolePage.themeSelect).toHaveValue('system');
    await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
  });

  for (const [width, height] of [
    [1024, 768],
    // A phone: tables scroll inside their own box, never the page (issue 10, item 10).
    [390, 844],
  ] as const) {
    test(`has no page-level horizontal scroll at ${width} px wide, on any view`, async ({
      consolePage,
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await consolePage.goto({ scenario: 'jane-tino' });
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      await expect.poll(scrollWidth).toBeLessThanOrEqual(width);

      // The longest rows: a re-invited person with a history row.
      await consolePage.deleteAccount('Jane Tino');
      await consolePage.reinvite('Jane Tino');
      await expect.poll(scrollWidth).toBeLessThanOrEqual(width);

      for (const view of VIEW_NAMES) {
        await consolePage.openView(view);
        await expect.poll(scrollWidth, { message: view }).toBeLessThanOrEqual(width);
      }
      await consolePage.openShare();
      await expect.poll(scrollWidth, { message: 'Share dialog' }).toBeLessThanOrEqual(width);
    });
  }
});

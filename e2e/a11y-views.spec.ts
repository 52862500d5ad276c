import type { Locator, Page } from '@playwright/test';
import { type ConsolePage, expect, test, VIEW_NAMES, type ViewName } from './fixtures/console-page';

/**
 * axe (WCAG 2.0–2.2 A/AA, the fixture's `expectNoA11yViolations`) on every view of the shell, in
 * the light and the dark theme chosen with the header's `Theme` select: Lifecycle with and
 * without the tour docked, Keys, API, Timeline, Training, and the Share dialog open. The
 * violations are soft, so one run reports every state that has any.
 */

/**
 * Open the console (on `view`) and choose `theme` with the header's `Theme` select, the system's
 * scheme being the other one, so that the choice is what sets it.
 */
async function openInTheme(
  consolePage: ConsolePage,
  page: Page,
  theme: 'Light' | 'Dark',
  view?: ViewName,
): Promise<void> {
  await page.emulateMedia({ colorScheme: theme === 'Light' ? 'dark' : 'light' });
  await consolePage.goto(
    view === undefined ? { scenario: 'jane-tino' } : { scenario: 'jane-tino', view },
  );
  await consolePage.themeSelect.selectOption({ label: theme });
  const html = page.locator('html');
  if (theme === 'Dark') await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  else await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);
}

for (const theme of ['Light', 'Dark'] as const) {
  test(`every view is axe-clean in the ${theme.toLowerCase()} theme`, async ({
    consolePage,
    page,
  }) => {
    // Eight axe runs of 1–2.5 s each on a shared 2-core machine.
    test.setTimeout(120_000);
    await openInTheme(consolePage, page, theme);

    await consolePage.expectNoA11yViolations(`${theme}: Lifecycle`);

    await consolePage.openView('Keys');
    await consolePage.expectNoA11yViolations(`${theme}: Keys`);

    await consolePage.openView('API');
    await consolePage.waitForApi();
    await consolePage.expectNoA11yViolations(`${theme}: API`);

    await consolePage.openView('Timeline');
    await consolePage.expectNoA11yViolations(`${theme}: Timeline`);

    await consolePage.openView('Training');
    await consolePage.expectNoA11yViolations(`${theme}: Training`);

    await consolePage.openShare();
    await consolePage.expectNoA11yViolations(`${theme}: Share dialog open`);
    await consolePage.closeShare();

    // The tour docked on Lifecycle, on a step with a result (flipped cells outlined).
    await consolePage.startTour();
    await consolePage.tourButton('Do it for me').click();
    await expect(
      consolePage.tourRegion.getByRole('list', { name: 'New keys', exact: true }),
    ).toBeVisible();
    await consolePage.expectNoA11yViolations(`${theme}: Lifecycle, tour docked`);

    // Another view while the tour runs: the "Lesson in progress" line.
    await consolePage.openView('Keys');
    await expect(consolePage.lessonReminder).toBeVisible();
    await consolePage.expectNoA11yViolations(`${theme}: Keys, lesson in progress`);

    await expect(consolePage.themeSelect).toHaveValue(theme.toLowerCase());
  });
}

/**
 * axe reads the colours an element has at the moment it runs, so a state that only exists under
 * the mouse (a hovered button) or behind a filter (an empty table's message) is checked only if a
 * test puts the page in that state first.
 */
test.describe('dark theme, states axe sees only when the page is in them', () => {
  test.beforeEach(async ({ consolePage, page }) => {
    await openInTheme(consolePage, page, 'Dark');
  });

  test('every button variant keeps its contrast while hovered', async ({ consolePage }) => {
    test.setTimeout(120_000);
    const hoverAndCheck = async (button: Locator, state: string) => {
      await button.hover();
      await expect(button).toBeVisible();
      await consolePage.expectNoA11yViolations(`Dark, hovered: ${state}`);
    };

    // Secondary (the default) and ghost, in People's rows.
    const jane = consolePage.personRow('Jane Tino');
    await hoverAndCheck(
      consolePage.personAction('Jane Tino', 'Deactivate'),
      'secondary (Deactivate)',
    );
    await hoverAndCheck(
      jane.getByRole('button', { name: 'Edit roles', exact: true }),
      'ghost (Edit roles)',
    );
    // A link of the navigation, which changes colour under the mouse too.
    await hoverAndCheck(consolePage.viewLink('Keys'), 'navigation link');

    // Danger: the delete confirmation's button.
    await consolePage.personAction('Jane Tino', 'Delete').click();
    const dialog = consolePage.deleteAccountDialog('Jane Tino');
    await expect(dialog).toBeVisible();
    await hoverAndCheck(dialog.getByRole('button', { name: 'Delete', exact: true }), 'danger');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toHaveCount(0);

    // Primary: the request console's Send (the issue measured 3.76:1), and a secondary beside it.
    await consolePage.openView('API');
    await consolePage.waitForApi();
    const send = consolePage.apiRegion.getByRole('button', { name: 'Send', exact: true });
    await hoverAndCheck(send, 'primary (Send)');
    await hoverAndCheck(
      consolePage.apiRegion.getByRole('button', { name: 'Show secret', exact: true }),
      'secondary (Show secret)',
    );

    // A timeline event's button, which gets its own hover background.
    await consolePage.openView('Timeline');
    await hoverAndCheck(
      consolePage.timelineTable.getByRole('button', {
        name: 'Before the first event',
        exact: true,
      }),
      'timeline event',
    );

    // Keyboard focus adds only a ring, no other colour: axe once more with Send focused.
    await consolePage.openView('API');
    await consolePage.waitForApi();
    await send.focus();
    await expect(send).toBeFocused();
    await consolePage.expectNoA11yViolations('Dark, focused: primary (Send)');
  });

  test('the messages of empty tables keep their contrast', async ({ consolePage, page }) => {
    test.setTimeout(120_000);
    // A search with no match, in People (a DataTable) and in the validity matrix.
    await page.getByRole('searchbox', { name: 'Find a person', exact: true }).fill('zzz-nobody');
    await page.getByRole('searchbox', { name: 'Find keys', exact: true }).fill('zzz-nothing');
    await expect(consolePage.people.getByRole('rowheader')).toHaveCount(0);
    await expect(consolePage.matrix.getByRole('rowheader')).toHaveCount(0);
    await consolePage.expectNoA11yViolations('Dark: Lifecycle, both searches without a match');

    // A tenant without keys: the Keys table's and the permission matrix's own empty messages.
    await consolePage.goto({ scenario: 'blank', view: 'Keys' });
    await expect(consolePage.keys.getByRole('row')).toHaveCount(2);
    await consolePage.expectNoA11yViolations('Dark: Keys, no keys');
    await consolePage.openView('API');
    await consolePage.waitForApi();
    await expect(
      page.getByRole('table', { name: 'Permission matrix', exact: true }).getByRole('rowheader'),
    ).toHaveCount(0);
    await consolePage.expectNoA11yViolations('Dark: API, no keys');
  });
});

/** Presenter mode on a projector's 1024×768: larger type, so the wide tables scroll sideways. */
test.describe('presenter mode', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  for (const theme of ['Light', 'Dark'] as const) {
    test(`every view is axe-clean in presenter mode, ${theme.toLowerCase()} theme`, async ({
      consolePage,
      page,
    }) => {
      test.setTimeout(120_000);
      await openInTheme(consolePage, page, theme);
      await consolePage.presenterToggle.click();
      await expect(page.locator('html')).toHaveClass(/(^|\s)presenter(\s|$)/);

      for (const view of VIEW_NAMES) {
        await consolePage.openView(view);
        if (view === 'API') await consolePage.waitForApi();
        await consolePage.expectNoA11yViolations(`${theme}, presenter mode: ${view}`);
      }
    });
  }

  test('the permission matrix scroll box is reached by Tab, named, and scrolled with arrows', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
    await consolePage.presenterToggle.click();
    const table = page.getByRole('table', { name: 'Permission matrix', exact: true });
    const box = page.getByRole('region', { name: 'Permission matrix, scrollable', exact: true });
    await expect(box.getByRole('table', { name: 'Permission matrix', exact: true })).toBeVisible();
    // It is wider than its box here, so the box takes a place in the tab order.
    await expect(box).toHaveAttribute('tabindex', '0');

    // The control before the matrix is its Team select; the next Tab is the scroll box.
    await page.getByRole('combobox', { name: 'Team', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(box).toBeFocused();
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBe(0);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectInside(table.getByRole('rowheader').first(), box);

    // One more Tab enters the cells; the cell it focuses is not hidden under the pinned keys.
    await page.keyboard.press('Tab');
    const cell = table.locator('button:focus');
    await expect(cell).toHaveCount(1);
    await expectOnTop(cell);
  });

  for (const theme of ['Light', 'Dark'] as const) {
    for (const { view, width, name } of [
      { view: 'API', width: 1024, name: 'Permission matrix' },
      { view: 'Lifecycle', width: 390, name: 'Validity matrix' },
    ] as const) {
      test(`the ${name.toLowerCase()} keeps its key column in view when scrolled sideways (${theme.toLowerCase()}, ${width} px)`, async ({
        consolePage,
        page,
      }) => {
        await page.setViewportSize({ width, height: 768 });
        await openInTheme(consolePage, page, theme, view);
        await consolePage.presenterToggle.click();
        const table = page.getByRole('table', { name, exact: true });
        // The scroll box is the table's parent: found without its name, so this fails on the pinning.
        const box = table.locator('xpath=..');
        await expect(table.getByRole('rowheader')).not.toHaveCount(0);
        await box.evaluate((el) => {
          el.scrollLeft = el.scrollWidth;
        });
        await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(50);

        const firstKey = table.getByRole('rowheader').first();
        const keyHeader = table.getByRole('columnheader', { name: 'Key', exact: true });
        for (const pinned of [firstKey, keyHeader]) {
          await expectOnTop(pinned);
          await expectInside(pinned, box);
          // Opaque, so the cells that scroll under it do not show through.
          const background = await pinned.evaluate((el) => getComputedStyle(el).backgroundColor);
          expect(background, 'background of a pinned cell').not.toMatch(
            /transparent|rgba\(.*,\s*0(\.\d+)?\)$|\/\s*0?(\.\d+)?\)$/,
          );
        }
        // Still scrolled sideways: the checks above did not scroll the box back.
        expect(await box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(50);
      });
    }
  }
});

/** The element lies wholly within the box (horizontally): it did not scroll out of it. */
async function expectInside(element: Locator, box: Locator): Promise<void> {
  const inner = await element.boundingBox();
  const outer = await box.boundingBox();
  expect(inner, 'the element is rendered').not.toBeNull();
  expect(outer, 'the box is rendered').not.toBeNull();
  if (inner === null || outer === null) return;
  expect(inner.x, 'left edge inside the box').toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.x + inner.width, 'right edge inside the box').toBeLessThanOrEqual(
    outer.x + outer.width + 0.5,
  );
}

/** Nothing is painted over the element's centre: what is hit there is the element or inside it. */
async function expectOnTop(element: Locator): Promise<void> {
  const hit = await element.evaluate((el) => {
    // Into the viewport (a phone's page scrolls down to the matrix), without scrolling sideways:
    // only the page, up or down. (scrollIntoView would also scroll the box: for a cell pinned
    // with position: sticky, Chromium moves it back by the cell's width even with 'nearest'.)
    const before = el.getBoundingClientRect();
    window.scrollBy(0, before.top + before.height / 2 - window.innerHeight / 2);
    const rect = el.getBoundingClientRect();
    const top = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
  expect(hit, 'the element is on top at its centre').toBe(true);
}

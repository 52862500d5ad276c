import { expect, test } from './fixtures/console-page';

/**
 * axe (WCAG 2.0–2.2 A/AA, the fixture's `expectNoA11yViolations`) on every view of the shell, in
 * the light and the dark theme chosen with the header's `Theme` select: Lifecycle with and
 * without the tour docked, Keys, API, Timeline, Training, and the Share dialog open. The
 * violations are soft, so one run reports every state that has any.
 */

for (const theme of ['Light', 'Dark'] as const) {
  test(`every view is axe-clean in the ${theme.toLowerCase()} theme`, async ({
    consolePage,
    page,
  }) => {
    // Eight axe runs of 1–2.5 s each on a shared 2-core machine.
    test.setTimeout(120_000);
    // The other theme as the system's, so that the choice is what sets it.
    await page.emulateMedia({ colorScheme: theme === 'Light' ? 'dark' : 'light' });
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.themeSelect.selectOption({ label: theme });
    const html = page.locator('html');
    if (theme === 'Dark') await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
    else await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/);

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

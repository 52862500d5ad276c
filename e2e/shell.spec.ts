import type { Page } from '@playwright/test';
import { ConsolePage, expect, test, VIEW_NAMES, VIEWS } from './fixtures/console-page';

/**
 * The console's shell: a skip link, the header (Undo, Redo, Share for every view), the `Console`
 * navigation and one view in `main`, chosen by `?view=`. Back, forward and reload keep the view;
 * a share link carries it; an address naming no known view falls back to Lifecycle with a notice.
 */

const JANE = 'Jane Tino';
const DEACTIVATED = 'Jane Tino was deactivated by the console';
const KNOWN =
  'Known views: lifecycle, keys, api, timeline, training, credentials, stories, offboarding.';

/** The `view` parameter of the page's address (null: none). */
function viewParam(page: Page): string | null {
  return new URL(page.url()).searchParams.get('view');
}

/** Describes the focused element for a failure message: tag, role and text. */
function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return 'body';
    const role = element.getAttribute('role');
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
    return `${element.tagName.toLowerCase()}${role === null ? '' : `[role=${role}]`} "${text.slice(0, 40)}"`;
  });
}

/** The only link marked current is this view's, and its heading names the region shown. */
async function expectOnlyCurrent(consolePage: ConsolePage, name: keyof typeof VIEWS) {
  await expect(consolePage.currentViewLink).toHaveCount(1);
  await expect(consolePage.currentViewLink).toHaveText(name);
  await expect(consolePage.view(name)).toBeVisible();
  // Exactly one view in main.
  await expect(consolePage.main.getByRole('heading', { level: 2 })).toHaveCount(1);
}

test.describe('Console shell', () => {
  test('is navigated with the keyboard alone: skip link first, then the Console links; back, forward and reload keep the view', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await expectOnlyCurrent(consolePage, 'Lifecycle');
    // On first load nothing is focused: the heading takes focus only after a navigation.
    expect(await focusedElement(page)).toBe('body');
    await expect(consolePage.viewHeading('Lifecycle')).not.toBeFocused();

    await page.keyboard.press('Tab');
    await expect(consolePage.skipLink).toBeFocused();
    // Visible once focused.
    await expect(consolePage.skipLink).toBeInViewport();

    // Tab on through the header's controls to the navigation: Lifecycle's link, then Keys'.
    const seen: string[] = [];
    const keysLink = consolePage.viewLink('Keys');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      if (await keysLink.evaluate((link) => link === document.activeElement)) break;
      seen.push(await focusedElement(page));
    }
    await expect(keysLink, `Tab order up to the Keys link: ${seen.join(' → ')}`).toBeFocused();
    expect(seen.at(-1)).toBe('a "Lifecycle"');
    // The header's controls come first (Redo is disabled: nothing to redo yet).
    expect(seen).toContainEqual(expect.stringMatching(/^button ".*Undo"$/));
    expect(seen).toContain('button "Share"');

    await page.keyboard.press('Enter');
    await consolePage.expectView('Keys');
    await expect(consolePage.viewHeading('Keys')).toBeFocused();
    await expectOnlyCurrent(consolePage, 'Keys');
    await expect(consolePage.viewLink('Lifecycle')).not.toHaveAttribute('aria-current');
    expect(viewParam(page)).toBe('keys');
    await expect(page).toHaveURL(/\?scenario=jane-tino&view=keys$/);

    await page.goBack();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.viewHeading('Lifecycle')).toBeFocused();
    await expectOnlyCurrent(consolePage, 'Lifecycle');
    expect(viewParam(page)).toBeNull();

    await page.goForward();
    await consolePage.expectView('Keys');
    await expect(consolePage.viewHeading('Keys')).toBeFocused();
    expect(viewParam(page)).toBe('keys');

    await page.reload();
    await consolePage.expectView('Keys');
    await expectOnlyCurrent(consolePage, 'Keys');
    expect(viewParam(page)).toBe('keys');
  });

  test('skip link moves focus to main, past the header and the navigation', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Keys' });
    await page.keyboard.press('Tab');
    await expect(consolePage.skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(consolePage.main).toBeFocused();
    // The next Tab lands inside the view, not in the header or the navigation.
    await page.keyboard.press('Tab');
    await expect(consolePage.createKeyButton).toBeFocused();
    await consolePage.expectView('Keys');
  });

  test('follows every Console link without reloading the page, one history entry each', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const historyLength = await page.evaluate(() => history.length);
    for (const name of VIEW_NAMES.slice(1)) {
      await consolePage.openView(name);
      await expect(consolePage.viewHeading(name)).toBeFocused();
      await expectOnlyCurrent(consolePage, name);
      expect(viewParam(page)).toBe(VIEWS[name]);
      // The scenario stays in the address.
      await expect(page).toHaveURL(/[?&]scenario=jane-tino(&|$)/);
    }
    // Lifecycle is the address without the parameter.
    await consolePage.openView('Lifecycle');
    expect(viewParam(page)).toBeNull();
    await expect(page).toHaveURL(/\/\?scenario=jane-tino$/);
    expect(await page.evaluate(() => history.length)).toBe(historyLength + VIEW_NAMES.length);
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    // Each link is a real address too (a new tab, a copied link).
    await expect(consolePage.viewLink('Timeline')).toHaveAttribute(
      'href',
      '/?scenario=jane-tino&view=timeline',
    );
    await expect(consolePage.viewLink('Lifecycle')).toHaveAttribute('href', '/?scenario=jane-tino');
  });

  test('a #state= link made on the Timeline opens on the Timeline, with the state it carries', async ({
    consolePage,
    page,
    browser,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.deactivate(JANE);
    await consolePage.openView('Timeline');
    await consolePage.openShare();
    await consolePage.copyLinkButton.click();
    await expect(consolePage.shareDialog.getByRole('status')).toHaveText(
      'Link copied to the clipboard.',
    );
    const link = await consolePage.shareLink.inputValue();
    const origin = new URL(page.url()).origin;
    expect(link).toMatch(new RegExp(`^${origin}/\\?view=timeline#state=[A-Za-z0-9_-]+$`));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(consolePage.shareLink).toHaveAccessibleName(
      `Link to this state (${link.length.toLocaleString('en-US')} characters)`,
    );
    await consolePage.closeShare();

    const elsewhere = await browser.newContext();
    try {
      const other = await elsewhere.newPage();
      const errors: string[] = [];
      other.on('pageerror', (error) => errors.push(error.message));
      other.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const otherConsole = new ConsolePage(other);
      await other.goto(link);
      await otherConsole.expectView('Timeline');
      await expect(otherConsole.timelineEvent(DEACTIVATED)).toHaveAttribute('aria-current', 'step');
      await expect.poll(() => new URL(other.url()).hash).toBe('');
      expect(viewParam(other)).toBe('timeline');
      await otherConsole.openView('Lifecycle');
      await expect(otherConsole.personCell(JANE, 'Status')).toHaveText('Deactivated');
      await expect(otherConsole.matrixCell('Jane personal', 'Now')).toHaveAttribute(
        'data-status',
        '401',
      );
      expect(errors).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  test('an unknown view shows Lifecycle with a notice, and the address is corrected', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=nope');
    await consolePage.expectView('Lifecycle');
    await expectOnlyCurrent(consolePage, 'Lifecycle');
    await expect(consolePage.notice).toContainText(
      `There is no view "nope"; showing Lifecycle. ${KNOWN}`,
    );
    await expect(page).not.toHaveURL(/view=/);
    await consolePage.expectNoA11yViolations('unknown view notice');
    // Said once: the address no longer names it, so a reload shows no notice.
    await page.reload();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.notice).toHaveCount(0);

    await page.goto('/?scenario=jane-tino&view=keys&view=api');
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.notice).toContainText(
      `The address names 2 views ("keys", "api"); showing Lifecycle. ${KNOWN}`,
    );
    await expect(page).toHaveURL(/\/\?scenario=jane-tino$/);
    await consolePage.notice.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(consolePage.notice).toHaveCount(0);
  });

  test('reads the view in any case and writes it in lower case; ?view= combines with ?scenario= and ?tour=', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?view=KEYS');
    await consolePage.expectView('Keys');
    await expect(page).toHaveURL(/\?view=keys$/);
    await expect(consolePage.notice).toHaveCount(0);

    await page.goto('/?scenario=blank&view=Timeline');
    await consolePage.expectView('Timeline');
    await expect(page).toHaveURL(/\?scenario=blank&view=timeline$/);
    await expect(consolePage.tenantSummary).toContainText('Blank Co');
    await expect(consolePage.timelineEvent('Morgan Lee was invited by the scenario')).toBeVisible();

    // ?tour= starts the tour (docked on Lifecycle) and leaves the view the address names.
    await page.goto('/?tour=jane-tino&view=keys');
    await consolePage.expectView('Keys');
    await expect(page).not.toHaveURL(/tour=/);
    await expect(page).toHaveURL(/[?&]view=keys$/);
    await expect(consolePage.lessonReminder).toContainText(
      'The guided tour is open at step 1 of 6, beside the matrix on Lifecycle.',
    );
    await consolePage.lessonReminder
      .getByRole('button', { name: 'Back to the tour', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tourStepHeading).toHaveText('Step 1 of 6: Create Jane’s four keys');
    await expect(consolePage.tourStepHeading).toBeFocused();
  });

  test('undoes and redoes from views other than Lifecycle, with the keys and the header buttons', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.deactivate(JANE);

    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName(
      '401 Owner deactivated',
    );
    // A field keeps Ctrl+Z to itself.
    await consolePage.scopeFilter.focus();
    await page.keyboard.press('Control+z');
    await expect(consolePage.pastBanner).toHaveCount(0);
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName(
      '401 Owner deactivated',
    );
    // Focus on the view's heading: not a field.
    await consolePage.viewHeading('Keys').focus();
    await page.keyboard.press('Control+z');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName('200 Valid');
    await expect(consolePage.pastBanner).toContainText(
      'Viewing an earlier moment (event 31 of 32)',
    );
    await consolePage.redoButton.click();
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName(
      '401 Owner deactivated',
    );
    await expect(consolePage.pastBanner).toHaveCount(0);

    // A dialog keeps the page behind it still.
    await consolePage.openShare();
    await page.keyboard.press('Control+z');
    await consolePage.closeShare();
    await expect(consolePage.keyVerdict('Jane personal')).toHaveAccessibleName(
      '401 Owner deactivated',
    );

    await consolePage.openView('API');
    const janeInfo = consolePage.permissionMatrixRow('Jane personal').getByTestId(/:info$/);
    await expect(janeInfo).toHaveAttribute('data-status', '401');
    await consolePage.undoButton.click();
    await expect(janeInfo).toHaveAttribute('data-status', '200');
    await expect(consolePage.redoButton).toBeEnabled();
    await page.keyboard.press('Control+Shift+Z');
    await expect(janeInfo).toHaveAttribute('data-status', '401');
    await expect(consolePage.redoButton).toBeDisabled();

    await consolePage.openView('Training');
    await page.keyboard.press('Control+z');
    await expect(consolePage.pastBanner).toBeVisible();
    await consolePage.openView('Lifecycle');
    await expect(consolePage.personCell(JANE, 'Status')).toHaveText('Active');
  });

  test('starts the simulated API on whichever view is open', async ({ consolePage, page }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Timeline' });
    // No request console on this view; a request from the page is answered by the simulator.
    const info = () =>
      page.evaluate(async () => {
        const response = await fetch('/api/v1/info');
        return `${response.status} ${response.headers.get('x-simulator-rule') ?? ''}`;
      });
    await expect.poll(info, { timeout: 20_000 }).toBe('401 api.no-credentials');
    await consolePage.openView('API');
    await expect(consolePage.apiStatus).toHaveText('Simulated API ready', { timeout: 1_000 });
  });
});

/** A Console link is a link: with Shift or Ctrl it is the browser's, not the console's. */
test('a modified click on a Console link is left to the browser (a new page)', async ({
  consolePage,
  page,
}) => {
  await consolePage.goto({ scenario: 'jane-tino' });
  const opened = page.context().waitForEvent('page');
  await consolePage.viewLink('API').click({ modifiers: ['Shift'] });
  const popup = await opened;
  await popup.waitForLoadState();
  expect(new URL(popup.url()).search).toBe('?scenario=jane-tino&view=api');
  await new ConsolePage(popup).expectView('API');
  // This page did not move.
  await consolePage.expectView('Lifecycle');
  await popup.close();
});

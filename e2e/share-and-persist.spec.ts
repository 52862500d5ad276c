import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { ConsolePage, expect, test } from './fixtures/console-page';

/**
 * The state leaves the page and comes back: saved in localStorage across a reload, in a
 * `#state=` link opened in another browser, in an exported file imported again. Anything that
 * cannot be read is refused with its reasons, and the console keeps what it showed.
 */

const KEY = 'klc.state.v1';
const JANE = 'Jane Tino';
const SAM = 'Sam Patel';

async function expectStatus(consolePage: ConsolePage, name: string, status: string) {
  await expect(consolePage.personCell(name, 'Status')).toHaveText(status);
}

async function expectJane(consolePage: ConsolePage, status: 'Active' | 'Deactivated') {
  await expectStatus(consolePage, JANE, status);
  await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
    'data-status',
    status === 'Active' ? '200' : '401',
  );
}

/**
 * Open the console and wait until the chunk loaded after the first render has run: saving,
 * listening to other tabs and to pasted links start with it, and it also holds the Share dialog,
 * so the dialog's Copy link button shows that it is there. The dialog is closed again.
 */
async function open(consolePage: ConsolePage, scenario = 'jane-tino') {
  await consolePage.goto({ scenario });
  await consolePage.openShare();
  await consolePage.closeShare();
}

function savedText(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), KEY);
}

/** The fixture's guards cover its own page only: another page's errors are collected here. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

test.describe('Saved state, links and files', () => {
  test('keeps the state across a reload, drawn first as it was saved', async ({
    consolePage,
    page,
  }) => {
    await open(consolePage);
    await consolePage.deactivate(JANE);
    await expectJane(consolePage, 'Deactivated');

    // Records whether Jane is ever drawn active: the default scenario must not flash first.
    await page.addInitScript(() => {
      const seen = window as unknown as { sawActiveJane: boolean };
      seen.sawActiveJane = false;
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('tr')) {
          const header = row.querySelector('th');
          if (
            header?.textContent === 'Jane Tino' &&
            [...row.querySelectorAll('button')].some((b) => b.textContent === 'Deactivate')
          ) {
            seen.sawActiveJane = true;
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expectJane(consolePage, 'Deactivated');
    expect(
      await page.evaluate(() => (window as unknown as { sawActiveJane: boolean }).sawActiveJane),
    ).toBe(false);
    await expect(page).toHaveURL(/\?scenario=jane-tino$/);
  });

  test('opens ?scenario= afresh over the saved state, which waits for an address without it', async ({
    consolePage,
    page,
  }) => {
    await open(consolePage);
    await consolePage.deactivate(JANE);
    await expect.poll(() => savedText(page)).not.toBeNull();
    const saved = await savedText(page);

    await open(consolePage);
    await expectJane(consolePage, 'Active');
    // A reload shows what the tab showed; nothing was saved over the earlier state.
    await page.reload();
    await expectJane(consolePage, 'Active');
    expect(await savedText(page)).toBe(saved);

    await page.goto('/');
    await expectJane(consolePage, 'Deactivated');
  });

  test('shares the whole state in a link that opens exactly it in another browser', async ({
    consolePage,
    page,
    browser,
  }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(consolePage);
    await consolePage.deactivate(JANE);
    await consolePage.deactivate(SAM);
    // One step back (the header's Undo): the link carries the cursor and the undone event too.
    await consolePage.undoButton.click();
    await expectStatus(consolePage, SAM, 'Active');

    await consolePage.openShare();
    await consolePage.copyLinkButton.click();
    await expect(consolePage.shareRegion.getByRole('status')).toHaveText(
      'Link copied to the clipboard.',
    );
    const link = await consolePage.shareLink.inputValue();
    // Made on Lifecycle, the default view: no query at all.
    expect(link).toBe(`${new URL(page.url()).origin}/#state=${link.split('#state=')[1]}`);
    expect(link).toMatch(/\/#state=[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await consolePage.expectNoA11yViolations('share link shown');
    await consolePage.closeShare();

    const elsewhere = await browser.newContext();
    try {
      const other = await elsewhere.newPage();
      const errors = collectErrors(other);
      const otherConsole = new ConsolePage(other);
      await other.goto(link);
      await otherConsole.expectView('Lifecycle');
      await expectJane(otherConsole, 'Deactivated');
      await expectStatus(otherConsole, SAM, 'Active');
      await expect(otherConsole.redoButton).toBeEnabled();
      // The fragment is gone from the address bar, so a reload does not open the link again.
      await expect.poll(() => new URL(other.url()).hash).toBe('');
      await otherConsole.openView('Timeline');
      await expect(otherConsole.undoneEvents).toHaveCount(1);
      await otherConsole.redoButton.click();
      await expect(otherConsole.undoneEvents).toHaveCount(0);
      await otherConsole.openView('Lifecycle');
      await expectStatus(otherConsole, SAM, 'Deactivated');
      await other.reload();
      await expectStatus(otherConsole, SAM, 'Deactivated');
      expect(errors).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });

  test('refuses a tampered or truncated link with its reason, and changes nothing', async ({
    consolePage,
    page,
  }) => {
    await open(consolePage);
    await consolePage.deactivate(JANE);
    await consolePage.openShare();
    await consolePage.copyLinkButton.click();
    const link = await consolePage.shareLink.inputValue();
    await consolePage.closeShare();
    await consolePage.reactivate(JANE);

    // Pasted into this page's address bar (a hashchange): cut short.
    await page.evaluate(
      (hash) => {
        window.location.hash = hash;
      },
      new URL(link).hash.slice(0, -20),
    );
    await expect(consolePage.notice).toContainText(
      'The shared link was not opened, so nothing changed.',
    );
    await expect(consolePage.notice).toContainText(/cut short or altered/);
    await expectJane(consolePage, 'Active');
    await expect.poll(() => new URL(page.url()).hash).toBe('');

    // Opened as a new page: base64 garbage. The saved state (Jane active) is what shows.
    await page.goto('/#state=%%%not-base64');
    await expect(consolePage.notice).toContainText(/not valid base64url/);
    await expectJane(consolePage, 'Active');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await consolePage.expectNoA11yViolations('refused link notice');

    // The untouched link, pasted the same way, opens.
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, new URL(link).hash);
    // Over the two changes made here (deactivate, reactivate), once the person agrees.
    await consolePage
      .question('Open the shared link?')
      .getByRole('button', { name: 'Open the link and drop 2 changes' })
      .click();
    await expect(consolePage.notice).toContainText('Opened the state from the shared link.');
    await expectJane(consolePage, 'Deactivated');
  });

  test('exports the state as a file and imports it back', async ({
    consolePage,
    page,
  }, testInfo) => {
    await open(consolePage);
    await consolePage.deactivate(JANE);
    await consolePage.openShare();
    const download = page.waitForEvent('download');
    await consolePage.exportStateButton.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tino-corp-1234.tines.com-jane-tino.klc.json');
    // Saved under its own name, as a person would import it.
    const path = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    const document = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    expect(document).toMatchObject({
      format: 'key-lifecycle-console',
      version: 1,
      scenario: { id: 'jane-tino', params: {} },
      base: { kind: 'genesis', genesis: { domain: 'tino-corp-1234.tines.com' } },
    });
    expect(document['cursor']).toBe((document['events'] as unknown[]).length);
    await consolePage.closeShare();

    await consolePage.resetScenarioButton.click();
    await consolePage
      .question('Reset the scenario?')
      .getByRole('button', { name: 'Reset and drop 1 change' })
      .click();
    await expectJane(consolePage, 'Active');
    await consolePage.openShare();
    await consolePage.importStateInput.setInputFiles(path);
    await expect(consolePage.shareRegion.getByRole('status')).toHaveText(
      /^Imported tino-corp-1234\.tines\.com-jane-tino\.klc\.json \(\d+ events\)\.$/,
    );
    await consolePage.closeShare();
    await expectJane(consolePage, 'Deactivated');
  });

  test('lists every problem of a file it refuses, and keeps the state', async ({ consolePage }) => {
    await open(consolePage);
    await consolePage.deactivate(JANE);
    await consolePage.openShare();
    await consolePage.importStateInput.setInputFiles({
      name: 'broken.klc.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'key-lifecycle-console',
          version: 1,
          scenario: null,
          base: { kind: 'genesis', genesis: {} },
          events: [],
          cursor: -1,
        }),
      ),
    });
    const refusal = consolePage.shareRegion.getByRole('alert');
    await expect(refusal).toContainText(
      'broken.klc.json was not imported; the console is unchanged.',
    );
    await expect(refusal.getByRole('listitem')).toContainText([
      'scenario: Invalid input: expected object, received null',
      /^base\.genesis\.name: /,
    ]);
    await expect(refusal.getByRole('listitem').filter({ hasText: /^cursor: / })).toHaveCount(1);
    await consolePage.expectNoA11yViolations('refused import');
    await consolePage.closeShare();
    await expectJane(consolePage, 'Deactivated');
  });

  test('shows names holding HTML as text, never as markup', async ({ consolePage, page }) => {
    await open(consolePage);
    await consolePage.openShare();
    const download = page.waitForEvent('download');
    await consolePage.exportStateButton.click();
    const document = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
      base: { genesis: { name: string } };
      events: Array<Record<string, unknown>>;
    };
    document.base.genesis.name = '<img src=x onerror="window.hacked=1">Evil Corp';
    const first = document.events[0] as Record<string, unknown>;
    first['name'] = '<script>window.hacked=2</script>Alex';
    await consolePage.importStateInput.setInputFiles({
      name: 'html.klc.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(document)),
    });
    await expect(consolePage.shareRegion.getByRole('status')).toHaveText(
      /^Imported html\.klc\.json/,
    );
    await consolePage.closeShare();
    await expect(consolePage.tenantSummary).toContainText(
      '<img src=x onerror="window.hacked=1">Evil Corp',
    );
    await expect(
      consolePage.people.getByRole('rowheader', { name: '<script>window.hacked=2</script>Alex' }),
    ).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { hacked?: number }).hacked),
    ).toBeUndefined();
  });

  test('keeps saved data it cannot read until it is downloaded or discarded', async ({
    consolePage,
    page,
  }) => {
    const corrupt = '{"format":"key-lifecycle-console/saved-state","version":1,';
    await open(consolePage);
    await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, corrupt] as const);
    await page.reload();
    await expect(consolePage.unreadableSavedState).toContainText(
      'The saved state could not be read',
    );
    await expect(consolePage.unreadableSavedState).toContainText(
      '(saved state): is not valid JSON',
    );
    await expectJane(consolePage, 'Active');
    await consolePage.expectNoA11yViolations('unreadable saved state');
    // The banner is at the top of main on every view (no longer inside Share).
    for (const view of ['Keys', 'Timeline', 'Lifecycle'] as const) {
      await consolePage.openView(view);
      await expect(
        consolePage.main.getByRole('region', { name: 'Unreadable saved state', exact: true }),
      ).toBeVisible();
    }

    // Changes go on, but nothing is saved over the unreadable data.
    await consolePage.deactivate(JANE);
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await savedText(page)).toBe(corrupt);

    const download = page.waitForEvent('download');
    await consolePage.unreadableSavedState
      .getByRole('button', { name: 'Download unreadable data', exact: true })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('klc-unreadable-saved-state.json');
    expect(await readFile(await file.path(), 'utf8')).toBe(corrupt);

    await consolePage.unreadableSavedState
      .getByRole('button', { name: 'Discard unreadable data', exact: true })
      .click();
    await expect(consolePage.unreadableSavedState).toBeHidden();
    await expect.poll(async () => (await savedText(page))?.startsWith('{"format"')).toBe(true);
    await expect.poll(() => savedText(page)).not.toBe(corrupt);
    await page.reload();
    await expectJane(consolePage, 'Deactivated');
  });

  test('two tabs: neither saves over the other without being asked', async ({
    consolePage,
    page,
  }) => {
    await open(consolePage);
    const otherPage = await page.context().newPage();
    const errors = collectErrors(otherPage);
    const other = new ConsolePage(otherPage);
    await open(other);

    // This tab saves; the other is told (on whichever view it shows), keeps its own state, and
    // stops saving.
    await other.openView('Keys');
    await consolePage.deactivate(JANE);
    await expect(other.otherTabSaved).toContainText('Another tab changed the saved state.');
    await expect(other.keyVerdict('Jane personal')).toHaveAccessibleName('200 Valid');
    await other.openView('Lifecycle');
    await expect(other.otherTabSaved).toBeVisible();
    await expectJane(other, 'Active');
    const first = await savedText(page);
    await other.deactivate(SAM);
    await otherPage.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await savedText(page)).toBe(first);
    await expect(consolePage.otherTabSaved).toBeHidden();
    await other.expectNoA11yViolations('another tab saved');

    // Loading the other tab's state drops this tab's unsaved change.
    await other.otherTabSaved
      .getByRole('button', { name: "Load the other tab's state", exact: true })
      .click();
    await expect(other.otherTabSaved).toBeHidden();
    await expectJane(other, 'Deactivated');
    await expectStatus(other, SAM, 'Active');

    // Its next change saves, and now the first tab is asked.
    await other.deactivate(SAM);
    await expect(consolePage.otherTabSaved).toBeVisible();
    await expectStatus(consolePage, SAM, 'Active');
    // Keeping this tab's state saves it over the other's, and the other tab is asked in turn.
    await consolePage.otherTabSaved
      .getByRole('button', { name: "Keep this tab's state", exact: true })
      .click();
    await expect(consolePage.otherTabSaved).toBeHidden();
    await expect(other.otherTabSaved).toBeVisible();
    await page.reload();
    await expectJane(consolePage, 'Deactivated');
    await expectStatus(consolePage, SAM, 'Active');

    await otherPage.close();
    expect(errors).toEqual([]);
  });
});

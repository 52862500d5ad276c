import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { toDocument } from '../src/core/document/document';
import { generateLargeScenario } from '../src/core/scenarios/large';
import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * A large tenant comes in without freezing the page: it is generated in a Web Worker while the
 * shell stays painted and usable, with a progress bar (`Loading <company> (large scenario)`),
 * its stage in words and Cancel. No timing is asserted: the order things appear in, and that the
 * page answers while the work runs.
 */

const PROGRESS = /^Loading .+ \(large scenario\)$/;

/**
 * Installed before any page script: the order in which the header, the loading progress bar and
 * a People table of at least `people` people first appear, whatever the test is doing meanwhile.
 */
async function recordAppearances(page: Page, people: number): Promise<void> {
  await page.addInitScript((wanted) => {
    const seen: string[] = [];
    Object.defineProperty(window, '__seen', { value: seen });
    const look = () => {
      const mark = (what: string, shown: boolean) => {
        if (shown && !seen.includes(what)) seen.push(what);
      };
      const loading = document.querySelector('progress[aria-label^="Loading"]') !== null;
      mark('header', document.querySelector('header h1') !== null);
      mark('progressbar', loading);
      const keys = [...document.querySelectorAll('main h2')].some((h) => h.textContent === 'Keys');
      mark('keys while loading', loading && keys);
      // Virtualised above a few hundred rows: aria-rowcount counts them all (and the header).
      const people = document.querySelector('table[aria-label="People"]');
      mark('people', Number(people?.getAttribute('aria-rowcount') ?? 0) > wanted);
    };
    new MutationObserver(look).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  }, people);
}

async function appearances(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

/** Deactivate the first active person in view (the People table is virtualised); their row. */
async function deactivateSomeone(consolePage: ConsolePage, page: Page): Promise<Locator> {
  const first = consolePage.people.locator('tbody tr[aria-rowindex]').filter({
    has: page.getByRole('button', { name: 'Deactivate', exact: true }),
  });
  const accountId = await first.first().getAttribute('data-account-id');
  const row = consolePage.people.locator(`tr[data-account-id="${accountId}"]`);
  await row.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(row.getByRole('button', { name: 'Reactivate', exact: true })).toBeVisible();
  return row;
}

test.describe('Loading a large tenant', () => {
  test.describe.configure({ timeout: 60_000 });

  test('shows the shell, then the progress bar, then the People table; Console links work meanwhile', async ({
    consolePage,
    page,
  }) => {
    // Enough people that the load outlasts a view switch on a busy machine.
    await recordAppearances(page, 8_000);
    await page.goto('/?scenario=large&people=8000');
    // The shell is there at once, and answers: a view switch while the tenant is generated.
    await expect(page.getByRole('banner')).toBeVisible();
    const progress = page.getByRole('progressbar', { name: PROGRESS });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
    await expect(progress).toHaveAttribute('aria-valuemax', /^[1-9]\d*$/);
    await expect(page.getByText(/^(Generating|Writing|Building) .+ of [\d,]+/)).toBeVisible();
    await consolePage.openView('Keys');
    await expect(page).toHaveURL(/[?&]view=keys(&|$)/);
    await consolePage.openView('Lifecycle');

    await expect(page.getByText(/^Showing 8,\d{3} of 8,\d{3} accounts$/)).toBeVisible({
      timeout: 45_000,
    });
    // The count can show a moment before the virtualised table replaces the old one.
    await expect(consolePage.people).toHaveAttribute('aria-rowcount', /^8\d{3}$/);
    await expect(progress).toBeHidden();
    await expect(consolePage.scenarioSelect).toHaveValue('large');
    // The Keys view was drawn while the bar was up: the switch happened during the load.
    expect(await appearances(page)).toEqual([
      'header',
      'progressbar',
      'keys while loading',
      'people',
    ]);
  });

  test('cancel keeps jane-tino exactly as it was, changes included', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto();
    await consolePage.deactivate('Eli Brooks');
    await consolePage.openView('Timeline');
    const rows = await consolePage.timelineTable.getByRole('row').count();

    await consolePage.scenarioSelect.selectOption({ label: 'Large tenant (10,000 people)' });
    const question = consolePage.question('Open another scenario?');
    await question.getByRole('button', { name: 'Open it and drop 1 change', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: PROGRESS });
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    await expect(progress).toBeHidden();
    await expect(consolePage.scenarioSelect).toHaveValue('jane-tino');
    await expect(page).toHaveURL(/[?&]scenario=jane-tino(&|$)/);
    await expect(consolePage.timelineTable.getByRole('row')).toHaveCount(rows);
    await consolePage.openView('Lifecycle');
    await expect(consolePage.personAction('Eli Brooks', 'Reactivate')).toBeVisible();
    await expect(consolePage.tenantSummary).toContainText('Tino Corp');
    await expect(consolePage.notice).toBeHidden();
  });

  test('a reload of a saved large state paints the shell first, never a blank page', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?scenario=large&people=3000');
    const shown = page.getByText(/^Showing 3,\d{3} of 3,\d{3} accounts$/);
    await expect(shown).toBeVisible({ timeout: 45_000 });
    // One change, so that the state is saved; then wait for the save.
    const row = await deactivateSomeone(consolePage, page);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('klc.state.v1')?.length ?? 0))
      .toBeGreaterThan(0);

    await recordAppearances(page, 3_000);
    await page.reload();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('progressbar', { name: PROGRESS })).toBeVisible();
    await expect(page.getByText('Opening the state saved in this browser.')).toBeVisible();
    await expect(shown).toBeVisible({ timeout: 45_000 });
    await expect(consolePage.people).toHaveAttribute('aria-rowcount', /^3\d{3}$/);
    // The saved change came back with it.
    await expect(row.getByRole('button', { name: 'Reactivate', exact: true })).toBeVisible();
    expect(await appearances(page)).toEqual(['header', 'progressbar', 'people']);
  });

  test.describe('importing a large file', () => {
    /**
     * A file of a generated tenant with every event written out (no scenario named), made with
     * the console's own core, as a tool or another console might write it: the worker checks
     * each of its events, then the page builds the tenant from them.
     */
    async function largeFile(path: string, people: number): Promise<number> {
      const { genesis, events } = generateLargeScenario({ people, keysPerPerson: 4 });
      const state = { scenarioId: 'custom', scenarioParams: {}, genesis, events, cursor: 0 };
      await writeFile(path, JSON.stringify(toDocument({ ...state, cursor: events.length })));
      return events.length;
    }

    test('shows the import’s progress, then opens the file', async ({
      consolePage,
      page,
    }, testInfo) => {
      const path = testInfo.outputPath('big-tenant.klc.json');
      const events = await largeFile(path, 3_000);
      await consolePage.goto();
      await consolePage.openShare();
      await consolePage.importStateInput.setInputFiles(path);
      const progress = page.getByRole('progressbar', { name: 'Importing big-tenant.klc.json' });
      await expect(progress).toBeVisible();
      await expect(
        consolePage.shareRegion.getByText(
          /^(Reading the file|Checking the file’s events [\d,]+ of [\d,]+|Building the tenant: [\d,]+ of [\d,]+ events|Working out every key’s verdicts: [\d,]+ of [\d,]+ keys)$/,
        ),
      ).toBeVisible();
      await expect(consolePage.shareRegion.getByRole('status')).toHaveText(
        `Imported big-tenant.klc.json (${events.toLocaleString('en-US')} events).`,
        { timeout: 45_000 },
      );
      await expect(progress).toBeHidden();
      await consolePage.closeShare();
      await expect(page.getByText(/^Showing 3,\d{3} of 3,\d{3} accounts$/)).toBeVisible();
    });

    test('Cancel stops the import and keeps the console as it was', async ({
      consolePage,
      page,
    }, testInfo) => {
      const path = testInfo.outputPath('big-tenant.klc.json');
      await largeFile(path, 3_000);
      await consolePage.goto();
      await consolePage.deactivate('Eli Brooks');
      await consolePage.openShare();
      await consolePage.importStateInput.setInputFiles(path);
      const progress = page.getByRole('progressbar', { name: 'Importing big-tenant.klc.json' });
      await expect(progress).toBeVisible();
      await consolePage.shareRegion.getByRole('button', { name: 'Cancel', exact: true }).click();
      await expect(consolePage.shareRegion.getByRole('status')).toHaveText(
        'Cancelled the import of big-tenant.klc.json: the console is unchanged.',
      );
      await expect(progress).toBeHidden();
      await consolePage.closeShare();
      await expect(consolePage.tenantSummary).toContainText('Tino Corp');
      await expect(consolePage.personAction('Eli Brooks', 'Reactivate')).toBeVisible();
    });
  });

  test('a far move of the timeline shows its progress, then the moment; Cancel keeps the moment shown', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?scenario=large&people=8000');
    await expect(page.getByText(/^Showing 8,\d{3} of 8,\d{3} accounts$/)).toBeVisible({
      timeout: 45_000,
    });
    const row = await deactivateSomeone(consolePage, page);
    // One step back lands on the moment before the change, kept as it was: at once.
    await consolePage.undoButton.click();
    await expect(row.getByRole('button', { name: 'Deactivate', exact: true })).toBeVisible();
    await expect(consolePage.pastBanner).toBeVisible();
    const banner = await consolePage.pastBanner.textContent();
    const [, at = '', total = ''] = /\(event ([\d,]+) of ([\d,]+)\)/.exec(banner ?? '') ?? [];
    const before = Number(at.replaceAll(',', '')) - 1;

    // Another step back is a moment never derived: rebuilt a slice at a time, with its bar.
    const progress = page.getByRole('progressbar', {
      name: `Travelling to the moment after event ${before.toLocaleString('en-US')} of ${total}`,
    });
    await consolePage.undoButton.click();
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(progress).toBeHidden();
    await expect(consolePage.pastBanner).toContainText(`(event ${at} of ${total})`);

    await consolePage.undoButton.click();
    await expect(progress).toBeVisible();
    await expect(
      page.getByText(
        /^(Replaying the log: [\d,]+ of [\d,]+ events|Working out every key’s verdicts: [\d,]+ of [\d,]+ keys)$/,
      ),
    ).toBeVisible();
    await expect(progress).toBeHidden({ timeout: 30_000 });
    await expect(consolePage.pastBanner).toContainText(
      `(event ${before.toLocaleString('en-US')} of ${total})`,
    );
    // And forward again to the present: those moments are kept.
    await consolePage.pastBanner.getByRole('button', { name: 'Back to the present' }).click();
    await expect(consolePage.pastBanner).toBeHidden();
    await expect(row.getByRole('button', { name: 'Reactivate', exact: true })).toBeVisible();
  });

  test('the address’s scenario opened over a saved large state: the saved state is read in the worker and offered back', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?scenario=large&people=2000');
    const shown = page.getByText(/^Showing 2,\d{3} of 2,\d{3} accounts$/);
    await expect(shown).toBeVisible({ timeout: 45_000 });
    const row = await deactivateSomeone(consolePage, page);
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('klc.state.v1')?.length ?? 0))
      .toBeGreaterThan(0);

    await consolePage.goto({ scenario: 'jane-tino' });
    await expect(consolePage.tenantSummary).toContainText('Tino Corp');
    const offer = page.getByText(
      'The address’s scenario opened in place of what this browser had saved, with 1 change.',
    );
    await expect(offer).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Bring back the saved state', exact: true }).click();
    await expect(shown).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole('button', { name: 'Reactivate', exact: true })).toBeVisible();
  });
});

import { readFile } from 'node:fs/promises';
import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * Nothing the person did is lost without their say (issue 10, items 1 and 5): a reset, another
 * scenario, a file or a link over changes first asks in the page how many changes go; afterwards
 * the dropped log comes back from the `Dropped changes` banner, or downloads as a file.
 */

const PEOPLE = ['Jane Tino', 'Vera Lin', 'Sam Patel', 'Eli Brooks'];

async function deactivateFour(consolePage: ConsolePage) {
  for (const name of PEOPLE) await consolePage.deactivate(name);
  for (const name of PEOPLE) {
    await expect(consolePage.personCell(name, 'Status')).toHaveText('Deactivated');
  }
}

async function expectAll(consolePage: ConsolePage, status: 'Active' | 'Deactivated') {
  for (const name of PEOPLE) {
    await expect(consolePage.personCell(name, 'Status')).toHaveText(status);
  }
}

test.describe('No silent loss', () => {
  test('Reset scenario asks with the number of changes, keeps them on Cancel, and Undo reset brings them back', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await deactivateFour(consolePage);

    await consolePage.resetScenarioButton.click();
    const question = consolePage.question('Reset the scenario?');
    await expect(question).toContainText('This drops 4 changes made since the scenario was set up');
    await consolePage.expectNoA11yViolations('reset question');
    // Escape is Cancel.
    await page.keyboard.press('Escape');
    await expect(question).toHaveCount(0);
    await expect(consolePage.notice).toContainText('Nothing changed: your 4 changes are kept.');
    await expect(consolePage.resetScenarioButton).toBeFocused();
    await expectAll(consolePage, 'Deactivated');

    await consolePage.resetScenarioButton.click();
    await question.getByRole('button', { name: 'Reset and drop 4 changes' }).click();
    await expectAll(consolePage, 'Active');
    const banner = consolePage.droppedChanges;
    await expect(banner).toContainText('The reset dropped 4 changes.');

    // The dropped log as a file, then back in the console.
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download the dropped log' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('tino-corp-1234.tines.com-jane-tino.klc.json');
    const saved = JSON.parse(await readFile(await file.path(), 'utf8')) as { events: unknown[] };
    expect(saved.events.length).toBeGreaterThanOrEqual(4);

    await banner.getByRole('button', { name: 'Undo reset' }).click();
    await expectAll(consolePage, 'Deactivated');
    await expect(banner).toHaveCount(0);
    await expect(consolePage.notice).toContainText('Brought back the log as it was');
    // Its button went with the banner: focus is on the view's heading, not on <body>.
    await expect(consolePage.viewHeading('Lifecycle')).toBeFocused();
  });

  test('another scenario, a file or a link over changes asks first; no native dialog ever', async ({
    consolePage,
    page,
  }) => {
    let nativeDialogs = 0;
    page.on('dialog', (dialog) => {
      nativeDialogs += 1;
      void dialog.dismiss();
    });
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.openShare();
    const download = page.waitForEvent('download');
    await consolePage.exportStateButton.click();
    const exported = await (await download).path();
    await consolePage.closeShare();
    await consolePage.deactivate('Jane Tino');

    // Another scenario: the select shows the scenario still open while the question is up.
    await consolePage.scenarioSelect.selectOption({ label: 'Blank tenant' });
    const switching = consolePage.question('Open another scenario?');
    await expect(switching).toContainText('This drops 1 change');
    await switching.getByRole('button', { name: 'Cancel' }).click();
    await expect(consolePage.scenarioSelect).toHaveValue('jane-tino');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');

    // A file over the change: Cancel keeps it, and the dialog says so.
    await consolePage.openShare();
    await consolePage.importStateInput.setInputFiles(exported);
    const importing = consolePage.question('Import the file?');
    await importing.getByRole('button', { name: 'Cancel' }).click();
    await expect(consolePage.shareRegion.getByRole('status')).toContainText(
      'your changes are kept',
    );
    await consolePage.importStateInput.setInputFiles(exported);
    await importing.getByRole('button', { name: 'Import and drop 1 change' }).click();
    await expect(consolePage.shareRegion.getByRole('status')).toContainText('Imported');
    await consolePage.closeShare();
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
    await expect(consolePage.droppedChanges).toContainText('The import dropped 1 change.');
    await consolePage.droppedChanges.getByRole('button', { name: 'Undo import' }).click();
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');

    // A scenario opened from Training asks the same question.
    await consolePage.openView('Training');
    await page.getByRole('button', { name: 'Open Blank tenant' }).click();
    await switching.getByRole('button', { name: 'Open it and drop 1 change' }).click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tenantSummary).toContainText('Blank Co');
    await expect(
      consolePage.droppedChanges.getByRole('button', { name: 'Undo scenario switch' }),
    ).toBeVisible();
    expect(nativeDialogs).toBe(0);
  });

  test('a link opened over a saved state with changes offers that state back', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.openShare();
    await consolePage.copyLinkButton.click();
    const link = await consolePage.shareLink.inputValue();
    await consolePage.closeShare();
    await deactivateFour(consolePage);
    // Saved as the person works.
    await expect
      .poll(() =>
        page.evaluate(
          () => localStorage.getItem('klc.state.v1')?.split('account_deactivated').length ?? 0,
        ),
      )
      .toBeGreaterThan(4);

    // Opened as a new page (not a hash change in this one).
    await page.goto('about:blank');
    await page.goto(link);
    await expectAll(consolePage, 'Active');
    const banner = consolePage.droppedChanges;
    await expect(banner).toContainText(
      'The shared link opened in place of what this browser had saved, with 4 changes.',
    );
    await banner.getByRole('button', { name: 'Bring back the saved state' }).click();
    await expectAll(consolePage, 'Deactivated');
  });

  test('?scenario= opened over a saved state with changes offers that state back', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await deactivateFour(consolePage);
    await expect
      .poll(() =>
        page.evaluate(
          () => localStorage.getItem('klc.state.v1')?.split('account_deactivated').length ?? 0,
        ),
      )
      .toBeGreaterThan(4);

    await page.goto('about:blank');
    await consolePage.goto({ scenario: 'blank' });
    const banner = consolePage.droppedChanges;
    await expect(banner).toContainText(
      'The address’s scenario opened in place of what this browser had saved, with 4 changes.',
    );
    await banner.getByRole('button', { name: 'Bring back the saved state' }).click();
    await expect(consolePage.tenantSummary).toContainText('Tino Corp');
    await expectAll(consolePage, 'Deactivated');
  });
});

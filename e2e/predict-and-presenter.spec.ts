import { type ConsolePage, expect, test, VIEW_NAMES } from './fixtures/console-page';

/** The page scrolls sideways as a whole (a table's own scroll box does not count). */
async function pageScrollsSideways(consolePage: ConsolePage): Promise<boolean> {
  return consolePage.page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

async function expectFocused(consolePage: ConsolePage, name: string, role: 'radio' | 'checkbox') {
  await expect(consolePage.predictRegion.getByRole(role, { name, exact: true })).toBeFocused();
}

test.describe('Predict, then reveal', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.startPrediction();
  });

  test('plays two rounds from the keyboard and keeps the score', async ({ consolePage, page }) => {
    const { predictPerson, predictScore } = consolePage;
    await expect(predictScore).toHaveText('Score: no rounds yet');

    // Round 1: deactivate Jane, expecting only her personal key to break.
    await predictPerson.focus();
    await page.keyboard.press('ArrowDown'); // Alex Morgan
    await page.keyboard.press('ArrowDown'); // Jane Tino
    await expect(predictPerson.locator('option:checked')).toHaveText('Jane Tino — Active');
    await expect(consolePage.predictChanges.getByRole('radio')).toHaveCount(2);
    await page.keyboard.press('Tab');
    await expectFocused(consolePage, 'Deactivate', 'radio');
    await expect(
      consolePage.predictChanges.getByRole('radio', { name: 'Deactivate' }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
    await expectFocused(consolePage, 'Jane personal (Personal)', 'checkbox');
    await page.keyboard.press('Space');
    await expect(consolePage.predictGuess('Jane personal (Personal)')).toBeChecked();
    await expect(consolePage.predictGuesses.getByRole('checkbox')).toHaveCount(7);
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    await expect(consolePage.revealButton).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(
      consolePage.predictRegion.getByRole('heading', {
        name: 'Round 1: Jane Tino deactivated — 7 of 7 right',
      }),
    ).toBeFocused();
    await expect(consolePage.predictResult('Jane personal (Personal)')).toContainText(
      '✓ right: answers 401 (Owner deactivated)',
    );
    await expect(consolePage.predictResult('Jane team (Team)')).toContainText('✓ right: stays 200');
    await expect(consolePage.predictResult('Sam personal (Personal)')).toContainText(
      '✓ right: stays 200',
    );
    await expect(predictScore).toHaveText('Score: 7 of 7 right over 1 round');
    // The change was really made: the People table and the live column follow.
    await expect(consolePage.personCell('Jane Tino', 'Status')).toContainText('Deactivated');
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '401',
    );
    await consolePage.expectNoA11yViolations('prediction revealed');

    // Round 2: reactivate Jane, wrongly expecting her personal key to stay broken.
    await page.keyboard.press('Tab');
    await expect(consolePage.nextRoundButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(predictPerson).toBeFocused();
    await expect(predictPerson).toHaveValue('');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(predictPerson.locator('option:checked')).toHaveText('Jane Tino — Deactivated');
    await page.keyboard.press('Tab');
    await expectFocused(consolePage, 'Reactivate', 'radio');
    await expect(
      consolePage.predictChanges.getByRole('radio', { name: 'Reactivate' }),
    ).toBeChecked();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    await expect(consolePage.revealButton).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(consolePage.predictResult('Jane personal (Personal)')).toContainText(
      '✗ wrong: answers 200 again',
    );
    await expect(predictScore).toHaveText('Score: 13 of 14 right over 2 rounds');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toContainText('Active');
  });
});

test.describe('Presenter mode', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  test('raises the type and still fits 1280 and 1024 pixels without sideways scrolling', async ({
    consolePage,
    page,
  }) => {
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('16px');
    await consolePage.presenterToggle.focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.presenterToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
    expect(await rootSize()).toBe('20px');
    await expect(consolePage.presenterTools).toBeVisible();

    // Every view, including the tour docked on Lifecycle.
    for (const view of VIEW_NAMES) {
      await consolePage.openView(view);
      if (view === 'API') await consolePage.waitForApi();
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        await expect
          .poll(() => pageScrollsSideways(consolePage), { message: `${view}, ${width}px` })
          .toBe(false);
      }
    }
    await consolePage.startTour();
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: 800 });
      await expect
        .poll(() => pageScrollsSideways(consolePage), { message: `tour docked, ${width}px` })
        .toBe(false);
    }

    await consolePage.presenterToggle.press('Enter');
    await expect(consolePage.presenterToggle).toHaveAttribute('aria-pressed', 'false');
    expect(await rootSize()).toBe('16px');
    await expect(consolePage.presenterTools).toHaveCount(0);
  });

  test('hides secrets in the request console', async ({ consolePage }) => {
    await consolePage.openView('API');
    await consolePage.waitForApi();
    const secret = consolePage.apiRegion.getByRole('textbox', { name: 'Secret', exact: true });
    const showSecret = consolePage.apiRegion.getByRole('button', {
      name: 'Show secret',
      exact: true,
    });
    await expect(showSecret).toBeVisible();
    await consolePage.presenterToggle.click();
    await expect(secret).toHaveValue('hidden in presenter mode');
    await expect(showSecret).toHaveCount(0);
    await consolePage.presenterToggle.click();
    await expect(secret).toHaveValue(/^sim_…/);
  });

  test('saves a checkpoint and resets to it', async ({ consolePage }) => {
    await consolePage.presenterToggle.click();
    await expect(consolePage.resetToCheckpointButton).toBeDisabled();
    await consolePage.saveCheckpointButton.click();
    await expect(consolePage.presenterStatus).toHaveText('Checkpoint saved at event 31');

    await consolePage.deactivate('Jane Tino');
    await consolePage.deleteAccount('Sam Patel');
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '401',
    );

    await consolePage.resetToCheckpointButton.press('Enter');
    // The two changes since the checkpoint go once the presenter agrees; Enter on the focused
    // confirming button, from the keyboard as a presenter would.
    const question = consolePage.question('Reset to the checkpoint?');
    await expect(question).toContainText('This drops 2 changes');
    await question.getByRole('button', { name: 'Reset to it and drop 2 changes' }).press('Enter');
    await expect(consolePage.presenterStatus).toHaveText(
      'Reset to the checkpoint saved at event 31',
    );
    await expect(consolePage.personAction('Jane Tino', 'Deactivate')).toBeVisible();
    await expect(consolePage.personAction('Sam Patel', 'Deactivate')).toBeVisible();
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '200',
    );
    await expect(consolePage.matrixCell('Sam personal', 'Now')).toHaveAttribute(
      'data-status',
      '200',
    );
  });

  test('hides the live verdicts until reveal, and is axe-clean in light and dark', async ({
    consolePage,
  }) => {
    await consolePage.presenterToggle.click();
    await consolePage.hideLiveVerdictsSwitch.press('Enter');
    await expect(consolePage.hideLiveVerdictsSwitch).toHaveAttribute('aria-pressed', 'true');
    // Nothing to hide while no prediction is open.
    const now = consolePage.matrixCell('Jane personal', 'Now');
    await expect(now).toHaveAttribute('data-status', '200');

    await consolePage.startPrediction();
    await consolePage.predictPerson.selectOption({ label: 'Jane Tino — Active' });
    await expect(now).toHaveText('hidden until reveal');
    await expect(now).not.toHaveAttribute('data-status');
    await expect(consolePage.matrixCell('Jane team', 'Now')).not.toHaveAttribute('data-status');
    // The what-if columns would give the answer away: hidden as well.
    await expect(consolePage.matrixCell('Jane personal', 'Deactivated')).toHaveText(
      'hidden until reveal',
    );
    // Focusing the hidden cell does not explain it either.
    await consolePage.matrixCellButton('Jane personal', 'Now').focus();
    await expect(consolePage.cellExplanation).toHaveText('This verdict is hidden until reveal.');
    await consolePage.expectNoA11yViolations('presenter mode, prediction open');

    // The Keys view hides them too while the round is open, and leads back to it.
    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveText('hidden until reveal');
    await consolePage.lessonReminder
      .getByRole('button', { name: 'Back to the round', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.predictPerson).toBeFocused();
    await expect(consolePage.predictPerson.locator('option:checked')).toHaveText(
      'Jane Tino — Active',
    );

    await consolePage.predictGuess('Jane personal (Personal)').check();
    await consolePage.revealButton.click();
    await expect(now).toHaveAttribute('data-status', '401');
    await expect(consolePage.predictScore).toHaveText('Score: 7 of 7 right over 1 round');
    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveText(/401 Owner deactivated/);
    await consolePage.openView('Lifecycle');

    await consolePage.themeSelect.selectOption('dark');
    await expect(consolePage.page.locator('html')).toHaveClass(/\bdark\b/);
    await consolePage.expectNoA11yViolations('presenter mode, dark');
  });
});

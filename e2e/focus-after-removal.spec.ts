import { expect, test } from './fixtures/console-page';

/**
 * When an action removes or disables the control that had the focus, the focus goes to the
 * nearest sensible place, never to <body> (issue 10, item 4). Each case from the keyboard.
 */
test.describe('Focus after the focused control goes away', () => {
  test('confirming Delete key moves focus to the next row’s Delete key', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ view: 'Keys' });
    const names = await consolePage.keyRows.getByRole('rowheader').allTextContents();
    const index = names.indexOf('Sam team');
    const next = names[index + 1];
    expect(index, 'Sam team is listed with a row after it').toBeGreaterThanOrEqual(0);
    expect(next).toBeDefined();

    await consolePage.keyRow('Sam team').getByRole('button', { name: 'Delete key' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete the key "Sam team"?' });
    await expect(dialog).toBeVisible();
    // What the dialog says is true: the deletion can be undone.
    await expect(dialog).not.toContainText('cannot be undone');
    await expect(dialog).toContainText('Undo');
    await dialog.getByRole('button', { name: 'Delete key', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(consolePage.keyVerdict('Sam team')).toHaveAccessibleName('401 Key deleted');

    await expect(
      consolePage.keyRow(next ?? '').getByRole('button', { name: 'Delete key' }),
    ).toBeFocused();
  });

  test('Back to the present in the Timeline moves focus to the moment now shown', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ view: 'Timeline' });
    await consolePage.timelineEvent('Sam Patel was invited by the scenario').focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.pastBanner).toBeVisible();

    await consolePage.backToThePresentButton.focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.pastBanner).toBeHidden();
    await expect(consolePage.backToThePresentButton).toBeDisabled();
    const current = consolePage.timelineTable.locator('[aria-current="step"]');
    await expect(current).toBeFocused();
    await expect(page.locator('body')).not.toBeFocused();
  });

  test('Back to the present in the Earlier moment banner moves focus to the view’s heading', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto();
    await consolePage.deactivate('Jane Tino');
    await consolePage.undoButton.focus();
    await page.keyboard.press('Enter');
    const back = consolePage.pastBanner.getByRole('button', { name: 'Back to the present' });
    await expect(back).toBeVisible();

    await back.focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.pastBanner).toBeHidden();
    await expect(consolePage.viewHeading('Lifecycle')).toBeFocused();
  });
});

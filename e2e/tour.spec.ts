import type { Locator, Page } from '@playwright/test';
import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * The guided tour (`?tour=jane-tino`), end to end, docked on the Lifecycle view: some steps done
 * by the tour's "Do it for me", some in the People table, one left and resumed (from the Training
 * view) across a reload. Each done step must name the cell that flipped, outline it in the
 * matrix, and quote the FAQ's sentence.
 */

const FAQ_TITLE =
  'FAQ: What happens to a Tines API key when the user account that created it leaves the tenant?';

function tourOf(page: Page) {
  const region = page.getByRole('region', { name: 'Guided tour', exact: true });
  return {
    region,
    heading: region.getByRole('heading', { level: 3 }),
    button: (name: string): Locator => region.getByRole('button', { name, exact: true }),
    list: (name: string): Locator => region.getByRole('list', { name, exact: true }),
  };
}

type Tour = ReturnType<typeof tourOf>;

async function expectOutlined(consolePage: ConsolePage, keyName: string, outlined: boolean) {
  const cell = consolePage.matrixCell(keyName, 'Now');
  if (outlined) await expect(cell).toHaveCSS('outline-style', 'dashed');
  else await expect(cell).toHaveCSS('outline-style', 'none');
}

/** A done step: its flipped cells in the list, the FAQ's sentence and the link to it. */
async function expectDone(tour: Tour, list: string, items: readonly string[], quote: string) {
  await expect(tour.list(list).getByRole('listitem')).toHaveText([...items]);
  await expect(tour.region.locator('blockquote')).toHaveText(`“${quote}”`);
  await expect(tour.region.getByRole('link', { name: FAQ_TITLE, exact: true })).toHaveAttribute(
    'href',
    'https://explained.tines.com/en/articles/10522850',
  );
}

test.describe('Guided tour of the vendor FAQ', () => {
  test('walks Jane Tino through the FAQ, and resumes after leaving and reloading', async ({
    consolePage,
    page,
  }) => {
    // Three axe runs and a reload.
    test.setTimeout(90_000);
    const tour = tourOf(page);

    await test.step('?tour=jane-tino opens step 1, before Jane has any key', async () => {
      await page.goto('/?tour=jane-tino');
      await consolePage.expectView('Lifecycle');
      await expect(tour.heading).toHaveText('Step 1 of 6: Create Jane’s four keys');
      await expect(tour.region).toContainText('Open the Keys view');
      await expect(page).not.toHaveURL(/tour=/);
      await expect(consolePage.matrixRow('Jane personal')).toHaveCount(0);
      await expect(tour.button('Next')).toBeDisabled();
      await consolePage.expectNoA11yViolations('tour step 1');
    });

    await test.step('step 1 on “Do it for me”: four new keys, each 200, outlined', async () => {
      await tour.button('Do it for me').click();
      await expectDone(
        tour,
        'New keys',
        [
          'Jane personal (Personal key): new, 200 Valid',
          'Jane team (Team key): new, 200 Valid',
          'Jane service (Service key): new, 200 Valid',
          'Jane tenant owner (Tenant owner key): new, 200 Valid',
        ],
        "If Jane's account is active in the tenant, all four API keys will work as intended.",
      );
      await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
        'data-status',
        '200',
      );
      await expectOutlined(consolePage, 'Jane personal', true);
      await expectOutlined(consolePage, 'Jane tenant owner', true);
      // Focus waits on Next: the keyboard goes on from there.
      await expect(tour.button('Next')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(tour.heading).toHaveText('Step 2 of 6: Deactivate Jane');
    });

    await test.step('leave, reload, resume at step 2 from the Training view', async () => {
      await tour.button('Leave tour').click();
      // Folded: Lifecycle without the tour, focus on the view's heading.
      await expect(tour.region).toHaveCount(0);
      await expect(consolePage.viewHeading('Lifecycle')).toBeFocused();
      await page.reload();
      await consolePage.expectView('Lifecycle');
      await expect(tour.region).toHaveCount(0);
      await consolePage.openView('Training');
      await expect(tour.region).toContainText('You left the tour at step 2 of 6: Deactivate Jane.');
      await tour.button('Resume the tour (step 2 of 6)').click();
      await consolePage.expectView('Lifecycle');
      await expect(tour.heading).toHaveText('Step 2 of 6: Deactivate Jane');
      await expect(tour.heading).toBeFocused();
    });

    await test.step('step 2 in the People table: only the personal key flips', async () => {
      await consolePage.deactivate('Jane Tino');
      await expectDone(
        tour,
        'Cells that flipped',
        ['Jane personal (Personal key): 200 Valid → 401 Owner deactivated'],
        "If Jane's account exists in the tenant but is deactivated, the Personal API key will break (returns a 401 status code), while the other three will still work as expected.",
      );
      await expect(tour.region).toContainText(
        'Jane team, Jane service and Jane tenant owner stay 200 Valid.',
      );
      await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
        'data-status',
        '401',
      );
      await expectOutlined(consolePage, 'Jane personal', true);
      await expectOutlined(consolePage, 'Jane team', false);
      // Show in the matrix scrolls the outlined cell into view and leaves focus on the button.
      await tour.button('Show in the matrix').click();
      await expect(consolePage.matrixCell('Jane personal', 'Now')).toBeInViewport();
      await expect(tour.button('Show in the matrix')).toBeFocused();
      await consolePage.expectNoA11yViolations('tour step 2 done');
      await tour.button('Next').click();
    });

    await test.step('step 3 with the keyboard: the personal key works again', async () => {
      await expect(tour.heading).toHaveText('Step 3 of 6: Reactivate Jane');
      await tour.button('Do it for me').focus();
      await page.keyboard.press('Enter');
      await expectDone(
        tour,
        'Cells that flipped',
        ['Jane personal (Personal key): 401 Owner deactivated → 200 Valid'],
        "If Jane's account is re-activated, the Personal API key will continue working again.",
      );
      await expect(consolePage.personAction('Jane Tino', 'Deactivate')).toBeVisible();
      await page.keyboard.press('Enter');
    });

    await test.step('step 4 in the People table: deleting breaks the personal key', async () => {
      await expect(tour.heading).toHaveText('Step 4 of 6: Delete Jane');
      await consolePage.deleteAccount('Jane Tino');
      await expectDone(
        tour,
        'Cells that flipped',
        ['Jane personal (Personal key): 200 Valid → 401 Owner deleted'],
        "If Jane's account is completely deleted from the tenant, the Personal API key will break (returns a 401 status code), while the other three will still work as expected.",
      );
      await expectOutlined(consolePage, 'Jane personal', true);
      await tour.button('Next').click();
    });

    await test.step('step 5: re-invited, the personal key stays 401', async () => {
      await expect(tour.heading).toHaveText('Step 5 of 6: Re-invite Jane');
      await tour.button('Do it for me').click();
      await expect(tour.region).toContainText('Nothing flipped back');
      await expect(tour.region).toContainText('Jane personal stays 401 Owner deleted.');
      await expect(tour.list('Cells that flipped')).toHaveCount(0);
      await expect(tour.region.locator('blockquote')).toHaveText(
        '“If Jane is reinvited back to the tenant, the Personal API key will not work (returns a 401 status code), while the other three will still work as expected.”',
      );
      await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
        'data-status',
        '401',
      );
      await expectOutlined(consolePage, 'Jane personal', true);
      await expect(consolePage.historyRows('Jane Tino')).toHaveCount(1);
      await tour.button('Next').click();
    });

    await test.step('step 6 sums up; the tour can start again', async () => {
      await expect(tour.heading).toHaveText('Step 6 of 6: Done: what the FAQ says');
      await expect(tour.list('What each step did').getByRole('listitem')).toHaveCount(5);
      await expect(tour.region.locator('blockquote')).toContainText(
        'Even if they are re-invited to the tenant, the Personal API key from before will still not work.',
      );
      await expectOutlined(consolePage, 'Jane personal', false);
      await consolePage.expectNoA11yViolations('tour done');
      await tour.button('Start the tour again').click();
      // The tour's own changes are the person's work too: dropped once they agree.
      await consolePage
        .question('Start the tour?')
        .getByRole('button', { name: /^Start the tour and drop \d+ changes$/ })
        .click();
      await expect(tour.heading).toHaveText('Step 1 of 6: Create Jane’s four keys');
      await expect(consolePage.matrixRow('Jane personal')).toHaveCount(0);
    });
  });
});

import type { Locator, Page } from '@playwright/test';
import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * The tour docked on Lifecycle keeps, on one screen without scrolling, what a step talks about:
 * the step, Jane's row in People and the `Now` cells of her four keys in the matrix.
 */

/** In jane-tino, Jane's keys: personal, team, service, tenant owner (README, Determinism). */
const JANE_KEYS = ['key_0006', 'key_0007', 'key_0008', 'key_0009'] as const;

function nowCell(page: Page, keyId: string): Locator {
  return page.locator(`td[data-testid="cell-${keyId}:now"]`);
}

/** The element's whole box is inside the viewport (0 ≤ x, 0 ≤ y, right ≤ width, bottom ≤ height). */
async function expectInsideViewport(page: Page, locator: Locator, what: string) {
  const viewport = page.viewportSize();
  if (viewport === null) throw new Error('no viewport size');
  await expect(locator, what).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, `${what}: no bounding box`).not.toBeNull();
  if (box === null) return;
  const edges = {
    left: box.x,
    top: box.y,
    right: box.x + box.width,
    bottom: box.y + box.height,
  };
  const where = `${what} at ${JSON.stringify(edges)} in ${viewport.width}×${viewport.height}`;
  expect(edges.left, where).toBeGreaterThanOrEqual(0);
  expect(edges.top, where).toBeGreaterThanOrEqual(0);
  expect(edges.right, where).toBeLessThanOrEqual(viewport.width);
  expect(edges.bottom, where).toBeLessThanOrEqual(viewport.height);
}

/** `?tour=jane-tino`, step 1 done by the tour, on to step 2. */
async function openStepTwo(consolePage: ConsolePage, page: Page) {
  await page.goto('/?tour=jane-tino');
  await consolePage.expectView('Lifecycle');
  await expect(consolePage.tourStepHeading).toHaveText('Step 1 of 6: Create Jane’s four keys');
  await consolePage.tourButton('Do it for me').click();
  await expect(nowCell(page, 'key_0009')).toHaveAttribute('data-status', '200');
  await consolePage.tourButton('Next').click();
  await expect(consolePage.tourStepHeading).toHaveText('Step 2 of 6: Deactivate Jane');
}

function scrollY(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY);
}

test.describe('Guided tour layout', () => {
  test('at 1280×720, step 2, Jane’s row and her keys’ Now cells are all on the first screen', async ({
    consolePage,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openStepTwo(consolePage, page);
    // Nothing scrolled the page to get here (no reload was needed to measure from the top).
    expect(await scrollY(page)).toBe(0);

    await expectInsideViewport(page, consolePage.tourStepHeading, 'step heading');
    await expectInsideViewport(
      page,
      consolePage.tourRegion.getByText('In People, press Deactivate in Jane Tino’s row.', {
        exact: true,
      }),
      'step text',
    );
    await expectInsideViewport(
      page,
      consolePage.personAction('Jane Tino', 'Deactivate'),
      'Jane’s Deactivate button',
    );
    await expectInsideViewport(
      page,
      consolePage.personRow('Jane Tino').getByRole('rowheader'),
      'Jane’s row header',
    );
    for (const keyId of JANE_KEYS) {
      await expectInsideViewport(page, nowCell(page, keyId), `Now cell of ${keyId}`);
    }

    // Pressed where it stands, Deactivate flips the personal key's Now cell, in view; focus
    // stays in Jane's row, on Reactivate, in view too. (The step's result makes the tour taller,
    // so the page may scroll a little to keep the focused Reactivate in view: not asserted.)
    await consolePage.personAction('Jane Tino', 'Deactivate').click();
    await expect(nowCell(page, 'key_0006')).toHaveAttribute('data-status', '401');
    for (const keyId of JANE_KEYS.slice(1)) {
      await expect(nowCell(page, keyId)).toHaveAttribute('data-status', '200');
    }
    await expect(
      consolePage.tourRegion.getByRole('list', { name: 'Cells that flipped', exact: true }),
    ).toBeVisible();
    await expect(consolePage.personAction('Jane Tino', 'Reactivate')).toBeFocused();
    await expectInsideViewport(page, nowCell(page, 'key_0006'), 'flipped Now cell of key_0006');
    await expectInsideViewport(
      page,
      consolePage.personAction('Jane Tino', 'Reactivate'),
      'Jane’s Reactivate button',
    );
  });

  test('in presenter mode at 1024×768, step 2 and her keys’ Now cells are on the first screen', async ({
    consolePage,
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openStepTwo(consolePage, page);
    await consolePage.presenterToggle.click();
    await expect(consolePage.presenterToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveClass(/\bpresenter\b/);
    await expect(consolePage.presenterTools).toBeVisible();
    expect(await scrollY(page)).toBe(0);

    await expectInsideViewport(page, consolePage.tourStepHeading, 'step heading');
    for (const keyId of JANE_KEYS) {
      await expectInsideViewport(page, nowCell(page, keyId), `Now cell of ${keyId}`);
    }

    // Jane's row is below the fold here: Deactivate is scrolled to, and the cell still flips.
    await consolePage.personAction('Jane Tino', 'Deactivate').click();
    await expect(nowCell(page, 'key_0006')).toHaveAttribute('data-status', '401');
    await expect(nowCell(page, 'key_0007')).toHaveAttribute('data-status', '200');
  });
});

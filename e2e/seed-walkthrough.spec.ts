import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * The vendor FAQ, step by step, through the UI only: Jane Tino (tenant owner, team admin of
 * Team Automation) holds one key of each scope; only her personal key ever breaks, and it stays
 * broken after she is re-invited.
 */

const PERSONAL = 'Jane personal';
const OTHERS = ['Jane team', 'Jane service', 'Jane tenant owner'] as const;

/**
 * The key's verdict as the validity matrix ("Now", on Lifecycle) shows it. A cell that has just
 * flipped says so for a few seconds: " (just changed)".
 */
async function expectVerdict(consolePage: ConsolePage, keyName: string, verdict: string) {
  const status = verdict.slice(0, 3);
  await expect(consolePage.matrixCell(keyName, 'Now')).toHaveAttribute('data-status', status);
  await expect(consolePage.matrixCellButton(keyName, 'Now')).toHaveAccessibleName(
    new RegExp(`^${verdict}( \\(just changed\\))?$`),
  );
}

async function expectOthersValid(consolePage: ConsolePage) {
  for (const keyName of OTHERS) await expectVerdict(consolePage, keyName, '200 Valid');
}

/**
 * The Keys view's "Verdict now" says the same as the matrix: the personal key's verdict, the
 * other three 200. Opens the Keys view and comes back to Lifecycle.
 */
async function expectKeysView(consolePage: ConsolePage, personal: string) {
  await consolePage.openView('Keys');
  await expect(consolePage.keyVerdict(PERSONAL)).toHaveAccessibleName(personal);
  for (const keyName of OTHERS) {
    await expect(consolePage.keyVerdict(keyName)).toHaveAccessibleName('200 Valid');
  }
  await consolePage.openView('Lifecycle');
}

test.describe('FAQ walkthrough: Jane Tino leaves and comes back', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  test('breaks only the personal key while Jane is deactivated or deleted, and keeps it broken after a re-invite', async ({
    consolePage,
  }) => {
    // Six axe runs of 1–2.5 s each on this machine.
    test.setTimeout(60_000);
    await test.step('active: all four keys work', async () => {
      await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
      await expectVerdict(consolePage, PERSONAL, '200 Valid');
      await expectOthersValid(consolePage);
      await consolePage.expectNoA11yViolations('initial');
      await expectKeysView(consolePage, '200 Valid');
    });

    await test.step('deactivated: the personal key answers 401, the other three 200', async () => {
      await consolePage.deactivate('Jane Tino');
      await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');
      await expectVerdict(consolePage, PERSONAL, '401 Owner deactivated');
      await expectOthersValid(consolePage);
      await expect(consolePage.flipAnnouncement).toHaveText(
        'Changed: Jane Tino — Personal key: 200 → 401',
      );
      await consolePage.expectNoA11yViolations('deactivated');
      await expectKeysView(consolePage, '401 Owner deactivated');
    });

    await test.step('reactivated: all four keys work again', async () => {
      await consolePage.reactivate('Jane Tino');
      await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
      await expectVerdict(consolePage, PERSONAL, '200 Valid');
      await expectOthersValid(consolePage);
      await expect(consolePage.flipAnnouncement).toHaveText(
        'Changed: Jane Tino — Personal key: 401 → 200',
      );
      await consolePage.expectNoA11yViolations('reactivated');
      await expectKeysView(consolePage, '200 Valid');
    });

    await test.step('delete asks for confirmation and names the key that will break', async () => {
      await consolePage.personAction('Jane Tino', 'Delete').click();
      const dialog = consolePage.deleteAccountDialog('Jane Tino');
      await expect(dialog).toBeVisible();
      await expect(dialog).toHaveAccessibleDescription(
        /These keys will answer 401 and stay broken even if Jane Tino is re-invited: Jane personal\./,
      );
      await consolePage.expectNoA11yViolations('delete dialog open');
      await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('deleted: the personal key answers 401, the other three 200', async () => {
      await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deleted');
      await expect(consolePage.personAction('Jane Tino', 'Re-invite')).toBeVisible();
      await expectVerdict(consolePage, PERSONAL, '401 Owner deleted');
      await expectOthersValid(consolePage);
      // A deleted account cannot be reactivated: that what-if is not reachable any more.
      await expect(consolePage.matrixCell(PERSONAL, 'Reactivated')).toHaveAttribute(
        'data-status',
        'n/a',
      );
      await expect(consolePage.flipAnnouncement).toHaveText(
        'Changed: Jane Tino — Personal key: 200 → 401',
      );
      await consolePage.expectNoA11yViolations('deleted');
      await expectKeysView(consolePage, '401 Owner deleted');
    });

    await test.step('re-invited: a new active account, the old one as history, the personal key still 401', async () => {
      await expect(consolePage.personRow('Jane Tino')).toHaveAttribute(
        'data-account-id',
        /^usr_\w+$/,
      );
      const oldAccountId = await consolePage.personRow('Jane Tino').getAttribute('data-account-id');
      await consolePage.personAction('Jane Tino', 'Re-invite').click();

      const history = consolePage.historyRows('Jane Tino');
      await expect(history).toHaveCount(1);
      await expect(history).toHaveAttribute('data-account-id', oldAccountId ?? '');
      await expect(history.getByRole('rowheader')).toHaveAccessibleName(
        `Jane Tino (previous account ${oldAccountId})`,
      );
      await expect(history).toContainText('Deleted');
      await expect(history.getByRole('button')).toHaveCount(0);

      const current = consolePage.personRow('Jane Tino');
      await expect(current).toHaveCount(1);
      await expect(current).not.toHaveAttribute('data-account-id', oldAccountId ?? '');
      await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
      await expect(consolePage.personAction('Jane Tino', 'Deactivate')).toBeVisible();

      await expectVerdict(consolePage, PERSONAL, '401 Owner deleted');
      await expectOthersValid(consolePage);
      await consolePage.expectNoA11yViolations('re-invited');
      await expectKeysView(consolePage, '401 Owner deleted');
    });
  });

  test('highlights the flipped matrix cell for a few seconds and announces the flip politely', async ({
    consolePage,
    page,
  }) => {
    await page.clock.install();
    await consolePage.goto({ scenario: 'jane-tino' });

    await consolePage.deactivate('Jane Tino');
    const flipped = consolePage.matrixCell(PERSONAL, 'Now');
    await expect(flipped).toHaveAttribute('data-flipped', 'true');
    await expect(consolePage.matrixCellButton(PERSONAL, 'Now')).toHaveAccessibleName(
      '401 Owner deactivated (just changed)',
    );
    await expect(consolePage.flipAnnouncement).toHaveAttribute('aria-live', 'polite');
    await expect(consolePage.flipAnnouncement).toHaveText(
      'Changed: Jane Tino — Personal key: 200 → 401',
    );
    // Keys that did not change are not highlighted.
    for (const keyName of OTHERS) {
      await expect(consolePage.matrixCell(keyName, 'Now')).not.toHaveAttribute(
        'data-flipped',
        'true',
      );
    }

    await page.clock.fastForward(5_000);
    await expect(flipped).not.toHaveAttribute('data-flipped', 'true');
    await expect(consolePage.matrixCellButton(PERSONAL, 'Now')).toHaveAccessibleName(
      '401 Owner deactivated',
    );
  });

  test('has the flip announcement’s live region in the accessibility tree before the first flip', async ({
    consolePage,
  }) => {
    // A live region must be in the accessibility tree before its first message, or a screen
    // reader may miss it: while empty it is visually hidden, never display:none.
    await expect(consolePage.flipAnnouncement).toHaveAttribute('aria-live', 'polite', {
      timeout: 2_000,
    });
    await expect(consolePage.flipAnnouncement).toHaveText('');
  });

  test('keeps the account when the delete dialog is cancelled or dismissed with Escape', async ({
    consolePage,
    page,
  }) => {
    const dialog = consolePage.deleteAccountDialog('Jane Tino');

    await consolePage.personAction('Jane Tino', 'Delete').click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');

    await consolePage.personAction('Jane Tino', 'Delete').click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
    await expectVerdict(consolePage, PERSONAL, '200 Valid');
    await expectKeysView(consolePage, '200 Valid');
  });
});

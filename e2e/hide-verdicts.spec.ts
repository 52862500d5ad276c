import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/console-page';

/**
 * What gives a verdict away: a status code, or a verdict's or a decision's reason. (`\bValid\b`
 * does not match "Validity matrix".)
 */
const VERDICT_TEXT =
  /\b(200|401|403)\b|\bValid\b|Owner deactivated|Owner deleted|Key deleted|Allowed|Not owner|No audit read|Not on team|Role too low|\bOK\b|Unauthorized|Forbidden/;

/** None of these parts of the page shows a verdict: each says "hidden until reveal" instead. */
async function expectNoVerdictIn(parts: Record<string, Locator>) {
  for (const [name, part] of Object.entries(parts)) {
    await expect(part, `${name} is there`).toBeVisible();
    await expect(part, `${name} gives a verdict away`).not.toContainText(VERDICT_TEXT);
  }
}

test.describe('Hide live verdicts until reveal', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  test('hides every verdict in every view while a prediction is open, and the reveal brings them back', async ({
    consolePage,
  }) => {
    const { page } = consolePage;
    await consolePage.hideLiveVerdictsUntilReveal();
    await consolePage.startPrediction();
    await consolePage.predictPerson.selectOption({ label: 'Jane Tino — Active' });
    await expect(
      consolePage.predictChanges.getByRole('radio', { name: 'Deactivate', exact: true }),
    ).toBeChecked();

    // Lifecycle: the matrix and its exports.
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveText('hidden until reveal');
    const exports = consolePage.matrixRegion.getByRole('group', { name: 'Export all keys' });
    await expect(exports).toContainText('Exports hidden until reveal');
    for (const label of ['Export CSV', 'Export Markdown', 'Export JSON']) {
      await expect(exports.getByRole('button', { name: label, exact: true })).toBeDisabled();
    }
    await consolePage.matrixCellButton('Jane personal', 'Deactivated').click();
    await expect(consolePage.cellExplanation).toHaveText('This verdict is hidden until reveal.');
    await expectNoVerdictIn({ 'the validity matrix panel': consolePage.matrixRegion });

    // Keys: the verdicts, their filter and their count.
    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveText('hidden until reveal');
    await expect(consolePage.verdictFilter).toBeDisabled();
    await expect(consolePage.verdictFilter).toHaveText('hidden until reveal');
    await expect(consolePage.keysShown).toHaveText('Showing 8 of 8 keys');
    await expect(
      consolePage.keyColumnHeader('Verdict now').getByRole('button'),
      'sorting by verdict would give the order away',
    ).toHaveCount(0);
    await expectNoVerdictIn({ 'the Keys view': consolePage.keysRegion });
    await consolePage.expectNoA11yViolations('Keys, verdicts hidden until reveal');

    // API: the permission matrix, and a request sent from the console.
    await consolePage.openView('API');
    await consolePage.waitForApi();
    const permissionCell = consolePage
      .permissionMatrixRow('Jane personal')
      .getByTestId(/^perm-.+:info$/);
    await expect(permissionCell).toHaveText('hidden until reveal');
    await expect(permissionCell).not.toHaveAttribute('data-status');
    await permissionCell.getByRole('button').click();
    const permissionExplanation = page.getByRole('region', {
      name: 'Permission explanation',
      exact: true,
    });
    await expect(permissionExplanation).toHaveText('This answer is hidden until reveal.');
    await consolePage.sendApiRequest();
    await expect(consolePage.apiResponseStatus).toHaveText('Answer hidden until reveal');
    await expect(consolePage.apiResponseStatus).not.toHaveAttribute('data-status');
    await expect(consolePage.apiResponse).toContainText(
      'The status, headers and body would give the prediction away: Reveal shows them.',
    );
    await expect(consolePage.apiHistory.getByRole('listitem')).toContainText(
      'GET /api/v1/info → hidden until reveal',
    );
    // (The permission panel's help text names the three codes: its table and explanation do not.)
    await expectNoVerdictIn({
      'the permission matrix': page.getByRole('table', { name: 'Permission matrix', exact: true }),
      'the permission explanation': permissionExplanation,
      'the request console': consolePage.apiRegion,
    });
    await consolePage.expectNoA11yViolations('API, verdicts hidden until reveal');

    // Back to the round; Reveal deactivates Jane.
    await consolePage.lessonReminder
      .getByRole('button', { name: 'Back to the round', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');
    await consolePage.predictGuess('Jane personal (Personal)').check();
    await consolePage.revealButton.click();
    await expect(consolePage.predictScore).toHaveText('Score: 7 of 7 right over 1 round');

    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '401',
    );
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toContainText(
      '401Owner deactivated',
    );
    await expect(exports).not.toContainText('hidden until reveal');
    await expect(exports.getByRole('button', { name: 'Export CSV', exact: true })).toBeEnabled();

    await consolePage.openView('Keys');
    await expect(consolePage.keyVerdict('Jane personal')).toHaveText(/401 Owner deactivated/);
    await expect(consolePage.verdictFilter).toBeEnabled();
    await consolePage.verdictFilter.selectOption('401 Owner deactivated');
    await expect(consolePage.keysShown).toHaveText('Showing 1 of 8 keys');

    await consolePage.openView('API');
    await expect(permissionCell).toHaveAttribute('data-status', '401');
    await expect(permissionCell).toContainText('401Owner deactivated');
    await permissionCell.getByRole('button').click();
    await expect(permissionExplanation).toContainText('reason code OWNER_DEACTIVATED');
    // The answer sent before the reveal (Jane was active then), and a new one.
    await expect(consolePage.apiHistory.getByRole('listitem')).toContainText(
      'GET /api/v1/info → 200 OK',
    );
    await consolePage.sendApiRequest();
    await expect(consolePage.apiResponseStatus).toHaveText('401 Unauthorized');
    await expect(consolePage.apiResponseStatus).toHaveAttribute('data-status', '401');
    await expect(page.getByRole('region', { name: 'Response body', exact: true })).toContainText(
      'OWNER_DEACTIVATED',
    );
  });
});

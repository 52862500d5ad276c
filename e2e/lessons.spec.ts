import { type ConsolePage, expect, type ScopeLabel, test } from './fixtures/console-page';

/**
 * The lessons: the Training view starts, shows and resumes them; they run docked on Lifecycle,
 * one at a time; from another view, a `Lesson in progress` line leads back to the running one.
 */

/** Create one of Jane's keys in the Keys view's dialog, as a person would. */
async function createJaneKey(consolePage: ConsolePage, name: string, scope: ScopeLabel) {
  await consolePage.openCreateKey();
  await consolePage.chooseActingAccount('Jane Tino');
  await consolePage.keyNameInput.fill(name);
  await consolePage.scopeRadio(scope).check();
  if (scope === 'Team') {
    await consolePage.createKeyDialog
      .getByRole('group', { name: 'Teams the key covers' })
      .getByRole('checkbox', { name: 'Team Automation' })
      .check();
  }
  await consolePage.createKeySubmit.click();
  await expect(consolePage.keyCreatedDialog).toBeVisible();
  await consolePage.doneButton.click();
  await expect(consolePage.keyCreatedDialog).toBeHidden();
}

test.describe('Lessons', () => {
  test('the Training view starts the tour, shows it while it runs and resumes it once left', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'Training' });
    const card = consolePage.tourRegion;
    await expect(card.getByRole('button')).toHaveText(['Start the guided tour']);
    await expect(consolePage.lessonReminder).toHaveCount(0);

    await consolePage.startTour();
    await expect(consolePage.tourStepHeading).toBeFocused();
    await expect(page).toHaveURL(/\/\?scenario=jane-tino$/);

    // From another view: the card and the reminder both lead back to it.
    await consolePage.openView('Training');
    await expect(card).toContainText('The tour is open at step 1 of 6: Create Jane’s four keys.');
    await expect(card.getByRole('button')).toHaveText(['Show the tour', 'Start over']);
    await expect(consolePage.lessonReminder).toContainText(
      'The guided tour is open at step 1 of 6, beside the matrix on Lifecycle.',
    );
    await consolePage.expectNoA11yViolations('Training view, tour running');
    await consolePage.tourButton('Show the tour').click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tourStepHeading).toBeFocused();
    await expect(consolePage.lessonReminder).toHaveCount(0);

    await consolePage.tourButton('Leave tour').click();
    await expect(consolePage.tourRegion).toHaveCount(0);
    await expect(consolePage.viewHeading('Lifecycle')).toBeFocused();
    await consolePage.openView('Keys');
    await expect(consolePage.lessonReminder).toHaveCount(0);
    await consolePage.openView('Training');
    await expect(card.getByRole('button')).toHaveText([
      'Resume the tour (step 1 of 6)',
      'Start over',
    ]);
    await consolePage.tourButton('Resume the tour (step 1 of 6)').click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tourStepHeading).toHaveText('Step 1 of 6: Create Jane’s four keys');
    await expect(consolePage.tourStepHeading).toBeFocused();
  });

  test('step 1 by hand in the Keys view, then Back to the tour', async ({ consolePage, page }) => {
    await page.goto('/?tour=jane-tino');
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tourStepHeading).toHaveText('Step 1 of 6: Create Jane’s four keys');
    await expect(consolePage.tourRegion).toContainText('Open the Keys view');
    await expect(consolePage.matrixRow('Jane personal')).toHaveCount(0);

    await consolePage.openView('Keys');
    await expect(consolePage.lessonReminder).toContainText(
      'The guided tour is open at step 1 of 6, beside the matrix on Lifecycle.',
    );
    await createJaneKey(consolePage, 'Jane personal', 'Personal');
    await createJaneKey(consolePage, 'Jane team', 'Team');
    await createJaneKey(consolePage, 'Jane service', 'Service');
    await createJaneKey(consolePage, 'Jane tenant owner', 'Tenant owner');
    await expect(consolePage.keyVerdict('Jane tenant owner')).toHaveAccessibleName('200 Valid');

    await consolePage.lessonReminder
      .getByRole('button', { name: 'Back to the tour', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tourStepHeading).toBeFocused();
    await expect(
      consolePage.tourRegion
        .getByRole('list', { name: 'New keys', exact: true })
        .getByRole('listitem'),
    ).toHaveText([
      'Jane personal (Personal key): new, 200 Valid',
      'Jane team (Team key): new, 200 Valid',
      'Jane service (Service key): new, 200 Valid',
      'Jane tenant owner (Tenant owner key): new, 200 Valid',
    ]);
    await expect(consolePage.tourButton('Do it for me')).toHaveCount(0);
    await consolePage.tourButton('Next').click();
    await expect(consolePage.tourStepHeading).toHaveText('Step 2 of 6: Deactivate Jane');
  });

  test('one lesson at a time: a round leaves the tour, which is resumed afterwards', async ({
    consolePage,
    page,
  }) => {
    await page.goto('/?tour=jane-tino');
    await expect(consolePage.tourStepHeading).toHaveText('Step 1 of 6: Create Jane’s four keys');
    await consolePage.tourButton('Do it for me').click();

    await consolePage.startPrediction();
    await expect(consolePage.tourRegion).toHaveCount(0);
    await expect(consolePage.predictScore).toHaveText('Score: no rounds yet');
    await consolePage.expectNoA11yViolations('Lifecycle, round docked');

    await consolePage.openView('Training');
    await expect(consolePage.tourRegion.getByRole('button')).toHaveText([
      'Resume the tour (step 1 of 6)',
      'Start over',
    ]);
    await expect(consolePage.predictRegion.getByRole('button')).toHaveText(['Show the round']);
    await expect(consolePage.lessonReminder).toContainText(
      'A predict-then-reveal round is open beside the matrix on Lifecycle.',
    );
    await consolePage.lessonReminder
      .getByRole('button', { name: 'Back to the round', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');

    // A round: nothing ticked, so of Jane's four keys (the tour's log has no other) only the
    // personal key is guessed wrong.
    await consolePage.predictPerson.selectOption({ label: 'Jane Tino — Active' });
    await consolePage.revealButton.click();
    await expect(consolePage.predictScore).toHaveText('Score: 3 of 4 right over 1 round');
    await consolePage.predictCloseButton.click();
    await expect(consolePage.predictRegion).toHaveCount(0);
    await expect(consolePage.viewHeading('Lifecycle')).toBeFocused();

    await consolePage.openView('Training');
    await expect(consolePage.lessonReminder).toHaveCount(0);
    await expect(consolePage.predictRegion).toContainText('Score: 3 of 4 right over 1 round');
    await expect(consolePage.predictRegion.getByRole('button')).toHaveText(['Start predicting']);
    await consolePage.tourButton('Resume the tour (step 1 of 6)').click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.tourStepHeading).toHaveText('Step 1 of 6: Create Jane’s four keys');
    await expect(consolePage.predictRegion).toHaveCount(0);
  });

  test('starting a round, or going back to it, focuses its Person select', async ({
    consolePage,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
    await consolePage.startPrediction();
    // The first control of the round's form, not its Close button (which comes before it).
    await expect(consolePage.predictPerson).toBeFocused();
    await consolePage.openView('Keys');
    await consolePage.lessonReminder
      .getByRole('button', { name: 'Back to the round', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.predictPerson).toBeFocused();
    await consolePage.openView('Training');
    await consolePage.predictRegion
      .getByRole('button', { name: 'Show the round', exact: true })
      .click();
    await consolePage.expectView('Lifecycle');
    await expect(consolePage.predictPerson).toBeFocused();
  });
});

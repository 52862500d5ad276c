import { type ConsolePage, expect, test } from './fixtures/console-page';

/**
 * The timeline: undo and redo (the header's buttons and Ctrl+Z / Shift+Ctrl+Z), time travel to
 * the moment after any event (Timeline view), what the simulated API does meanwhile, and a change
 * made in the past. People and the matrix are on the Lifecycle view.
 */

const JANE = 'Jane Tino';
const DEACTIVATED = 'Jane Tino was deactivated by the console';
const REACTIVATED = 'Jane Tino was reactivated by the console';

async function expectJane(consolePage: ConsolePage, status: 'Active' | 'Deactivated') {
  await expect(consolePage.personCell(JANE, 'Status')).toHaveText(status);
  await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
    'data-status',
    status === 'Active' ? '200' : '401',
  );
}

test.describe('Timeline', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino' });
  });

  test('undoes and redoes a change with Ctrl+Z, Shift+Ctrl+Z and the buttons', async ({
    consolePage,
    page,
  }) => {
    await expect(consolePage.redoButton).toBeDisabled();
    await consolePage.deactivate(JANE);
    await expectJane(consolePage, 'Deactivated');
    await consolePage.openView('Timeline');
    await expect(consolePage.timelineEvent(DEACTIVATED)).toHaveAttribute('aria-current', 'step');
    // The Timeline has no Undo or Redo of its own any more: the header's serve every view.
    await expect(consolePage.timeline.getByRole('button', { name: /^(Undo|Redo)$/ })).toHaveCount(
      0,
    );

    // Focus is on the view's heading after the navigation: not a field, so Ctrl+Z undoes.
    await expect(consolePage.viewHeading('Timeline')).toBeFocused();
    await page.keyboard.press('Control+z');
    await expect(consolePage.pastBanner).toContainText(
      'Viewing an earlier moment (event 31 of 32)',
    );
    await expect(consolePage.undoneEvents).toHaveCount(1);
    await expect(consolePage.undoneEvents.getByRole('button')).toHaveAccessibleName(DEACTIVATED);
    await expect(consolePage.timelineStatus).toHaveText(
      'Showing the moment after event 31 of 32: Action "Pull audit logs" was added to "SecOps audit digest" by Alex Morgan',
    );
    await consolePage.openView('Lifecycle');
    await expectJane(consolePage, 'Active');

    await page.keyboard.press('Control+Shift+Z');
    await expectJane(consolePage, 'Deactivated');
    await expect(consolePage.pastBanner).toBeHidden();

    await consolePage.undoButton.click();
    await expectJane(consolePage, 'Active');
    await expect(consolePage.redoButton).toBeEnabled();
    await consolePage.redoButton.click();
    await expectJane(consolePage, 'Deactivated');
    await expect(consolePage.redoButton).toBeDisabled();
    await consolePage.openView('Timeline');
    await expect(consolePage.undoneEvents).toHaveCount(0);
    await expect(consolePage.timelineEvent(DEACTIVATED)).toHaveAttribute('aria-current', 'step');
  });

  test('leaves Ctrl+Z to a search box that has the focus', async ({ consolePage, page }) => {
    await consolePage.deactivate(JANE);
    const search = page.getByRole('searchbox', { name: 'Find a person' });
    await search.fill('Jane');
    await search.press('Control+z');
    await expectJane(consolePage, 'Deactivated');
    await expect(consolePage.pastBanner).toBeHidden();
  });

  test('travels to the moment after an event: the page and the API answer from it', async ({
    consolePage,
  }) => {
    await consolePage.openView('API');
    await consolePage.waitForApi();
    const personal = await consolePage.secretOf('Jane personal');
    const owner = await consolePage.secretOf('Jane tenant owner');
    await consolePage.openView('Lifecycle');
    await consolePage.deactivate(JANE);
    await consolePage.reactivate(JANE);
    await expectJane(consolePage, 'Active');

    await consolePage.openView('Timeline');
    await consolePage.timelineEvent(DEACTIVATED).click();
    await expect(consolePage.pastBanner).toContainText(
      'Viewing an earlier moment (event 32 of 33)',
    );
    await expect(consolePage.undoneEvents.getByRole('button')).toHaveAccessibleName(REACTIVATED);
    await expect(consolePage.timelineStatus).toHaveText(
      `Showing the moment after event 32 of 33: ${DEACTIVATED}`,
    );
    await expect(consolePage.backToThePresentButton).toBeEnabled();
    expect((await consolePage.api('GET', '/api/v1/info', { secret: personal })).status).toBe(401);
    const put = await consolePage.api('PUT', '/api/v1/admin/users/usr_0002', {
      secret: owner,
      body: JSON.stringify({ is_active: true }),
    });
    expect(put.status).toBe(409);
    expect(put.body).toMatchObject({ error: { code: 'TIME_TRAVELLING' } });
    // The past shows on every view, with its banner.
    await consolePage.openView('Lifecycle');
    await expectJane(consolePage, 'Deactivated');
    await expect(consolePage.pastBanner).toContainText('(event 32 of 33)');

    await consolePage.openView('Timeline');
    await consolePage.timelineEvent('Before the first event').click();
    await expect(consolePage.pastBanner).toContainText('(event 0 of 33)');
    await consolePage.openView('Lifecycle');
    await expect(consolePage.people.getByRole('rowheader')).toHaveCount(0);

    await consolePage.pastBanner.getByRole('button', { name: 'Back to the present' }).click();
    await expect(consolePage.pastBanner).toBeHidden();
    await expectJane(consolePage, 'Active');
    expect((await consolePage.api('GET', '/api/v1/info', { secret: personal })).status).toBe(200);

    // The Timeline's own Back to the present, too.
    await consolePage.openView('Timeline');
    await consolePage.timelineEvent(DEACTIVATED).click();
    await expect(consolePage.pastBanner).toBeVisible();
    await consolePage.backToThePresentButton.click();
    await expect(consolePage.pastBanner).toBeHidden();
    await expect(consolePage.backToThePresentButton).toBeDisabled();
    await expect(consolePage.undoneEvents).toHaveCount(0);
  });

  test('asks in the page before a change in the past drops more than one later event', async ({
    consolePage,
    page,
  }) => {
    await consolePage.deactivate(JANE);
    await consolePage.reactivate(JANE);
    await consolePage.undoButton.click();
    await consolePage.undoButton.click();
    await expectJane(consolePage, 'Active');
    await consolePage.openView('Timeline');
    await expect(consolePage.undoneEvents).toHaveCount(2);
    await consolePage.openView('Lifecycle');

    // Asked in the page (a native confirm would be dismissed by automated runs, silently).
    let nativeDialogs = 0;
    page.on('dialog', (dialog) => {
      nativeDialogs += 1;
      void dialog.dismiss();
    });
    await consolePage.personAction(JANE, 'Deactivate').click();
    const question = consolePage.question('Drop 2 later events?');
    await expect(question).toContainText('2 later events come after it');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toHaveCount(0);
    await expect(consolePage.notice).toContainText('Nothing changed: the 2 later events are kept.');
    await expectJane(consolePage, 'Active');
    await expect(consolePage.pastBanner).toContainText('(event 31 of 33)');

    await consolePage.personAction(JANE, 'Deactivate').click();
    await question.getByRole('button', { name: 'Drop them and make the change' }).click();
    await expectJane(consolePage, 'Deactivated');
    await expect(consolePage.pastBanner).toBeHidden();
    await expect(consolePage.droppedChanges).toContainText('The change dropped 2 later events.');
    await consolePage.openView('Timeline');
    await expect(consolePage.undoneEvents).toHaveCount(0);
    await expect(consolePage.timelineEvent(REACTIVATED)).toHaveCount(0);
    await expect(consolePage.timelineEvent(DEACTIVATED)).toHaveAttribute('aria-current', 'step');
    await consolePage.openView('Lifecycle');

    // One event back, a change drops only that one: nobody is asked.
    await consolePage.undoButton.click();
    await consolePage.personAction('Sam Patel', 'Deactivate').click();
    await expect(consolePage.personCell('Sam Patel', 'Status')).toHaveText('Deactivated');
    await expectJane(consolePage, 'Active');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // The dropped events come back from the banner.
    await consolePage.droppedChanges.getByRole('button', { name: 'Undo change' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await consolePage
      .question('Bring back the dropped log?')
      .getByRole('button', { name: /^Bring it back and drop 1 change$/ })
      .click();
    await expectJane(consolePage, 'Active');
    await expect(consolePage.pastBanner).toContainText('(event 31 of 33)');
    expect(nativeDialogs).toBe(0);
  });

  test('has no axe violations with the timeline in the past, light or dark', async ({
    consolePage,
  }) => {
    test.setTimeout(60_000);
    await consolePage.deactivate(JANE);
    await consolePage.undoButton.click();
    await expect(consolePage.pastBanner).toBeVisible();
    await consolePage.openView('Timeline');
    await expect(consolePage.undoneEvents).toHaveCount(1);
    await consolePage.expectNoA11yViolations('timeline in the past');
    await consolePage.themeSelect.selectOption({ label: 'Dark' });
    await consolePage.expectNoA11yViolations('timeline in the past, dark');
  });
});

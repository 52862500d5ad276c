import { expect, test } from './fixtures/console-page';

/**
 * The simulated Tines API, called from inside the page as a Playwright suite would call it
 * (`page.evaluate(fetch)`), and from the request console. The fixture fails any test whose page
 * logs an error or sends a request outside its own origin.
 */
test.describe('Simulated API', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto('jane-tino');
    await consolePage.waitForApi();
  });

  test('deactivating Jane with her tenant owner key breaks her personal key; reactivating restores it', async ({
    consolePage,
  }) => {
    const ownerSecret = await consolePage.secretOf('Jane tenant owner');
    const personalSecret = await consolePage.secretOf('Jane personal');
    const jane = await consolePage.api('GET', '/api/v1/admin/users?per_page=100', {
      secret: ownerSecret,
    });
    const janeId = (jane.body as { 'admin/users': Array<{ id: string; email: string }> })[
      'admin/users'
    ].find((user) => user.email === 'jane.tino@tinocorp.example')?.id;
    expect(janeId).toBeDefined();

    const off = await consolePage.api('PUT', `/api/v1/admin/users/${janeId}`, {
      secret: ownerSecret,
      body: JSON.stringify({ is_active: false }),
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: janeId, is_active: false });
    expect(off.headers['x-simulator-rule']).toBe('perm.owner-access');

    // The page shows it at once: People, the matrix, and a notice naming the key.
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '401',
    );
    await expect(consolePage.matrixCell('Jane tenant owner', 'Now')).toHaveAttribute(
      'data-status',
      '200',
    );
    await expect(consolePage.notice).toContainText(
      'Jane Tino was deactivated by key Jane tenant owner (simulated API).',
    );

    const refused = await consolePage.api('GET', '/api/v1/info', { secret: personalSecret });
    expect(refused.status).toBe(401);
    expect(refused.headers['x-simulator-rule']).toBe('auth.personal-owner-deactivated');
    expect(refused.body).toMatchObject({ error: { code: 'OWNER_DEACTIVATED' } });

    // The audit log records the key as the actor.
    const audit = await consolePage.api('GET', '/api/v1/audit_logs?per_page=1', {
      secret: ownerSecret,
    });
    expect(audit.body).toMatchObject({
      audit_logs: [
        {
          operation_name: 'UserDeactivation',
          user_id: janeId,
          simulator_actor: { type: 'api_key', key_name: 'Jane tenant owner' },
        },
      ],
    });

    const on = await consolePage.api('PUT', `/api/v1/admin/users/${janeId}`, {
      secret: ownerSecret,
      body: JSON.stringify({ is_active: true }),
    });
    expect(on.status).toBe(200);
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Active');
    const back = await consolePage.api('GET', '/api/v1/info', { secret: personalSecret });
    expect(back.status).toBe(200);
  });

  test('answers 403 for a viewer’s story, 401 without or with an unknown key, 400 for malformed JSON', async ({
    consolePage,
  }) => {
    const vera = await consolePage.secretOf('Vera personal');
    const story = await consolePage.api('POST', '/api/v1/stories', {
      secret: vera,
      body: JSON.stringify({ team_id: 'team_automation', name: 'Triage' }),
    });
    expect(story.status).toBe(403);
    expect(story.body).toMatchObject({ error: { code: 'TEAM_ROLE_TOO_LOW' } });
    expect(story.headers['x-simulator-rule']).toBe('perm.create-story');

    const none = await consolePage.api('GET', '/api/v1/info');
    expect(none.status).toBe(401);
    expect(none.headers['x-simulator-rule']).toBe('api.no-credentials');

    const unknown = await consolePage.api('GET', '/api/v1/info', { secret: 'sim_NOT_A_KEY' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: { code: 'UNKNOWN_KEY' } });

    const owner = await consolePage.secretOf('Jane tenant owner');
    const malformed = await consolePage.api('PUT', '/api/v1/admin/users/usr_0001', {
      secret: owner,
      body: '{"is_active": fals',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect((malformed.body as { simulated: string }).simulated).toContain(
      'does not document its error bodies',
    );

    const missing = await consolePage.api('GET', '/api/v1/no-such-thing', { secret: owner });
    expect(missing.status).toBe(404);

    // x-user-token works as well as Authorization: Bearer.
    const token = await consolePage.api('GET', '/api/v1/info', {
      secret: vera,
      header: 'x-user-token',
    });
    expect(token.status).toBe(200);
  });

  test('the request console sends from the keyboard, shows status, headers, body and curl, and re-sends from history', async ({
    consolePage,
    page,
  }) => {
    const region = consolePage.apiRegion;
    const keySelect = region.getByRole('combobox', { name: 'Key', exact: true });
    const example = region.getByRole('combobox', { name: 'Example', exact: true });
    await keySelect.scrollIntoViewIfNeeded();
    await keySelect.focus();
    await keySelect.selectOption({ label: 'Jane personal · Personal · Jane Tino' });
    await example.selectOption({ label: 'Audit log: GET /api/v1/audit_logs' });
    await expect(region.getByRole('textbox', { name: 'Path', exact: true })).toHaveValue(
      '/api/v1/audit_logs',
    );
    await region.getByRole('button', { name: 'Send', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(consolePage.apiResponseStatus).toHaveText('200 OK');
    await expect(
      consolePage.apiResponse.getByRole('region', { name: 'Response body' }),
    ).toContainText('"operation_name": "AuthenticationTokenCreation"');
    await expect(consolePage.apiResponse.getByRole('region', { name: 'curl command' })).toHaveText(
      [
        "curl -X GET 'https://tino-corp-1234.tines.com/api/v1/audit_logs' \\",
        '  -H "Authorization: Bearer $TINES_API_KEY"',
      ].join('\n'),
    );

    // Deactivate Jane with her own personal key, then re-send the audit-log request: now 401.
    await example.selectOption({ label: 'Deactivate Jane Tino: PUT /api/v1/admin/users/usr_0002' });
    await expect(region.getByRole('textbox', { name: /^Body \(JSON\)/ })).toHaveValue(
      '{\n  "is_active": false\n}',
    );
    await region.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(consolePage.apiResponseStatus).toHaveText('200 OK');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');

    const items = consolePage.apiHistory.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await consolePage.apiHistory
      .getByRole('button', { name: 'Re-send GET /api/v1/audit_logs', exact: true })
      .click();
    await expect(items).toHaveCount(3);
    await expect(consolePage.apiResponseStatus).toHaveText('401 Unauthorized');
    await expect(consolePage.apiResponseStatus).toHaveAttribute('data-status', '401');
    await consolePage.apiResponse.getByText(/^Headers/).click();
    await expect(consolePage.apiResponse).toContainText('auth.personal-owner-deactivated');

    // An earlier exchange can be shown again.
    await items
      .nth(2)
      .getByRole('button', { name: /^Show response/ })
      .click();
    await expect(consolePage.apiResponseStatus).toHaveText('200 OK');

    // A path outside the API is refused in the form, with the reason; nothing is sent.
    await region.getByRole('textbox', { name: 'Path', exact: true }).fill('/admin');
    await region.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(region.getByRole('alert')).toContainText('The path must start with /api/');
    await expect(items).toHaveCount(3);

    await consolePage.expectNoA11yViolations('request console with a response');
  });

  test('after a hard reload the API starts without reloading the page again, so nothing done meanwhile is lost', async ({
    consolePage,
    page,
  }) => {
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    // Shift+Reload: the page is not controlled by the already registered worker.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.reload', { ignoreCache: true });
    await expect(consolePage.people).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    // Act at once, before the API is up: a reload would undo this.
    await consolePage.deactivate('Jane Tino');
    await consolePage.waitForApi();
    expect(navigations, 'navigations after the hard reload itself').toBe(1);
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');
    const secret = await consolePage.secretOf('Jane personal');
    const info = await consolePage.api('GET', '/api/v1/info', { secret });
    expect(info.status).toBe(401);
    expect(info.headers['x-simulator-rule']).toBe('auth.personal-owner-deactivated');
  });
});

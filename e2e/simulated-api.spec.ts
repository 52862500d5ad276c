import { expect, test } from './fixtures/console-page';

/**
 * The simulated Tines API, called from inside the page as a Playwright suite would call it
 * (`page.evaluate(fetch)`), and from the request console. The fixture fails any test whose page
 * logs an error or sends a request outside its own origin.
 */
test.describe('Simulated API', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
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

    // The page shows it at once: a notice naming the key, the permission matrix beside the
    // request console, and People and the validity matrix on Lifecycle.
    await expect(consolePage.notice).toContainText(
      '\u2068Jane Tino\u2069 was deactivated by key \u2068Jane tenant owner\u2069 (simulated API).',
    );
    await expect(
      consolePage.permissionMatrixRow('Jane personal').getByTestId(/:info$/),
    ).toHaveAttribute('data-status', '401');
    await consolePage.openView('Lifecycle');
    await expect(consolePage.personCell('Jane Tino', 'Status')).toHaveText('Deactivated');
    await expect(consolePage.matrixCell('Jane personal', 'Now')).toHaveAttribute(
      'data-status',
      '401',
    );
    await expect(consolePage.matrixCell('Jane tenant owner', 'Now')).toHaveAttribute(
      'data-status',
      '200',
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
    // Jane is deactivated: the permission matrix on the same view says so.
    await expect(consolePage.notice).toContainText(
      '\u2068Jane Tino\u2069 was deactivated by key \u2068Jane personal\u2069 (simulated API).',
    );
    await expect(
      consolePage.permissionMatrixRow('Jane personal').getByTestId(/:info$/),
    ).toHaveAttribute('data-status', '401');

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
    // Full page loads only: following a Console link (history.pushState) is no reload.
    let loads = 0;
    page.on('load', () => {
      loads += 1;
    });
    // Shift+Reload, on Lifecycle: the page is not controlled by the already registered worker.
    await page.goto('/?scenario=jane-tino');
    await expect(consolePage.people).toBeVisible();
    loads = 0;
    // The API now starts right after the first paint, a few hundred milliseconds after the load:
    // its script is held back until the change below is made, so that the change surely comes
    // first. (Matched by the chunk's name, made from src/api/simulated-api.ts.)
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holds = 0;
    await page.context().route(/\/simulated-api-[\w-]+\.js$/, async (route) => {
      holds += 1;
      await held;
      await route.continue();
    });
    const cdp = await page.context().newCDPSession(page);
    // The CDP call returns before the new document is there: wait for its load.
    const reloaded = page.waitForEvent('load');
    await cdp.send('Page.reload', { ignoreCache: true });
    await reloaded;
    await expect(consolePage.people).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    // Act at once, before the API is up: a reload would undo this.
    await consolePage.deactivate('Jane Tino');
    expect(holds, 'the simulated API chunk was requested and held (renamed?)').toBeGreaterThan(0);
    release();
    // The worker starts whatever the view: it is up without the request console being drawn.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
        timeout: 20_000,
      })
      .toBe(true);
    await consolePage.openView('API');
    await consolePage.waitForApi();
    expect(loads, 'page loads after the hard reload itself').toBe(1);
    await expect(
      consolePage.permissionMatrixRow('Jane personal').getByTestId(/:info$/),
    ).toHaveAttribute('data-status', '401');
    const secret = await consolePage.secretOf('Jane personal');
    const info = await consolePage.api('GET', '/api/v1/info', { secret });
    expect(info.status).toBe(401);
    expect(info.headers['x-simulator-rule']).toBe('auth.personal-owner-deactivated');
  });
});

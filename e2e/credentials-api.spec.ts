import { expect, test } from './fixtures/console-page';

/**
 * The credential and story reads of the simulated API (S12), called from inside the page as the
 * README's test contract says (`page.evaluate(fetch)`). The checks hold for whatever credentials
 * and stories the scenario holds: the responses are checked against each other (a reference
 * names an action that the stories list shows using that credential's slug), never against a
 * fixed list.
 */

interface CredentialItem {
  id: string;
  name: string;
  slug: string;
  team_id: string | null;
  read_access: 'TEAM' | 'GLOBAL' | 'SPECIFIC_TEAMS';
  shared_team_slugs: string[];
  simulator_drafts_of: string | null;
  story_ids?: string[];
  action_ids?: string[];
}

interface StoryItem {
  id: string;
  name: string;
  team_id: string | null;
  simulator_actions: Array<{ id: string; credential_slugs: string[] }>;
}

const CREDENTIAL_FIELDS = [
  'created_at',
  'description',
  'folder_id',
  'id',
  'mode',
  'name',
  'read_access',
  'shared_team_slugs',
  'simulator_drafts_of',
  'slug',
  'team_id',
  'updated_at',
];

test.describe('Credentials and stories API', () => {
  test.beforeEach(async ({ consolePage }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
    await consolePage.waitForApi();
  });

  test('lists credentials without values, their references agreeing with the stories list', async ({
    consolePage,
  }) => {
    const owner = await consolePage.secretOf('Jane tenant owner');
    const secrets = [
      owner,
      await consolePage.secretOf('Jane personal'),
      await consolePage.secretOf('Jane team'),
      await consolePage.secretOf('Jane service'),
    ];

    const list = await consolePage.api('GET', '/api/v1/user_credentials?per_page=500', {
      secret: owner,
    });
    expect(list.status).toBe(200);
    expect(list.headers['x-simulator-rule']).toBe('perm.owner-access');
    const body = list.body as { user_credentials: CredentialItem[]; meta: { count: number } };
    expect(body.meta.count).toBe(body.user_credentials.length);
    for (const item of body.user_credentials) {
      expect(Object.keys(item).sort()).toEqual(CREDENTIAL_FIELDS);
    }
    const text = JSON.stringify(list.body);
    for (const secret of secrets) expect(text).not.toContain(secret);

    // A story made now through the API shows in the stories list, with no actions yet.
    const made = await consolePage.api('POST', '/api/v1/stories', {
      secret: owner,
      body: JSON.stringify({ team_id: 'team_automation', name: 'Credentials check' }),
    });
    expect(made.status).toBe(201);
    const storyId = (made.body as { id: string }).id;
    const stories = await consolePage.api(
      'GET',
      '/api/v1/stories?team_id=team_automation&per_page=500',
      { secret: owner },
    );
    expect(stories.status).toBe(200);
    const storyItems = (stories.body as { stories: StoryItem[] }).stories;
    expect(storyItems.every((story) => story.team_id === 'team_automation')).toBe(true);
    expect(storyItems.find((story) => story.id === storyId)).toMatchObject({
      name: 'Credentials check',
      simulator_actions: [],
    });

    // include_references: every action a credential is said to be used by is in the stories
    // list, in one of its stories, and references the credential's slug.
    const allStories = (
      (await consolePage.api('GET', '/api/v1/stories?per_page=500', { secret: owner })).body as {
        stories: StoryItem[];
      }
    ).stories;
    const withRefs = (
      (
        await consolePage.api(
          'GET',
          '/api/v1/user_credentials?include_references=true&per_page=500',
          {
            secret: owner,
          },
        )
      ).body as { user_credentials: CredentialItem[] }
    ).user_credentials;
    expect(withRefs.map((item) => item.id)).toEqual(body.user_credentials.map((item) => item.id));
    for (const item of withRefs) {
      for (const actionId of item.action_ids ?? []) {
        const story = allStories.find((candidate) =>
          candidate.simulator_actions.some((action) => action.id === actionId),
        );
        expect(story, `${item.slug}: ${actionId}`).toBeDefined();
        expect(item.story_ids).toContain(story?.id);
        const action = story?.simulator_actions.find((candidate) => candidate.id === actionId);
        expect(action?.credential_slugs).toContain(item.slug);
      }
    }

    // UNUSED_IN_ACTIONS lists exactly those with no referencing action.
    const unused = await consolePage.api(
      'GET',
      '/api/v1/user_credentials?filter=UNUSED_IN_ACTIONS&per_page=500',
      { secret: owner },
    );
    expect(
      (unused.body as { user_credentials: CredentialItem[] }).user_credentials.map((c) => c.id),
    ).toEqual(withRefs.filter((item) => (item.action_ids ?? []).length === 0).map((c) => c.id));

    // One credential by id: the same fields; an unknown one is 404.
    const first = body.user_credentials[0];
    if (first !== undefined) {
      const one = await consolePage.api('GET', `/api/v1/user_credentials/${first.id}`, {
        secret: owner,
      });
      expect(one.status).toBe(200);
      expect(one.body).toEqual(first);
    }
    const missing = await consolePage.api('GET', '/api/v1/user_credentials/cred_9999', {
      secret: owner,
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'CREDENTIAL_NOT_FOUND' } });

    // Pagination and a bad query.
    const page = await consolePage.api('GET', '/api/v1/user_credentials?per_page=1', {
      secret: owner,
    });
    expect(page.body).toMatchObject({ meta: { per_page: 1, count: body.meta.count } });
    const bad = await consolePage.api('GET', '/api/v1/user_credentials?per_page=0', {
      secret: owner,
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: 'per_page must be a whole number from 1 to 500; got "0".',
      },
    });
  });

  test('answers each key by its scope and its creator’s roles: 200, 403 or 401', async ({
    consolePage,
    page,
  }) => {
    const owner = await consolePage.secretOf('Jane tenant owner');
    const team = await consolePage.secretOf('Jane team');
    const service = await consolePage.secretOf('Jane service');
    const personal = await consolePage.secretOf('Jane personal');
    const vera = await consolePage.secretOf('Vera personal');

    // A team key sees only what its team may use: its own, GLOBAL, SPECIFIC_TEAMS naming it.
    const teamList = await consolePage.api('GET', '/api/v1/user_credentials?per_page=500', {
      secret: team,
    });
    expect(teamList.status).toBe(200);
    expect(teamList.headers['x-simulator-rule']).toBe('perm.list-credentials');
    for (const item of (teamList.body as { user_credentials: CredentialItem[] }).user_credentials) {
      const reachable =
        item.team_id === 'team_automation' ||
        item.read_access === 'GLOBAL' ||
        (item.read_access === 'SPECIFIC_TEAMS' &&
          item.shared_team_slugs.includes('team_automation'));
      expect(reachable, item.slug).toBe(true);
    }

    for (const path of ['/api/v1/user_credentials', '/api/v1/stories']) {
      const refused = await consolePage.api('GET', path, { secret: service });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'NO_TEAM_ACCESS' } });
    }
    const notOnTeam = await consolePage.api('GET', '/api/v1/stories?team_id=team_secops', {
      secret: vera,
    });
    expect(notOnTeam.status).toBe(403);
    expect(notOnTeam.body).toMatchObject({
      error: { code: 'NOT_ON_TEAM', rule: 'perm.list-stories' },
    });
    expect((await consolePage.api('GET', '/api/v1/user_credentials')).status).toBe(401);

    // The permission matrix shows the same answers in its new columns.
    const ownerId = await consolePage.keyId('Jane tenant owner');
    const serviceId = await consolePage.keyId('Jane service');
    for (const column of ['list_credentials', 'get_credential', 'list_stories']) {
      await expect(page.locator(`td[data-testid="perm-${ownerId}:${column}"]`)).toHaveAttribute(
        'data-status',
        '200',
      );
      await expect(page.locator(`td[data-testid="perm-${serviceId}:${column}"]`)).toHaveAttribute(
        'data-status',
        '403',
      );
    }

    // Deactivate Jane with her tenant owner key: her personal key then answers 401 here too.
    const users = await consolePage.api('GET', '/api/v1/admin/users?per_page=100', {
      secret: owner,
    });
    const janeId = (users.body as { 'admin/users': Array<{ id: string; email: string }> })[
      'admin/users'
    ].find((user) => user.email === 'jane.tino@tinocorp.example')?.id;
    const off = await consolePage.api('PUT', `/api/v1/admin/users/${janeId}`, {
      secret: owner,
      body: JSON.stringify({ is_active: false }),
    });
    expect(off.status).toBe(200);
    const broken = await consolePage.api('GET', '/api/v1/user_credentials', { secret: personal });
    expect(broken.status).toBe(401);
    expect(broken.body).toMatchObject({ error: { code: 'OWNER_DEACTIVATED' } });
    await expect(
      page.locator(
        `td[data-testid="perm-${await consolePage.keyId('Jane personal')}:list_credentials"]`,
      ),
    ).toHaveAttribute('data-status', '401');
    // Her team key is its own principal: still 200.
    expect((await consolePage.api('GET', '/api/v1/stories', { secret: team })).status).toBe(200);
  });

  test('jane-tino: Jane’s keys as credentials, the stories using them, and her drafts gone with her (S9)', async ({
    consolePage,
  }) => {
    const owner = await consolePage.secretOf('Jane tenant owner');
    const vera = await consolePage.secretOf('Vera personal');
    const get = async <T>(path: string, secret = owner): Promise<T> => {
      const answer = await consolePage.api('GET', path, { secret });
      expect(answer.status, path).toBe(200);
      return answer.body as T;
    };
    const users = await get<{ 'admin/users': Array<{ id: string; email: string }> }>(
      '/api/v1/admin/users?per_page=100',
    );
    const janeId = users['admin/users'].find(
      (user) => user.email === 'jane.tino@tinocorp.example',
    )?.id;
    const stories = (await get<{ stories: StoryItem[] }>('/api/v1/stories?per_page=500')).stories;
    const storyId = (name: string) => stories.find((story) => story.name === name)?.id;
    const credentials = (
      await get<{ user_credentials: CredentialItem[] }>(
        '/api/v1/user_credentials?include_references=true&per_page=500',
      )
    ).user_credentials;
    const named = (name: string) => credentials.find((credential) => credential.name === name);

    expect(credentials.map((credential) => credential.name)).toEqual([
      'Jane personal API key',
      'Jane team API key',
      'Jane service API key',
      'Jane tenant owner API key',
      'Jane drafts audit key',
    ]);
    expect(named('Jane personal API key')).toMatchObject({
      slug: 'jane_personal_api_key',
      team_id: 'team_automation',
      read_access: 'GLOBAL',
      simulator_drafts_of: null,
      story_ids: [storyId('User sync'), storyId('SecOps user watch')],
    });
    expect(named('Jane drafts audit key')).toMatchObject({
      team_id: null,
      read_access: 'GLOBAL',
      simulator_drafts_of: janeId,
      story_ids: [storyId('SecOps audit digest')],
    });
    expect(named('Jane team API key')?.story_ids).toEqual([storyId('Team members report')]);
    // Every credential of the FAQ tenant is used by some action.
    expect(
      await get<{ user_credentials: CredentialItem[] }>(
        '/api/v1/user_credentials?filter=UNUSED_IN_ACTIONS',
      ),
    ).toMatchObject({ user_credentials: [], meta: { count: 0 } });
    // Vera, a viewer of Team Automation, reads its credentials' metadata and the GLOBAL one in
    // Jane's drafts; she is not on Team SecOps, so its stories are not hers to list.
    expect(
      (await get<{ user_credentials: CredentialItem[] }>('/api/v1/user_credentials', vera))
        .user_credentials,
    ).toHaveLength(5);
    expect(
      (await get<{ stories: StoryItem[] }>('/api/v1/stories', vera)).stories.map((s) => s.name),
    ).toEqual(['User sync', 'Audit export', 'Team members report', 'Access review']);

    // Delete Jane with her tenant owner key: her drafts' credential goes with her (S9).
    const drafts = named('Jane drafts audit key');
    const deleted = await consolePage.api('DELETE', `/api/v1/admin/users/${janeId}`, {
      secret: owner,
    });
    expect(deleted.status).toBe(204);
    expect(
      (await consolePage.api('GET', `/api/v1/user_credentials/${drafts?.id}`, { secret: owner }))
        .status,
    ).toBe(404);
    const after = await get<{ user_credentials: CredentialItem[] }>(
      '/api/v1/user_credentials?include_references=true',
    );
    expect(after.user_credentials.map((credential) => credential.name)).not.toContain(
      'Jane drafts audit key',
    );
    // Her team's credentials stay; the SecOps story that used the drafts one now resolves nothing.
    expect(after.user_credentials).toHaveLength(4);
  });

  test('the request console offers the new reads as examples', async ({ consolePage }) => {
    await consolePage.apiRegion
      .getByRole('combobox', { name: 'Example', exact: true })
      .selectOption({ label: 'List credentials: GET /api/v1/user_credentials' });
    await expect(
      consolePage.apiRegion.getByRole('textbox', { name: 'Path', exact: true }),
    ).toHaveValue('/api/v1/user_credentials');
  });
});

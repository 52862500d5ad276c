// @vitest-environment node
/**
 * `GET /api/v1/user_credentials`, `GET /api/v1/user_credentials/{id}` and `GET /api/v1/stories`
 * (S12), and the credential operations in `GET /api/v1/audit_logs`, over the FAQ tenant with
 * credentials and stories built here event by event (one of each kind the rules tell apart).
 */
import { describe, expect, it } from 'vitest';
import { apply, replay } from '../apply';
import {
  addAction,
  changeCredentialSharing,
  changeStatus,
  createCredential,
  createKey,
  createStory,
  deleteCredential,
  recordStoryRun,
  rotateCredential,
} from '../commands';
import type { TenantEvent } from '../events';
import type { Credential, CredentialValue, Tenant } from '../model';
import { janeTinoScenario } from '../scenarios/jane-tino';
import { accountNamed, keyNamed } from '../testing/named';
import type { ApiOutcome, ApiState } from './api-types';
import { handleApiRequest } from './handle-request';

const AUTOMATION = 'team_automation';
const SECOPS = 'team_secops';

/** What the tests build themselves; the scenario's own (if it has any) are left out. */
const BUILT_HERE = new Set<TenantEvent['type']>([
  'credential_created',
  'credential_rotated',
  'credential_sharing_changed',
  'credential_deleted',
  'story_created',
  'action_added',
  'action_changed',
  'story_run_recorded',
]);

/**
 * The FAQ tenant's people and keys plus credentials and stories made here, so that the expected
 * lists are this file's alone; names of what each step made, for the tests.
 */
function buildState() {
  const faq = janeTinoScenario.events.filter((event) => !BUILT_HERE.has(event.type));
  const scenario = replay(janeTinoScenario.genesis, faq).tenant;
  let tenant: Tenant = scenario;
  const events: TenantEvent[] = [...faq];
  const step = <E extends TenantEvent>(make: (t: Tenant) => E): E => {
    const event = make(tenant);
    const result = apply(tenant, event);
    if (!result.ok) throw new Error(`${event.type}: ${result.refusal.reason}`);
    tenant = result.tenant;
    events.push(event);
    return event;
  };
  const jane = accountNamed(scenario, 'Jane Tino');
  const eli = accountNamed(scenario, 'Eli Brooks');
  const keyValue = (name: string): CredentialValue => ({
    kind: 'key',
    keyId: keyNamed(tenant, name).id,
  });
  const external: CredentialValue = { kind: 'external' };
  // A team key of SecOps only: it reaches Automation's credentials only through their sharing.
  step((t) =>
    createKey(t, {
      name: 'SecOps team',
      scope: 'team',
      createdBy: jane.id,
      teamRoles: { [SECOPS]: 'viewer' },
      permissions: [],
    }),
  );
  const credential = (
    name: string,
    home: { teamId: string } | { draftsOf: string },
    value: CredentialValue,
    sharing: Pick<Credential, 'readAccess'> & { sharedTeams?: string[] } = { readAccess: 'TEAM' },
  ) => step((t) => createCredential(t, { ...home, name, value, ...sharing })).credentialId;
  const ids = {
    personal: credential('Jane personal key', { teamId: AUTOMATION }, keyValue('Jane personal')),
    team: credential('Jane team key', { teamId: AUTOMATION }, keyValue('Jane team')),
    service: credential('Jane service key', { teamId: AUTOMATION }, keyValue('Jane service')),
    globalLookup: credential('Shared lookup', { teamId: AUTOMATION }, external, {
      readAccess: 'GLOBAL',
    }),
    secopsShare: credential('SecOps share', { teamId: AUTOMATION }, external, {
      readAccess: 'SPECIFIC_TEAMS',
      sharedTeams: [SECOPS],
    }),
    secopsOnly: credential('SecOps only', { teamId: SECOPS }, external),
    // Same name as Automation's GLOBAL one: SecOps' stories resolve to their own (S11).
    secopsLookup: credential('Shared lookup', { teamId: SECOPS }, external),
    janeDrafts: credential('Jane drafts key', { draftsOf: jane.id }, keyValue('Jane personal'), {
      readAccess: 'GLOBAL',
    }),
    eliDrafts: credential('Eli drafts', { draftsOf: eli.id }, external),
    unused: credential('Unused external', { teamId: AUTOMATION }, external),
    deleted: credential('Old key', { teamId: AUTOMATION }, keyValue('Jane personal')),
  };
  step((t) => deleteCredential(t, ids.deleted));

  const story = (name: string, home: { teamId: string } | { draftsOf: string }) =>
    step((t) => createStory(t, { ...home, name })).storyId;
  const action = (storyId: string, name: string, path: string, credentialSlug: string) =>
    step((t) => addAction(t, storyId, { name, method: 'GET', path, credential: credentialSlug }))
      .actionId;
  const userSync = story('User sync', { teamId: AUTOMATION });
  const auditExport = story('Audit export', { teamId: AUTOMATION });
  const secopsReport = story('SecOps report', { teamId: SECOPS });
  const janeSandbox = story('Jane sandbox', { draftsOf: jane.id });
  const eliScratch = story('Eli scratch', { draftsOf: eli.id });
  const stories = { userSync, auditExport, secopsReport, janeSandbox, eliScratch };
  const actions = {
    listUsers: action(userSync, 'List users', '/api/v1/admin/users', 'jane_personal_key'),
    getUser: action(userSync, 'Get Jane', `/api/v1/admin/users/${jane.id}`, 'jane_personal_key'),
    export: action(auditExport, 'Export', '/api/v1/audit_logs', 'jane_service_key'),
    lookup: action(secopsReport, 'Lookup', '/api/v1/info', 'shared_lookup'),
    members: action(secopsReport, 'Members', `/api/v1/teams/${SECOPS}/members`, 'jane_drafts_key'),
    shared: action(secopsReport, 'Shared', '/api/v1/info', 'secops_share'),
    sandbox: action(janeSandbox, 'Sandbox', '/api/v1/info', 'jane_drafts_key'),
    scratch: action(eliScratch, 'Scratch', '/api/v1/info', 'eli_drafts'),
  };
  step((t) =>
    recordStoryRun(t, userSync, [
      { actionId: actions.listUsers, status: 200, rule: 'perm.owner-access' },
      { actionId: actions.getUser, status: 200, rule: 'perm.owner-access' },
    ]),
  );
  return { state: { tenant, events } as ApiState, ids, stories, actions, jane, eli };
}

const fixture = buildState();
const { state, ids, stories, actions, jane, eli } = fixture;

function get(url: string, keyName: string | null, at: ApiState = state): ApiOutcome {
  const headers: Record<string, string> =
    keyName === null ? {} : { authorization: `Bearer ${keyNamed(at.tenant, keyName).secret}` };
  return handleApiRequest(at, { method: 'GET', url, headers, body: null });
}

function json(outcome: ApiOutcome): Record<string, unknown> {
  return outcome.response.body as Record<string, unknown>;
}

type Listed = Array<Record<string, unknown> & { id: string }>;

function listed(outcome: ApiOutcome, field: 'user_credentials' | 'stories'): Listed {
  expect(outcome.response.status).toBe(200);
  return json(outcome)[field] as Listed;
}

const idsOf = (outcome: ApiOutcome, field: 'user_credentials' | 'stories' = 'user_credentials') =>
  listed(outcome, field).map((item) => item.id);

function errorOf(outcome: ApiOutcome) {
  return json(outcome)['error'] as { code: string; message: string; rule: string };
}

/** Every key secret of the tenant, for checking that no response ever carries one. */
const SECRETS = [...state.tenant.keys.values()].map((key) => key.secret);

function expectNoSecret(outcome: ApiOutcome) {
  const text = JSON.stringify(outcome.response);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/"value"|"secret"|keyId|key_id/);
}

const ALL_LIVE = [
  ids.personal,
  ids.team,
  ids.service,
  ids.globalLookup,
  ids.secopsShare,
  ids.secopsOnly,
  ids.secopsLookup,
  ids.janeDrafts,
  ids.eliDrafts,
  ids.unused,
];

describe('GET /api/v1/user_credentials', () => {
  it('lists credentials in the vendor’s fields (S12), never a value or a secret', () => {
    const outcome = get('/api/v1/user_credentials?per_page=100', 'Jane tenant owner');
    const items = listed(outcome, 'user_credentials');
    expect(items.find((item) => item.id === ids.secopsShare)).toEqual({
      id: ids.secopsShare,
      name: 'SecOps share',
      mode: 'TEXT',
      team_id: AUTOMATION,
      folder_id: null,
      read_access: 'SPECIFIC_TEAMS',
      shared_team_slugs: ['team_secops'],
      description: null,
      slug: 'secops_share',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      simulator_drafts_of: null,
    });
    expect(items.find((item) => item.id === ids.janeDrafts)).toMatchObject({
      team_id: null,
      read_access: 'GLOBAL',
      shared_team_slugs: [],
      simulator_drafts_of: jane.id,
    });
    expect(outcome.response.headers['x-simulator-rule']).toBe('perm.owner-access');
    expectNoSecret(outcome);
  });

  it('leaves deleted credentials out, and those deleted with their owner’s drafts (S9)', () => {
    expect(idsOf(get('/api/v1/user_credentials?per_page=100', 'Jane tenant owner'))).toEqual(
      ALL_LIVE,
    );
    let after = state;
    const deletion = changeStatus(state.tenant, 'account_deleted', eli.id);
    const result = apply(state.tenant, deletion);
    if (!result.ok) throw new Error(result.refusal.reason);
    after = { tenant: result.tenant, events: [...state.events, deletion] };
    expect(idsOf(get('/api/v1/user_credentials?per_page=100', 'Jane tenant owner', after))).toEqual(
      ALL_LIVE.filter((id) => id !== ids.eliDrafts),
    );
  });

  it('paginates like the users list: per_page 1–500 (default 20), page, meta against the domain', () => {
    const first = get('/api/v1/user_credentials?per_page=4', 'Jane tenant owner');
    expect(idsOf(first)).toEqual(ALL_LIVE.slice(0, 4));
    expect(json(first)['meta']).toEqual({
      current_page: 'https://tino-corp-1234.tines.com/api/v1/user_credentials?per_page=4&page=1',
      previous_page: null,
      next_page: 'https://tino-corp-1234.tines.com/api/v1/user_credentials?per_page=4&page=2',
      next_page_number: 2,
      per_page: 4,
      pages: 3,
      count: 10,
    });
    const last = get('/api/v1/user_credentials?per_page=4&page=3', 'Jane tenant owner');
    expect(idsOf(last)).toEqual(ALL_LIVE.slice(8));
    expect(json(last)['meta']).toMatchObject({ next_page: null, next_page_number: null });
    expect(idsOf(get('/api/v1/user_credentials?page=9', 'Jane tenant owner'))).toEqual([]);
    const standard = get('/api/v1/user_credentials', 'Jane tenant owner');
    expect(json(standard)['meta']).toMatchObject({ per_page: 20, pages: 1, count: 10 });
  });

  it('filters by the owning team with team_id (shared-in credentials are not the team’s)', () => {
    expect(idsOf(get(`/api/v1/user_credentials?team_id=${SECOPS}`, 'Jane tenant owner'))).toEqual([
      ids.secopsOnly,
      ids.secopsLookup,
    ]);
    expect(idsOf(get(`/api/v1/user_credentials?team_id=${SECOPS}`, 'Sam personal'))).toEqual([
      ids.secopsOnly,
      ids.secopsLookup,
    ]);
  });

  it('lists with filter=UNUSED_IN_ACTIONS only what no live action resolves to', () => {
    // Automation's GLOBAL "Shared lookup" is shadowed in SecOps by SecOps' own (S11): unused.
    expect(
      idsOf(get('/api/v1/user_credentials?filter=UNUSED_IN_ACTIONS', 'Jane tenant owner')),
    ).toEqual([ids.team, ids.globalLookup, ids.secopsOnly, ids.unused]);
    expect(
      idsOf(
        get(
          `/api/v1/user_credentials?filter=UNUSED_IN_ACTIONS&team_id=${AUTOMATION}&per_page=1&page=2`,
          'Jane tenant owner',
        ),
      ),
    ).toEqual([ids.globalLookup]);
  });

  it('adds story_ids and action_ids with include_references=true, as resolution decides', () => {
    const items = listed(
      get('/api/v1/user_credentials?include_references=true', 'Jane tenant owner'),
      'user_credentials',
    );
    const refs = Object.fromEntries(
      items.map((item) => [
        item.id,
        { story_ids: item['story_ids'], action_ids: item['action_ids'] },
      ]),
    );
    expect(refs[ids.personal]).toEqual({
      story_ids: [stories.userSync],
      action_ids: [actions.listUsers, actions.getUser],
    });
    expect(refs[ids.janeDrafts]).toEqual({
      story_ids: [stories.secopsReport, stories.janeSandbox],
      action_ids: [actions.members, actions.sandbox],
    });
    expect(refs[ids.secopsLookup]).toEqual({
      story_ids: [stories.secopsReport],
      action_ids: [actions.lookup],
    });
    expect(refs[ids.secopsShare]).toEqual({
      story_ids: [stories.secopsReport],
      action_ids: [actions.shared],
    });
    expect(refs[ids.globalLookup]).toEqual({ story_ids: [], action_ids: [] });
    const plain = listed(get('/api/v1/user_credentials', 'Jane tenant owner'), 'user_credentials');
    expect(plain[0]).not.toHaveProperty('story_ids');
    expect(
      listed(
        get('/api/v1/user_credentials?include_references=false', 'Jane tenant owner'),
        'user_credentials',
      )[0],
    ).not.toHaveProperty('action_ids');
  });

  it.each([
    ['per_page=0', 'per_page must be a whole number from 1 to 500; got "0".'],
    ['per_page=501', 'per_page must be a whole number from 1 to 500; got "501".'],
    ['page=-1', 'page must be a whole number from 1 to'],
    ['filter=RESTRICTED', 'filter must be UNUSED_IN_ACTIONS; got "RESTRICTED"'],
    ['include_references=yes', 'include_references must be true or false; got "yes".'],
    ['team_id=', 'team_id must name a team; got an empty value.'],
  ])('answers 400 for %s, with the reason', (query, message) => {
    const outcome = get(`/api/v1/user_credentials?${query}`, 'Jane tenant owner');
    expect(outcome.response.status).toBe(400);
    expect(errorOf(outcome)).toMatchObject({ code: 'BAD_REQUEST', rule: 'api.bad-request' });
    expect(errorOf(outcome).message).toContain(message);
  });

  it('answers 404 for an unknown team to an owner and 403 to a key without it', () => {
    const owner = get('/api/v1/user_credentials?team_id=team_nope', 'Jane tenant owner');
    expect(owner.response.status).toBe(404);
    expect(errorOf(owner).code).toBe('TEAM_NOT_FOUND');
    const team = get('/api/v1/user_credentials?team_id=team_nope', 'Jane team');
    expect(team.response.status).toBe(403);
    expect(errorOf(team)).toMatchObject({ code: 'NOT_ON_TEAM', rule: 'perm.list-credentials' });
  });

  it('answers 401 without a key and for a deactivated creator’s personal key', () => {
    expect(get('/api/v1/user_credentials', null).response.status).toBe(401);
    const result = apply(state.tenant, changeStatus(state.tenant, 'account_deactivated', jane.id));
    if (!result.ok) throw new Error(result.refusal.reason);
    const outcome = get('/api/v1/user_credentials', 'Jane personal', {
      ...state,
      tenant: result.tenant,
    });
    expect(outcome.response.status).toBe(401);
    expect(errorOf(outcome).code).toBe('OWNER_DEACTIVATED');
  });
});

describe('who sees which credentials (assumed from S11, S16)', () => {
  it.each<[string, string[] | 403]>([
    // Tenant owner access: everything, drafts included.
    ['Jane tenant owner', ALL_LIVE],
    ['Jane personal', ALL_LIVE],
    // Editor on Automation: Automation's own, and what is shared with all teams.
    [
      'Jane team',
      [
        ids.personal,
        ids.team,
        ids.service,
        ids.globalLookup,
        ids.secopsShare,
        ids.janeDrafts,
        ids.unused,
      ],
    ],
    // Viewer on Automation: the same (viewers read metadata).
    [
      'Sam team',
      [
        ids.personal,
        ids.team,
        ids.service,
        ids.globalLookup,
        ids.secopsShare,
        ids.janeDrafts,
        ids.unused,
      ],
    ],
    // Viewer on SecOps only: SecOps' own, GLOBAL, and SPECIFIC_TEAMS naming SecOps.
    [
      'SecOps team',
      [ids.globalLookup, ids.secopsShare, ids.secopsOnly, ids.secopsLookup, ids.janeDrafts],
    ],
    // Team admin of Automation and viewer of SecOps: both teams' own and the shared ones.
    ['Sam personal', ALL_LIVE.filter((id) => id !== ids.eliDrafts)],
    // Editor of Automation: Automation's, GLOBAL, and his own drafts (not Jane's TEAM drafts).
    [
      'Eli personal',
      [
        ids.personal,
        ids.team,
        ids.service,
        ids.globalLookup,
        ids.secopsShare,
        ids.janeDrafts,
        ids.eliDrafts,
        ids.unused,
      ],
    ],
    [
      'Vera personal',
      [
        ids.personal,
        ids.team,
        ids.service,
        ids.globalLookup,
        ids.secopsShare,
        ids.janeDrafts,
        ids.unused,
      ],
    ],
    // A service key holds tenant permissions only.
    ['Jane service', 403],
  ])('%s', (keyName, expected) => {
    const outcome = get('/api/v1/user_credentials?per_page=100', keyName);
    if (expected === 403) {
      expect(outcome.response.status).toBe(403);
      expect(errorOf(outcome)).toMatchObject({
        code: 'NO_TEAM_ACCESS',
        rule: 'perm.list-credentials',
      });
      return;
    }
    expect(idsOf(outcome)).toEqual(expected);
    expectNoSecret(outcome);
  });

  it('follows a person’s current roles: Vera, moved to SecOps, sees SecOps’ and no longer Automation’s', async () => {
    const { changeRoles } = await import('../commands');
    const vera = accountNamed(state.tenant, 'Vera Lin');
    const event = changeRoles(state.tenant, vera.id, {
      tenantRole: 'user',
      permissions: [],
      teamRoles: { [SECOPS]: 'viewer' },
    });
    const result = apply(state.tenant, event);
    if (!result.ok) throw new Error(result.refusal.reason);
    const moved = { tenant: result.tenant, events: [...state.events, event] };
    expect(idsOf(get('/api/v1/user_credentials', 'Vera personal', moved))).toEqual([
      ids.globalLookup,
      ids.secopsShare,
      ids.secopsOnly,
      ids.secopsLookup,
      ids.janeDrafts,
    ]);
    expect(
      get(`/api/v1/user_credentials?team_id=${AUTOMATION}`, 'Vera personal', moved).response.status,
    ).toBe(403);
  });
});

describe('GET /api/v1/user_credentials/{id}', () => {
  it('answers one credential in the list’s fields, with references on request', () => {
    const outcome = get(`/api/v1/user_credentials/${ids.service}`, 'Eli personal');
    expect(outcome.response.status).toBe(200);
    expect(json(outcome)).toMatchObject({
      id: ids.service,
      name: 'Jane service key',
      slug: 'jane_service_key',
      team_id: AUTOMATION,
      read_access: 'TEAM',
    });
    expect(json(outcome)).not.toHaveProperty('story_ids');
    expect(outcome.response.headers['x-simulator-rule']).toBe('perm.get-credential');
    expectNoSecret(outcome);
    const withRefs = get(
      `/api/v1/user_credentials/${ids.service}?include_references=true`,
      'Eli personal',
    );
    expect(json(withRefs)).toMatchObject({
      story_ids: [stories.auditExport],
      action_ids: [actions.export],
    });
    expect(
      get(`/api/v1/user_credentials/${ids.service}?include_references=maybe`, 'Eli personal')
        .response.status,
    ).toBe(400);
  });

  it('answers 404 for an unknown or deleted credential', () => {
    for (const id of ['cred_9999', ids.deleted]) {
      const outcome = get(`/api/v1/user_credentials/${id}`, 'Jane team');
      expect(outcome.response.status).toBe(404);
      expect(errorOf(outcome)).toMatchObject({
        code: 'CREDENTIAL_NOT_FOUND',
        rule: 'api.not-found',
      });
    }
  });

  it.each<[string, string, number, string]>([
    ['Jane tenant owner', 'eliDrafts', 200, 'perm.owner-access'],
    ['Eli personal', 'eliDrafts', 200, 'perm.get-credential'],
    ['Vera personal', 'eliDrafts', 403, 'CREDENTIAL_NOT_SHARED'],
    ['Jane team', 'secopsOnly', 403, 'CREDENTIAL_NOT_SHARED'],
    ['SecOps team', 'secopsShare', 200, 'perm.get-credential'],
    ['SecOps team', 'personal', 403, 'CREDENTIAL_NOT_SHARED'],
    ['SecOps team', 'janeDrafts', 200, 'perm.get-credential'],
    ['Jane service', 'globalLookup', 403, 'NO_TEAM_ACCESS'],
    ['Jane service', 'deleted', 403, 'NO_TEAM_ACCESS'],
  ])('%s reading %s answers %i (%s)', (keyName, which, status, ruleOrCode) => {
    const id = ids[which as keyof typeof ids];
    const outcome = get(`/api/v1/user_credentials/${id}`, keyName);
    expect(outcome.response.status).toBe(status);
    if (status === 200) expect(outcome.response.headers['x-simulator-rule']).toBe(ruleOrCode);
    else expect(errorOf(outcome)).toMatchObject({ code: ruleOrCode, rule: 'perm.get-credential' });
  });

  it('says in a 403 where the credential lives and how it is shared', () => {
    const outcome = get(`/api/v1/user_credentials/${ids.secopsOnly}`, 'Jane team');
    expect(errorOf(outcome).message).toContain(
      `GET /api/v1/user_credentials/${ids.secopsOnly} (a credential of team_secops, read access TEAM) is not allowed for "Jane team"`,
    );
  });
});

describe('GET /api/v1/stories', () => {
  it('lists live stories with the vendor’s story fields and the simulator’s actions summary', () => {
    const outcome = get('/api/v1/stories', 'Jane tenant owner');
    const items = listed(outcome, 'stories');
    expect(items.map((item) => item.id)).toEqual([
      stories.userSync,
      stories.auditExport,
      stories.secopsReport,
      stories.janeSandbox,
      stories.eliScratch,
    ]);
    expect(items[0]).toMatchObject({
      id: stories.userSync,
      name: 'User sync',
      team_id: AUTOMATION,
      user_id: null,
      description: null,
      folder_id: null,
      simulator_drafts_of: null,
      simulator_actions: [
        {
          id: actions.listUsers,
          name: 'List users',
          method: 'GET',
          path: '/api/v1/admin/users',
          credential_slugs: ['jane_personal_key'],
        },
        expect.objectContaining({ id: actions.getUser }),
      ],
      simulator_last_run: {
        at: expect.stringMatching(/Z$/),
        results: [
          { action_id: actions.listUsers, status: 200, rule: 'perm.owner-access' },
          { action_id: actions.getUser, status: 200, rule: 'perm.owner-access' },
        ],
      },
    });
    expect(items[3]).toMatchObject({
      team_id: null,
      simulator_drafts_of: jane.id,
      user_id: jane.id,
    });
    expect(items[1]).toMatchObject({ simulator_last_run: null });
    expect(json(outcome)['meta']).toMatchObject({ count: 5, per_page: 20, pages: 1 });
    // No header value is returned: a story's request shows which credentials, never what they hold.
    expect(JSON.stringify(outcome.response)).not.toContain('Bearer');
    expectNoSecret(outcome);
  });

  it('filters by team_id and paginates', () => {
    expect(idsOf(get(`/api/v1/stories?team_id=${SECOPS}`, 'Jane tenant owner'), 'stories')).toEqual(
      [stories.secopsReport],
    );
    const page = get('/api/v1/stories?per_page=2&page=2', 'Jane tenant owner');
    expect(idsOf(page, 'stories')).toEqual([stories.secopsReport, stories.janeSandbox]);
    expect(json(page)['meta']).toMatchObject({ pages: 3, next_page_number: 3 });
    expect(get('/api/v1/stories?per_page=abc', 'Jane tenant owner').response.status).toBe(400);
    expect(get('/api/v1/stories?team_id=team_nope', 'Jane tenant owner').response.status).toBe(404);
  });

  it.each<[string, string[] | 403]>([
    ['Jane team', [stories.userSync, stories.auditExport]],
    ['SecOps team', [stories.secopsReport]],
    ['Sam personal', [stories.userSync, stories.auditExport, stories.secopsReport]],
    ['Eli personal', [stories.userSync, stories.auditExport, stories.eliScratch]],
    ['Vera personal', [stories.userSync, stories.auditExport]],
    ['Jane service', 403],
  ])('%s sees its teams’ stories and its own drafts', (keyName, expected) => {
    const outcome = get('/api/v1/stories', keyName);
    if (expected === 403) {
      expect(errorOf(outcome)).toMatchObject({ code: 'NO_TEAM_ACCESS', rule: 'perm.list-stories' });
      return;
    }
    expect(idsOf(outcome, 'stories')).toEqual(expected);
    expect(outcome.response.headers['x-simulator-rule']).toBe('perm.list-stories');
  });

  it('answers 403 for a team the key has no role on, and leaves drafts deleted with their owner out', () => {
    const outcome = get(`/api/v1/stories?team_id=${SECOPS}`, 'Vera personal');
    expect(errorOf(outcome)).toMatchObject({ code: 'NOT_ON_TEAM', rule: 'perm.list-stories' });
    const deletion = changeStatus(state.tenant, 'account_deleted', eli.id);
    const result = apply(state.tenant, deletion);
    if (!result.ok) throw new Error(result.refusal.reason);
    const after = { tenant: result.tenant, events: [...state.events, deletion] };
    expect(idsOf(get('/api/v1/stories', 'Jane tenant owner', after), 'stories')).not.toContain(
      stories.eliScratch,
    );
  });

  it('still creates stories with POST on the same path', () => {
    const outcome = handleApiRequest(state, {
      method: 'POST',
      url: '/api/v1/stories',
      headers: { authorization: `Bearer ${keyNamed(state.tenant, 'Jane team').secret}` },
      body: JSON.stringify({ team_id: AUTOMATION, name: 'New' }),
    });
    expect(outcome.response.status).toBe(201);
  });
});

describe('credential operations in GET /api/v1/audit_logs', () => {
  /** The state after rotating and resharing the personal key's credential, as the console would. */
  function withChanges(): ApiState {
    let tenant = state.tenant;
    const events = [...state.events];
    for (const make of [
      (t: Tenant) =>
        rotateCredential(t, ids.personal, { kind: 'key', keyId: keyNamed(t, 'Jane team').id }),
      (t: Tenant) => changeCredentialSharing(t, ids.personal, { readAccess: 'GLOBAL' }),
      (t: Tenant) => deleteCredential(t, ids.unused),
    ]) {
      const event = make(tenant);
      const result = apply(tenant, event);
      if (!result.ok) throw new Error(result.refusal.reason);
      tenant = result.tenant;
      events.push(event);
    }
    return { tenant, events };
  }

  it('names them CredentialSave, CredentialReplacement and CredentialDestruction, newest first', () => {
    const after = withChanges();
    const outcome = get(
      '/api/v1/audit_logs?operation_name[]=CredentialSave&operation_name[]=CredentialReplacement&operation_name[]=CredentialDestruction&per_page=3',
      'Jane tenant owner',
      after,
    );
    expect(outcome.response.status).toBe(200);
    const entries = json(outcome)['audit_logs'] as Array<Record<string, unknown>>;
    expect(entries.map((entry) => entry['operation_name'])).toEqual([
      'CredentialDestruction',
      'CredentialSave',
      'CredentialReplacement',
    ]);
    expect(entries.map((entry) => entry['inputs'])).toEqual([
      { inputs: { credentialId: ids.unused } },
      { inputs: { credentialId: ids.personal, readAccess: 'GLOBAL', sharedTeams: [] } },
      {
        inputs: {
          credentialId: ids.personal,
          holds: { kind: 'key', keyId: keyNamed(after.tenant, 'Jane team').id },
        },
      },
    ]);
  });

  it('logs every credential’s creation as CredentialSave, naming what it holds but never a secret', () => {
    const after = withChanges();
    const outcome = get(
      '/api/v1/audit_logs?operation_name=CredentialSave&per_page=500',
      'Jane service',
      after,
    );
    expect(outcome.response.status).toBe(200);
    const entries = json(outcome)['audit_logs'] as Array<{
      inputs: { inputs: Record<string, unknown> };
    }>;
    // 11 creations and one sharing change.
    expect(entries).toHaveLength(12);
    expect(entries.at(-1)?.inputs.inputs).toEqual({
      credentialId: ids.personal,
      name: 'Jane personal key',
      mode: 'TEXT',
      teamId: AUTOMATION,
      draftsOf: null,
      readAccess: 'TEAM',
      sharedTeams: [],
      holds: { kind: 'key', keyId: keyNamed(after.tenant, 'Jane personal').id },
    });
    const whole = JSON.stringify(
      get('/api/v1/audit_logs?per_page=500', 'Jane tenant owner', after).response,
    );
    for (const key of after.tenant.keys.values()) expect(whole).not.toContain(key.secret);
  });
});

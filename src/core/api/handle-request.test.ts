// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '../../test/property';
import { apply, replay } from '../apply';
import { changeStatus, deleteKey } from '../commands';
import type { TenantEvent } from '../events';
import { evaluateKey } from '../key-verdict';
import type { ApiOperation } from '../permissions';
import { janeTinoScenario } from '../scenarios/jane-tino';
import { accountNamed, keyNamed } from '../testing/named';
import { EXPECTED_PERMISSIONS, permissionOperations } from '../testing/permission-table';
import { LIFECYCLE_STAGES, runStage } from '../what-if';
import type { ApiOutcome, ApiRequest, ApiState } from './api-types';
import { curlCommand, shellQuote } from './curl';
import { handleApiRequest, SIMULATED_NOTE } from './handle-request';

const start = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const startState: ApiState = { tenant: start, events: janeTinoScenario.events };

const jane = accountNamed(start, 'Jane Tino');
// Alex is the target of the user endpoints in the table: no key's creator, so always there.
const alex = accountNamed(start, 'Alex Morgan');
const secret = (name: string) => keyNamed(start, name).secret;

function request(
  method: string,
  url: string,
  options: { secret?: string; headers?: Record<string, string>; body?: string } = {},
): ApiRequest {
  const headers: Record<string, string> = { ...options.headers };
  if (options.secret !== undefined) headers['authorization'] = `Bearer ${options.secret}`;
  return { method, url, headers, body: options.body ?? null };
}

function send(state: ApiState, req: ApiRequest): ApiOutcome {
  return handleApiRequest(state, req);
}

/** The state after the outcome's events are appended, as the store does. */
function commit(state: ApiState, outcome: ApiOutcome): ApiState {
  let tenant = state.tenant;
  for (const event of outcome.events) {
    const result = apply(tenant, event);
    if (!result.ok) throw new Error(result.refusal.reason);
    tenant = result.tenant;
  }
  return { tenant, events: [...state.events, ...outcome.events] };
}

function body(outcome: ApiOutcome): Record<string, unknown> {
  return outcome.response.body as Record<string, unknown>;
}

function errorOf(outcome: ApiOutcome) {
  return body(outcome)['error'] as { status: number; code: string; message: string; rule: string };
}

/** The request each column of the permission table stands for, and its success status. */
function requestFor(operation: ApiOperation, key: string): { req: ApiRequest; success: number } {
  switch (operation.kind) {
    case 'info':
      return { req: request('GET', '/api/v1/info', { secret: key }), success: 200 };
    case 'list_users':
      return { req: request('GET', '/api/v1/admin/users', { secret: key }), success: 200 };
    case 'get_user':
      return {
        req: request('GET', `/api/v1/admin/users/${operation.userId}`, { secret: key }),
        success: 200,
      };
    case 'update_user':
      return {
        req: request('PUT', `/api/v1/admin/users/${operation.userId}`, {
          secret: key,
          body: '{"admin": true}',
        }),
        success: 200,
      };
    case 'delete_user':
      return {
        req: request('DELETE', `/api/v1/admin/users/${operation.userId}`, { secret: key }),
        success: 204,
      };
    case 'audit_logs':
      return { req: request('GET', '/api/v1/audit_logs', { secret: key }), success: 200 };
    case 'team_members':
      return {
        req: request('GET', `/api/v1/teams/${operation.teamId}/members`, { secret: key }),
        success: 200,
      };
    case 'create_story':
      return {
        req: request('POST', '/api/v1/stories', {
          secret: key,
          body: JSON.stringify({ team_id: operation.teamId, name: 'Triage' }),
        }),
        success: 201,
      };
    case 'list_credentials':
    case 'list_stories': {
      const path = operation.kind === 'list_stories' ? 'stories' : 'user_credentials';
      const query = operation.teamId === null ? '' : `?team_id=${operation.teamId}`;
      return { req: request('GET', `/api/v1/${path}${query}`, { secret: key }), success: 200 };
    }
    case 'get_credential':
      return {
        req: request('GET', `/api/v1/user_credentials/${operation.credentialId}`, { secret: key }),
        success: 200,
      };
  }
}

describe('the simulated API, endpoint x key x lifecycle stage of its creator', () => {
  const operations = permissionOperations(alex.id);
  describe.each(Object.entries(EXPECTED_PERMISSIONS))('%s', (keyName, statuses) => {
    it.each(LIFECYCLE_STAGES.map(({ stage, label }) => [label, stage] as const))(
      'answers as domain.md’s tables say when its creator is %s',
      (_, stage) => {
        const key = keyNamed(start, keyName);
        const outcome = runStage(start, key.createdBy, stage);
        if (!outcome.reachable) throw new Error(outcome.reason);
        const state: ApiState = { tenant: outcome.tenant, events: janeTinoScenario.events };
        // The seed's table: only a personal key dies with its creator (deactivated, deleted,
        // re-invited); every other key of every stage answers its permission.
        const personalBroken =
          key.scope === 'personal' && ['deactivated', 'deleted', 'reinvited'].includes(stage);
        const answers = operations.map(([, operation]) => {
          const { req, success } = requestFor(operation, key.secret);
          const status = send(state, req).response.status;
          return status === success ? 200 : status;
        });
        expect(answers).toEqual(personalBroken ? statuses.map(() => 401) : statuses);
      },
    );
  });
});

describe('authentication', () => {
  it('refuses a request without a key with 401 and says which headers to send', () => {
    const outcome = send(startState, request('GET', '/api/v1/info'));
    expect(outcome.response.status).toBe(401);
    expect(errorOf(outcome)).toMatchObject({ code: 'NO_CREDENTIALS', rule: 'api.no-credentials' });
    expect(errorOf(outcome).message).toContain('x-user-token');
    expect(outcome.response.headers['x-simulator-rule']).toBe('api.no-credentials');
    expect(outcome.response.headers['x-simulator-rule-source']).toBe('documented S2');
  });

  it('refuses an unknown secret with 401 UNKNOWN_KEY', () => {
    const outcome = send(startState, request('GET', '/api/v1/info', { secret: 'sim_nope' }));
    expect(outcome.response.status).toBe(401);
    expect(errorOf(outcome).code).toBe('UNKNOWN_KEY');
    expect(outcome.response.headers['x-simulator-rule']).toBe('auth.unknown-key');
  });

  it('accepts x-user-token as well as Authorization: Bearer', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/info', { headers: { 'x-user-token': secret('Vera personal') } }),
    );
    expect(outcome.response.status).toBe(200);
    expect(outcome.response.headers['x-simulator-key']).toBe(keyNamed(start, 'Vera personal').id);
  });

  it('refuses an Authorization header that is not Bearer', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/info', { headers: { authorization: 'Basic abc' } }),
    );
    expect(outcome.response.status).toBe(401);
    expect(errorOf(outcome).message).toContain('Bearer <key>');
  });

  it('refuses a deleted key with 401 KEY_REVOKED', () => {
    const deleted = apply(start, deleteKey(start, keyNamed(start, 'Sam team').id));
    if (!deleted.ok) throw new Error(deleted.refusal.reason);
    const outcome = send(
      { tenant: deleted.tenant, events: [] },
      request('GET', '/api/v1/info', { secret: secret('Sam team') }),
    );
    expect(outcome.response.status).toBe(401);
    expect(errorOf(outcome).code).toBe('KEY_REVOKED');
  });

  it('names the deactivated creator in a personal key’s 401', () => {
    const off = apply(start, changeStatus(start, 'account_deactivated', jane.id));
    if (!off.ok) throw new Error(off.refusal.reason);
    const outcome = send(
      { tenant: off.tenant, events: [] },
      request('GET', '/api/v1/info', { secret: secret('Jane personal') }),
    );
    expect(outcome.response.status).toBe(401);
    expect(errorOf(outcome)).toMatchObject({
      code: 'OWNER_DEACTIVATED',
      rule: 'auth.personal-owner-deactivated',
    });
    expect(errorOf(outcome).message).toContain('Jane Tino');
  });
});

describe('routing and bad input', () => {
  const owner = secret('Jane tenant owner');

  it('answers 404 for paths it does not serve, with or without a key', () => {
    for (const url of ['/api/v1/nothing', '/api/v2/info', '/api/v1/', '/api/v1/admin/users/a/b']) {
      const outcome = send(startState, request('GET', url, { secret: owner }));
      expect(outcome.response.status, url).toBe(404);
      expect(outcome.response.headers['x-simulator-rule']).toBe('api.not-found');
    }
    expect(send(startState, request('GET', '/api/v1/nothing')).response.status).toBe(404);
  });

  it('answers 405 with the allowed methods for a served path', () => {
    const outcome = send(startState, request('DELETE', '/api/v1/info', { secret: owner }));
    expect(outcome.response.status).toBe(405);
    expect(outcome.response.headers['allow']).toBe('GET');
  });

  it.each([
    ['malformed JSON', '{"is_active": fals', 'not valid JSON'],
    ['a list', '[1, 2]', 'must be a JSON object'],
    ['no body', '', 'needs a JSON object body'],
    ['an unknown field', '{"colour": "blue"}', 'Unsupported field: colour'],
    ['a field it does not simulate', '{"email": "x@y.z"}', 'email and names are not simulated'],
    ['a wrong type', '{"is_active": "no"}', 'is_active must be true or false'],
    ['nothing to change', '{}', 'Nothing to update'],
    ['an unknown permission', '{"tenant_permissions": ["ROOT"]}', 'tenant_permissions must be'],
  ])('answers 400 for %s in a PUT, and changes nothing', (_, text, message) => {
    const outcome = send(
      startState,
      request('PUT', `/api/v1/admin/users/${jane.id}`, { secret: owner, body: text }),
    );
    expect(outcome.response.status).toBe(400);
    expect(errorOf(outcome).code).toBe('BAD_REQUEST');
    expect(errorOf(outcome).message).toContain(message);
    expect(outcome.response.headers['x-simulator-rule']).toBe('api.bad-request');
    expect(outcome.events).toEqual([]);
  });

  it.each([
    ['per_page=0', 'per_page must be a whole number from 1 to 500'],
    ['per_page=501', 'per_page must be a whole number from 1 to 500'],
    ['page=two', 'page must be a whole number'],
    ['filter=ADMINS', 'filter must be TENANT_OWNER'],
  ])('answers 400 for the query %s', (query, message) => {
    const outcome = send(
      startState,
      request('GET', `/api/v1/admin/users?${query}`, { secret: owner }),
    );
    expect(outcome.response.status).toBe(400);
    expect(errorOf(outcome).message).toContain(message);
  });

  it('answers 400 for a story without team_id', () => {
    const outcome = send(
      startState,
      request('POST', '/api/v1/stories', { secret: owner, body: '{"name": "x"}' }),
    );
    expect(outcome.response.status).toBe(400);
    expect(errorOf(outcome).message).toBe('team_id is required.');
  });

  it('answers 400 for a story whose name holds a direction control, naming the field and the character', () => {
    const outcome = send(
      startState,
      request('POST', '/api/v1/stories', {
        secret: owner,
        body: JSON.stringify({
          team_id: 'team_automation',
          name: 'Quarterly \u202eLIAME_EKAF report',
        }),
      }),
    );
    expect(outcome.response.status).toBe(400);
    expect(errorOf(outcome)).toMatchObject({
      code: 'BAD_REQUEST',
      message:
        'name: contains the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE); names may not reorder the text around them.',
      rule: 'api.bad-request',
    });
    expect(outcome.events).toEqual([]);
  });

  it('says in every error body that the shape is the simulator’s own', () => {
    const outcome = send(startState, request('GET', '/api/v1/info'));
    expect(body(outcome)['simulated']).toBe(SIMULATED_NOTE);
    expect(SIMULATED_NOTE).toContain('does not document its error bodies');
  });
});

describe('users', () => {
  const owner = secret('Jane tenant owner');

  it('lists live users in the vendor’s shape, with pagination meta against the tenant domain', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/admin/users?per_page=2&page=2', { secret: owner }),
    );
    expect(outcome.response.status).toBe(200);
    const users = body(outcome)['admin/users'] as Array<Record<string, unknown>>;
    expect(users.map((user) => user['email'])).toEqual([
      'sam.patel@tinocorp.example',
      'eli.brooks@tinocorp.example',
    ]);
    expect(users[0]).toMatchObject({
      admin: false,
      is_active: true,
      first_name: 'Sam',
      last_name: 'Patel',
      tenant_permissions: [],
      scim_uid: null,
    });
    expect(body(outcome)['meta']).toEqual({
      current_page: 'https://tino-corp-1234.tines.com/api/v1/admin/users?per_page=2&page=2',
      previous_page: 'https://tino-corp-1234.tines.com/api/v1/admin/users?per_page=2&page=1',
      next_page: 'https://tino-corp-1234.tines.com/api/v1/admin/users?per_page=2&page=3',
      next_page_number: 3,
      per_page: 2,
      pages: 3,
      count: 5,
    });
  });

  it('filters tenant owners and includes team memberships on request', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/admin/users?filter=TENANT_OWNER&include=team_memberships', {
        secret: owner,
      }),
    );
    const users = body(outcome)['admin/users'] as Array<Record<string, unknown>>;
    expect(users.map((user) => user['first_name'])).toEqual(['Alex', 'Jane']);
    expect(users[1]?.['team_memberships']).toEqual([
      { team_id: 'team_automation', team_name: 'Team Automation', role: 'TEAM_ADMIN' },
    ]);
  });

  it('deactivates Jane with her tenant owner key: one event, acted by that key, and her personal key breaks', () => {
    const ownerKey = keyNamed(start, 'Jane tenant owner');
    const outcome = send(
      startState,
      request('PUT', `/api/v1/admin/users/${jane.id}`, {
        secret: ownerKey.secret,
        body: '{"is_active": false}',
      }),
    );
    expect(outcome.response.status).toBe(200);
    expect(body(outcome)).toMatchObject({ id: jane.id, is_active: false, admin: true });
    expect(outcome.events).toHaveLength(1);
    expect(outcome.events[0]).toMatchObject({
      type: 'account_deactivated',
      accountId: jane.id,
      actor: { kind: 'key', keyId: ownerKey.id },
    });
    const after = commit(startState, outcome);
    const personal = send(
      after,
      request('GET', '/api/v1/info', { secret: secret('Jane personal') }),
    );
    expect(personal.response.status).toBe(401);
    // The audit log names the key as the actor.
    const audit = send(
      after,
      request('GET', '/api/v1/audit_logs?per_page=1', { secret: ownerKey.secret }),
    );
    const [entry] = body(audit)['audit_logs'] as Array<Record<string, unknown>>;
    expect(entry).toMatchObject({
      operation_name: 'UserDeactivation',
      user_id: jane.id,
      simulator_actor: { type: 'api_key', key_id: ownerKey.id, key_scope: 'tenant_owner' },
      inputs: { inputs: { userId: jane.id } },
    });
    // Reactivating through the API brings the personal key back.
    const back = commit(
      after,
      send(
        after,
        request('PUT', `/api/v1/admin/users/${jane.id}`, {
          secret: ownerKey.secret,
          body: '{"is_active": true}',
        }),
      ),
    );
    expect(
      send(back, request('GET', '/api/v1/info', { secret: secret('Jane personal') })).response
        .status,
    ).toBe(200);
  });

  it('changes nothing and logs nothing when the update matches the user', () => {
    const outcome = send(
      startState,
      request('PUT', `/api/v1/admin/users/${jane.id}`, {
        secret: secret('Jane tenant owner'),
        body: '{"is_active": true, "admin": true}',
      }),
    );
    expect(outcome.response.status).toBe(200);
    expect(outcome.events).toEqual([]);
  });

  it('demotes Jane with admin:false: her personal key then gets 403 on admin calls, never 401', () => {
    const after = commit(
      startState,
      send(
        startState,
        request('PUT', `/api/v1/admin/users/${jane.id}`, {
          secret: secret('Jane tenant owner'),
          body: '{"admin": false}',
        }),
      ),
    );
    expect(after.tenant.accounts.get(jane.id)?.tenantRole).toBe('user');
    const list = send(
      after,
      request('GET', '/api/v1/admin/users', { secret: secret('Jane personal') }),
    );
    expect(list.response.status).toBe(403);
    expect(errorOf(list)).toMatchObject({ code: 'NOT_TENANT_OWNER', rule: 'perm.admin-users' });
    expect(
      send(after, request('GET', '/api/v1/info', { secret: secret('Jane personal') })).response
        .status,
    ).toBe(200);
  });

  it('deletes with 204 and no body; the user is then gone (404), and so is a second delete', () => {
    const owner = secret('Jane tenant owner');
    const outcome = send(
      startState,
      request('DELETE', `/api/v1/admin/users/${alex.id}`, { secret: owner }),
    );
    expect(outcome.response).toMatchObject({ status: 204, body: null });
    expect(outcome.response.headers['content-type']).toBeUndefined();
    const after = commit(startState, outcome);
    expect(after.tenant.accounts.get(alex.id)?.status).toBe('deleted');
    for (const method of ['GET', 'DELETE']) {
      const again = send(
        after,
        request(method, `/api/v1/admin/users/${alex.id}`, { secret: owner }),
      );
      expect(again.response.status).toBe(404);
      expect(errorOf(again).code).toBe('USER_NOT_FOUND');
    }
  });

  it('checks permission before existence: a member’s key gets 403, not 404, for an unknown user', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/admin/users/usr_9999', { secret: secret('Vera personal') }),
    );
    expect(outcome.response.status).toBe(403);
  });

  it('lets a personal key deactivate its own creator, after which it stops working', () => {
    const outcome = send(
      startState,
      request('PUT', `/api/v1/admin/users/${jane.id}`, {
        secret: secret('Jane personal'),
        body: '{"is_active": false}',
      }),
    );
    expect(outcome.response.status).toBe(200);
    const after = commit(startState, outcome);
    expect(evaluateKey(after.tenant, keyNamed(start, 'Jane personal').id).code).toBe(
      'OWNER_DEACTIVATED',
    );
  });
});

describe('teams, stories and the audit log', () => {
  it('lists a team’s members with their roles', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/teams/team_automation/members', { secret: secret('Sam team') }),
    );
    const members = body(outcome)['members'] as Array<Record<string, unknown>>;
    expect(members.map((m) => [m['first_name'], m['role'], m['is_admin']])).toEqual([
      ['Jane', 'TEAM_ADMIN', true],
      ['Sam', 'TEAM_ADMIN', false],
      ['Eli', 'EDITOR', false],
      ['Vera', 'VIEWER', false],
    ]);
  });

  it('answers 404 for an unknown team to an owner and 403 to a team key', () => {
    const url = '/api/v1/teams/team_ghost/members';
    expect(
      send(startState, request('GET', url, { secret: secret('Jane tenant owner') })).response
        .status,
    ).toBe(404);
    expect(
      send(startState, request('GET', url, { secret: secret('Sam team') })).response.status,
    ).toBe(403);
  });

  it('refuses a viewer’s story with 403 and the reason, and creates an editor’s with 201', () => {
    const viewer = send(
      startState,
      request('POST', '/api/v1/stories', {
        secret: secret('Vera personal'),
        body: '{"team_id": "team_automation", "name": "Triage"}',
      }),
    );
    expect(viewer.response.status).toBe(403);
    expect(errorOf(viewer)).toMatchObject({
      code: 'TEAM_ROLE_TOO_LOW',
      rule: 'perm.create-story',
    });
    expect(viewer.events).toEqual([]);

    const eli = keyNamed(start, 'Eli personal');
    const editor = send(
      startState,
      request('POST', '/api/v1/stories', {
        secret: eli.secret,
        body: '{"team_id": "team_automation", "name": "Triage"}',
      }),
    );
    expect(editor.response.status).toBe(201);
    expect(body(editor)).toMatchObject({
      name: 'Triage',
      team_id: 'team_automation',
      user_id: eli.createdBy,
    });
    const after = commit(startState, editor);
    expect(after.tenant.stories.size).toBe(start.stories.size + 1);
    const audit = send(
      after,
      request('GET', '/api/v1/audit_logs?operation_name[]=StoryCreation&per_page=1', {
        secret: eli.secret,
      }),
    );
    // Newest first: the story just made, acted by Eli's key.
    expect(body(audit)['audit_logs']).toEqual([
      expect.objectContaining({
        operation_name: 'StoryCreation',
        simulator_actor: expect.objectContaining({ key_id: eli.id }),
      }),
    ]);
  });

  it('reads the event log as audit entries, newest first, with key creations as the vendor names them', () => {
    const outcome = send(
      startState,
      request('GET', '/api/v1/audit_logs?per_page=500', { secret: secret('Jane service') }),
    );
    const entries = body(outcome)['audit_logs'] as Array<Record<string, unknown>>;
    expect(entries).toHaveLength(janeTinoScenario.events.length);
    expect(entries[0]?.['id']).toBe(janeTinoScenario.events.length);
    const creations = entries.filter((e) => e['operation_name'] === 'AuthenticationTokenCreation');
    expect(creations).toHaveLength(start.keys.size);
    // No secret leaks into the audit log.
    const text = JSON.stringify(entries);
    for (const key of start.keys.values()) expect(text).not.toContain(key.secret);
  });

  it('filters the audit log by user and time, and refuses a time it cannot read', () => {
    const service = secret('Jane service');
    const byJane = send(
      startState,
      request('GET', `/api/v1/audit_logs?user_id[]=${jane.id}&per_page=100`, { secret: service }),
    );
    const entries = body(byJane)['audit_logs'] as Array<Record<string, unknown>>;
    // Her four key creations, and whatever else the scenario has her (or her keys) do.
    const actedByJane = janeTinoScenario.events.filter(({ actor }) =>
      actor.kind === 'account'
        ? actor.accountId === jane.id
        : actor.kind === 'key' && start.keys.get(actor.keyId)?.createdBy === jane.id,
    );
    expect(actedByJane.length).toBeGreaterThanOrEqual(4);
    expect(entries.length).toBe(actedByJane.length);
    expect(entries.every((e) => e['user_id'] === jane.id)).toBe(true);
    const last = janeTinoScenario.events.at(-1) as TenantEvent;
    const before = send(
      startState,
      request(
        'GET',
        `/api/v1/audit_logs?before=${encodeURIComponent(new Date(last.at).toISOString())}&per_page=100`,
        { secret: service },
      ),
    );
    expect((body(before)['meta'] as { count: number }).count).toBe(
      janeTinoScenario.events.length - 1,
    );
    const bad = send(
      startState,
      request('GET', '/api/v1/audit_logs?after=yesterday', { secret: service }),
    );
    expect(bad.response.status).toBe(400);
  });
});

describe('robustness', () => {
  const requestArb = fc.record({
    method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'get', ''),
    url: fc.oneof(
      fc.constantFrom(
        '/api/v1/info',
        '/api/v1/admin/users',
        `/api/v1/admin/users/${jane.id}`,
        '/api/v1/audit_logs?per_page=3',
        '/api/v1/teams/team_automation/members',
        '/api/v1/stories',
        '/api/v1/stories?team_id=team_secops&per_page=2',
        '/api/v1/user_credentials?include_references=true&filter=UNUSED_IN_ACTIONS',
        '/api/v1/user_credentials/cred_0001',
        '/api/v1/%E0%A4%A',
      ),
      fc.string().map((s) => `/api/v1/${s}`),
    ),
    secret: fc.option(fc.constantFrom(...[...start.keys.values()].map((k) => k.secret), 'x')),
    body: fc.option(
      fc.oneof(
        fc.json(),
        fc.string(),
        fc.constantFrom('{"is_active": false}', '{"team_id": "team_secops"}', '{"admin": false}'),
      ),
    ),
  });

  it('never throws, always names a rule, and returns only events that apply in order', () => {
    assertProperty(
      fc.property(requestArb, (r) => {
        const req: ApiRequest = {
          method: r.method,
          url: r.url,
          headers: r.secret === null ? {} : { authorization: `Bearer ${r.secret}` },
          body: r.body,
        };
        const outcome = handleApiRequest(startState, req);
        expect([200, 201, 204, 400, 401, 403, 404, 405, 409]).toContain(outcome.response.status);
        expect(outcome.response.headers['x-simulator-rule']).toMatch(/^[a-z]+\.[a-z-]+$/);
        commit(startState, outcome);
        if (outcome.response.status >= 400) expect(outcome.events).toEqual([]);
      }),
      1000,
    );
  });
});

describe('curl', () => {
  it('writes the request against the tenant domain, the key as $TINES_API_KEY, quoting for the shell', () => {
    expect(
      curlCommand(
        'tino-corp-1234.tines.com',
        {
          method: 'put',
          url: '/api/v1/admin/users/usr_0002',
          headers: [
            ['Authorization', 'Bearer sim_ABC'],
            ['content-type', 'application/json'],
          ],
          body: `{"name":"Jane's"}`,
        },
        'sim_ABC',
      ),
    ).toBe(
      [
        "curl -X PUT 'https://tino-corp-1234.tines.com/api/v1/admin/users/usr_0002' \\",
        '  -H "Authorization: Bearer $TINES_API_KEY" \\',
        "  -H 'content-type: application/json' \\",
        `  -d '{"name":"Jane'\\''s"}'`,
      ].join('\n'),
    );
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    // Without a secret to hide, every header is quoted as it is.
    expect(
      curlCommand(
        't.example',
        { method: 'GET', url: '/api/v1/info', headers: [['x-user-token', 'abc']], body: null },
        null,
      ),
    ).toBe("curl -X GET 'https://t.example/api/v1/info' \\\n  -H 'x-user-token: abc'");
  });
});

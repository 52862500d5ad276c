// @vitest-environment node
/**
 * Fuzzing the simulated API through the page (issue 13): hostile requests as fetch builds them
 * (headers appended twice, FormData, URLSearchParams and Blob bodies, a megabyte body, a
 * lower-case method) handed to `answer`, as the service worker hands them. Each gets its 4xx in
 * the simulator's JSON shape, and the store's log, cursor and notice stay exactly as they were.
 * The corpus against the pure handler, and the property, are in src/core/api/api-fuzz.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_LIMITS } from '../core/api/handle-request';
import { replay } from '../core/apply';
import { janeTinoScenario } from '../core/scenarios/jane-tino';
import { accountNamed, keyNamed } from '../core/testing/named';
import { selectTenant, useTenantStore } from '../store/tenant-store';
import { answer } from './simulated-api';

const start = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const OWNER = keyNamed(start, 'Jane tenant owner').secret;
const ALEX = accountNamed(start, 'Alex Morgan').id;
const AUTOMATION = 'team_automation';
const AUTH = { authorization: `Bearer ${OWNER}` };
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };
const USER_URL = `/api/v1/admin/users/${ALEX}`;
const STORIES_URL = '/api/v1/stories';
const MEGABYTE = 1_048_576;

const prototypeNames = () => Reflect.ownKeys(Object.prototype).map(String).sort();
const PROTOTYPE_BEFORE = prototypeNames();

const ORIGIN = 'http://console.test';

/** Hostile requests as fetch would build them: what a Record of headers cannot say. */
function pageRequests(): ReadonlyArray<readonly [string, () => Request, number, string]> {
  const withHeaders = (entries: ReadonlyArray<readonly [string, string]>) => {
    const headers = new Headers();
    for (const [name, value] of entries) headers.append(name, value);
    return headers;
  };
  const form = new FormData();
  form.append('is_active', 'false');
  return [
    [
      'Authorization appended twice',
      () =>
        new Request(`${ORIGIN}/api/v1/info`, {
          headers: withHeaders([
            ['authorization', `Bearer ${OWNER}`],
            ['authorization', `Bearer ${OWNER}`],
          ]),
        }),
      401,
      'NO_CREDENTIALS',
    ],
    [
      'x-user-token appended twice',
      () =>
        new Request(`${ORIGIN}/api/v1/info`, {
          headers: withHeaders([
            ['x-user-token', OWNER],
            ['x-user-token', OWNER],
          ]),
        }),
      401,
      'UNKNOWN_KEY',
    ],
    [
      'content-type appended twice',
      () =>
        new Request(`${ORIGIN}${USER_URL}`, {
          method: 'PUT',
          headers: withHeaders([
            ['authorization', `Bearer ${OWNER}`],
            ['content-type', 'application/json'],
            ['content-type', 'application/json'],
          ]),
          body: '{"is_active": false}',
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a FormData body (multipart)',
      () => new Request(`${ORIGIN}${USER_URL}`, { method: 'PUT', headers: AUTH, body: form }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a URLSearchParams body (form-urlencoded)',
      () =>
        new Request(`${ORIGIN}${USER_URL}`, {
          method: 'PUT',
          headers: AUTH,
          body: new URLSearchParams({ is_active: 'false' }),
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a Blob body typed application/xml',
      () =>
        new Request(`${ORIGIN}${STORIES_URL}`, {
          method: 'POST',
          headers: AUTH,
          body: new Blob([JSON.stringify({ team_id: AUTOMATION, name: 'x' })], {
            type: 'application/xml',
          }),
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a 1 MB body',
      () =>
        new Request(`${ORIGIN}${STORIES_URL}`, {
          method: 'POST',
          headers: JSON_AUTH,
          body: `{"team_id": "${AUTOMATION}", "name": "${'x'.repeat(MEGABYTE)}"}`,
        }),
      413,
      'BODY_TOO_LARGE',
    ],
    [
      'a 20,000-byte header',
      () =>
        new Request(`${ORIGIN}/api/v1/info`, { headers: { ...AUTH, 'x-pad': 'x'.repeat(20_000) } }),
      431,
      'HEADERS_TOO_LARGE',
    ],
    [
      'lower-case patch (fetch leaves it as it is)',
      () =>
        new Request(`${ORIGIN}${USER_URL}`, {
          method: 'patch',
          headers: JSON_AUTH,
          body: '{"is_active": false}',
        }),
      405,
      'METHOD_NOT_ALLOWED',
    ],
    [
      'a __proto__ body',
      () =>
        new Request(`${ORIGIN}${USER_URL}`, {
          method: 'PUT',
          headers: JSON_AUTH,
          body: '{"__proto__": {"polluted": "yes"}, "is_active": false}',
        }),
      400,
      'BAD_REQUEST',
    ],
    [
      'a %2e%2e segment (the URL parser resolves it, leaving an unknown path)',
      () => new Request(`${ORIGIN}/api/v1/user_credentials/%2e%2e/x`, { headers: AUTH }),
      404,
      'NOT_FOUND',
    ],
    [
      'a header just over the limit',
      () =>
        new Request(`${ORIGIN}/api/v1/info`, {
          headers: { ...AUTH, 'x-pad': 'x'.repeat(REQUEST_LIMITS.headerBytes) },
        }),
      431,
      'HEADERS_TOO_LARGE',
    ],
  ];
}

describe('hostile requests through the page (answer)', () => {
  beforeAll(async () => {
    await useTenantStore.getState().loadScenario('jane-tino');
  });
  afterAll(() => {
    expect(prototypeNames()).toEqual(PROTOTYPE_BEFORE);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(pageRequests())('%s', async (_label, build, status, code) => {
    const before = useTenantStore.getState();
    const response = await answer(build());
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(15);
    const after = useTenantStore.getState();
    expect(after.events).toBe(before.events);
    expect(after.cursor).toBe(before.cursor);
    expect(after.notice).toBe(before.notice);
  });

  it('logs an accepted change, so the checks above can fail', async () => {
    const before = useTenantStore.getState().events.length;
    const response = await answer(
      new Request(`${ORIGIN}${USER_URL}`, {
        method: 'PUT',
        headers: JSON_AUTH,
        body: '{"is_active": false}',
      }),
    );
    expect(response.status).toBe(200);
    const after = useTenantStore.getState();
    expect(after.events).toHaveLength(before + 1);
    expect(after.events.at(-1)?.type).toBe('account_deactivated');
    expect(selectTenant(after).accounts.get(ALEX)?.status).toBe('deactivated');
  });
});

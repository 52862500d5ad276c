// @vitest-environment node
/**
 * Fuzzing the simulated API (issue 13). A table of hostile requests, built group by group,
 * against `handleApiRequest` over the FAQ tenant (jane-tino): each one gets the 4xx it deserves in
 * the simulator's JSON error shape with a reason, throws nothing and makes no event. A control
 * group of accepted requests makes its events, so the checks can fail. Then the same through the
 * page's `answer` (a fetch `Request` in, as the service worker gets it: duplicated headers, form
 * and multipart bodies, a megabyte body), where the store's log must stay as it was. Last, a
 * property: random requests never throw, and any events they make are accepted by the reducer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '../../test/property';
import { apply, replay } from '../apply';
import { changeStatus } from '../commands';
import type { TenantEvent } from '../events';
import { janeTinoScenario } from '../scenarios/jane-tino';
import { accountNamed, keyNamed } from '../testing/named';
import type { ApiOutcome, ApiRequest, ApiState } from './api-types';
import { handleApiRequest, REQUEST_LIMITS, SIMULATED_NOTE } from './handle-request';
import { ENDPOINT_TEMPLATES } from './routes';

const start = replay(janeTinoScenario.genesis, janeTinoScenario.events).tenant;
const startState: ApiState = { tenant: start, events: janeTinoScenario.events };

const secretOf = (name: string) => keyNamed(start, name).secret;
const OWNER = secretOf('Jane tenant owner');
const VERA = secretOf('Vera personal');
const SERVICE = secretOf('Jane service');
/** Alex: a tenant owner who created no key, so changing him breaks nothing the corpus needs. */
const ALEX = accountNamed(start, 'Alex Morgan').id;
const CREDENTIAL = [...start.credentials.values()].find((c) => c.deletedAt === null)?.id ?? '';
const AUTOMATION = 'team_automation';

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const AUTH = bearer(OWNER);
const JSON_AUTH = { ...AUTH, 'content-type': 'application/json' };

/** Headers as own properties, even a name like `__proto__` (an object literal would not). */
const headersOf = (entries: ReadonlyArray<readonly [string, string]>): Record<string, string> =>
  Object.fromEntries(entries);

function req(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>> = AUTH,
  body: string | null = null,
): ApiRequest {
  return { method, url, headers, body };
}

interface Hostile {
  readonly label: string;
  readonly request: ApiRequest;
  readonly status: number;
  readonly code: string;
}

const hostile = (label: string, request: ApiRequest, status: number, code: string): Hostile => ({
  label,
  request,
  status,
  code,
});

/** Every endpoint once, with a concrete id: the paths the groups below vary. */
const ENDPOINTS: ReadonlyArray<{ readonly method: string; readonly url: string }> = [
  { method: 'GET', url: '/api/v1/info' },
  { method: 'GET', url: '/api/v1/admin/users' },
  { method: 'GET', url: `/api/v1/admin/users/${ALEX}` },
  { method: 'PUT', url: `/api/v1/admin/users/${ALEX}` },
  { method: 'DELETE', url: `/api/v1/admin/users/${ALEX}` },
  { method: 'GET', url: '/api/v1/audit_logs' },
  { method: 'GET', url: `/api/v1/teams/${AUTOMATION}/members` },
  { method: 'GET', url: '/api/v1/stories' },
  { method: 'POST', url: '/api/v1/stories' },
  { method: 'GET', url: '/api/v1/user_credentials' },
  { method: 'GET', url: `/api/v1/user_credentials/${CREDENTIAL}` },
];

/** A body each endpoint would accept, so that only the part a case breaks is wrong. */
function goodBody(method: string, url: string): string | null {
  if (method === 'PUT') return '{"is_active": false}';
  if (method === 'POST' && url === '/api/v1/stories') {
    return JSON.stringify({ team_id: AUTOMATION, name: 'Triage' });
  }
  return null;
}

const USER_URL = `/api/v1/admin/users/${ALEX}`;
const STORIES_URL = '/api/v1/stories';
/** The two endpoints that read a body: update a user, create a story. */
const BODY_ENDPOINTS = [
  { name: 'PUT user', method: 'PUT', url: USER_URL },
  { name: 'POST story', method: 'POST', url: STORIES_URL },
] as const;

/** Ids that are property names of Object.prototype, or of an object's machinery. */
const PROTOTYPE_IDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

// --- Methods: odd, unknown and malformed --------------------------------------------------------

/** Methods a served path does not answer: 405 with `allow`, before the key is even read. */
const ODD_METHODS = ['PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'CONNECT', 'PROPFIND', 'FOO'];
/** Names that are no HTTP method token (RFC 9110): 400, whatever the path. */
const NOT_METHODS: ReadonlyArray<readonly [string, string]> = [
  ['empty', ''],
  ['leading space', ' GET'],
  ['trailing space', 'GET '],
  ['inner space', 'G ET'],
  ['NUL', 'GET\u0000'],
  ['CRLF injection', 'GET\r\nX-Injected: 1'],
  ['long s that upper-cases to POST', 'po\u017ft'],
  ['full-width letters', '\uff27\uff25\uff34'],
  ['accented', 'G\u00c9T'],
  ['parentheses', 'get()'],
  ['over 32 characters', 'DELETE'.repeat(6)],
  ['emoji', '\u{1f600}'],
];

const methodCases: Hostile[] = [
  ...ENDPOINT_TEMPLATES.flatMap(({ path }) => {
    const allowed = ENDPOINT_TEMPLATES.filter((t) => t.path === path).map((t) => t.method);
    const url = path.replace('{id}', 'x');
    return ODD_METHODS.filter((m) => !allowed.includes(m)).map((method) =>
      hostile(`${method} ${url}`, req(method, url), 405, 'METHOD_NOT_ALLOWED'),
    );
  }).filter((c, i, all) => all.findIndex((d) => d.label === c.label) === i),
  ...PROTOTYPE_IDS.map((method) =>
    hostile(`method named ${method}`, req(method, '/api/v1/info'), 405, 'METHOD_NOT_ALLOWED'),
  ),
  ...NOT_METHODS.flatMap(([name, method]) => [
    hostile(`method ${name} on info`, req(method, '/api/v1/info'), 400, 'BAD_METHOD'),
    hostile(
      `method ${name} on stories, with a good body`,
      req(method, STORIES_URL, JSON_AUTH, goodBody('POST', STORIES_URL)),
      400,
      'BAD_METHOD',
    ),
  ]),
  hostile('unknown method on an unknown path', req('FOO', '/api/v1/nothing'), 404, 'NOT_FOUND'),
];

// --- Paths: traversal, encodings, double slashes, NUL, unicode ----------------------------------

/** Paths that are no route: 404 before the key is read. */
const UNROUTED_PATHS = [
  '/api/v1/../v1/info',
  '/api/v1/%2e%2e/v1/info',
  '/api/v1/%2E%2E%2Fv1%2Finfo',
  '/api/v1/info/..',
  '/api/v1/info/%2e',
  '/api/v1//info',
  '//api/v1/info',
  '/api//v1/info',
  '/api/v1/admin//users',
  `/api/v1/admin/users//${ALEX}`,
  `/api/v1/admin/users/${ALEX}//x`,
  '/api/v1/info%00',
  '/api/v1/info\u0000',
  '/api/v1/%00',
  '/api/v1/info%0d%0aX-Injected:%201',
  '/api/v1/\u00ednfo',
  '/api/v1/info\u200b',
  '/api/v1/\u0130NFO',
  '/api/v1/\uff49\uff4e\uff46\uff4f',
  '/api/v1/info\ud800',
  '/api/v1/%ED%A0%80',
  '/api/v1/%E0%A4%A',
  '/api/v1/%',
  '/api/v1/%zz',
  '/api/v2/info',
  '/api/v1',
  '/api/v1/',
  '/API/V1/INFO',
  'api/v1/info',
  'http://evil.example/api/v1/info',
  '/api/v1/info#fragment',
  '/api/v1/info;jsessionid=1',
  '/api/v1/admin/users/x/y/z',
  '/api/v1/__proto__',
  '/api/v1/constructor/prototype',
  '',
];

/** An id in the path that names nothing: each id endpoint answers 404 for it, after the key. */
const STRANGE_IDS = [
  '..',
  '%2e%2e',
  '%2E%2E%2F%2E%2E%2Finfo',
  '..%2f..%2finfo',
  '%00',
  'usr_0001%00',
  '%F0%9F%98%80',
  'usr_0001%20',
  `${'a'.repeat(2_000)}`,
  ...PROTOTYPE_IDS,
];

const ID_ENDPOINTS: ReadonlyArray<{
  readonly method: string;
  readonly path: (id: string) => string;
  readonly code: string;
}> = [
  { method: 'GET', path: (id) => `/api/v1/admin/users/${id}`, code: 'USER_NOT_FOUND' },
  { method: 'PUT', path: (id) => `/api/v1/admin/users/${id}`, code: 'USER_NOT_FOUND' },
  { method: 'DELETE', path: (id) => `/api/v1/admin/users/${id}`, code: 'USER_NOT_FOUND' },
  { method: 'GET', path: (id) => `/api/v1/teams/${id}/members`, code: 'TEAM_NOT_FOUND' },
  { method: 'GET', path: (id) => `/api/v1/user_credentials/${id}`, code: 'CREDENTIAL_NOT_FOUND' },
];

const pathCases: Hostile[] = [
  ...UNROUTED_PATHS.map((url) =>
    hostile(`unrouted path ${JSON.stringify(url)}`, req('GET', url), 404, 'NOT_FOUND'),
  ),
  ...STRANGE_IDS.flatMap((id) =>
    ID_ENDPOINTS.map(({ method, path, code }) => {
      const url = path(id);
      const body = method === 'PUT' ? '{"is_active": false}' : null;
      return hostile(
        `${method} ${JSON.stringify(url.slice(0, 60))}`,
        req(method, url, JSON_AUTH, body),
        404,
        code,
      );
    }),
  ),
  // A team named like a prototype property is no team of Vera's: 403, as for any other team
  // she is not on (permissions looked roles up on a plain object, and found Object.prototype's).
  ...PROTOTYPE_IDS.flatMap((teamId) => [
    hostile(
      `Vera lists the members of team ${teamId}`,
      req('GET', `/api/v1/teams/${teamId}/members`, bearer(VERA)),
      403,
      'NOT_ON_TEAM',
    ),
    hostile(
      `Vera creates a story in team ${teamId}`,
      req('POST', STORIES_URL, bearer(VERA), JSON.stringify({ team_id: teamId, name: 'x' })),
      403,
      'NOT_ON_TEAM',
    ),
    hostile(
      `Vera lists the credentials of team ${teamId}`,
      req('GET', `/api/v1/user_credentials?team_id=${teamId}`, bearer(VERA)),
      403,
      'NOT_ON_TEAM',
    ),
    hostile(
      `the owner creates a story in team ${teamId}`,
      req('POST', STORIES_URL, JSON_AUTH, JSON.stringify({ team_id: teamId, name: 'x' })),
      404,
      'TEAM_NOT_FOUND',
    ),
  ]),
  hostile(
    'a path and query over the limit',
    req('GET', `/api/v1/info?pad=${'x'.repeat(REQUEST_LIMITS.urlChars)}`),
    414,
    'URI_TOO_LONG',
  ),
  hostile(
    'a path of 100,000 characters',
    req('GET', `/api/v1/${'../'.repeat(33_334)}`),
    414,
    'URI_TOO_LONG',
  ),
];

// --- Credentials: none, malformed, duplicated, secrets with control characters ------------------

/** Authorization values that are not "Bearer <one secret>": 401 NO_CREDENTIALS. */
const MALFORMED_AUTHORIZATION = [
  'Bearer',
  'Bearer ',
  'Basic dXNlcjpwYXNz',
  `Token ${OWNER}`,
  `${OWNER}`,
  `Bearer ${OWNER} extra`,
  `Bearer ${OWNER}, Bearer ${OWNER}`,
  `Bearer ${OWNER}, Bearer ${VERA}`,
  `\u3000Bearer ${OWNER}`,
  `Bearer\u00a0${OWNER}`,
  `Bearer\u0000${OWNER}`,
  `Bearer ${OWNER}\r\nX-Injected: 1`,
];

/** Secrets that are not a key's, though near one: 401 UNKNOWN_KEY. */
const WRONG_SECRETS = [
  `${OWNER}\u0000`,
  `\u0000${OWNER}`,
  `${OWNER}\u0007`,
  `${OWNER}\u001b[0m`,
  `${OWNER}\u007f`,
  `${OWNER}\u0085`,
  `${OWNER}\u00a0`,
  `${OWNER}\u2028`,
  `${OWNER}\ufeff`,
  `\ufeff${OWNER}`,
  `${OWNER}\u200b`,
  `${OWNER.slice(0, -1)}`,
  `${OWNER}x`,
  OWNER.toLowerCase() === OWNER ? OWNER.toUpperCase() : OWNER.toLowerCase(),
  `${OWNER},${OWNER}`,
  `${OWNER}\ud800`,
  'x'.repeat(4_000),
  '__proto__',
  'constructor',
];

const authCases: Hostile[] = [
  ...ENDPOINTS.flatMap(({ method, url }) => [
    hostile(
      `${method} ${url} without a key`,
      req(method, url, { 'content-type': 'application/json' }, goodBody(method, url)),
      401,
      'NO_CREDENTIALS',
    ),
    hostile(
      `${method} ${url} with an unknown key`,
      req(method, url, { ...bearer('sim_NOT_A_KEY') }, goodBody(method, url)),
      401,
      'UNKNOWN_KEY',
    ),
  ]),
  ...MALFORMED_AUTHORIZATION.map((value) =>
    hostile(
      `Authorization ${JSON.stringify(value.replace(OWNER, '<owner>').replace(VERA, '<vera>'))}`,
      req('GET', '/api/v1/info', { authorization: value }),
      401,
      'NO_CREDENTIALS',
    ),
  ),
  ...WRONG_SECRETS.flatMap((secret, i) => [
    hostile(
      `Bearer near-secret #${i + 1}`,
      req('GET', '/api/v1/admin/users', bearer(secret)),
      401,
      'UNKNOWN_KEY',
    ),
    hostile(
      `x-user-token near-secret #${i + 1}`,
      req('GET', '/api/v1/admin/users', { 'x-user-token': secret }),
      401,
      'UNKNOWN_KEY',
    ),
  ]),
  hostile(
    'a secret in a header named Authorization, not lower-cased as the contract says',
    req('GET', '/api/v1/info', { Authorization: `Bearer ${OWNER}` }),
    401,
    'NO_CREDENTIALS',
  ),
  hostile(
    'Authorization names Vera, x-user-token the owner: Authorization decides',
    req('GET', '/api/v1/admin/users', { ...bearer(VERA), 'x-user-token': OWNER }),
    403,
    'NOT_TENANT_OWNER',
  ),
];

// --- Headers: huge, many, duplicated ------------------------------------------------------------

const headerCases: Hostile[] = [
  hostile(
    'a 20,000-byte header beside a good key',
    req('GET', '/api/v1/info', { ...AUTH, 'x-pad': 'x'.repeat(20_000) }),
    431,
    'HEADERS_TOO_LARGE',
  ),
  hostile(
    'a 20,000-byte secret',
    req('GET', '/api/v1/info', bearer('s'.repeat(20_000))),
    431,
    'HEADERS_TOO_LARGE',
  ),
  hostile(
    'a header name of 20,000 bytes',
    req('GET', '/api/v1/info', { ...AUTH, ['x'.repeat(20_000)]: '1' }),
    431,
    'HEADERS_TOO_LARGE',
  ),
  hostile(
    '2,000 small headers',
    req(
      'GET',
      '/api/v1/info',
      headersOf([
        ['authorization', `Bearer ${OWNER}`],
        ...Array.from({ length: 2_000 }, (_, i) => [`x-h${i}`, 'v'] as const),
      ]),
    ),
    431,
    'HEADERS_TOO_LARGE',
  ),
  hostile(
    'headers of 6,000 three-byte characters (18,000 bytes)',
    req('GET', '/api/v1/info', { ...AUTH, 'x-pad': '\u20ac'.repeat(6_000) }),
    431,
    'HEADERS_TOO_LARGE',
  ),
  hostile(
    'a huge header on an unknown path: too large answers first',
    req('GET', '/api/v1/nothing', { 'x-pad': 'x'.repeat(20_000) }),
    431,
    'HEADERS_TOO_LARGE',
  ),
  ...BODY_ENDPOINTS.flatMap(({ name, method, url }) => [
    hostile(
      `${name} with content-type sent twice (combined by fetch)`,
      req(
        method,
        url,
        { ...AUTH, 'content-type': 'application/json, text/plain' },
        goodBody(method, url),
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ),
    hostile(
      `${name} with headers named __proto__ and constructor and no key`,
      req(
        method,
        url,
        headersOf([
          ['__proto__', `Bearer ${OWNER}`],
          ['constructor', OWNER],
        ]),
        goodBody(method, url),
      ),
      401,
      'NO_CREDENTIALS',
    ),
  ]),
];

// --- Bodies: size, content type, JSON that is not, not an object, prototype keys ----------------

const MEGABYTE = 1_048_576;
/** Bodies over the 64 KiB limit: 413, before the key is read. */
const HUGE_BODIES: ReadonlyArray<readonly [string, string]> = [
  ['a 1 MB padded string field', `{"is_active": false, "pad": "${'x'.repeat(MEGABYTE)}"}`],
  ['good JSON then 1 MB of spaces', `{"is_active": false}${' '.repeat(MEGABYTE)}`],
  ['1 MB of [', '['.repeat(MEGABYTE)],
  ['40,000 two-byte characters', `"${'\u00e9'.repeat(40_000)}"`],
  ['30,000 emoji (60,000 UTF-16 units, 120,000 bytes)', `"${'\u{1f600}'.repeat(30_000)}"`],
  ['one byte over the limit', `{"is_active": false}${' '.repeat(REQUEST_LIMITS.bodyBytes - 19)}`],
];

/** Content types that are not JSON: 415. */
const WRONG_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'image/png',
  'application/jsonx',
  'json',
  'application/json; charset=utf-16',
  'application/json; charset="latin1"',
];

/** Text that JSON.parse refuses: 400. */
const INVALID_JSON = [
  '{',
  '{"is_active": fals',
  "{'is_active': false}",
  '{"is_active": false,}',
  '{is_active: false}',
  '{"is_active": NaN}',
  '{"is_active": false} // comment',
  '/* comment */ {"is_active": false}',
  '\ufeff{"is_active": false}',
  '{"is_active": false}}',
  '{"is_active": false}{"admin": true}',
  'undefined',
  '\u0000',
  '{"is_active":\u0000false}',
  '{"name": "unterminated}',
  '{"name": "bad escape \\x41"}',
  `${'['.repeat(5_000)}`,
];

/** Valid JSON that is not an object, or nothing at all: 400. */
const NOT_OBJECTS = ['null', 'true', '1', '"x"', '[]', '[{"is_active": false}]', '', '   \n'];

/** Objects carrying prototype keys: 400 (unsupported field), and Object.prototype untouched. */
const PROTOTYPE_BODIES = [
  '{"__proto__": {"admin": true}}',
  '{"__proto__": {"polluted": "yes"}, "is_active": false}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"is_active": false, "__proto__": null}',
  '{"prototype": {"polluted": "yes"}}',
  `{"team_id": "${AUTOMATION}", "name": "x", "__proto__": {"polluted": "yes"}}`,
];

const bodyCases: Hostile[] = BODY_ENDPOINTS.flatMap(({ name, method, url }) => [
  ...HUGE_BODIES.map(([what, body]) =>
    hostile(`${name} with ${what}`, req(method, url, JSON_AUTH, body), 413, 'BODY_TOO_LARGE'),
  ),
  ...WRONG_CONTENT_TYPES.map((type) =>
    hostile(
      `${name} sent as ${type}`,
      req(method, url, { ...AUTH, 'content-type': type }, goodBody(method, url)),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ),
  ),
  ...INVALID_JSON.map((body) =>
    hostile(
      `${name} with invalid JSON ${JSON.stringify(body.slice(0, 40))}`,
      req(method, url, JSON_AUTH, body),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...NOT_OBJECTS.map((body) =>
    hostile(
      `${name} with the body ${JSON.stringify(body)}`,
      req(method, url, JSON_AUTH, body),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...PROTOTYPE_BODIES.map((body) =>
    hostile(`${name} with ${body}`, req(method, url, JSON_AUTH, body), 400, 'BAD_REQUEST'),
  ),
  hostile(
    `${name} nested 3,000 objects deep`,
    req(method, url, JSON_AUTH, `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`),
    400,
    'BAD_REQUEST',
  ),
]);

// --- Every body field with every wrong type -----------------------------------------------------

/** JSON values of every type but the one a field takes (by that type). */
const NOT_BOOLEAN = [
  'null',
  '0',
  '1',
  '-1',
  '1.5',
  '""',
  '"true"',
  '"false"',
  '"yes"',
  '[]',
  '[true]',
  '{}',
  '{"value": true}',
];
const NOT_PERMISSION_LIST = [
  'null',
  'true',
  '0',
  '"AUDIT_LOG_READ"',
  '{}',
  '{"0": "AUDIT_LOG_READ"}',
  '[null]',
  '[1]',
  '[true]',
  '["audit_log_read"]',
  '["AUDIT_LOG_READ "]',
  '[["AUDIT_LOG_READ"]]',
  '["__proto__"]',
  '["constructor"]',
];
const NOT_TEAM_ID = [
  'null',
  'true',
  'false',
  '{}',
  '[]',
  `["${AUTOMATION}"]`,
  '0',
  '-1',
  '1.5',
  '1e400',
  '""',
  '"   "',
];
const NOT_STORY_NAME = [
  'null',
  '0',
  'true',
  '[]',
  '{}',
  '""',
  '"   "',
  JSON.stringify('x'.repeat(201)),
  '"a\\u0000b"',
  '"tab\\tname"',
  '"line\\nbreak"',
  '"esc\\u001b[31m"',
  '"del\\u007f"',
  '"c1\\u0085"',
  '"\\ud800x"',
  '"x\\udc00"',
  '"\\u202eevil"',
  '"\\u2066isolated"',
];
const NOT_DESCRIPTION = ['1', 'true', '[]', '{}'];

const fieldCases: Hostile[] = [
  ...['is_active', 'admin'].flatMap((field) =>
    NOT_BOOLEAN.map((value) =>
      hostile(
        `PUT user with ${field}: ${value}`,
        req('PUT', USER_URL, JSON_AUTH, `{"${field}": ${value}}`),
        400,
        'BAD_REQUEST',
      ),
    ),
  ),
  ...NOT_PERMISSION_LIST.map((value) =>
    hostile(
      `PUT user with tenant_permissions: ${value}`,
      req('PUT', USER_URL, JSON_AUTH, `{"tenant_permissions": ${value}}`),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...['email', 'name', 'first_name', 'id', 'role', 'ADMIN'].map((field) =>
    hostile(
      `PUT user with the unsupported field ${field}`,
      req('PUT', USER_URL, JSON_AUTH, `{"is_active": false, "${field}": "x"}`),
      400,
      'BAD_REQUEST',
    ),
  ),
  hostile('PUT user with {}', req('PUT', USER_URL, JSON_AUTH, '{}'), 400, 'BAD_REQUEST'),
  hostile('POST story with {}', req('POST', STORIES_URL, JSON_AUTH, '{}'), 400, 'BAD_REQUEST'),
  ...NOT_TEAM_ID.map((value) =>
    hostile(
      `POST story with team_id: ${value}`,
      req('POST', STORIES_URL, JSON_AUTH, `{"team_id": ${value}, "name": "Triage"}`),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...NOT_STORY_NAME.map((value) =>
    hostile(
      `POST story with name: ${value.slice(0, 40)}`,
      req('POST', STORIES_URL, JSON_AUTH, `{"team_id": "${AUTOMATION}", "name": ${value}}`),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...NOT_DESCRIPTION.map((value) =>
    hostile(
      `POST story with description: ${value}`,
      req(
        'POST',
        STORIES_URL,
        JSON_AUTH,
        `{"team_id": "${AUTOMATION}", "name": "Triage", "description": ${value}}`,
      ),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...['id', 'slug', 'owner', 'drafts_of', 'actions'].map((field) =>
    hostile(
      `POST story with the unsupported field ${field}`,
      req(
        'POST',
        STORIES_URL,
        JSON_AUTH,
        `{"team_id": "${AUTOMATION}", "name": "Triage", "${field}": "x"}`,
      ),
      400,
      'BAD_REQUEST',
    ),
  ),
  hostile(
    'POST story in a team that does not exist',
    req('POST', STORIES_URL, JSON_AUTH, '{"team_id": "team_nope", "name": "Triage"}'),
    404,
    'TEAM_NOT_FOUND',
  ),
];

// --- Every query parameter with every wrong type ------------------------------------------------

const LISTS = [
  '/api/v1/admin/users',
  '/api/v1/audit_logs',
  `/api/v1/teams/${AUTOMATION}/members`,
  '/api/v1/user_credentials',
  '/api/v1/stories',
];
const NOT_PAGE = [
  '0',
  '-1',
  'abc',
  '1.5',
  '1e2',
  '',
  '%201',
  '0x10',
  '%D9%A1',
  '99999999999999999999',
  'Infinity',
  'NaN',
  '1&page=2',
];
const NOT_PER_PAGE = ['0', '501', '1000', '-5', 'ten', '', '10&per_page=20'];
const NOT_TIME = [
  'yesterday',
  '',
  'foo%201',
  '1',
  '2026-02-31',
  '2026-13-01',
  '2026-01-05T25:00Z',
  '2026-01-05T09:60Z',
  'NaN',
];

const queryCases: Hostile[] = [
  ...LISTS.flatMap((url) => [
    ...NOT_PAGE.map((value) =>
      hostile(`${url}?page=${value}`, req('GET', `${url}?page=${value}`), 400, 'BAD_REQUEST'),
    ),
    ...NOT_PER_PAGE.map((value) =>
      hostile(
        `${url}?per_page=${value}`,
        req('GET', `${url}?per_page=${value}`),
        400,
        'BAD_REQUEST',
      ),
    ),
  ]),
  ...['tenant_owner', 'ADMIN', '', 'TENANT_OWNER&filter=TENANT_OWNER'].map((value) =>
    hostile(
      `list users with filter=${value}`,
      req('GET', `/api/v1/admin/users?filter=${value}`),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...['teams', '', 'TEAM_MEMBERSHIPS'].flatMap((value) => [
    hostile(
      `list users with include=${value}`,
      req('GET', `/api/v1/admin/users?include=${value}`),
      400,
      'BAD_REQUEST',
    ),
    hostile(
      `get a user with include=${value}`,
      req('GET', `${USER_URL}?include=${value}`),
      400,
      'BAD_REQUEST',
    ),
  ]),
  ...['UNRESTRICTED', 'unused_in_actions', ''].map((value) =>
    hostile(
      `list credentials with filter=${value}`,
      req('GET', `/api/v1/user_credentials?filter=${value}`),
      400,
      'BAD_REQUEST',
    ),
  ),
  ...['TRUE', '1', 'yes', '', 'true&include_references=false'].flatMap((value) => [
    hostile(
      `list credentials with include_references=${value}`,
      req('GET', `/api/v1/user_credentials?include_references=${value}`),
      400,
      'BAD_REQUEST',
    ),
    hostile(
      `get a credential with include_references=${value}`,
      req('GET', `/api/v1/user_credentials/${CREDENTIAL}?include_references=${value}`),
      400,
      'BAD_REQUEST',
    ),
  ]),
  ...['/api/v1/user_credentials', '/api/v1/stories'].flatMap((url) => [
    hostile(`${url}?team_id=`, req('GET', `${url}?team_id=`), 400, 'BAD_REQUEST'),
    hostile(
      `${url} with team_id twice`,
      req('GET', `${url}?team_id=${AUTOMATION}&team_id=team_secops`),
      400,
      'BAD_REQUEST',
    ),
    hostile(`${url}?team_id=nope`, req('GET', `${url}?team_id=nope`), 404, 'TEAM_NOT_FOUND'),
    hostile(
      `${url}?team_id=__proto__`,
      req('GET', `${url}?team_id=__proto__`),
      404,
      'TEAM_NOT_FOUND',
    ),
  ]),
  ...['before', 'after'].flatMap((name) =>
    [...NOT_TIME, `2026-01-05&${name}=2026-01-06`].map((value) =>
      hostile(
        `audit log with ${name}=${value}`,
        req('GET', `/api/v1/audit_logs?${name}=${value}`),
        400,
        'BAD_REQUEST',
      ),
    ),
  ),
  hostile(
    'audit log with a service key and a bad time',
    req('GET', '/api/v1/audit_logs?before=soon', bearer(SERVICE)),
    400,
    'BAD_REQUEST',
  ),
];

/** The whole corpus: every group above. */
const HOSTILE_REQUESTS: readonly Hostile[] = [
  ...methodCases,
  ...pathCases,
  ...authCases,
  ...headerCases,
  ...bodyCases,
  ...fieldCases,
  ...queryCases,
];

// --- Accepted requests: the control group -------------------------------------------------------

interface Accepted {
  readonly label: string;
  readonly request: ApiRequest;
  readonly status: number;
  /** The event types the request makes, in order. */
  readonly events: readonly TenantEvent['type'][];
}

const ACCEPTED: readonly Accepted[] = [
  {
    label: 'deactivate Alex',
    request: req('PUT', USER_URL, JSON_AUTH, '{"is_active": false}'),
    status: 200,
    events: ['account_deactivated'],
  },
  {
    label: 'make Alex no admin, as text/plain (what fetch sends for a bare string)',
    request: req(
      'PUT',
      USER_URL,
      { ...AUTH, 'content-type': 'text/plain;charset=UTF-8' },
      '{"admin": false}',
    ),
    status: 200,
    events: ['account_roles_changed'],
  },
  {
    label: 'lower-case put, x-user-token with spaces and a tab around it, charset=utf-8',
    request: req(
      'put',
      USER_URL,
      { 'x-user-token': ` ${OWNER}\t`, 'content-type': 'application/json; charset="UTF-8"' },
      '{"is_active": false, "tenant_permissions": ["AUDIT_LOG_READ"]}',
    ),
    status: 200,
    events: ['account_roles_changed', 'account_deactivated'],
  },
  {
    label: 'a body exactly at the limit, padded with spaces',
    request: req(
      'PUT',
      USER_URL,
      JSON_AUTH,
      `{"is_active": false}${' '.repeat(REQUEST_LIMITS.bodyBytes - 20)}`,
    ),
    status: 200,
    events: ['account_deactivated'],
  },
  {
    label: 'headers just under the limit',
    request: req(
      'PUT',
      USER_URL,
      { ...JSON_AUTH, 'x-pad': 'x'.repeat(15_000) },
      '{"admin": false}',
    ),
    status: 200,
    events: ['account_roles_changed'],
  },
  {
    label: 'a story named with an emoji, no content type',
    request: req(
      'POST',
      STORIES_URL,
      AUTH,
      JSON.stringify({ team_id: AUTOMATION, name: 'Triage \u{1f6a8}', description: null }),
    ),
    status: 201,
    events: ['story_created'],
  },
  {
    label: 'delete Alex',
    request: req('DELETE', USER_URL, AUTH),
    status: 204,
    events: ['account_deleted'],
  },
];

/** Reads answered 200 with no events: the same keys and parameters, well formed. */
const ACCEPTED_READS: readonly ApiRequest[] = [
  req('GET', '/api/v1/info', { authorization: `Bearer ${OWNER} \t` }),
  req('GET', '/api/v1/admin/users?page=1&per_page=100&filter=TENANT_OWNER'),
  req('GET', `/api/v1/audit_logs?before=2026-01-06T09:00:00Z&after=2026-01-05`),
  req('GET', `/api/v1/user_credentials?team_id=${AUTOMATION}&include_references=true`),
  req('GET', `/api/v1/teams/${AUTOMATION}/members/`),
];

// --- Checks -------------------------------------------------------------------------------------

/** The simulator's error shape: exactly these fields, a known code, a reason in words. */
function expectRefusal(
  request: ApiRequest,
  outcome: ApiOutcome,
  status: number,
  code: string,
): void {
  const { response } = outcome;
  expect(response.status).toBe(status);
  expect(outcome.events).toEqual([]);
  expect(Object.keys(response.body as object).sort()).toEqual(['error', 'simulated']);
  const body = response.body as { error: Record<string, unknown>; simulated: unknown };
  expect(body.simulated).toBe(SIMULATED_NOTE);
  expect(Object.keys(body.error).sort()).toEqual([
    'code',
    'message',
    'rule',
    'rule_source',
    'status',
  ]);
  expect(body.error).toMatchObject({ status, code });
  const message = body.error['message'];
  expect(typeof message).toBe('string');
  expect((message as string).length).toBeGreaterThan(15);
  // No "undefined" or "[object Object]" from a bug; a "NaN" only where the request said it.
  const sent = JSON.stringify(request);
  for (const slip of ['undefined', '[object ', 'NaN']) {
    if (!sent.includes(slip)) expect(message).not.toContain(slip);
  }
  expect(body.error['rule']).toMatch(/^[a-z]+\.[a-z-]+$/);
  expect(response.headers['x-simulator-rule']).toBe(body.error['rule']);
  expect(response.headers['content-type']).toBe('application/json');
  // What the service worker sends: it must survive JSON and come back the same.
  expect(JSON.parse(JSON.stringify(body))).toEqual(body);
}

/** Apply the events as the store does; a refused one fails the test with the reducer's reason. */
function commit(state: ApiState, events: readonly TenantEvent[]): ApiState {
  let tenant = state.tenant;
  for (const event of events) {
    const result = apply(tenant, event);
    if (!result.ok) throw new Error(`the reducer refused ${event.type}: ${result.refusal.reason}`);
    tenant = result.tenant;
  }
  return { tenant, events: [...state.events, ...events] };
}

const prototypeNames = () => Reflect.ownKeys(Object.prototype).map(String).sort();
const PROTOTYPE_BEFORE = prototypeNames();
const ARRAY_PROTOTYPE_BEFORE = Reflect.ownKeys(Array.prototype).length;

function expectPrototypesClean(): void {
  expect(prototypeNames()).toEqual(PROTOTYPE_BEFORE);
  expect(Reflect.ownKeys(Array.prototype).length).toBe(ARRAY_PROTOTYPE_BEFORE);
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'admin', 'is_active', 'team_id', 'name']) {
    expect(probe[name], name).toBeUndefined();
  }
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

describe('hostile requests against the handler', () => {
  it('are at least 200, each labelled once and each a different request', () => {
    expect(HOSTILE_REQUESTS.length).toBeGreaterThanOrEqual(200);
    const labels = new Set(HOSTILE_REQUESTS.map((c) => c.label));
    expect(labels.size).toBe(HOSTILE_REQUESTS.length);
    const requests = new Set(HOSTILE_REQUESTS.map((c) => JSON.stringify(c.request)));
    expect(requests.size).toBe(HOSTILE_REQUESTS.length);
  });

  it.each(HOSTILE_REQUESTS.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    expectRefusal(c.request, handleApiRequest(startState, c.request), c.status, c.code);
  });

  it('leave the tenant as it was and Object.prototype unpolluted', () => {
    const listing = req('GET', '/api/v1/admin/users?per_page=100');
    const before = handleApiRequest(startState, listing).response.body;
    for (const c of HOSTILE_REQUESTS) handleApiRequest(startState, c.request);
    expect(startState.events).toHaveLength(janeTinoScenario.events.length);
    expect(handleApiRequest(startState, listing).response.body).toEqual(before);
    expectPrototypesClean();
  });
});

describe('the control group of accepted requests', () => {
  it.each(ACCEPTED.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const outcome = handleApiRequest(startState, c.request);
    expect(outcome.response.status).toBe(c.status);
    expect(outcome.events.map((event) => event.type)).toEqual(c.events);
    const after = commit(startState, outcome.events);
    expect(after.events).toHaveLength(startState.events.length + c.events.length);
  });

  it('answers the well-formed reads 200, with no events', () => {
    for (const request of ACCEPTED_READS) {
      const outcome = handleApiRequest(startState, request);
      expect(outcome.response.status, request.url).toBe(200);
      expect(outcome.events).toEqual([]);
    }
  });
});

// --- Property: random requests ------------------------------------------------------------------

/** The FAQ tenant, and the same with Jane deactivated (her personal key then answers 401). */
const STATES: readonly ApiState[] = [
  startState,
  (() => {
    const jane = accountNamed(start, 'Jane Tino').id;
    return commit(startState, [changeStatus(start, 'account_deactivated', jane)]);
  })(),
];

const SECRETS = [...start.keys.values()].map((key) => key.secret);

const SEGMENTS = [
  'info',
  'admin',
  'users',
  'audit_logs',
  'teams',
  'members',
  'stories',
  'user_credentials',
  ALEX,
  accountNamed(start, 'Jane Tino').id,
  AUTOMATION,
  'team_secops',
  CREDENTIAL,
  '..',
  '.',
  '%2e%2e',
  '',
  '%00',
  '__proto__',
  'constructor',
  '%E0%A4%A',
  '\u00fc',
  '%F0%9F%98%80',
];

const pathArb = fc.oneof(
  fc.constantFrom(...ENDPOINTS.map((e) => e.url)),
  fc
    .array(fc.oneof(fc.constantFrom(...SEGMENTS), fc.string({ maxLength: 6 })), { maxLength: 5 })
    .map((segments) => `/api/v1/${segments.join('/')}`),
);

const queryArb = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'page',
          'per_page',
          'filter',
          'include',
          'team_id',
          'include_references',
          'before',
          'after',
          'operation_name',
          'user_id',
          '__proto__',
        ),
        fc.string({ maxLength: 5 }),
      ),
      fc.oneof(
        fc.constantFrom(
          '1',
          '2',
          '100',
          'TENANT_OWNER',
          'team_memberships',
          'UNUSED_IN_ACTIONS',
          'true',
          AUTOMATION,
          '2026-01-05',
          'UserDeactivation',
        ),
        fc.string({ maxLength: 8 }),
      ),
    ),
    { maxLength: 3 },
  )
  .map((pairs) =>
    pairs.length === 0
      ? ''
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`,
  );

const secretArb = fc.oneof(
  fc.constantFrom(...SECRETS),
  fc
    .tuple(fc.constantFrom(...SECRETS), fc.constantFrom('\u0000', '\u00a0', '\u2028', ' ', 'x'))
    .map(([secret, junk]) => `${junk}${secret}${junk}`),
  fc.string({ maxLength: 12 }),
);

const headerArb = fc
  .record(
    {
      auth: fc.option(
        fc.oneof(
          secretArb.map((s) => ['authorization', `Bearer ${s}`] as const),
          secretArb.map((s) => ['x-user-token', s] as const),
          fc.string({ maxLength: 12 }).map((s) => ['authorization', s] as const),
        ),
      ),
      type: fc.option(
        fc.constantFrom(
          'application/json',
          'text/plain;charset=UTF-8',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          'application/json, text/plain',
        ),
      ),
      extra: fc.array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom('__proto__', 'constructor', 'x-pad'),
            fc.string({ maxLength: 6 }),
          ),
          fc.string({ maxLength: 10 }),
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['auth', 'type', 'extra'] },
  )
  .map(({ auth, type, extra }) =>
    headersOf([
      ...extra,
      ...(type === null ? [] : [['content-type', type] as const]),
      ...(auth === null ? [] : [auth]),
    ]),
  );

const PERMISSIONS = ['AUDIT_LOG_READ', 'audit_log_read', '__proto__'];
const anyJson = fc.jsonValue({ maxDepth: 1 });
/** A field of either body endpoint with a value of its type or of any other. */
const fieldArb = fc.oneof(
  fc.tuple(fc.constantFrom('is_active', 'admin'), fc.oneof(fc.boolean(), anyJson)),
  fc.tuple(fc.constant('tenant_permissions'), fc.oneof(fc.subarray(PERMISSIONS), anyJson)),
  fc.tuple(
    fc.constant('team_id'),
    fc.oneof(fc.constantFrom(AUTOMATION, 'team_secops', '', '__proto__'), anyJson),
  ),
  fc.tuple(fc.constant('name'), fc.oneof(fc.string({ maxLength: 10 }), anyJson)),
  fc.tuple(fc.constantFrom('description', '__proto__', 'constructor'), anyJson),
);
/** Objects written as text, so that a `__proto__` key is a key (as JSON.parse reads it). */
const bodyArb = fc.option(
  fc.oneof(
    fc
      .uniqueArray(fieldArb, { selector: ([name]) => name, maxLength: 4 })
      .map((fields) => `{${fields.map(([k, v]) => `"${k}": ${JSON.stringify(v)}`).join(', ')}}`),
    fc.json({ maxDepth: 2 }),
    fc.string({ maxLength: 20 }),
  ),
);

const METHODS = [
  'GET',
  'PUT',
  'POST',
  'DELETE',
  'PATCH',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'put',
  'post',
  'po\u017ft',
  '',
  ' GET',
  'G\u0000ET',
  '__proto__',
];

/** Anything at all, from the pieces above. */
const anyRequestArb = fc.record({
  state: fc.constantFrom(...STATES),
  method: fc.constantFrom(...METHODS),
  url: fc.tuple(pathArb, queryArb).map(([path, query]) => `${path}${query}`),
  headers: headerArb,
  body: bodyArb,
});

/** An accepted change of the control group sent with any key, so that some succeed. */
const nearRequestArb = fc
  .record({
    state: fc.constantFrom(...STATES),
    accepted: fc.constantFrom(...ACCEPTED),
    secret: fc.constantFrom(...SECRETS),
  })
  .map(({ state, accepted, secret }) => ({
    state,
    ...accepted.request,
    headers: { ...accepted.request.headers, authorization: `Bearer ${secret}` },
  }));

const requestArb = fc.oneof(anyRequestArb, anyRequestArb, nearRequestArb);

const STATUSES = [200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 414, 415, 431];

describe('random requests (property)', () => {
  it('never throw; a refusal makes no events, and every event of a success the reducer accepts', () => {
    const seen = { changes: 0, refusals: 0 };
    assertProperty(
      fc.property(requestArb, ({ state, method, url, headers, body }) => {
        const outcome = handleApiRequest(state, { method, url, headers, body });
        const { status } = outcome.response;
        expect(STATUSES).toContain(status);
        if (status >= 400) {
          expect(outcome.events).toEqual([]);
          const error = (outcome.response.body as { error: { status: number; message: string } })
            .error;
          expect(error.status).toBe(status);
          expect(error.message.length).toBeGreaterThan(15);
          seen.refusals++;
        } else {
          commit(state, outcome.events);
          if (outcome.events.length > 0) seen.changes++;
        }
      }),
      1000,
    );
    expect(seen.refusals).toBeGreaterThan(0);
    expect(seen.changes).toBeGreaterThan(20);
    expectPrototypesClean();
  });
});

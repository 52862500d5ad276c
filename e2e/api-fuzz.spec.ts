import { expect, test } from './fixtures/console-page';

/**
 * Fuzzing the simulated API through the page (issue 13): a few hundred hostile requests sent with
 * `fetch` from inside the page to its own `/api/v1/…`, answered by the service worker. Each must
 * be a 4xx in the simulator's JSON shape with a reason, named by `x-simulator-rule` (so the
 * simulator answered, not the web server); the page stays up, the log (the Timeline's "You are
 * here") does not move, and nothing reaches Object.prototype. Only requests fetch itself lets
 * through are here: it refuses forbidden methods, NUL or CR/LF in headers and bodies on GET,
 * which the unit corpus (src/core/api/api-fuzz.test.ts) sends to the handler directly. Nor a
 * body starting with a byte order mark: `Request.text()` drops it, so that body is good JSON.
 */

/** A body as the page builds it: big ones are repeated there rather than shipped over CDP. */
type Body =
  | { readonly text: string }
  | {
      readonly before: string;
      readonly repeat: string;
      readonly times: number;
      readonly after: string;
    }
  | { readonly form: ReadonlyArray<readonly [string, string]> }
  | { readonly params: ReadonlyArray<readonly [string, string]> }
  | { readonly blob: string; readonly type: string };

interface PageCase {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Body | null;
  readonly status: number;
}

interface Answer {
  readonly label: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly rule: string | null;
  readonly body: unknown;
  readonly threw: string | null;
}

const ALEX = 'usr_0001';
const TEAM = 'team_automation';
const USER = `/api/v1/admin/users/${ALEX}`;
const STORIES = '/api/v1/stories';
const MEGABYTE = 1_048_576;

/** Every request below, for the owner's and Vera's secrets (read from the page). */
function corpus(owner: string, vera: string): PageCase[] {
  const auth = [['authorization', `Bearer ${owner}`]] as const;
  const json = [...auth, ['content-type', 'application/json']] as const;
  const cases: PageCase[] = [];
  const add = (
    label: string,
    method: string,
    path: string,
    status: number,
    headers: ReadonlyArray<readonly [string, string]> = auth,
    body: Body | null = null,
  ) => cases.push({ label, method, path, headers, body, status });
  const text = (value: string): Body => ({ text: value });

  // Odd methods on served paths: 405 (fetch upper-cases only its six; patch stays patch).
  const served = ['/api/v1/info', '/api/v1/admin/users', USER, '/api/v1/audit_logs', STORIES];
  for (const path of served) {
    for (const method of ['PATCH', 'patch', 'PROPFIND', 'FOO', '__proto__']) {
      add(`${method} ${path}`, method, path, 405);
    }
  }
  add('OPTIONS info', 'OPTIONS', '/api/v1/info', 405);
  add('POST info', 'POST', '/api/v1/info', 405, json, text('{}'));
  add('DELETE the user list', 'DELETE', '/api/v1/admin/users', 405);
  add('PUT stories', 'PUT', STORIES, 405, json, text('{}'));

  // Paths the URL parser leaves under /api/ but no route serves: 404.
  for (const path of [
    '/api/v1/info/../nothing',
    '/api/v1/admin/%2e%2e/%2e%2e/info/x',
    '/api/v1//info',
    '/api/v1/admin//users',
    `/api/v1/admin/users//${ALEX}`,
    '/api/v1/info%00',
    '/api/v1/in\u0000fo',
    '/api/v1/%0d%0aX-Injected:%201',
    '/api/v1/\u00ednfo',
    '/api/v1/info\u200b',
    '/api/v1/\uff49\uff4e\uff46\uff4f',
    '/api/v1/%ED%A0%80',
    '/api/v1/%E0%A4%A',
    '/api/v1/%',
    '/api/v2/info',
    '/api/v1',
    '/api/v1/__proto__',
    '/api/v1/constructor/prototype',
    '/api/v1/info;x=1',
  ]) {
    add(`path ${JSON.stringify(path)}`, 'GET', path, 404);
  }
  // Ids that name nothing: 404 after the key (a prototype name is no user, team or credential).
  for (const id of [
    '%2e%2e%2f',
    '..%2f..%2finfo',
    '%00',
    '%F0%9F%98%80',
    '__proto__',
    'constructor',
    'toString',
  ]) {
    add(`user ${id}`, 'GET', `/api/v1/admin/users/${id}`, 404);
    add(
      `PUT user ${id}`,
      'PUT',
      `/api/v1/admin/users/${id}`,
      404,
      json,
      text('{"is_active": false}'),
    );
    add(`DELETE user ${id}`, 'DELETE', `/api/v1/admin/users/${id}`, 404);
    add(`team ${id} members`, 'GET', `/api/v1/teams/${id}/members`, 404);
    add(`credential ${id}`, 'GET', `/api/v1/user_credentials/${id}`, 404);
  }
  // A team named like a prototype property is no team of Vera's: 403.
  for (const team of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    const veraAuth = [['authorization', `Bearer ${vera}`]] as const;
    add(`Vera, team ${team} members`, 'GET', `/api/v1/teams/${team}/members`, 403, veraAuth);
    add(
      `Vera, a story in team ${team}`,
      'POST',
      STORIES,
      403,
      [...veraAuth, ['content-type', 'application/json']],
      text(JSON.stringify({ team_id: team, name: 'x' })),
    );
  }
  add('a path and query of 9,000 characters', 'GET', `/api/v1/info?pad=${'x'.repeat(9_000)}`, 414);

  // Credentials: none, unknown, malformed, near a real secret, duplicated.
  const endpoints: ReadonlyArray<readonly [string, string, Body | null]> = [
    ['GET', '/api/v1/info', null],
    ['GET', '/api/v1/admin/users', null],
    ['GET', USER, null],
    ['PUT', USER, text('{"is_active": false}')],
    ['DELETE', USER, null],
    ['GET', '/api/v1/audit_logs', null],
    ['GET', `/api/v1/teams/${TEAM}/members`, null],
    ['GET', STORIES, null],
    ['POST', STORIES, text(JSON.stringify({ team_id: TEAM, name: 'Triage' }))],
    ['GET', '/api/v1/user_credentials', null],
    ['GET', '/api/v1/user_credentials/cred_0001', null],
  ];
  for (const [method, path, body] of endpoints) {
    add(
      `${method} ${path} without a key`,
      method,
      path,
      401,
      [['content-type', 'application/json']],
      body,
    );
    add(
      `${method} ${path}, unknown key`,
      method,
      path,
      401,
      [['authorization', 'Bearer sim_NOPE']],
      body,
    );
  }
  for (const value of [
    'Bearer',
    'Basic dXNlcjpwYXNz',
    `Token ${owner}`,
    owner,
    `Bearer ${owner} extra`,
    `Bearer\u00a0${owner}`,
    `Bearer ${owner}, Bearer ${vera}`,
  ]) {
    add(
      `Authorization ${JSON.stringify(value.replace(owner, '<owner>').replace(vera, '<vera>'))}`,
      'GET',
      '/api/v1/info',
      401,
      [['authorization', value]],
    );
  }
  const near = [
    `${owner}\u0007`,
    `${owner}\u001b[0m`,
    `${owner}\u007f`,
    `${owner}\u0085`,
    `${owner}\u00a0`,
    `\u00a0${owner}`,
    `${owner}\u00ff`,
    owner.slice(0, -1),
    `${owner}x`,
    `${owner},${owner}`,
  ];
  near.forEach((secret, i) => {
    add(`Bearer near-secret #${i + 1}`, 'GET', '/api/v1/admin/users', 401, [
      ['authorization', `Bearer ${secret}`],
    ]);
    add(`x-user-token near-secret #${i + 1}`, 'GET', '/api/v1/admin/users', 401, [
      ['x-user-token', secret],
    ]);
  });
  add('Authorization appended twice', 'GET', '/api/v1/info', 401, [...auth, ...auth]);
  add('x-user-token appended twice', 'GET', '/api/v1/info', 401, [
    ['x-user-token', owner],
    ['x-user-token', owner],
  ]);

  // Headers: huge, many, content-type twice.
  add('a 20,000-byte header', 'GET', '/api/v1/info', 431, [...auth, ['x-pad', 'x'.repeat(20_000)]]);
  add('a 20,000-byte secret', 'GET', '/api/v1/info', 431, [
    ['authorization', `Bearer ${'s'.repeat(20_000)}`],
  ]);
  add('600 headers of 30 bytes', 'GET', '/api/v1/info', 431, [
    ...auth,
    ...Array.from({ length: 600 }, (_, i) => [`x-h${i}`, 'v'.repeat(24)] as const),
  ]);
  add(
    'content-type appended twice',
    'PUT',
    USER,
    415,
    [...json, ['content-type', 'application/json']],
    text('{"is_active": false}'),
  );

  // Bodies of both body endpoints: size, content type, invalid JSON, not an object, prototype keys.
  const bodyEndpoints = [
    ['PUT user', 'PUT', USER, '{"is_active": false}'],
    ['POST story', 'POST', STORIES, JSON.stringify({ team_id: TEAM, name: 'Triage' })],
  ] as const;
  for (const [name, method, path, good] of bodyEndpoints) {
    add(`${name}, 1 MB string field`, method, path, 413, json, {
      before: '{"is_active": false, "pad": "',
      repeat: 'x',
      times: MEGABYTE,
      after: '"}',
    });
    add(`${name}, good JSON then 1 MB of spaces`, method, path, 413, json, {
      before: good,
      repeat: ' ',
      times: MEGABYTE,
      after: '',
    });
    add(`${name}, 30,000 emoji`, method, path, 413, json, {
      before: '"',
      repeat: '\u{1f600}',
      times: 30_000,
      after: '"',
    });
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'text/html',
      'application/octet-stream',
      'application/json; charset=utf-16',
    ]) {
      add(
        `${name} sent as ${type}`,
        method,
        path,
        415,
        [...auth, ['content-type', type]],
        text(good),
      );
    }
    add(`${name} as FormData`, method, path, 415, auth, { form: [['is_active', 'false']] });
    add(`${name} as URLSearchParams`, method, path, 415, auth, {
      params: [['is_active', 'false']],
    });
    add(`${name} as an XML Blob`, method, path, 415, auth, { blob: good, type: 'application/xml' });
    for (const bad of [
      '{',
      '{"is_active": fals',
      "{'is_active': false}",
      '{"is_active": false,}',
      '{is_active: false}',
      '{"is_active": NaN}',
      '{"is_active": false}{"admin": true}',
      '\u0000',
      '{"name": "bad escape \\x41"}',
      'null',
      'true',
      '1',
      '"x"',
      '[]',
      '',
      '{"__proto__": {"admin": true}}',
      '{"__proto__": {"polluted": "yes"}, "is_active": false}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      `{"team_id": "${TEAM}", "name": "x", "__proto__": {"polluted": "yes"}}`,
    ]) {
      add(`${name} with ${JSON.stringify(bad)}`, method, path, 400, json, text(bad));
    }
  }

  // Every body field with wrong types.
  for (const field of ['is_active', 'admin']) {
    for (const value of ['null', '0', '1', '"true"', '[]', '{}']) {
      add(`PUT user ${field}: ${value}`, 'PUT', USER, 400, json, text(`{"${field}": ${value}}`));
    }
  }
  for (const value of ['null', '"AUDIT_LOG_READ"', '[1]', '["audit_log_read"]', '["__proto__"]']) {
    add(
      `PUT user tenant_permissions: ${value}`,
      'PUT',
      USER,
      400,
      json,
      text(`{"tenant_permissions": ${value}}`),
    );
  }
  for (const value of ['null', 'true', '{}', '[]', '0', '1.5', '""']) {
    add(
      `POST story team_id: ${value}`,
      'POST',
      STORIES,
      400,
      json,
      text(`{"team_id": ${value}, "name": "x"}`),
    );
  }
  for (const value of [
    'null',
    '0',
    '[]',
    '""',
    JSON.stringify('x'.repeat(201)),
    '"a\\u0000b"',
    '"line\\nbreak"',
    '"\\ud800"',
    '"\\u202eevil"',
  ]) {
    add(
      `POST story name: ${value.slice(0, 30)}`,
      'POST',
      STORIES,
      400,
      json,
      text(`{"team_id": "${TEAM}", "name": ${value}}`),
    );
  }

  // Every list's query parameters with wrong values.
  for (const list of [
    '/api/v1/admin/users',
    '/api/v1/audit_logs',
    `/api/v1/teams/${TEAM}/members`,
    '/api/v1/user_credentials',
    STORIES,
  ]) {
    for (const query of [
      'page=0',
      'page=abc',
      'page=1.5',
      'page=',
      'page=1&page=2',
      'per_page=0',
      'per_page=501',
      'per_page=ten',
    ]) {
      add(`${list}?${query}`, 'GET', `${list}?${query}`, 400);
    }
  }
  for (const query of ['before=yesterday', 'after=foo%201', 'before=2026-02-31', 'after=1']) {
    add(`audit log ${query}`, 'GET', `/api/v1/audit_logs?${query}`, 400);
  }
  for (const query of [
    'filter=ADMIN',
    'include=teams',
    'filter=TENANT_OWNER&filter=TENANT_OWNER',
  ]) {
    add(`list users ${query}`, 'GET', `/api/v1/admin/users?${query}`, 400);
  }
  for (const query of ['filter=UNRESTRICTED', 'include_references=1', 'team_id=']) {
    add(`list credentials ${query}`, 'GET', `/api/v1/user_credentials?${query}`, 400);
  }
  return cases;
}

/** Send every case from inside the page, one after another, and keep what came back. */
function sendAll(cases: readonly PageCase[]): Promise<Answer[]> {
  return (async () => {
    const answers: Answer[] = [];
    for (const c of cases) {
      const headers = new Headers();
      for (const [name, value] of c.headers) headers.append(name, value);
      let body: BodyInit | null = null;
      if (c.body !== null) {
        if ('text' in c.body) body = c.body.text;
        else if ('repeat' in c.body)
          body = `${c.body.before}${c.body.repeat.repeat(c.body.times)}${c.body.after}`;
        else if ('form' in c.body) {
          const form = new FormData();
          for (const [name, value] of c.body.form) form.append(name, value);
          body = form;
        } else if ('params' in c.body)
          body = new URLSearchParams(c.body.params.map(([k, v]) => [k, v]));
        else body = new Blob([c.body.blob], { type: c.body.type });
      }
      try {
        const response = await fetch(c.path, { method: c.method, headers, body });
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Kept as text: the check below reports it.
        }
        answers.push({
          label: c.label,
          status: response.status,
          contentType: response.headers.get('content-type'),
          rule: response.headers.get('x-simulator-rule'),
          body: parsed,
          threw: null,
        });
      } catch (error) {
        answers.push({
          label: c.label,
          status: 0,
          contentType: null,
          rule: null,
          body: null,
          threw: String(error),
        });
      }
    }
    return answers;
  })();
}

/** What is wrong with one answer, or null: the 4xx expected, JSON, the simulator's shape. */
function problemOf(c: PageCase, answer: Answer): string | null {
  if (answer.threw !== null) return `fetch threw: ${answer.threw}`;
  if (answer.status !== c.status) return `status ${answer.status}, expected ${c.status}`;
  if (answer.contentType !== 'application/json') return `content-type ${answer.contentType}`;
  if (answer.rule === null) return 'no x-simulator-rule: the simulator did not answer';
  const body = answer.body as { error?: Record<string, unknown>; simulated?: unknown } | null;
  const error = body?.error;
  if (error === undefined || typeof body?.simulated !== 'string')
    return `not the error shape: ${JSON.stringify(answer.body).slice(0, 200)}`;
  if (error['status'] !== c.status) return `error.status ${String(error['status'])}`;
  if (typeof error['code'] !== 'string' || !/^[A-Z_]+$/.test(error['code'])) return 'no code';
  if (error['rule'] !== answer.rule)
    return `error.rule ${String(error['rule'])} is not the header's ${answer.rule}`;
  const message = error['message'];
  if (typeof message !== 'string' || message.length < 16) return `no reason: ${String(message)}`;
  return null;
}

test.describe('Simulated API, fuzzed through the page', () => {
  test('hostile requests get a 4xx JSON reason each; the log and Object.prototype stay as they were', async ({
    consolePage,
    page,
  }) => {
    await consolePage.goto({ scenario: 'jane-tino', view: 'API' });
    await consolePage.waitForApi();
    const owner = await consolePage.secretOf('Jane tenant owner');
    const vera = await consolePage.secretOf('Vera personal');
    await consolePage.openView('Timeline');
    const here = page.getByText(/^You are here: after event [\d,]+ of [\d,]+$/);
    const moment = await here.textContent();
    expect(moment).toMatch(/^You are here: after event (\d+) of \1$/);
    const prototypeBefore = await page.evaluate(() =>
      Object.getOwnPropertyNames(Object.prototype).sort(),
    );

    const cases = corpus(owner, vera);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.label)).size).toBe(cases.length);
    const answers = await page.evaluate(sendAll, cases);

    const problems = cases.flatMap((c, i) => {
      const answer = answers[i];
      const problem = answer === undefined ? 'no answer' : problemOf(c, answer);
      return problem === null ? [] : [`${c.label}: ${problem}`];
    });
    expect(problems).toEqual([]);

    // The page is alive, logged nothing, and its Object.prototype is as it was.
    await expect(here).toHaveText(moment ?? '');
    expect(await page.evaluate(() => Object.getOwnPropertyNames(Object.prototype).sort())).toEqual(
      prototypeBefore,
    );
    expect(
      await page.evaluate(() =>
        ['polluted', 'admin', 'is_active'].filter((name) => name in ({} as object)),
      ),
    ).toEqual([]);

    // An accepted change is logged, so the check above can fail.
    const accepted = await consolePage.api('PUT', USER, {
      secret: owner,
      body: '{"is_active": false}',
    });
    expect(accepted.status).toBe(200);
    const count = Number(/of (\d+)$/.exec(moment ?? '')?.[1]);
    await expect(here).toHaveText(`You are here: after event ${count + 1} of ${count + 1}`);
  });
});

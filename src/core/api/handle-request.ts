/**
 * The simulated Tines REST API: one request against the tenant, answered by the same rules as
 * the matrices (validity 401 first, then permission 403). Checks run in this order, and the first
 * that fails answers: size (414, 431, 413) -> method (400) -> route (404, 405) -> credentials
 * (401) -> content type (415) -> query and body (400) -> permission (403) -> target (404) -> the
 * change itself (409). Every response names the rule
 * that decided it in `x-simulator-rule`. Changes are events, applied here to check them and
 * returned for the caller to log: the API changes the tenant exactly as the console does.
 */
import { apply } from '../apply';
import { actionReferences, referencesTo, resolveCredential } from '../automation/resolve';
import { changeRoles, changeStatus, createStory } from '../commands';
import { namedDirectionControlReason } from '../direction-control-names';
import type { Actor, TenantEvent } from '../events';
import type { Verdict } from '../key-verdict';
import {
  type Account,
  type ApiKey,
  type Credential,
  SCOPE_LABELS,
  type Story,
  TENANT_PERMISSIONS,
  type Tenant,
  type TenantPermission,
} from '../model';
import {
  type ApiOperation,
  authorize,
  canReadCredential,
  canReadStory,
  type Decision,
  describeOperation,
  type Grants,
  grantsOf,
} from '../permissions';
import type { RuleRef } from '../rule-sources';
import { ruleOf } from '../rule-texts';
import { API_RULES } from './api-rules';
import type { ApiOutcome, ApiRequest, ApiResponse, ApiState } from './api-types';
import { type AuditFilter, auditEntry, selectAuditEvents } from './audit-log';
import { authenticate } from './authenticate';
import {
  credentialResource,
  DEFAULT_PER_PAGE,
  MAX_PER_PAGE,
  memberResource,
  paginate,
  type References,
  storyListResource,
  storyResource,
  userResource,
} from './resources';
import { type Endpoint, route } from './routes';

/** Says, in every error body, whose shape this is. */
export const SIMULATED_NOTE =
  'Simulated by Key Lifecycle Console. The real Tines API does not document its error bodies; this shape is the simulator’s own.';

const NO_EVENTS: readonly TenantEvent[] = [];

function ruleHeaders(rule: RuleRef, key: ApiKey | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-simulator-rule': rule.id,
    'x-simulator-rule-source':
      rule.source.kind === 'documented' ? `documented ${rule.source.sourceId}` : 'assumed',
  };
  if (key !== undefined) headers['x-simulator-key'] = key.id;
  return headers;
}

function respond(
  status: number,
  body: unknown,
  rule: RuleRef,
  key?: ApiKey,
  events: readonly TenantEvent[] = NO_EVENTS,
): ApiOutcome {
  const headers = ruleHeaders(rule, key);
  if (body === null) delete headers['content-type'];
  return { response: { status, headers, body }, events };
}

function failure(
  status: number,
  code: string,
  message: string,
  rule: RuleRef,
  key?: ApiKey,
  extraHeaders: Record<string, string> = {},
): ApiOutcome {
  const body = {
    error: {
      status,
      code,
      message,
      rule: rule.id,
      rule_source:
        rule.source.kind === 'documented' ? `documented (${rule.source.sourceId})` : 'assumed',
    },
    simulated: SIMULATED_NOTE,
  };
  const response: ApiResponse = {
    status,
    headers: { ...ruleHeaders(rule, key), ...extraHeaders },
    body,
  };
  return { response, events: NO_EVENTS };
}

/** A 4xx thrown from deep in query or body parsing, caught once in `handleApiRequest`. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly rule: RuleRef,
    message: string,
  ) {
    super(message);
  }
}

function badRequest(message: string): never {
  throw new Refused(400, 'BAD_REQUEST', API_RULES.badRequest, message);
}

// --- Size and method --------------------------------------------------------------------------

/** What the simulator reads at most (assumed: web servers refuse more before routing). */
export const REQUEST_LIMITS = {
  /** Path and query, in characters (414). */
  urlChars: 8_192,
  /** Every header as `name: value` plus its line end, in UTF-8 bytes (431). */
  headerBytes: 16_384,
  /** The body, in UTF-8 bytes (413). */
  bodyBytes: 65_536,
} as const;

/** A number with thousands separators, as the messages write limits (as the reader's do). */
const grouped = (n: number): string => n.toLocaleString('en-US');

/** The UTF-8 length of a text (an unpaired surrogate counts as the 3 bytes of U+FFFD). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The 414, 431 or 413 a request over `REQUEST_LIMITS` gets; null when it is within them. */
function oversized(request: ApiRequest): ApiOutcome | null {
  const tooLarge = (status: number, code: string, message: string) =>
    failure(status, code, message, API_RULES.tooLarge);
  if (request.url.length > REQUEST_LIMITS.urlChars) {
    return tooLarge(
      414,
      'URI_TOO_LONG',
      `The path and query are ${grouped(request.url.length)} characters; the simulated API reads at most ${grouped(REQUEST_LIMITS.urlChars)}.`,
    );
  }
  let headerBytes = 0;
  let largest = { name: '', bytes: 0 };
  for (const [name, value] of Object.entries(request.headers)) {
    const bytes = utf8Bytes(name) + utf8Bytes(String(value)) + 4;
    headerBytes += bytes;
    if (bytes > largest.bytes) largest = { name, bytes };
  }
  if (headerBytes > REQUEST_LIMITS.headerBytes) {
    return tooLarge(
      431,
      'HEADERS_TOO_LARGE',
      `The headers are ${grouped(headerBytes)} bytes (the largest, ${JSON.stringify(largest.name.slice(0, 64))}, ${grouped(largest.bytes)}); the simulated API reads at most ${grouped(REQUEST_LIMITS.headerBytes)}.`,
    );
  }
  const body = request.body ?? '';
  // Quick when it is surely within (3 bytes a UTF-16 unit at most) or surely over (1 at least).
  const bodyBytes =
    body.length * 3 <= REQUEST_LIMITS.bodyBytes
      ? 0
      : body.length > REQUEST_LIMITS.bodyBytes
        ? body.length
        : utf8Bytes(body);
  if (bodyBytes > REQUEST_LIMITS.bodyBytes) {
    // Counted in UTF-16 units when that alone is over: the bytes are at least as many.
    const atLeast = body.length > REQUEST_LIMITS.bodyBytes ? 'at least ' : '';
    return tooLarge(
      413,
      'BODY_TOO_LARGE',
      `The body is ${atLeast}${grouped(bodyBytes)} bytes; the simulated API reads at most ${grouped(REQUEST_LIMITS.bodyBytes)}.`,
    );
  }
  return null;
}

/** An HTTP method: a token (RFC 9110), here at most 32 characters. ASCII only, so `poſt` is none. */
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}$/;

// --- Content type -----------------------------------------------------------------------------

/**
 * A body must be sent as JSON: `application/json`, or `text/plain` (what fetch labels a bare
 * string with), in UTF-8. No content type at all is read as JSON too; anything else answers 415.
 */
function checkContentType(headers: Readonly<Record<string, string>>): void {
  const raw = headers['content-type'];
  if (raw === undefined || raw.trim() === '') return;
  const [type = '', ...params] = raw.split(';');
  const mediaType = type.trim().toLowerCase();
  const refuse = (why: string): never => {
    throw new Refused(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      API_RULES.unsupportedMediaType,
      `${why} Send the body as JSON with "content-type: application/json".`,
    );
  };
  if (mediaType !== 'application/json' && mediaType !== 'text/plain') {
    refuse(
      `The body is sent as ${JSON.stringify(raw.slice(0, 100))}, which this API does not read.`,
    );
  }
  for (const param of params) {
    const at = param.indexOf('=');
    const name = (at < 0 ? param : param.slice(0, at)).trim().toLowerCase();
    const value = (at < 0 ? '' : param.slice(at + 1)).trim().replace(/^"(.*)"$/, '$1');
    if (name === 'charset' && !/^utf-?8$/i.test(value)) {
      refuse(
        `The body's charset is ${JSON.stringify(value.slice(0, 40))}; the API reads UTF-8 only.`,
      );
    }
  }
}

// --- Credentials ------------------------------------------------------------------------------

type Credentials = { readonly secret: string } | { readonly problem: string };

/**
 * A header value without the whitespace HTTP strips around it (space, tab, CR, LF; RFC 9110).
 * Not `String.prototype.trim`, which also takes U+00A0, U+2028, U+FEFF, U+3000 …: a secret
 * wrapped in those is another secret, not the same one.
 */
function httpTrim(value: string): string {
  return value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** `Authorization: Bearer <key>` first, then `x-user-token: <key>` (S2). */
export function credentialsOf(headers: Readonly<Record<string, string>>): Credentials {
  const authorization = headers['authorization'];
  if (authorization !== undefined && httpTrim(authorization) !== '') {
    const match = /^Bearer[ \t]+([^ \t\r\n]+)$/i.exec(httpTrim(authorization));
    if (match?.[1] !== undefined) return { secret: match[1] };
    return {
      problem: 'The Authorization header must read "Bearer <key>" (one space, then the key).',
    };
  }
  const raw = headers['x-user-token'];
  const token = raw === undefined ? undefined : httpTrim(raw);
  if (token !== undefined && token !== '') return { secret: token };
  return {
    problem: 'No API key: send "Authorization: Bearer <key>" or "x-user-token: <key>".',
  };
}

function refusedKeyMessage(tenant: Tenant, key: ApiKey | undefined, verdict: Verdict): string {
  const creator = key === undefined ? undefined : tenant.accounts.get(key.createdBy)?.name;
  switch (verdict.code) {
    case 'UNKNOWN_KEY':
      return 'No key of this tenant has this secret.';
    case 'KEY_REVOKED':
      return `The key "${key?.name}" was deleted.`;
    case 'OWNER_DEACTIVATED':
      return `The personal key "${key?.name}" stops working while its creator, ${creator}, is deactivated.`;
    case 'OWNER_DELETED':
      return `The personal key "${key?.name}" stopped working when its creator, ${creator}, was deleted; re-inviting the person does not revive it.`;
    case 'VALID':
      return 'The key is accepted.';
  }
}

function forbiddenMessage(key: ApiKey, operation: ApiOperation, decision: Decision): string {
  return `${describeOperation(operation)} is not allowed for "${key.name}" (${SCOPE_LABELS[key.scope]} key): ${decision.rule.summary}`;
}

// --- Query and body ---------------------------------------------------------------------------

/** A parameter that takes one value: null when absent, 400 when it is given more than once. */
function single(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  if (values.length > 1) {
    badRequest(`${name} is given ${values.length} times; send it once.`);
  }
  return values[0] ?? null;
}

function positiveInteger(query: URLSearchParams, name: string, fallback: number, max: number) {
  const raw = single(query, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    badRequest(`${name} must be a whole number from 1 to ${max}; got "${raw}".`);
  }
  return Number(raw);
}

function paging(query: URLSearchParams) {
  return {
    page: positiveInteger(query, 'page', 1, Number.MAX_SAFE_INTEGER),
    perPage: positiveInteger(query, 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE),
  };
}

/** `name` and `name[]`, both accepted, as the vendor's audit log filters are written. */
function listParam(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)];
}

/** `2026-01-05`, `2026-01-05T09:00`, `2026-01-05T09:00:00.000Z`, `… +01:00`: ISO 8601's forms. */
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * A time in ISO 8601, checked field by field: `Date.parse` alone also takes "foo 1" (2001) and
 * rolls 2026-02-31 over into March.
 */
function timeParam(query: URLSearchParams, name: string): number | null {
  const raw = single(query, name);
  if (raw === null) return null;
  const refuse = () => badRequest(`${name} must be an ISO 8601 time; got "${raw}".`);
  const [, y, mo, d, h = '0', mi = '0', sec = '0'] = ISO_TIME.exec(raw) ?? refuse();
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(sec) > 59
  ) {
    refuse();
  }
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) refuse();
  return ms;
}

function jsonObject(body: string | null): Record<string, unknown> {
  if (body === null || body.trim() === '') badRequest('The request needs a JSON object body.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unreadable';
    badRequest(`The body is not valid JSON: ${why}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    badRequest('The body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function onlyFields(body: Record<string, unknown>, allowed: readonly string[], note: string) {
  const extra = Object.keys(body).filter((field) => !allowed.includes(field));
  if (extra.length > 0) {
    badRequest(`Unsupported field${extra.length === 1 ? '' : 's'}: ${extra.join(', ')}. ${note}`);
  }
}

function booleanField(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') badRequest(`${field} must be true or false.`);
  return value;
}

interface UserUpdate {
  readonly isActive: boolean | undefined;
  readonly admin: boolean | undefined;
  readonly permissions: readonly TenantPermission[] | undefined;
}

const USER_FIELDS = ['is_active', 'admin', 'tenant_permissions'];

function userUpdateOf(body: string | null): UserUpdate {
  const json = jsonObject(body);
  onlyFields(
    json,
    USER_FIELDS,
    'The simulator changes is_active, admin and tenant_permissions (email and names are not simulated).',
  );
  const raw = json['tenant_permissions'];
  let permissions: TenantPermission[] | undefined;
  if (raw !== undefined) {
    if (!Array.isArray(raw) || raw.some((p) => !TENANT_PERMISSIONS.includes(p))) {
      badRequest(`tenant_permissions must be a list of ${TENANT_PERMISSIONS.join(', ')}.`);
    }
    permissions = [...new Set(raw as TenantPermission[])];
  }
  const update = {
    isActive: booleanField(json, 'is_active'),
    admin: booleanField(json, 'admin'),
    permissions,
  };
  if (Object.values(update).every((value) => value === undefined)) {
    badRequest('Nothing to update: send is_active, admin or tenant_permissions.');
  }
  return update;
}

/** A name is one line of well-formed text: no C0 or C1 control character, no lone surrogate. */
function invisibleCharacterReason(name: string): string | null {
  for (let i = 0; i < name.length; i++) {
    const unit = name.charCodeAt(i);
    if (unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f)) {
      const code = unit.toString(16).toUpperCase().padStart(4, '0');
      return `contains the control character U+${code}; a name is one line of visible text.`;
    }
  }
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(
    name,
  )?.[0];
  if (lone !== undefined) {
    const code = lone.charCodeAt(0).toString(16).toUpperCase();
    return `contains the unpaired surrogate U+${code}; a name must be well-formed Unicode text.`;
  }
  return null;
}

function storyOf(body: string | null): { teamId: string; name: string } {
  const json = jsonObject(body);
  onlyFields(
    json,
    ['team_id', 'name', 'description'],
    'The simulator takes team_id, name and description.',
  );
  const teamId = json['team_id'];
  if (teamId === undefined) badRequest('team_id is required.');
  if (typeof teamId === 'number') {
    if (!Number.isSafeInteger(teamId) || teamId < 1) {
      badRequest(`team_id must be a team id (a text, or a whole number from 1); got ${teamId}.`);
    }
  } else if (typeof teamId !== 'string') {
    badRequest('team_id must be a team id (a text, or a whole number from 1).');
  } else if (teamId.trim() === '') {
    badRequest('team_id must name a team; got an empty value.');
  }
  // Absent, the story is untitled; null or any other type is refused, not taken for absent.
  const name = json['name'] === undefined ? 'Untitled story' : json['name'];
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    badRequest('name must be a non-empty text of at most 200 characters.');
  }
  const control = namedDirectionControlReason(name) ?? invisibleCharacterReason(name);
  if (control !== null) badRequest(`name: ${control}`);
  const description = json['description'];
  if (description !== undefined && description !== null && typeof description !== 'string') {
    badRequest('description must be a text.');
  }
  return { teamId: String(teamId), name: name.trim() };
}

/** What a request says besides its path, read (and refused with 400) before permission. */
interface Input {
  readonly paging: { readonly page: number; readonly perPage: number };
  readonly update: UserUpdate | null;
  readonly story: { readonly teamId: string; readonly name: string } | null;
  readonly audit: AuditFilter | null;
  /** `filter=TENANT_OWNER` and `include=team_memberships` of the user endpoints. */
  readonly ownersOnly: boolean;
  readonly withTeams: boolean;
  /** `team_id` of the credential and story lists; null for every team. */
  readonly teamId: string | null;
  /** `filter=UNUSED_IN_ACTIONS` and `include_references=true` of the credential endpoints. */
  readonly unusedOnly: boolean;
  readonly withReferences: boolean;
}

function usersQuery(query: URLSearchParams) {
  const filter = single(query, 'filter');
  if (filter !== null && filter !== 'TENANT_OWNER') {
    badRequest(`filter must be TENANT_OWNER; got "${filter}".`);
  }
  const include = single(query, 'include');
  if (include !== null && include !== 'team_memberships') {
    badRequest(`include must be team_memberships; got "${include}".`);
  }
  return { ownersOnly: filter === 'TENANT_OWNER', withTeams: include === 'team_memberships' };
}

function teamIdParam(query: URLSearchParams): string | null {
  const raw = single(query, 'team_id');
  if (raw === null) return null;
  if (raw.trim() === '') badRequest('team_id must name a team; got an empty value.');
  return raw;
}

function credentialsQuery(query: URLSearchParams, list: boolean) {
  let unusedOnly = false;
  if (list) {
    const filter = single(query, 'filter');
    if (filter !== null && filter !== 'UNUSED_IN_ACTIONS') {
      badRequest(
        `filter must be UNUSED_IN_ACTIONS; got "${filter}" (the vendor's UNRESTRICTED and RESTRICTED are not simulated).`,
      );
    }
    unusedOnly = filter === 'UNUSED_IN_ACTIONS';
  }
  const include = single(query, 'include_references');
  if (include !== null && include !== 'true' && include !== 'false') {
    badRequest(`include_references must be true or false; got "${include}".`);
  }
  return { unusedOnly, withReferences: include === 'true' };
}

function inputOf(endpoint: Endpoint, query: URLSearchParams, body: string | null): Input {
  const lists =
    endpoint.name === 'list_users' ||
    endpoint.name === 'audit_logs' ||
    endpoint.name === 'team_members' ||
    endpoint.name === 'list_credentials' ||
    endpoint.name === 'list_stories';
  const credentials = endpoint.name === 'list_credentials' || endpoint.name === 'get_credential';
  return {
    paging: lists ? paging(query) : { page: 1, perPage: DEFAULT_PER_PAGE },
    update: endpoint.name === 'update_user' ? userUpdateOf(body) : null,
    story: endpoint.name === 'create_story' ? storyOf(body) : null,
    audit:
      endpoint.name === 'audit_logs'
        ? {
            operationNames: listParam(query, 'operation_name'),
            userIds: listParam(query, 'user_id'),
            before: timeParam(query, 'before'),
            after: timeParam(query, 'after'),
          }
        : null,
    ...(endpoint.name === 'list_users' || endpoint.name === 'get_user'
      ? usersQuery(query)
      : { ownersOnly: false, withTeams: false }),
    teamId:
      endpoint.name === 'list_credentials' || endpoint.name === 'list_stories'
        ? teamIdParam(query)
        : null,
    ...(credentials
      ? credentialsQuery(query, endpoint.name === 'list_credentials')
      : { unusedOnly: false, withReferences: false }),
  };
}

// --- Endpoints --------------------------------------------------------------------------------

interface Call {
  readonly state: ApiState;
  readonly key: ApiKey;
  readonly actor: Actor;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly input: Input;
}

/** A credential the API can see: deleted ones are gone from it. */
function liveCredential(tenant: Tenant, credentialId: string): Credential | undefined {
  const credential = tenant.credentials.get(credentialId);
  return credential === undefined || credential.deletedAt !== null ? undefined : credential;
}

/** The operation the permission rules judge, for an endpoint and its parsed input. */
function operationOf(endpoint: Endpoint, input: Input, tenant: Tenant): ApiOperation {
  switch (endpoint.name) {
    case 'info':
    case 'list_users':
    case 'audit_logs':
      return { kind: endpoint.name };
    case 'get_user':
    case 'update_user':
    case 'delete_user':
      return { kind: endpoint.name, userId: endpoint.userId };
    case 'team_members':
      return { kind: 'team_members', teamId: endpoint.teamId };
    case 'create_story':
      return { kind: 'create_story', teamId: input.story?.teamId ?? '' };
    case 'list_credentials':
    case 'list_stories':
      return { kind: endpoint.name, teamId: input.teamId };
    case 'get_credential':
      return {
        kind: 'get_credential',
        credentialId: endpoint.credentialId,
        place: liveCredential(tenant, endpoint.credentialId) ?? null,
      };
  }
}

/** A user the admin API can see: deleted accounts are gone from it. */
function liveUser(tenant: Tenant, userId: string): Account | undefined {
  const account = tenant.accounts.get(userId);
  return account === undefined || account.status === 'deleted' ? undefined : account;
}

function userNotFound(userId: string, key: ApiKey): ApiOutcome {
  return failure(
    404,
    'USER_NOT_FOUND',
    `There is no user "${userId}" (deleted users are gone from the admin API).`,
    API_RULES.notFound,
    key,
  );
}

/** Apply events in order against the tenant; the first refusal answers 409 and nothing is kept. */
function applyAll(
  tenant: Tenant,
  build: ReadonlyArray<(tenant: Tenant) => TenantEvent>,
  key: ApiKey,
): { ok: true; tenant: Tenant; events: TenantEvent[] } | { ok: false; outcome: ApiOutcome } {
  let current = tenant;
  const events: TenantEvent[] = [];
  for (const make of build) {
    const event = make(current);
    const result = apply(current, event);
    if (!result.ok) {
      return {
        ok: false,
        outcome: failure(409, 'REFUSED', result.refusal.reason, ruleOf(result.refusal.rule), key),
      };
    }
    current = result.tenant;
    events.push(event);
  }
  return { ok: true, tenant: current, events };
}

function perform(endpoint: Endpoint, call: Call, decision: Decision): ApiOutcome {
  const { state, key, actor, path, query, input } = call;
  const { tenant } = state;
  const { page, perPage } = input.paging;
  const ok = (status: number, body: unknown, events?: readonly TenantEvent[]) =>
    respond(status, body, decision.rule, key, events);
  switch (endpoint.name) {
    case 'info':
      return ok(200, {
        stack: {
          name: `${tenant.domain.split('.')[0] ?? tenant.domain} (simulated)`,
          type: 'shared',
          region: 'simulated',
          egress_ips: [],
        },
      });
    case 'list_users': {
      const users: Account[] = [];
      for (const account of tenant.accounts.values()) {
        if (account.status === 'deleted') continue;
        if (input.ownersOnly && account.tenantRole !== 'owner') continue;
        users.push(account);
      }
      const result = paginate(tenant.domain, path, query, users.length, page, perPage, (i) =>
        userResource(tenant, users[i] as Account, input.withTeams),
      );
      return ok(200, { 'admin/users': result.items, meta: result.meta });
    }
    case 'get_user': {
      const account = liveUser(tenant, endpoint.userId);
      if (account === undefined) return userNotFound(endpoint.userId, key);
      return ok(200, userResource(tenant, account, input.withTeams));
    }
    case 'update_user': {
      const update = input.update;
      if (update === null) throw new Error('update_user without its parsed body');
      const account = liveUser(tenant, endpoint.userId);
      if (account === undefined) return userNotFound(endpoint.userId, key);
      const steps: Array<(t: Tenant) => TenantEvent> = [];
      const owner = update.admin ?? account.tenantRole === 'owner';
      const permissions = update.permissions ?? account.permissions;
      const rolesChange =
        owner !== (account.tenantRole === 'owner') ||
        permissions.length !== account.permissions.length ||
        permissions.some((p) => !account.permissions.includes(p));
      // Roles first: a key that deactivates its own creator can still act for the roles.
      if (rolesChange) {
        steps.push((t) =>
          changeRoles(
            t,
            account.id,
            { tenantRole: owner ? 'owner' : 'user', permissions, teamRoles: account.teamRoles },
            actor,
          ),
        );
      }
      if (update.isActive !== undefined && update.isActive !== (account.status === 'active')) {
        const type = update.isActive ? 'account_reactivated' : 'account_deactivated';
        steps.push((t) => changeStatus(t, type, account.id, actor));
      }
      const result = applyAll(tenant, steps, key);
      if (!result.ok) return result.outcome;
      const after = result.tenant.accounts.get(account.id) as Account;
      return ok(200, userResource(result.tenant, after, false), result.events);
    }
    case 'delete_user': {
      const account = liveUser(tenant, endpoint.userId);
      if (account === undefined) return userNotFound(endpoint.userId, key);
      const result = applyAll(
        tenant,
        [(t) => changeStatus(t, 'account_deleted', account.id, actor)],
        key,
      );
      if (!result.ok) return result.outcome;
      return ok(204, null, result.events);
    }
    case 'audit_logs': {
      if (input.audit === null) throw new Error('audit_logs without its parsed query');
      const selected = selectAuditEvents(tenant, state.events, input.audit);
      const result = paginate(tenant.domain, path, query, selected.length, page, perPage, (i) => {
        const index = selected[i] as number;
        return auditEntry(tenant, state.events[index] as TenantEvent, index);
      });
      return ok(200, { audit_logs: result.items, meta: result.meta });
    }
    case 'team_members': {
      if (!tenant.teams.has(endpoint.teamId)) return teamNotFound(endpoint.teamId, key);
      const members: Account[] = [];
      for (const account of tenant.accounts.values()) {
        if (account.status !== 'deleted' && account.teamRoles[endpoint.teamId] !== undefined) {
          members.push(account);
        }
      }
      const result = paginate(tenant.domain, path, query, members.length, page, perPage, (i) => {
        const account = members[i] as Account;
        return memberResource(account, account.teamRoles[endpoint.teamId] ?? 'viewer');
      });
      return ok(200, { members: result.items, meta: result.meta });
    }
    case 'create_story': {
      const story = input.story;
      if (story === null) throw new Error('create_story without its parsed body');
      return createStoryCall(call, story, decision);
    }
    case 'list_credentials':
    case 'list_stories': {
      if (input.teamId !== null && !tenant.teams.has(input.teamId)) {
        return teamNotFound(input.teamId, key);
      }
      const grants = grantsOf(tenant, key);
      if (endpoint.name === 'list_stories') {
        const stories = visibleStories(tenant, grants, input.teamId);
        const result = paginate(tenant.domain, path, query, stories.length, page, perPage, (i) =>
          storyListResource(stories[i] as Story),
        );
        return ok(200, { stories: result.items, meta: result.meta });
      }
      const index = input.unusedOnly || input.withReferences ? referenceIndex(tenant) : new Map();
      const credentials = visibleCredentials(tenant, grants, input.teamId).filter(
        (credential) => !input.unusedOnly || !index.has(credential.id),
      );
      const result = paginate(
        tenant.domain,
        path,
        query,
        credentials.length,
        page,
        perPage,
        (i) => {
          const credential = credentials[i] as Credential;
          const references = input.withReferences
            ? (index.get(credential.id) ?? NO_REFERENCES)
            : null;
          return credentialResource(tenant, credential, references);
        },
      );
      return ok(200, { user_credentials: result.items, meta: result.meta });
    }
    case 'get_credential': {
      const credential = liveCredential(tenant, endpoint.credentialId);
      if (credential === undefined) {
        return failure(
          404,
          'CREDENTIAL_NOT_FOUND',
          `There is no credential "${endpoint.credentialId}" (deleted credentials are gone from the API).`,
          API_RULES.notFound,
          key,
        );
      }
      const references = input.withReferences ? referencesOf(tenant, credential.id) : null;
      return ok(200, credentialResource(tenant, credential, references));
    }
  }
}

function teamNotFound(teamId: string, key: ApiKey): ApiOutcome {
  return failure(404, 'TEAM_NOT_FOUND', `There is no team "${teamId}".`, API_RULES.notFound, key);
}

const NO_REFERENCES: References = { storyIds: [], actionIds: [] };

/** Live credentials the principal may read, of one team (its own, not shared in) or of all. */
function visibleCredentials(tenant: Tenant, grants: Grants, teamId: string | null): Credential[] {
  const found: Credential[] = [];
  for (const credential of tenant.credentials.values()) {
    if (credential.deletedAt !== null) continue;
    if (teamId !== null && credential.teamId !== teamId) continue;
    if (canReadCredential(grants, credential)) found.push(credential);
  }
  return found;
}

/** Live stories the principal may see, of one team or of all. */
function visibleStories(tenant: Tenant, grants: Grants, teamId: string | null): Story[] {
  const found: Story[] = [];
  for (const story of tenant.stories.values()) {
    if (story.deletedAt !== null) continue;
    if (teamId !== null && story.teamId !== teamId) continue;
    if (canReadStory(grants, story)) found.push(story);
  }
  return found;
}

/** One credential's references, grouped: each story once, each action once, in story order. */
function referencesOf(tenant: Tenant, credentialId: string): References {
  const found = referencesTo(tenant, credentialId);
  return {
    storyIds: [...new Set(found.map((reference) => reference.storyId))],
    actionIds: found.map((reference) => reference.actionId),
  };
}

/**
 * Every credential's references in one walk over the live stories (as `referencesTo` resolves
 * them, S11): a list of 10,000 credentials costs one walk, not one per credential. A credential
 * with no entry is referenced by no live action (`UNUSED_IN_ACTIONS`).
 */
function referenceIndex(tenant: Tenant): Map<string, References> {
  const index = new Map<string, { storyIds: string[]; actionIds: string[] }>();
  for (const story of tenant.stories.values()) {
    if (story.deletedAt !== null) continue;
    for (const action of story.actions) {
      const used = new Set<string>();
      for (const slug of actionReferences(action)) {
        const credential = resolveCredential(tenant, story, slug);
        if (credential !== null) used.add(credential.id);
      }
      for (const credentialId of used) {
        let entry = index.get(credentialId);
        if (entry === undefined) {
          entry = { storyIds: [], actionIds: [] };
          index.set(credentialId, entry);
        }
        if (entry.storyIds[entry.storyIds.length - 1] !== story.id) entry.storyIds.push(story.id);
        entry.actionIds.push(action.id);
      }
    }
  }
  return index;
}

function createStoryCall(call: Call, story: { teamId: string; name: string }, decision: Decision) {
  const { state, key, actor } = call;
  if (!state.tenant.teams.has(story.teamId)) return teamNotFound(story.teamId, key);
  const result = applyAll(state.tenant, [(t) => createStory(t, story, actor)], key);
  if (!result.ok) return result.outcome;
  const event = result.events[0];
  const created = event?.type === 'story_created' ? result.tenant.stories.get(event.storyId) : null;
  if (created == null) throw new Error('story_created was applied but no story was stored');
  return respond(
    201,
    storyResource(created, key.scope === 'personal' ? key.createdBy : null),
    decision.rule,
    key,
    result.events,
  );
}

/** A request past the checks made before its key is read, with its route. */
interface Routed {
  readonly endpoint: Extract<ReturnType<typeof route>, { kind: 'found' }>['endpoint'];
  readonly path: string;
  readonly query: URLSearchParams;
}

/**
 * What a request gets before its key is read: size (414, 431, 413), method (400), route (404,
 * 405). The judge of a story's actions (run-story.ts) asks the same, so that a plan predicts
 * what a run answers.
 */
export function routeRequest(request: ApiRequest): { readonly refused: ApiOutcome } | Routed {
  const tooLarge = oversized(request);
  if (tooLarge !== null) return { refused: tooLarge };
  if (!METHOD_TOKEN.test(request.method)) {
    return {
      refused: failure(
        400,
        'BAD_METHOD',
        `${JSON.stringify(request.method.slice(0, 40))} is not an HTTP method: a method is a token of ASCII letters, digits and !#$%&'*+-.^_\`|~, at most 32 characters.`,
        API_RULES.badRequest,
      ),
    };
  }
  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : request.url.slice(queryStart + 1));
  const method = request.method.toUpperCase();

  const routed = route(method, path);
  if (routed.kind === 'not_found') {
    return {
      refused: failure(
        404,
        'NOT_FOUND',
        `The simulated API does not serve ${method} ${path}.`,
        API_RULES.notFound,
      ),
    };
  }
  if (routed.kind === 'method_not_allowed') {
    return {
      refused: failure(
        405,
        'METHOD_NOT_ALLOWED',
        `${path} answers ${routed.allowed.join(', ')}, not ${method}.`,
        API_RULES.methodNotAllowed,
        undefined,
        { allow: routed.allowed.join(', ') },
      ),
    };
  }
  return { endpoint: routed.endpoint, path, query };
}

/** Answer one request. Never throws for any request: every failure is a response. */
export function handleApiRequest(state: ApiState, request: ApiRequest): ApiOutcome {
  const routed = routeRequest(request);
  if ('refused' in routed) return routed.refused;
  const { path, query } = routed;

  const { tenant } = state;
  const credentials = credentialsOf(request.headers);
  if ('problem' in credentials) {
    return failure(401, 'NO_CREDENTIALS', credentials.problem, API_RULES.noCredentials);
  }
  const { key, verdict } = authenticate(tenant, credentials.secret);
  if (key === undefined || verdict.status === 401) {
    return failure(
      401,
      verdict.code,
      refusedKeyMessage(tenant, key, verdict),
      ruleOf(verdict.rule),
      key,
    );
  }

  try {
    const { endpoint } = routed;
    if (endpoint.name === 'update_user' || endpoint.name === 'create_story') {
      checkContentType(request.headers);
    }
    const input = inputOf(endpoint, query, request.body);
    const operation = operationOf(endpoint, input, tenant);
    const decision = authorize(tenant, key.id, operation);
    if (decision.status !== 200) {
      return failure(
        decision.status,
        decision.code,
        forbiddenMessage(key, operation, decision),
        decision.rule,
        key,
      );
    }
    const actor: Actor = { kind: 'key', keyId: key.id };
    return perform(endpoint, { state, key, actor, path, query, input }, decision);
  } catch (error) {
    if (error instanceof Refused) {
      return failure(error.status, error.code, error.message, error.rule, key);
    }
    throw error;
  }
}

/**
 * The reducer: `apply(tenant, event)` returns the next tenant, or refuses the event with a reason
 * and returns the tenant unchanged. It never throws, whatever it is given: a log may come from an
 * import or a link, so every field is checked before it is trusted.
 *
 * The first paint builds its scenario and judges every key with it, so this module is in the first
 * chunk; what only later views use is not: `replay` and the words of a rule are in apply.ts, and
 * the events only they make are applied by reducer-later.ts, with this module's exported checks.
 */
import { keyEligibility } from './creation-eligibility';
import { directionControlReason } from './direction-controls';
import type { AccountInvited, Actor, TenantEvent } from './events';
import { evaluateKey, VERDICT_LABELS } from './key-verdict';
import {
  type Account,
  type AccountId,
  type ApiKey,
  CREDENTIAL_MODES,
  type Credential,
  type CredentialMode,
  type CredentialValue,
  credentialSlug,
  HTTP_METHODS,
  type HttpAction,
  type HttpMethod,
  KEY_SCOPES,
  type KeyScope,
  liveAccountWithEmail,
  READ_ACCESS,
  type ReadAccess,
  type Story,
  TEAM_ROLES,
  TENANT_PERMISSIONS,
  TENANT_ROLES,
  type TeamId,
  type TeamRoles,
  type Tenant,
  type TenantPermission,
  type TenantRole,
} from './model';
import type { PersistentMap } from './persistent-map';
import type { RuleTag } from './rule-sources';

export interface Refusal {
  readonly reason: string;
  /** Its summary and source: `ruleOf` (rule-texts.ts). */
  readonly rule: RuleTag;
}

export type ApplyResult =
  | { readonly ok: true; readonly tenant: Tenant }
  | { readonly ok: false; readonly tenant: Tenant; readonly refusal: Refusal };

/**
 * By id; each rule's summary and source are in rule-texts.ts, but for manage-credentials, whose
 * words are in apply.ts's EVENT_RULES.
 */
export const EVENT_RULE_TAGS = {
  malformed: { id: 'event.malformed' },
  lifecycle: { id: 'event.lifecycle' },
  uniqueEmail: { id: 'event.unique-email' },
  actor: { id: 'event.actor-active' },
  setting: { id: 'event.setting-change' },
  manageCredentials: { id: 'event.manage-credentials' },
  keyLifecycle: { id: 'event.key-lifecycle' },
} as const satisfies Record<string, RuleTag>;

const MAX_TEXT = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
  }
}

export function fail(reason: string, rule: RuleTag = EVENT_RULE_TAGS.malformed): never {
  throw new Refused({ reason, rule });
}

/** A plain object (from JSON or a literal): not an array, a Map, a Date or a class instance. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A value for a refusal's sentence. Objects are named by kind, not converted: `String()` throws on
 * an object without a prototype or with a hostile `toString`, and a reason must always be built.
 */
function shown(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) {
    return Array.isArray(value) ? 'a list' : 'an object';
  }
  return String(value);
}

export function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${field} must be a non-empty text.`);
  if (value.length > MAX_TEXT) fail(`${field} must be at most ${MAX_TEXT} characters.`);
  const control = directionControlReason(value);
  if (control !== null) fail(`${field}: ${control}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(`${field} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function permissionsOf(value: unknown, field: string): readonly TenantPermission[] {
  if (!Array.isArray(value)) fail(`${field} must be a list.`);
  // An index loop, not `map`: `map` skips the holes of a sparse array, which would let
  // `[ <empty> ]` through unchecked (and walk every hole of a huge one).
  const permissions: TenantPermission[] = [];
  for (let i = 0; i < value.length; i++) {
    permissions.push(oneOf<TenantPermission>(value[i], TENANT_PERMISSIONS, field));
  }
  if (new Set(permissions).size !== permissions.length) fail(`${field} lists a permission twice.`);
  return permissions;
}

export function teamRolesOf(tenant: Tenant, value: unknown, field: string): TeamRoles {
  if (!isRecord(value)) fail(`${field} must map team ids to roles.`);
  const roles = Object.entries(value).map(([teamId, role]) => {
    if (!tenant.teams.has(teamId)) fail(`${field} names a team that does not exist: "${teamId}".`);
    return [teamId, oneOf(role, TEAM_ROLES, `${field} for ${teamId}`)] as const;
  });
  // fromEntries defines own properties, so even a team id like "__proto__" stays plain data.
  return Object.fromEntries(roles);
}

/** What the tenant holds under the id `value`; refused, naming the kind, when it holds nothing. */
export function held<T>(
  items: { get(id: string): T | undefined },
  value: unknown,
  kind: string,
): T {
  const item = typeof value === 'string' ? items.get(value) : undefined;
  if (item === undefined) fail(`There is no ${kind} "${shown(value)}".`);
  return item;
}

/** A credential or a story that is not deleted. */
export function liveOf<T extends { readonly name: string; readonly deletedAt: number | null }>(
  items: PersistentMap<T>,
  value: unknown,
  kind: 'credential' | 'story',
): T {
  const item = held(items, value, kind);
  if (item.deletedAt !== null) fail(`${item.name} is deleted.`);
  return item;
}

export function accountOf(tenant: Tenant, value: unknown): Account {
  if (typeof value !== 'string') fail('accountId must be a text.');
  return held(tenant.accounts, value, 'account');
}

function freshId(tenant: Tenant, value: unknown, field: string): string {
  const id = text(value, field);
  if (
    tenant.accounts.has(id) ||
    tenant.keys.has(id) ||
    tenant.teams.has(id) ||
    tenant.stories.has(id) ||
    tenant.credentials.has(id)
  ) {
    fail(`${field} "${id}" is already in use.`);
  }
  return id;
}

/**
 * Checks the actor's shape (throws when malformed) and returns why a well-formed actor may not
 * act, if it may not. The caller reports that only after the event's own checks, whose reasons
 * are more specific ("Only active accounts create keys; …").
 */
function actorRefusal(tenant: Tenant, value: unknown): Refusal | null {
  if (!isRecord(value)) fail('actor must be an object.');
  switch (value['kind']) {
    case 'scenario':
    case 'console':
      return null;
    case 'account': {
      const account = accountOf(tenant, value['accountId']);
      if (account.status === 'active') return null;
      return {
        reason: `${account.name}'s account is ${account.status}; it cannot act.`,
        rule: EVENT_RULE_TAGS.actor,
      };
    }
    case 'key': {
      const keyId = value['keyId'];
      if (typeof keyId !== 'string' || !tenant.keys.has(keyId)) fail('actor names an unknown key.');
      const verdict = evaluateKey(tenant, keyId);
      if (verdict.status === 200) return null;
      return {
        reason: `${tenant.keys.get(keyId)?.name ?? keyId} is not accepted (${verdict.status}, ${VERDICT_LABELS[verdict.code]}); it cannot act.`,
        rule: EVENT_RULE_TAGS.actor,
      };
    }
    default:
      return fail('actor.kind must be scenario, console, account or key.');
  }
}

export function withAccount(tenant: Tenant, account: Account): Partial<Tenant> {
  return { accounts: tenant.accounts.set(account.id, account) };
}

/**
 * A new account with the event's id and roles: stored, and listed under its email after the
 * person's older accounts.
 */
function withNewAccount(
  tenant: Tenant,
  event: Pick<AccountInvited, 'accountId' | 'tenantRole' | 'permissions' | 'teamRoles'>,
  at: number,
  email: string,
  name: string,
  reinvitedFrom: AccountId | null,
): Partial<Tenant> {
  const id = event.accountId;
  const account: Account = {
    id,
    email,
    name,
    tenantRole: event.tenantRole,
    permissions: [...event.permissions],
    teamRoles: { ...event.teamRoles },
    status: 'active',
    invitedAt: at,
    updatedAt: at,
    reinvitedFrom,
  };
  return {
    accounts: tenant.accounts.set(id, account),
    accountsByEmail: tenant.accountsByEmail.set(email, [
      ...(tenant.accountsByEmail.get(email) ?? []),
      id,
    ]),
  };
}

function setStatus(
  tenant: Tenant,
  accountId: AccountId,
  status: Account['status'],
  at: number,
): Partial<Tenant> {
  return withAccount(tenant, {
    ...(tenant.accounts.get(accountId) as Account),
    status,
    updatedAt: at,
  });
}

/** Emails are stored lower-cased: one person, one address, however it was typed. */
function emailOf(email: string): string {
  return email.trim().toLowerCase();
}

type Home = { readonly teamId: TeamId | null; readonly draftsOf: AccountId | null };

/** A team's, or (no team, `draftsOf`) a person's drafts, who must not be deleted. */
function homeOf(tenant: Tenant, event: Record<string, unknown>): Home {
  const teamId = event['teamId'];
  const draftsOf = event['draftsOf'];
  if (teamId !== null) {
    if (draftsOf !== undefined) fail('teamId and draftsOf exclude each other.');
    return { teamId: held(tenant.teams, teamId, 'team').id, draftsOf: null };
  }
  const owner = accountOf(tenant, draftsOf);
  if (owner.status === 'deleted') fail(`${owner.name}'s account is deleted; it has no drafts.`);
  return { teamId: null, draftsOf: owner.id };
}

/**
 * Refuses an account acting where it may not [S16; editors and drafts assumed]: owners anywhere,
 * team admins in their team, editors create and edit there; drafts are their owner's. The
 * console, a scenario and keys (the API checks its own permissions) are not asked.
 */
export function mayManage(tenant: Tenant, actor: Actor, home: Home, what: 'edit' | 'delete'): void {
  if (actor.kind !== 'account') return;
  const account = tenant.accounts.get(actor.accountId);
  if (account === undefined || account.tenantRole === 'owner') return;
  const role = home.teamId === null ? null : account.teamRoles[home.teamId];
  const allowed =
    home.draftsOf !== null
      ? home.draftsOf === account.id
      : role === 'team_admin' || (what === 'edit' && role === 'editor');
  if (!allowed) {
    fail(
      `${account.name} may not ${what} ${home.draftsOf === null ? 'in this team' : "another person's drafts"}.`,
      EVENT_RULE_TAGS.manageCredentials,
    );
  }
}

function withDraft(tenant: Tenant, home: Home, id: string): Partial<Tenant> {
  if (home.draftsOf === null) return {};
  return {
    drafts: tenant.drafts.set(home.draftsOf, [...(tenant.drafts.get(home.draftsOf) ?? []), id]),
  };
}

/** Deleting an account deletes its drafts: their stories and credentials [documented S9]. */
function withoutDrafts(tenant: Tenant, accountId: AccountId, at: number): Partial<Tenant> {
  let { stories, credentials } = tenant;
  for (const id of tenant.drafts.get(accountId) ?? []) {
    const story = stories.get(id);
    if (story !== undefined && story.deletedAt === null) {
      stories = stories.set(id, { ...story, deletedAt: at });
    }
    const credential = credentials.get(id);
    if (credential !== undefined && credential.deletedAt === null) {
      credentials = credentials.set(id, { ...credential, deletedAt: at });
    }
  }
  return { stories, credentials };
}

export function sharingOf(
  tenant: Tenant,
  event: Record<string, unknown>,
): Pick<Credential, 'readAccess' | 'sharedTeams'> {
  const readAccess = oneOf<ReadAccess>(event['readAccess'], READ_ACCESS, 'readAccess');
  const teams = event['sharedTeams'];
  if (!Array.isArray(teams)) fail('sharedTeams must be a list.');
  const sharedTeams: TeamId[] = [];
  for (let i = 0; i < teams.length; i++) {
    const teamId: unknown = teams[i];
    if (typeof teamId !== 'string' || !tenant.teams.has(teamId)) {
      fail(`sharedTeams names a team that does not exist: "${shown(teamId)}".`);
    }
    sharedTeams.push(teamId);
  }
  if ((readAccess === 'SPECIFIC_TEAMS') !== sharedTeams.length > 0) {
    fail('sharedTeams lists the teams of SPECIFIC_TEAMS, and only those.');
  }
  return { readAccess, sharedTeams };
}

export function credentialValueOf(tenant: Tenant, value: unknown): CredentialValue {
  if (isRecord(value) && value['kind'] === 'external' && Object.keys(value).length === 1) {
    return { kind: 'external' };
  }
  if (!isRecord(value) || value['kind'] !== 'key' || Object.keys(value).length !== 2) {
    fail('value must be { kind: "key", keyId } or { kind: "external" }.');
  }
  return { kind: 'key', keyId: held(tenant.keys, value['keyId'], 'key').id };
}

export function requestOf(event: Record<string, unknown>): Omit<HttpAction, 'id' | 'name'> {
  const path = text(event['path'], 'path');
  if (!path.startsWith('/api/')) fail('path must be a path of the simulated API (/api/…).');
  const headers = event['headers'];
  if (!isRecord(headers)) fail('headers must map names to texts.');
  const entries = Object.entries(headers).map(([name, value]) => [
    name,
    text(value, `headers.${name}`),
  ]);
  const body = event['body'];
  if (body !== null && typeof body !== 'string') fail('body must be a text or null.');
  return {
    method: oneOf<HttpMethod>(event['method'], HTTP_METHODS, 'method'),
    path,
    headers: Object.fromEntries(entries),
    body,
  };
}

/** The story an action is added to or changed in (the actor may edit it), and the action's place. */
export function storyAction(
  tenant: Tenant,
  event: Record<string, unknown>,
): { readonly story: Story; readonly actionId: string; readonly index: number } {
  const story = liveOf(tenant.stories, event['storyId'], 'story');
  mayManage(tenant, event['actor'] as Actor, story, 'edit');
  const actionId = text(event['actionId'], 'actionId');
  return { story, actionId, index: story.actions.findIndex((action) => action.id === actionId) };
}

/** The roles an invitation, a re-invitation or a change of roles gives, checked in this order. */
export function rolesOf(
  tenant: Tenant,
  event: Record<string, unknown>,
): Pick<Account, 'tenantRole' | 'permissions' | 'teamRoles'> {
  return {
    tenantRole: oneOf<TenantRole>(event['tenantRole'], TENANT_ROLES, 'tenantRole'),
    permissions: permissionsOf(event['permissions'], 'permissions'),
    teamRoles: teamRolesOf(tenant, event['teamRoles'], 'teamRoles'),
  };
}

/** Where a checked story or credential lives: its team, or (no team) a person's drafts. */
function homeIn(event: { readonly teamId: TeamId | null; readonly draftsOf?: AccountId }): Home {
  return { teamId: event.teamId, draftsOf: event.draftsOf ?? null };
}

/**
 * An event type: its fields; `check`, which refuses an event it does not accept (it throws); and
 * `effect`, what an accepted event changes. The effect checks nothing, and copies what the tenant
 * keeps of the event's lists and records (the caller may still hold the event), so a log the
 * console wrote itself or has already checked runs the effects alone (trusted-replay.ts), and
 * gets the very tenant `apply` builds.
 */
export interface EventType<E = unknown> {
  readonly fields: readonly string[];
  check(tenant: Tenant, event: Record<string, unknown>, at: number): void;
  effect(tenant: Tenant, event: E, at: number): Partial<Tenant>;
}

/** Event types by name, each typed with its event. */
export type EventTypes = {
  readonly [T in TenantEvent['type']]?: EventType<Extract<TenantEvent, { readonly type: T }>>;
};

/**
 * Every event type the reducer knows. The events only later views make (a change of roles, a key
 * deleted, the setting, a credential rotated, shared or deleted, an action changed, a story's
 * run) are handed over by reducer-later.ts when it loads. Nothing makes or reads such an event
 * before: their commands (commands.ts) and every reader of a log (apply.ts, trusted-replay.ts)
 * load that module first.
 */
const types = new Map<unknown, EventType>();

/** Called with the first paint's types below, then once by reducer-later.ts as it loads. */
export function learnEventTypes(learned: EventTypes): void {
  for (const [type, eventType] of Object.entries(learned)) types.set(type, eventType);
}

function onlyKnownFields(event: Record<string, unknown>, type: string, fields: readonly string[]) {
  // A log holds nothing else, so it reads back as it was written.
  for (const field of Object.keys(event)) {
    if (field !== 'type' && field !== 'at' && field !== 'actor' && !fields.includes(field)) {
      fail(`${type} events have no field "${field}".`);
    }
  }
}

function statusChecked(
  tenant: Tenant,
  event: Record<string, unknown>,
  refuse: (account: Account) => string | null,
): void {
  const reason = refuse(accountOf(tenant, event['accountId']));
  if (reason !== null) fail(reason, EVENT_RULE_TAGS.lifecycle);
}

learnEventTypes({
  account_invited: {
    fields: ['accountId', 'email', 'name', 'tenantRole', 'permissions', 'teamRoles'],
    check(tenant, event) {
      freshId(tenant, event['accountId'], 'accountId');
      const email = emailOf(text(event['email'], 'email'));
      if (!EMAIL.test(email)) fail(`"${email}" is not an email address.`);
      const holder = liveAccountWithEmail(tenant, email);
      if (holder !== undefined) {
        fail(`${email} already belongs to ${holder.name}.`, EVENT_RULE_TAGS.uniqueEmail);
      }
      text(event['name'], 'name');
      rolesOf(tenant, event);
    },
    effect: (tenant, event, at) =>
      withNewAccount(tenant, event, at, emailOf(event.email), event.name.trim(), null),
  },
  account_deactivated: {
    fields: ['accountId'],
    check: (tenant, event) =>
      statusChecked(tenant, event, ({ name, status }) =>
        status === 'deactivated'
          ? `${name} is already deactivated.`
          : status === 'deleted'
            ? `${name}'s account is deleted; it cannot be deactivated.`
            : null,
      ),
    effect: (tenant, event, at) => setStatus(tenant, event.accountId, 'deactivated', at),
  },
  account_reactivated: {
    fields: ['accountId'],
    check: (tenant, event) =>
      statusChecked(tenant, event, ({ name, status }) =>
        status === 'active'
          ? `${name} is already active.`
          : status === 'deleted'
            ? `${name}'s account is deleted; a deleted account cannot be reactivated. Re-invite the person instead.`
            : null,
      ),
    effect: (tenant, event, at) => setStatus(tenant, event.accountId, 'active', at),
  },
  account_deleted: {
    fields: ['accountId'],
    check: (tenant, event) =>
      statusChecked(tenant, event, ({ name, status }) =>
        status === 'deleted' ? `${name}'s account is already deleted.` : null,
      ),
    effect: (tenant, event, at) => ({
      ...setStatus(tenant, event.accountId, 'deleted', at),
      ...withoutDrafts(tenant, event.accountId, at),
    }),
  },
  account_reinvited: {
    fields: ['accountId', 'previousAccountId', 'tenantRole', 'permissions', 'teamRoles'],
    check(tenant, event) {
      const previous = accountOf(tenant, event['previousAccountId']);
      if (previous.status !== 'deleted') {
        fail(
          `${previous.name}'s account is ${previous.status}; only a deleted person is re-invited.`,
          EVENT_RULE_TAGS.lifecycle,
        );
      }
      if (liveAccountWithEmail(tenant, previous.email) !== undefined) {
        fail(
          `${previous.email} already has an account that is not deleted.`,
          EVENT_RULE_TAGS.uniqueEmail,
        );
      }
      freshId(tenant, event['accountId'], 'accountId');
      rolesOf(tenant, event);
    },
    effect(tenant, event, at) {
      const { email, name, id } = tenant.accounts.get(event.previousAccountId) as Account;
      return withNewAccount(tenant, event, at, email, name, id);
    },
  },
  key_created: {
    fields: ['keyId', 'name', 'scope', 'createdBy', 'secret', 'teamRoles', 'permissions'],
    check(tenant, event) {
      freshId(tenant, event['keyId'], 'keyId');
      const secret = text(event['secret'], 'secret');
      if (tenant.keyBySecret.has(secret)) fail('secret is already in use by another key.');
      const scope = oneOf<KeyScope>(event['scope'], KEY_SCOPES, 'scope');
      const creator = accountOf(tenant, event['createdBy']);
      const teamRoles = teamRolesOf(tenant, event['teamRoles'], 'teamRoles');
      const permissions = permissionsOf(event['permissions'], 'permissions');
      if (scope !== 'team' && Object.keys(teamRoles).length > 0) {
        fail('Only team keys cover teams.');
      }
      if (scope !== 'service' && permissions.length > 0) {
        fail('Only service keys hold tenant permissions.');
      }
      const eligibility = keyEligibility(tenant, {
        createdBy: creator.id,
        scope,
        teamRoles,
        permissions,
      });
      if (!eligibility.allowed) fail(eligibility.reason, eligibility.rule);
      text(event['name'], 'name');
    },
    effect(tenant, event, at) {
      const { keyId: id, createdBy, secret } = event;
      const key: ApiKey = {
        id,
        name: event.name.trim(),
        scope: event.scope,
        createdBy,
        secret,
        createdAt: at,
        revokedAt: null,
        teamRoles: { ...event.teamRoles },
        permissions: [...event.permissions],
      };
      return {
        keys: tenant.keys.set(id, key),
        keyBySecret: tenant.keyBySecret.set(secret, id),
        keysByCreator: tenant.keysByCreator.set(createdBy, [
          ...(tenant.keysByCreator.get(createdBy) ?? []),
          id,
        ]),
      };
    },
  },
  story_created: {
    fields: ['storyId', 'teamId', 'draftsOf', 'name'],
    check(tenant, event) {
      freshId(tenant, event['storyId'], 'storyId');
      mayManage(tenant, event['actor'] as Actor, homeOf(tenant, event), 'edit');
      text(event['name'], 'name');
    },
    effect(tenant, event, at) {
      const id = event.storyId;
      const home = homeIn(event);
      const story: Story = {
        id,
        name: event.name.trim(),
        ...home,
        actions: [],
        createdAt: at,
        lastRun: null,
        deletedAt: null,
      };
      return { stories: tenant.stories.set(id, story), ...withDraft(tenant, home, id) };
    },
  },
  credential_created: {
    fields: [
      'credentialId',
      'name',
      'mode',
      'teamId',
      'draftsOf',
      'readAccess',
      'sharedTeams',
      'value',
    ],
    check(tenant, event) {
      freshId(tenant, event['credentialId'], 'credentialId');
      const home = homeOf(tenant, event);
      mayManage(tenant, event['actor'] as Actor, home, 'edit');
      const slug = credentialSlug(text(event['name'], 'name'));
      if (slug === '') fail('name must hold a letter or a digit.');
      for (const otherId of tenant.credentialsBySlug.get(slug) ?? []) {
        const other = tenant.credentials.get(otherId);
        if (
          other !== undefined &&
          other.deletedAt === null &&
          other.teamId === home.teamId &&
          other.draftsOf === home.draftsOf
        ) {
          fail(`${other.name} already has the slug "${slug}" here.`);
        }
      }
      oneOf<CredentialMode>(event['mode'], CREDENTIAL_MODES, 'mode');
      sharingOf(tenant, event);
      credentialValueOf(tenant, event['value']);
    },
    effect(tenant, event, at) {
      const id = event.credentialId;
      const name = event.name.trim();
      const slug = credentialSlug(name);
      const home = homeIn(event);
      const credential: Credential = {
        id,
        name,
        slug,
        mode: event.mode,
        ...home,
        readAccess: event.readAccess,
        sharedTeams: [...event.sharedTeams],
        value: { ...event.value },
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      return {
        credentials: tenant.credentials.set(id, credential),
        credentialsBySlug: tenant.credentialsBySlug.set(slug, [
          ...(tenant.credentialsBySlug.get(slug) ?? []),
          id,
        ]),
        ...withDraft(tenant, home, id),
      };
    },
  },
  action_added: {
    fields: ['storyId', 'actionId', 'name', 'method', 'path', 'headers', 'body'],
    check(tenant, event) {
      const { actionId, index } = storyAction(tenant, event);
      if (index !== -1) fail(`actionId "${actionId}" is already in use.`);
      text(event['name'], 'name');
      requestOf(event);
    },
    effect(tenant, event) {
      const story = tenant.stories.get(event.storyId) as Story;
      const action: HttpAction = {
        id: event.actionId,
        name: event.name.trim(),
        method: event.method,
        path: event.path,
        headers: { ...event.headers },
        body: event.body,
      };
      return {
        stories: tenant.stories.set(story.id, { ...story, actions: [...story.actions, action] }),
      };
    },
  },
});

/**
 * The refusal for whatever the checks threw. Even this must not throw: a revoked Proxy thrown
 * from a getter throws on `instanceof`, an object without a prototype on `String()`.
 */
export function refusalFor(error: unknown): Refusal {
  try {
    if (error instanceof Refused) return error.refusal;
    // Anything else is a bug in the checks above, but the promise is "never throws".
    const what = error instanceof Error ? error.message : shown(error);
    return { reason: `Event could not be applied: ${what}`, rule: EVENT_RULE_TAGS.malformed };
  } catch {
    return {
      reason: 'Event could not be applied: an unexpected value was thrown.',
      rule: EVENT_RULE_TAGS.malformed,
    };
  }
}

/**
 * The tenant after an event, built field by field: every tenant has the same shape, which keeps
 * property reads fast (a spread of a partial object would not).
 */
function next(tenant: Tenant, changes: Partial<Tenant>, at: number): Tenant {
  return {
    name: tenant.name,
    domain: tenant.domain,
    seed: tenant.seed,
    restrictApiKeyCreation: changes.restrictApiKeyCreation ?? tenant.restrictApiKeyCreation,
    teams: tenant.teams,
    accounts: changes.accounts ?? tenant.accounts,
    keys: changes.keys ?? tenant.keys,
    accountsByEmail: changes.accountsByEmail ?? tenant.accountsByEmail,
    keyBySecret: changes.keyBySecret ?? tenant.keyBySecret,
    keysByCreator: changes.keysByCreator ?? tenant.keysByCreator,
    stories: changes.stories ?? tenant.stories,
    credentials: changes.credentials ?? tenant.credentials,
    credentialsBySlug: changes.credentialsBySlug ?? tenant.credentialsBySlug,
    drafts: changes.drafts ?? tenant.drafts,
    clock: at,
    sequence: tenant.sequence + 1,
  };
}

/**
 * `apply`'s checks alone: the event, checked against the tenant, or a thrown refusal
 * (`refusalFor` names it). Reads the tenant, never changes it.
 */
export function checked(tenant: Tenant, event: unknown): TenantEvent {
  if (!isRecord(event)) fail('An event must be an object.');
  const at = event['at'];
  if (typeof at !== 'number' || !Number.isFinite(at)) fail('at must be a finite number.');
  if (at < tenant.clock) fail('at must not go back in time.');
  const actorProblem = actorRefusal(tenant, event['actor']);
  const typeName = event['type'];
  const type = types.get(typeName);
  if (type === undefined) return fail(`Unknown event type "${shown(typeName)}".`);
  onlyKnownFields(event, typeName as string, type.fields);
  type.check(tenant, event, at);
  if (actorProblem !== null) throw new Refused(actorProblem);
  return event as unknown as TenantEvent;
}

/**
 * What an accepted event changes: its effect alone, no check. The caller checked the event
 * (`checked`) or trusts the log it comes from; a replay's working tenant changes in place.
 */
export function effectOf(tenant: Tenant, event: TenantEvent): Partial<Tenant> {
  return (types.get(event.type) as EventType).effect(tenant, event, event.at);
}

/** Apply one event. Refused events leave the tenant exactly as it was. */
export function apply(tenant: Tenant, event: TenantEvent): ApplyResult {
  try {
    const accepted = checked(tenant, event);
    return { ok: true, tenant: next(tenant, effectOf(tenant, accepted), accepted.at) };
  } catch (error) {
    return { ok: false, tenant, refusal: refusalFor(error) };
  }
}

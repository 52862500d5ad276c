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
import type { Actor, TenantEvent } from './events';
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

/** A new account: stored, and listed under its email after the person's older accounts. */
function withNewAccount(tenant: Tenant, account: Account): Partial<Tenant> {
  const history = tenant.accountsByEmail.get(account.email) ?? [];
  return {
    accounts: tenant.accounts.set(account.id, account),
    accountsByEmail: tenant.accountsByEmail.set(account.email, [...history, account.id]),
  };
}

function setStatus(
  tenant: Tenant,
  account: Account,
  status: Account['status'],
  at: number,
): Partial<Tenant> {
  return withAccount(tenant, { ...account, status, updatedAt: at });
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

/** An event type: its fields, and what an event of it changes (or the refusal it throws). */
export interface EventType {
  readonly fields: readonly string[];
  change(tenant: Tenant, event: Record<string, unknown>, at: number): Partial<Tenant>;
}

/**
 * The events only later views make (a change of roles, a key deleted, the setting, a credential
 * rotated, shared or deleted, an action changed, a story's run): reducer-later.ts hands them over
 * when it loads. Nothing makes or reads such an event before: their commands (commands.ts) and
 * every reader of a log (apply.ts) load that module first.
 */
const later = new Map<unknown, EventType>();

/** Called once, by reducer-later.ts as it loads. */
export function learnEventTypes(types: Readonly<Record<string, EventType>>): void {
  for (const [type, eventType] of Object.entries(types)) later.set(type, eventType);
}

/**
 * Every field each event type has (the later ones': reducer-later.ts). A log holds nothing else, so
 * it reads back as it was written.
 */
const EVENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  account_invited: ['accountId', 'email', 'name', 'tenantRole', 'permissions', 'teamRoles'],
  account_deactivated: ['accountId'],
  account_reactivated: ['accountId'],
  account_deleted: ['accountId'],
  account_reinvited: ['accountId', 'previousAccountId', 'tenantRole', 'permissions', 'teamRoles'],
  key_created: ['keyId', 'name', 'scope', 'createdBy', 'secret', 'teamRoles', 'permissions'],
  story_created: ['storyId', 'teamId', 'draftsOf', 'name'],
  credential_created: [
    'credentialId',
    'name',
    'mode',
    'teamId',
    'draftsOf',
    'readAccess',
    'sharedTeams',
    'value',
  ],
  action_added: ['storyId', 'actionId', 'name', 'method', 'path', 'headers', 'body'],
};

function onlyKnownFields(event: Record<string, unknown>): void {
  const type = event['type'];
  // An unknown type (or one that is not a text) is named by `change`.
  const fields =
    typeof type === 'string' && Object.hasOwn(EVENT_FIELDS, type)
      ? EVENT_FIELDS[type]
      : later.get(type)?.fields;
  if (fields === undefined) return;
  for (const field of Object.keys(event)) {
    if (field !== 'type' && field !== 'at' && field !== 'actor' && !fields.includes(field)) {
      fail(`${type} events have no field "${field}".`);
    }
  }
}

/** The changes an event makes, or a thrown Refused. Only `apply` calls this. */
function change(tenant: Tenant, event: Record<string, unknown>, at: number): Partial<Tenant> {
  switch (event['type']) {
    case 'account_invited': {
      const id = freshId(tenant, event['accountId'], 'accountId');
      // Emails are stored lower-cased: one person, one address, however it was typed.
      const email = text(event['email'], 'email').trim().toLowerCase();
      if (!EMAIL.test(email)) fail(`"${email}" is not an email address.`);
      const holder = liveAccountWithEmail(tenant, email);
      if (holder !== undefined) {
        fail(`${email} already belongs to ${holder.name}.`, EVENT_RULE_TAGS.uniqueEmail);
      }
      const account: Account = {
        id,
        email,
        name: text(event['name'], 'name').trim(),
        tenantRole: oneOf<TenantRole>(event['tenantRole'], TENANT_ROLES, 'tenantRole'),
        permissions: permissionsOf(event['permissions'], 'permissions'),
        teamRoles: teamRolesOf(tenant, event['teamRoles'], 'teamRoles'),
        status: 'active',
        invitedAt: at,
        updatedAt: at,
        reinvitedFrom: null,
      };
      return withNewAccount(tenant, account);
    }
    case 'account_deactivated': {
      const account = accountOf(tenant, event['accountId']);
      if (account.status === 'deactivated') {
        fail(`${account.name} is already deactivated.`, EVENT_RULE_TAGS.lifecycle);
      }
      if (account.status === 'deleted') {
        fail(
          `${account.name}'s account is deleted; it cannot be deactivated.`,
          EVENT_RULE_TAGS.lifecycle,
        );
      }
      return setStatus(tenant, account, 'deactivated', at);
    }
    case 'account_reactivated': {
      const account = accountOf(tenant, event['accountId']);
      if (account.status === 'active')
        fail(`${account.name} is already active.`, EVENT_RULE_TAGS.lifecycle);
      if (account.status === 'deleted') {
        fail(
          `${account.name}'s account is deleted; a deleted account cannot be reactivated. Re-invite the person instead.`,
          EVENT_RULE_TAGS.lifecycle,
        );
      }
      return setStatus(tenant, account, 'active', at);
    }
    case 'account_deleted': {
      const account = accountOf(tenant, event['accountId']);
      if (account.status === 'deleted') {
        fail(`${account.name}'s account is already deleted.`, EVENT_RULE_TAGS.lifecycle);
      }
      return {
        ...setStatus(tenant, account, 'deleted', at),
        ...withoutDrafts(tenant, account.id, at),
      };
    }
    case 'account_reinvited': {
      const previous = accountOf(tenant, event['previousAccountId']);
      if (previous.status !== 'deleted') {
        fail(
          `${previous.name}'s account is ${previous.status}; only a deleted person is re-invited.`,
          EVENT_RULE_TAGS.lifecycle,
        );
      }
      const holder = liveAccountWithEmail(tenant, previous.email);
      if (holder !== undefined) {
        fail(
          `${previous.email} already has an account that is not deleted.`,
          EVENT_RULE_TAGS.uniqueEmail,
        );
      }
      const account: Account = {
        id: freshId(tenant, event['accountId'], 'accountId'),
        email: previous.email,
        name: previous.name,
        tenantRole: oneOf<TenantRole>(event['tenantRole'], TENANT_ROLES, 'tenantRole'),
        permissions: permissionsOf(event['permissions'], 'permissions'),
        teamRoles: teamRolesOf(tenant, event['teamRoles'], 'teamRoles'),
        status: 'active',
        invitedAt: at,
        updatedAt: at,
        reinvitedFrom: previous.id,
      };
      return withNewAccount(tenant, account);
    }
    case 'key_created': {
      const id = freshId(tenant, event['keyId'], 'keyId');
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
      const key: ApiKey = {
        id,
        name: text(event['name'], 'name').trim(),
        scope,
        createdBy: creator.id,
        secret,
        createdAt: at,
        revokedAt: null,
        teamRoles,
        permissions,
      };
      return {
        keys: tenant.keys.set(id, key),
        keyBySecret: tenant.keyBySecret.set(secret, id),
        keysByCreator: tenant.keysByCreator.set(creator.id, [
          ...(tenant.keysByCreator.get(creator.id) ?? []),
          id,
        ]),
      };
    }
    case 'story_created': {
      const id = freshId(tenant, event['storyId'], 'storyId');
      const home = homeOf(tenant, event);
      mayManage(tenant, event['actor'] as Actor, home, 'edit');
      const story: Story = {
        id,
        name: text(event['name'], 'name').trim(),
        ...home,
        actions: [],
        createdAt: at,
        lastRun: null,
        deletedAt: null,
      };
      return { stories: tenant.stories.set(id, story), ...withDraft(tenant, home, id) };
    }
    case 'credential_created': {
      const id = freshId(tenant, event['credentialId'], 'credentialId');
      const home = homeOf(tenant, event);
      mayManage(tenant, event['actor'] as Actor, home, 'edit');
      const name = text(event['name'], 'name').trim();
      const slug = credentialSlug(name);
      if (slug === '') fail('name must hold a letter or a digit.');
      const sameSlug = tenant.credentialsBySlug.get(slug) ?? [];
      for (const otherId of sameSlug) {
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
      const credential: Credential = {
        id,
        name,
        slug,
        mode: oneOf<CredentialMode>(event['mode'], CREDENTIAL_MODES, 'mode'),
        ...home,
        ...sharingOf(tenant, event),
        value: credentialValueOf(tenant, event['value']),
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      };
      return {
        credentials: tenant.credentials.set(id, credential),
        credentialsBySlug: tenant.credentialsBySlug.set(slug, [...sameSlug, id]),
        ...withDraft(tenant, home, id),
      };
    }
    case 'action_added': {
      const { story, actionId, index } = storyAction(tenant, event);
      if (index !== -1) fail(`actionId "${actionId}" is already in use.`);
      const action: HttpAction = {
        id: actionId,
        name: text(event['name'], 'name').trim(),
        ...requestOf(event),
      };
      return {
        stories: tenant.stories.set(story.id, { ...story, actions: [...story.actions, action] }),
      };
    }
    default: {
      const known = later.get(event['type']);
      if (known !== undefined) return known.change(tenant, event, at);
      return fail(`Unknown event type "${shown(event['type'])}".`);
    }
  }
}

/**
 * The refusal for whatever the checks threw. Even this must not throw: a revoked Proxy thrown
 * from a getter throws on `instanceof`, an object without a prototype on `String()`.
 */
function refusalFor(error: unknown): Refusal {
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

/** Apply one event. Refused events leave the tenant exactly as it was. */
export function apply(tenant: Tenant, event: TenantEvent): ApplyResult {
  try {
    const raw: unknown = event;
    if (!isRecord(raw)) fail('An event must be an object.');
    const at = raw['at'];
    if (typeof at !== 'number' || !Number.isFinite(at)) fail('at must be a finite number.');
    if (at < tenant.clock) fail('at must not go back in time.');
    const actorProblem = actorRefusal(tenant, raw['actor']);
    onlyKnownFields(raw);
    const changes = change(tenant, raw, at);
    if (actorProblem !== null) throw new Refused(actorProblem);
    return { ok: true, tenant: next(tenant, changes, at) };
  } catch (error) {
    return { ok: false, tenant, refusal: refusalFor(error) };
  }
}

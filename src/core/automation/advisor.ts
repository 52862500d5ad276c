/**
 * The advisor: for each credential the plan says breaks, a fix that depends on no person
 * (domain.md, "Fixing before offboarding"): rotate it to a team key covering the teams whose
 * actions use it, with the lowest role their requests need; or a service key with the tenant
 * permissions they need; or a tenant owner key when they call admin endpoints (or need a team role
 * and a tenant permission at once, which no other key holds). It names an active account outside
 * the offboarded set that may make the fix, or says that none may.
 *
 * What a request needs is not tabled here: it is found by asking the simulated API itself
 * (`handleApiRequest`) with a stand-in key of each kind, from the least to the most privileged, in
 * the tenant after the change. So the permission rules (permissions.ts) decide, endpoint by
 * endpoint, including endpoints added later. Who may make the fix is decided the same way: its
 * events are applied (`apply`) as each candidate account, and the first that is accepted is named.
 *
 * A credential that vanishes with its owner's drafts (S9) cannot be rotated: the fix makes a new
 * credential with the same name in a team (own team first, so it wins resolution there), shared as
 * far as the failing actions need: that team only, the teams listed, or all teams and drafts when
 * a story in drafts uses it [assumed: the least sharing that reaches every failing action]. An
 * external secret deleted that way is re-made the same way, without a key: someone who knows the
 * secret must enter it again.
 */

import type { ApiRequest } from '../api/api-types';
import { handleApiRequest } from '../api/handle-request';
import { route } from '../api/routes';
import { apply } from '../apply';
import { createCredential, createKey, rotateCredential } from '../commands';
import type { Actor, TenantEvent } from '../events';
import {
  type Account,
  type AccountId,
  type ActionId,
  type ApiKey,
  type Credential,
  type CredentialId,
  type CredentialValue,
  type HttpAction,
  type ReadAccess,
  type Story,
  type StoryId,
  TEAM_ROLES,
  TENANT_PERMISSIONS,
  type TeamId,
  type TeamRole,
  type TeamRoles,
  type Tenant,
  type TenantPermission,
} from '../model';
import type { Impact } from './impact';
import { usageIndex } from './impact';
import { resolveCredential } from './resolve';
import { buildRequest, externalPlaceholder } from './run-story';

/** The key a fix creates. Never personal: a personal key dies with its creator (S1). */
export type FixKey =
  | { readonly scope: 'team'; readonly teamRoles: TeamRoles }
  | { readonly scope: 'service'; readonly permissions: readonly TenantPermission[] }
  | { readonly scope: 'tenant_owner' };

/** What one request needs, found by asking the API; `none`: it fails whatever the key. */
export type Need =
  | { readonly kind: 'team'; readonly teamId: TeamId; readonly role: TeamRole }
  | { readonly kind: 'service'; readonly permission: TenantPermission }
  | { readonly kind: 'owner' }
  | { readonly kind: 'none' };

export type Placement =
  | { readonly kind: 'rotate' }
  | {
      readonly kind: 'recreate';
      readonly teamId: TeamId;
      readonly readAccess: ReadAccess;
      readonly sharedTeams: readonly TeamId[];
    };

export interface Fix {
  readonly credentialId: CredentialId;
  readonly credentialName: string;
  /** The key to create; null when the credential held an external secret (re-entered by hand). */
  readonly key: FixKey | null;
  readonly keyName: string;
  readonly placement: Placement;
  /** The actions the fix must serve, and what each one's request needs. */
  readonly needs: ReadonlyArray<{
    readonly storyId: StoryId;
    readonly actionId: ActionId;
    readonly need: Need;
  }>;
  /** An active account outside the offboarded set whose fix events are accepted; or null. */
  readonly creator: AccountId | null;
  /** Why no account may make it (when `creator` is null). */
  readonly refusal: string | null;
}

const ROLE_RANK: Readonly<Record<TeamRole, number>> = { viewer: 0, editor: 1, team_admin: 2 };
/** Least privileged first. */
const ROLES_UP: readonly TeamRole[] = [...TEAM_ROLES].sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);

const PROBE_KEY_ID = 'key_advisor_probe';
const PROBE_SECRET = 'sim_advisor_probe_not_a_key';
/** Enough candidates to find one in any tenant this console builds; each try is a few `apply`s. */
const MAX_CANDIDATES = 200;

interface User {
  readonly story: Story;
  readonly action: HttpAction;
}

/** Asks the API, in the tenant after the change, what a stand-in key of each kind gets. */
class Prober {
  private readonly tenants = new Map<string, Tenant>();
  private readonly answers = new Map<string, boolean>();

  constructor(
    private readonly after: Tenant,
    private readonly events: readonly TenantEvent[],
  ) {}

  private tenantWith(key: FixKey): Tenant {
    const id = JSON.stringify(key);
    let tenant = this.tenants.get(id);
    if (tenant === undefined) {
      const probe: ApiKey = {
        id: PROBE_KEY_ID,
        name: 'Advisor probe',
        scope: key.scope,
        createdBy: '',
        secret: PROBE_SECRET,
        createdAt: this.after.clock,
        revokedAt: null,
        teamRoles: key.scope === 'team' ? key.teamRoles : {},
        permissions: key.scope === 'service' ? key.permissions : [],
      };
      tenant = {
        ...this.after,
        keys: this.after.keys.set(PROBE_KEY_ID, probe),
        keyBySecret: this.after.keyBySecret.set(PROBE_SECRET, PROBE_KEY_ID),
      };
      this.tenants.set(id, tenant);
    }
    return tenant;
  }

  /** Is the request authenticated and authorised (neither 401 nor 403) with this key? */
  passes(request: ApiRequest, key: FixKey): boolean {
    const id = JSON.stringify([key, request]);
    let answer = this.answers.get(id);
    if (answer === undefined) {
      const tenant = this.tenantWith(key);
      const status = handleApiRequest({ tenant, events: this.events }, request).response.status;
      answer = status !== 401 && status !== 403;
      this.answers.set(id, answer);
    }
    return answer;
  }
}

/** The request a user of `credential` sends once the credential holds the stand-in key. */
function probeRequest(after: Tenant, credential: Credential, user: User): ApiRequest {
  return buildRequest(user.action, (slug) => {
    if (slug === credential.slug) return PROBE_SECRET;
    const other = resolveCredential(after, user.story, slug);
    if (other === null) return '';
    if (other.value.kind === 'external') return externalPlaceholder(slug);
    return after.keys.get(other.value.keyId)?.secret ?? '';
  });
}

function teamsMentioned(tenant: Tenant, request: ApiRequest): TeamId[] {
  const text = `${request.url}\u0000${request.body ?? ''}`;
  return [...tenant.teams.keys()].filter((teamId) => text.includes(teamId));
}

function needOf(prober: Prober, request: ApiRequest, teams: readonly TeamId[]): Need {
  const queryStart = request.url.indexOf('?');
  const path = queryStart < 0 ? request.url : request.url.slice(0, queryStart);
  if (route(request.method, path).kind !== 'found') return { kind: 'none' };
  for (const role of ROLES_UP) {
    for (const teamId of teams) {
      if (prober.passes(request, { scope: 'team', teamRoles: { [teamId]: role } })) {
        return { kind: 'team', teamId, role };
      }
    }
  }
  for (const permission of TENANT_PERMISSIONS) {
    if (prober.passes(request, { scope: 'service', permissions: [permission] })) {
      return { kind: 'service', permission };
    }
  }
  if (prober.passes(request, { scope: 'tenant_owner' })) return { kind: 'owner' };
  return { kind: 'none' };
}

/** One key for every need: the least that serves them all, checked against every request. */
function keyFor(
  prober: Prober,
  needs: ReadonlyArray<{ request: ApiRequest; need: Need }>,
  fallbackTeam: TeamId | undefined,
): FixKey {
  const teamRoles: Record<TeamId, TeamRole> = {};
  const permissions = new Set<TenantPermission>();
  let owner = false;
  for (const { need } of needs) {
    if (need.kind === 'owner') owner = true;
    if (need.kind === 'service') permissions.add(need.permission);
    if (need.kind === 'team') {
      const held = teamRoles[need.teamId];
      if (held === undefined || ROLE_RANK[need.role] > ROLE_RANK[held]) {
        teamRoles[need.teamId] = need.role;
      }
    }
  }
  const serves = (key: FixKey) =>
    needs.every(({ request, need }) => need.kind === 'none' || prober.passes(request, key));
  // The least privileged kind first; each is checked against every request (an `info` call that
  // found a team key first is served by a service key as well).
  const choices: FixKey[] = [];
  if (!owner && Object.keys(teamRoles).length > 0) {
    choices.push({ scope: 'team', teamRoles: minimalTeams(prober, needs, teamRoles) });
  }
  if (!owner && permissions.size > 0) {
    choices.push({
      scope: 'service',
      permissions: TENANT_PERMISSIONS.filter((permission) => permissions.has(permission)),
    });
  }
  if (!owner && fallbackTeam !== undefined) {
    choices.push({ scope: 'team', teamRoles: { [fallbackTeam]: 'viewer' } });
  }
  // Admin endpoints, or a team role and a tenant permission at once: only a tenant owner key.
  return choices.find(serves) ?? { scope: 'tenant_owner' };
}

/**
 * Drop teams the requests do not need (an `info` call is served by a key on any team): fewer
 * teams, more team admins who may create the key.
 */
function minimalTeams(
  prober: Prober,
  needs: ReadonlyArray<{ request: ApiRequest; need: Need }>,
  teamRoles: Readonly<Record<TeamId, TeamRole>>,
): TeamRoles {
  let current: Record<TeamId, TeamRole> = { ...teamRoles };
  for (const teamId of Object.keys(teamRoles)) {
    if (Object.keys(current).length === 1) break;
    const { [teamId]: _dropped, ...without } = current;
    const key: FixKey = { scope: 'team', teamRoles: without };
    if (needs.every(({ request, need }) => need.kind === 'none' || prober.passes(request, key))) {
      current = without;
    }
  }
  return current;
}

function keyName(credential: Credential, key: FixKey | null): string {
  const kind =
    key === null
      ? ''
      : key.scope === 'team'
        ? 'team key'
        : key.scope === 'service'
          ? 'service key'
          : 'tenant owner key';
  return `${credential.name.slice(0, 160)} (${kind || 'external secret'})`;
}

type Attempt =
  | { readonly ok: true; readonly events: TenantEvent[]; readonly tenant: Tenant }
  | { readonly ok: false; readonly reason: string };

/** The fix's events as `creator`, each applied in turn; the first refusal stops it. */
function attempt(tenant: Tenant, fix: Fix, creator: AccountId): Attempt {
  const credential = tenant.credentials.get(fix.credentialId);
  if (credential === undefined)
    return { ok: false, reason: `There is no credential "${fix.credentialId}".` };
  const actor: Actor = { kind: 'account', accountId: creator };
  let current = tenant;
  const events: TenantEvent[] = [];
  const step = (event: TenantEvent): string | null => {
    const result = apply(current, event);
    if (!result.ok) return result.refusal.reason;
    current = result.tenant;
    events.push(event);
    return null;
  };
  let value: CredentialValue = { kind: 'external' };
  if (fix.key !== null) {
    const created = createKey(current, {
      name: fix.keyName,
      scope: fix.key.scope,
      createdBy: creator,
      ...(fix.key.scope === 'team' ? { teamRoles: fix.key.teamRoles } : {}),
      ...(fix.key.scope === 'service' ? { permissions: fix.key.permissions } : {}),
    });
    const refused = step(created);
    if (refused !== null) return { ok: false, reason: refused };
    value = { kind: 'key', keyId: created.keyId };
  }
  const placement = fix.placement;
  const refused = step(
    placement.kind === 'rotate'
      ? rotateCredential(current, credential.id, value, actor)
      : createCredential(
          current,
          {
            teamId: placement.teamId,
            name: credential.name,
            mode: credential.mode,
            readAccess: placement.readAccess,
            sharedTeams: placement.sharedTeams,
            value,
          },
          actor,
        ),
  );
  if (refused !== null) return { ok: false, reason: refused };
  return { ok: true, events, tenant: current };
}

/**
 * The events that make a fix: the key created by the fix's creator, then the credential rotated
 * to it (or re-made in a team). Throws when the fix names no creator or a step is refused: the
 * advisor only names a creator whose events were accepted against this tenant.
 */
export function fixEvents(tenant: Tenant, fix: Fix): TenantEvent[] {
  if (fix.creator === null) throw new Error(`No account may make this fix: ${fix.refusal}`);
  const result = attempt(tenant, fix, fix.creator);
  if (!result.ok) throw new Error(result.reason);
  return result.events;
}

/** Active accounts outside the set, in the order a fix prefers them (the nearest role first). */
function candidates(
  stay: readonly Account[],
  key: FixKey | null,
  placement: Placement,
): AccountId[] {
  const owners = stay.filter((account) => account.tenantRole === 'owner');
  const members = stay.filter((account) => account.tenantRole !== 'owner');
  let near: Account[] = [];
  if (key?.scope === 'team') {
    const teams = Object.keys(key.teamRoles);
    near = members.filter((account) =>
      teams.every((teamId) => account.teamRoles[teamId] === 'team_admin'),
    );
  } else if (key === null && placement.kind === 'recreate') {
    const role = (account: Account) => account.teamRoles[placement.teamId];
    near = members.filter(
      (account) => role(account) === 'team_admin' || role(account) === 'editor',
    );
  }
  return [...near, ...owners].slice(0, MAX_CANDIDATES).map((account) => account.id);
}

function describeKey(tenant: Tenant, key: FixKey | null): string {
  if (key === null) return 'a credential in a team';
  if (key.scope === 'tenant_owner') return 'a tenant owner key (it needs the Tenant owner role)';
  if (key.scope === 'service') return 'a service key (it needs the Tenant owner role)';
  const teams = Object.keys(key.teamRoles).map(
    (teamId) => tenant.teams.get(teamId)?.name ?? teamId,
  );
  return `a team key for ${teams.join(', ')} (it needs the Tenant owner role or Team admin on ${teams.length === 1 ? 'it' : 'each'})`;
}

/** A fix for every credential of the plan that some failing action uses. */
export function adviseFixes(tenant: Tenant, events: readonly TenantEvent[], impact: Impact): Fix[] {
  const after = impact.after;
  const prober = new Prober(after, [...events, ...impact.events]);
  const index = usageIndex(tenant);
  const leaving = new Set(impact.accountIds);
  const stay: Account[] = [];
  tenant.accounts.forEach((account) => {
    if (account.status === 'active' && !leaving.has(account.id)) stay.push(account);
  });
  const actionsOf = new Map<string, User>();
  for (const action of impact.actions) {
    const story = after.stories.get(action.storyId);
    const found = story?.actions.find((each) => each.id === action.actionId);
    if (story !== undefined && found !== undefined) {
      actionsOf.set(`${story.id}\u0000${found.id}`, { story, action: found });
    }
  }
  const fixes: Fix[] = [];
  for (const broken of impact.credentials) {
    if (broken.actions.length === 0) continue;
    const credential = tenant.credentials.get(broken.credentialId);
    if (credential === undefined) continue;
    const failing = broken.actions.flatMap(
      (action) => actionsOf.get(`${action.storyId}\u0000${action.actionId}`) ?? [],
    );
    // A rotation changes what every user of the credential sends; a new credential serves the failing.
    const users = new Map<string, User>();
    if (broken.how !== 'deleted_with_drafts') {
      for (const user of index.usersOf.get(credential.id) ?? []) {
        const story = after.stories.get(user.story.id);
        if (story !== undefined && story.deletedAt === null) {
          users.set(`${story.id}\u0000${user.action.id}`, { story, action: user.action });
        }
      }
    }
    for (const user of failing) users.set(`${user.story.id}\u0000${user.action.id}`, user);

    const placements = placementsFor(tenant, broken.how, failing);
    const home = placements[0]?.kind === 'recreate' ? placements[0].teamId : credential.teamId;
    const fallbackTeam = home ?? [...tenant.teams.keys()][0];
    const needs = [...users.values()].map((user) => {
      const request = probeRequest(after, credential, user);
      const teams = [
        ...new Set([
          ...teamsMentioned(tenant, request),
          ...(user.story.teamId === null ? [] : [user.story.teamId]),
          ...(fallbackTeam === undefined ? [] : [fallbackTeam]),
        ]),
      ];
      return { user, request, need: needOf(prober, request, teams) };
    });
    const key = credential.value.kind === 'external' ? null : keyFor(prober, needs, fallbackTeam);

    let creator: AccountId | null = null;
    let placement: Placement = placements[0] ?? { kind: 'rotate' };
    let refusal: string | null = null;
    const draft = (p: Placement): Fix => ({
      credentialId: credential.id,
      credentialName: credential.name,
      key,
      keyName: keyName(credential, key),
      placement: p,
      needs: needs.map(({ user, need }) => ({
        storyId: user.story.id,
        actionId: user.action.id,
        need,
      })),
      creator: null,
      refusal: null,
    });
    search: for (const option of placements) {
      for (const accountId of candidates(stay, key, option)) {
        const tried = attempt(tenant, draft(option), accountId);
        if (tried.ok) {
          creator = accountId;
          placement = option;
          break search;
        }
        refusal ??= tried.reason;
      }
    }
    if (creator === null) {
      refusal = `No active account that stays may create ${describeKey(tenant, key)} and ${
        placement.kind === 'rotate' ? `rotate ${credential.name}` : `re-make ${credential.name}`
      }${refusal === null ? '.' : `: ${refusal}`}`;
    } else {
      refusal = null;
    }
    fixes.push({ ...draft(placement), creator, refusal });
  }
  return fixes;
}

/**
 * Where the fixed value goes. A credential that survives the change is rotated. One deleted with
 * its owner's drafts is re-made in the first team whose actions failed (or, when only stories in
 * drafts used it, in each team in turn until one is accepted), shared just as far as needed.
 */
function placementsFor(
  tenant: Tenant,
  how: Impact['credentials'][number]['how'],
  failing: readonly User[],
): Placement[] {
  if (how !== 'deleted_with_drafts') return [{ kind: 'rotate' }];
  const teams = [
    ...new Set(failing.flatMap((user) => (user.story.teamId === null ? [] : [user.story.teamId]))),
  ];
  const inDrafts = failing.some((user) => user.story.teamId === null);
  const homes = teams.length > 0 ? [teams[0] as TeamId] : [...tenant.teams.keys()];
  return homes.map((teamId) => {
    const others = teams.filter((other) => other !== teamId);
    const readAccess: ReadAccess = inDrafts
      ? 'GLOBAL'
      : others.length > 0
        ? 'SPECIFIC_TEAMS'
        : 'TEAM';
    return {
      kind: 'recreate',
      teamId,
      readAccess,
      sharedTeams: readAccess === 'SPECIFIC_TEAMS' ? others : [],
    };
  });
}

/**
 * Every fix that names an eligible creator applied in order (_Apply all fixes_), with the log it
 * leaves; a fix the reducer refuses throws, since the advisor checked it against this tenant.
 */
export function applyFixes(
  tenant: Tenant,
  events: readonly TenantEvent[],
  fixes: readonly Fix[],
): { readonly tenant: Tenant; readonly events: readonly TenantEvent[] } {
  let current = tenant;
  const log = [...events];
  for (const fix of fixes) {
    if (fix.creator === null) continue;
    for (const event of fixEvents(current, fix)) {
      const result = apply(current, event);
      if (!result.ok) throw new Error(result.refusal.reason);
      current = result.tenant;
      log.push(event);
    }
  }
  return { tenant: current, events: log };
}

/**
 * Tenants with credentials, stories and HTTP Request actions, for the automation tests: a small
 * builder for hand-written cases, and fast-check arbitraries for random ones.
 *
 * A random tenant is generated as abstract intents over a start (the FAQ's tenant or a generated
 * one): credentials in teams or drafts with a slug from a small pool (so that names collide across
 * teams and drafts), every sharing, keys or external secrets as values; stories in teams or drafts
 * whose actions call the simulated API's endpoints with `<<CREDENTIAL.slug>>` in a header. Each
 * intent becomes an event through the command builders; one the reducer refuses is skipped.
 */
import fc from 'fast-check';
import { apply } from '../apply';
import {
  addAction,
  createCredential,
  createKey,
  createStory,
  type NewHome,
  type NewRequest,
} from '../commands';
import type { TenantEvent } from '../events';
import {
  type AccountId,
  type CredentialValue,
  type HttpMethod,
  KEY_SCOPES,
  type KeyScope,
  type ReadAccess,
  type StoryId,
  TEAM_ROLES,
  TENANT_PERMISSIONS,
  type TeamId,
  type TeamRole,
  type Tenant,
  type TenantPermission,
} from '../model';
import { janeTinoStart, mustApply, type Start, startArb, startTenant } from './arbitraries';

// ---------------------------------------------------------------------------------------------
// A builder for hand-written cases

export interface Sharing {
  readonly readAccess: ReadAccess;
  readonly sharedTeams?: readonly TeamId[];
}

/** Applies commands as the console (a refused one throws), keeping the tenant and the log. */
export function automationBuilder(tenant: Tenant, events: readonly TenantEvent[] = []) {
  let current = tenant;
  const log: TenantEvent[] = [...events];
  const record = <E extends TenantEvent>(event: E): E => {
    current = mustApply(current, event);
    log.push(event);
    return event;
  };
  return {
    credential(
      home: NewHome,
      name: string,
      value: CredentialValue,
      sharing: Sharing = { readAccess: 'TEAM' },
    ): string {
      return record(
        createCredential(current, {
          ...home,
          name,
          value,
          readAccess: sharing.readAccess,
          sharedTeams: sharing.sharedTeams ?? [],
        }),
      ).credentialId;
    },
    story(home: NewHome, name: string): StoryId {
      return record(createStory(current, { ...home, name })).storyId;
    },
    action(
      storyId: StoryId,
      action: NewRequest & { readonly name: string; readonly credential?: string },
    ): string {
      return record(addAction(current, storyId, action)).actionId;
    },
    /** Any event built against the tenant so far. */
    record(make: (tenant: Tenant) => TenantEvent): TenantEvent {
      return record(make(current));
    },
    tenant: (): Tenant => current,
    events: (): readonly TenantEvent[] => log,
  };
}

// ---------------------------------------------------------------------------------------------
// Random tenants with credentials and stories

/** Few names, so that the same slug turns up in several teams and drafts. */
export const SLUG_POOL = ['ops_key', 'sync_key', 'report_key'] as const;

export type Place =
  | { readonly kind: 'team'; readonly index: number }
  | { readonly kind: 'drafts'; readonly index: number };

export type CredentialIntent = {
  readonly kind: 'credential';
  readonly place: Place;
  readonly name: number;
  readonly readAccess: ReadAccess;
  readonly shared: readonly number[];
  /** A key by position, or an external secret. */
  readonly value: { readonly kind: 'key'; readonly index: number } | { readonly kind: 'external' };
};

export type RequestPick =
  | 'info'
  | 'list_users'
  | 'get_user'
  | 'update_missing_user'
  | 'delete_missing_user'
  | 'audit_logs'
  | 'team_members'
  | 'create_story'
  | 'not_found'
  | 'method_not_allowed';

export const REQUEST_PICKS: readonly RequestPick[] = [
  'info',
  'list_users',
  'get_user',
  'update_missing_user',
  'delete_missing_user',
  'audit_logs',
  'team_members',
  'create_story',
  'not_found',
  'method_not_allowed',
];

export type StoryIntent = {
  readonly kind: 'story';
  readonly place: Place;
  readonly actions: ReadonlyArray<{
    readonly request: RequestPick;
    readonly team: number;
    /** Which slug of the pool the Authorization header references; null: no credential. */
    readonly slug: number | null;
    /** `x-user-token` instead of `Authorization: Bearer`. */
    readonly token: boolean;
  }>;
};

export type KeyIntent = {
  readonly kind: 'key';
  readonly account: number;
  readonly scope: KeyScope;
  readonly teams: ReadonlyArray<{ readonly team: number; readonly role: TeamRole }>;
  readonly permissions: readonly TenantPermission[];
};

export type AutomationIntent = CredentialIntent | StoryIntent | KeyIntent;

const placeArb: fc.Arbitrary<Place> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('team' as const), index: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drafts' as const), index: fc.nat(5) }) },
);

const credentialIntentArb: fc.Arbitrary<CredentialIntent> = fc.record({
  kind: fc.constant('credential' as const),
  place: placeArb,
  name: fc.nat(SLUG_POOL.length - 1),
  readAccess: fc.constantFrom<ReadAccess>('TEAM', 'GLOBAL', 'SPECIFIC_TEAMS'),
  shared: fc.array(fc.nat(5), { minLength: 1, maxLength: 2 }),
  value: fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('key' as const), index: fc.nat(20) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'external' as const }) },
  ),
});

const storyIntentArb: fc.Arbitrary<StoryIntent> = fc.record({
  kind: fc.constant('story' as const),
  place: placeArb,
  actions: fc.array(
    fc.record({
      request: fc.constantFrom(...REQUEST_PICKS),
      team: fc.nat(5),
      slug: fc.option(fc.nat(SLUG_POOL.length - 1), { freq: 8 }),
      token: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

const keyIntentArb: fc.Arbitrary<KeyIntent> = fc.record({
  kind: fc.constant('key' as const),
  account: fc.nat(10),
  scope: fc.constantFrom(...KEY_SCOPES),
  teams: fc.array(fc.record({ team: fc.nat(5), role: fc.constantFrom(...TEAM_ROLES) }), {
    minLength: 1,
    maxLength: 2,
  }),
  permissions: fc.subarray([...TENANT_PERMISSIONS], { minLength: 1 }),
});

export const automationIntentsArb: fc.Arbitrary<readonly AutomationIntent[]> = fc.array(
  fc.oneof(
    { weight: 1, arbitrary: keyIntentArb },
    { weight: 3, arbitrary: credentialIntentArb },
    { weight: 3, arbitrary: storyIntentArb },
  ),
  { minLength: 1, maxLength: 14 },
);

function at<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function homeOf(tenant: Tenant, place: Place): NewHome | null {
  if (place.kind === 'team') {
    const teamId = at([...tenant.teams.keys()], place.index);
    return teamId === undefined ? null : { teamId };
  }
  const live = [...tenant.accounts.values()].filter((account) => account.status !== 'deleted');
  const owner = at(live, place.index);
  return owner === undefined ? null : { draftsOf: owner.id };
}

function requestFor(tenant: Tenant, pick: RequestPick, team: number): NewRequest {
  const teamId = at([...tenant.teams.keys()], team) ?? 'team_none';
  const someone = at([...tenant.accounts.keys()], team) ?? 'usr_none';
  switch (pick) {
    case 'info':
      return { method: 'GET', path: '/api/v1/info' };
    case 'list_users':
      return { method: 'GET', path: '/api/v1/admin/users?per_page=5' };
    case 'get_user':
      return { method: 'GET', path: `/api/v1/admin/users/${someone}` };
    // Requests that would change accounts mid-run name no one (404): the plan judges against the
    // tenant right after the change (impact.ts), so a run must not change it (see the property).
    case 'update_missing_user':
      return {
        method: 'PUT',
        path: '/api/v1/admin/users/usr_missing',
        headers: { 'Content-Type': 'application/json' },
        body: '{"is_active":false}',
      };
    case 'delete_missing_user':
      return { method: 'DELETE', path: '/api/v1/admin/users/usr_missing' };
    case 'audit_logs':
      return { method: 'GET', path: '/api/v1/audit_logs?per_page=5' };
    case 'team_members':
      return { method: 'GET', path: `/api/v1/teams/${teamId}/members` };
    case 'create_story':
      return {
        method: 'POST',
        path: '/api/v1/stories',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ team_id: teamId, name: 'Made by a run' }),
      };
    case 'not_found':
      return { method: 'GET', path: '/api/v1/nothing_here' };
    case 'method_not_allowed':
      return { method: 'DELETE' as HttpMethod, path: '/api/v1/info' };
  }
}

function eventsFor(tenant: Tenant, intent: AutomationIntent): Array<(t: Tenant) => TenantEvent> {
  switch (intent.kind) {
    case 'key': {
      const creator = at([...tenant.accounts.keys()], intent.account);
      if (creator === undefined) return [];
      const teams = [...tenant.teams.keys()];
      const teamRoles = Object.fromEntries(
        intent.teams.map(({ team, role }) => [at(teams, team) as TeamId, role]),
      );
      return [
        (t) =>
          createKey(t, {
            name: `${intent.scope} key`,
            scope: intent.scope,
            createdBy: creator,
            ...(intent.scope === 'team' ? { teamRoles } : {}),
            ...(intent.scope === 'service' ? { permissions: intent.permissions } : {}),
          }),
      ];
    }
    case 'credential': {
      const home = homeOf(tenant, intent.place);
      if (home === null) return [];
      const teams = [...tenant.teams.keys()];
      const value: CredentialValue =
        intent.value.kind === 'external'
          ? { kind: 'external' }
          : { kind: 'key', keyId: at([...tenant.keys.keys()], intent.value.index) ?? 'key_none' };
      const sharedTeams =
        intent.readAccess === 'SPECIFIC_TEAMS'
          ? [...new Set(intent.shared.map((i) => at(teams, i) as TeamId))]
          : [];
      return [
        (t) =>
          createCredential(t, {
            ...home,
            name: (SLUG_POOL[intent.name] as string).replace('_', ' '),
            value,
            readAccess: intent.readAccess,
            sharedTeams,
          }),
      ];
    }
    case 'story': {
      const home = homeOf(tenant, intent.place);
      if (home === null) return [];
      const story = createStory(tenant, { ...home, name: 'Generated story' });
      return [
        () => story,
        ...intent.actions.map(({ request, team, slug, token }, i) => (t: Tenant) => {
          const base = requestFor(t, request, team);
          const reference = slug === null ? null : `<<CREDENTIAL.${SLUG_POOL[slug]}>>`;
          const headers: Record<string, string> = { ...(base.headers ?? {}) };
          if (reference !== null) {
            if (token) headers['x-user-token'] = reference;
            else headers['Authorization'] = `Bearer ${reference}`;
          }
          return addAction(t, story.storyId, { ...base, headers, name: `Action ${i + 1}` });
        }),
      ];
    }
  }
}

export interface AutomationTenant {
  readonly start: Start;
  readonly tenant: Tenant;
  readonly events: readonly TenantEvent[];
}

/** Fold the intents over the start; a refused event is skipped (with what depends on it). */
export function buildAutomationTenant(
  start: Start,
  intents: readonly AutomationIntent[],
): AutomationTenant {
  let tenant = startTenant(start);
  const events: TenantEvent[] = [...start.events];
  for (const intent of intents) {
    for (const make of eventsFor(tenant, intent)) {
      const event = make(tenant);
      const result = apply(tenant, event);
      if (!result.ok) break;
      tenant = result.tenant;
      events.push(event);
    }
  }
  return { start, tenant, events };
}

export const automationTenantArb: fc.Arbitrary<AutomationTenant> = fc
  .record({ start: startArb, intents: automationIntentsArb })
  .map(({ start, intents }) => buildAutomationTenant(start, intents));

export const janeAutomationTenantArb: fc.Arbitrary<AutomationTenant> = automationIntentsArb.map(
  (intents) => buildAutomationTenant(janeTinoStart, intents),
);

/** Some accounts of the tenant (by position) and a change. */
export const offboardingArb = fc.record({
  picks: fc.array(fc.nat(10), { minLength: 1, maxLength: 3 }),
  change: fc.constantFrom<'deactivate' | 'delete'>('deactivate', 'delete'),
});

export function offboardingSet(tenant: Tenant, picks: readonly number[]): AccountId[] {
  const ids = [...tenant.accounts.keys()];
  return [
    ...new Set(
      picks.flatMap((pick) => (ids.length === 0 ? [] : [ids[pick % ids.length] as AccountId])),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// The FAQ's chain, by hand

/**
 * The FAQ's people and keys without whatever credentials and stories the scenario holds: the
 * hand-written cases below own every credential and story of their tenant.
 */
export const faqPeopleStart: Start = {
  label: 'jane-tino (people and keys)',
  genesis: janeTinoStart.genesis,
  events: janeTinoStart.events.filter(
    (event) =>
      event.type.startsWith('account_') ||
      event.type.startsWith('key_') ||
      event.type === 'setting_changed',
  ),
};

/**
 * Jane's four keys stored as credentials of Team Automation, as the FAQ says, and stories that use
 * them: a user sync on the personal key's, an audit export on the service key's, a members report
 * on the team key's, an admin job on the tenant owner key's; one credential of hers shared with all
 * teams and used by Team SecOps; one in her drafts, shared with all teams, used by Team SecOps too.
 */
export function janeChain() {
  const b = automationBuilder(startTenant(faqPeopleStart), faqPeopleStart.events);
  const tenant = b.tenant();
  const keyOf = (name: string) => {
    const key = [...tenant.keys.values()].find((each) => each.name === name);
    if (key === undefined) throw new Error(`No key named ${name}`);
    return { kind: 'key' as const, keyId: key.id };
  };
  const jane = [...tenant.accounts.values()].find((a) => a.name === 'Jane Tino')?.id as AccountId;
  const automation = { teamId: 'team_automation' };
  const secops = { teamId: 'team_secops' };
  const credentials = {
    personal: b.credential(automation, 'Jane personal key', keyOf('Jane personal')),
    team: b.credential(automation, 'Jane team key', keyOf('Jane team')),
    service: b.credential(automation, 'Jane service key', keyOf('Jane service')),
    owner: b.credential(automation, 'Jane tenant owner key', keyOf('Jane tenant owner')),
    shared: b.credential(automation, 'Shared lookup key', keyOf('Jane personal'), {
      readAccess: 'GLOBAL',
    }),
    drafts: b.credential({ draftsOf: jane }, 'Jane scratch key', keyOf('Jane tenant owner'), {
      readAccess: 'GLOBAL',
    }),
  };
  const userSync = b.story(automation, 'User sync');
  const auditExport = b.story(automation, 'Audit export');
  const membersReport = b.story(automation, 'Team members report');
  const secopsTriage = b.story(secops, 'SecOps triage');
  const actions = {
    listUsers: b.action(userSync, {
      name: 'List users',
      method: 'GET',
      path: '/api/v1/admin/users',
      credential: 'jane_personal_key',
    }),
    info: b.action(userSync, {
      name: 'Who am I',
      method: 'GET',
      path: '/api/v1/info',
      credential: 'jane_personal_key',
    }),
    audit: b.action(auditExport, {
      name: 'Export audit log',
      method: 'GET',
      path: '/api/v1/audit_logs',
      credential: 'jane_service_key',
    }),
    members: b.action(membersReport, {
      name: 'List members',
      method: 'GET',
      path: '/api/v1/teams/team_automation/members',
      credential: 'jane_team_key',
    }),
    lookup: b.action(secopsTriage, {
      name: 'Look up',
      method: 'GET',
      path: '/api/v1/info',
      credential: 'shared_lookup_key',
    }),
    scratch: b.action(secopsTriage, {
      name: 'Scratch members',
      method: 'GET',
      path: '/api/v1/teams/team_secops/members',
      credential: 'jane_scratch_key',
    }),
  };
  return {
    builder: b,
    tenant: b.tenant(),
    events: b.events(),
    jane,
    credentials,
    stories: { userSync, auditExport, membersReport, secopsTriage },
    actions,
  };
}

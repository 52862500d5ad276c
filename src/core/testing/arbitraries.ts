/**
 * fast-check arbitraries for the core, and the fold that turns them into event logs.
 *
 * Random events cannot be generated up front: an event names accounts, keys and teams that only
 * exist once earlier events are applied. So a sequence is generated as abstract intents
 * ("deactivate the 3rd account", "create a team key as the 1st account") and each intent becomes
 * a concrete event, built with the command builders, against the tenant the fold has reached.
 * Positions are taken modulo the current count; some intents name things that do not exist,
 * some break one field of a good event, some are any value at all.
 */
import fc from 'fast-check';
import { type ApplyResult, apply } from '../apply';
import {
  type AccountRoles,
  changeRoles,
  changeStatus,
  createKey,
  createStory,
  deleteKey,
  inviteAccount,
  type LifecycleEventType,
  reinviteAccount,
  setRestrictApiKeyCreation,
} from '../commands';
import type { Actor, TenantEvent } from '../events';
import {
  type AccountStatus,
  createTenant,
  KEY_SCOPES,
  type KeyScope,
  TEAM_ROLES,
  TENANT_PERMISSIONS,
  TENANT_ROLES,
  type TeamRole,
  type TeamRoles,
  type Tenant,
  type TenantGenesis,
  type TenantPermission,
  type TenantRole,
} from '../model';
import { blankScenario } from '../scenarios/blank';
import { janeTinoScenario } from '../scenarios/jane-tino';

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the tests

/** Apply an event that must be accepted; a refusal fails the test with the reducer's reason. */
export function mustApply(tenant: Tenant, event: TenantEvent): Tenant {
  const result = apply(tenant, event);
  if (!result.ok) throw new Error(`Event ${event.type} refused: ${result.refusal.reason}`);
  return result.tenant;
}

/** A genesis and the log that builds the tenant a sequence starts from. */
export interface Start {
  readonly label: string;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
}

/** Build a start's tenant; every event of a start must be accepted. */
export function startTenant(start: Start): Tenant {
  return start.events.reduce(mustApply, createTenant(start.genesis));
}

/** Counterexamples print a start by its label, not its whole log. */
function labelled(start: Start): Start {
  return Object.defineProperty(start, fc.toStringMethod, { value: () => `Start(${start.label})` });
}

export const janeTinoStart: Start = labelled({
  label: 'jane-tino',
  genesis: janeTinoScenario.genesis,
  events: janeTinoScenario.events,
});

export const blankStart: Start = labelled({
  label: 'blank',
  genesis: blankScenario.genesis,
  events: blankScenario.events,
});

// ---------------------------------------------------------------------------------------------
// Intents

/**
 * Something existing, by position modulo the current count; an account with a given status (so
 * that lifecycle intents often meet a status they can act on); or an id that names nothing.
 */
export type Ref =
  | { readonly kind: 'existing'; readonly index: number }
  | { readonly kind: 'withStatus'; readonly status: AccountStatus; readonly index: number }
  | { readonly kind: 'unknown'; readonly id: string };

export interface TeamPick {
  readonly team: Ref;
  readonly role: TeamRole;
}

export interface RolesIntent {
  readonly tenantRole: TenantRole;
  readonly permissions: readonly TenantPermission[];
  readonly teams: readonly TeamPick[];
}

export type EmailPick =
  | { readonly kind: 'fresh'; readonly n: number }
  /** The email of an existing account, possibly in other letter case. */
  | { readonly kind: 'existing'; readonly account: number; readonly shout: boolean };

export type KeyDeleter =
  | { readonly kind: 'console' }
  | { readonly kind: 'creator' }
  | { readonly kind: 'account'; readonly account: Ref };

export type BaseIntent =
  | {
      readonly kind: 'status';
      readonly type: LifecycleEventType;
      readonly account: Ref;
      /** Made through the simulated API with this key (its actor), or else at the console. */
      readonly viaKey: Ref | null;
    }
  | { readonly kind: 'reinvite'; readonly account: Ref; readonly roles: RolesIntent | null }
  | {
      readonly kind: 'invite';
      readonly email: EmailPick;
      readonly name: string;
      readonly roles: RolesIntent;
    }
  | { readonly kind: 'roles'; readonly account: Ref; readonly roles: RolesIntent }
  | {
      readonly kind: 'createKey';
      readonly account: Ref;
      readonly scope: KeyScope;
      readonly teams: readonly TeamPick[];
      readonly permissions: readonly TenantPermission[];
      /** Send teams and permissions whatever the scope (else only where the scope uses them). */
      readonly misshapen: boolean;
    }
  | { readonly kind: 'deleteKey'; readonly key: Ref; readonly by: KeyDeleter }
  | { readonly kind: 'setting'; readonly value: boolean }
  | {
      readonly kind: 'story';
      readonly team: Ref;
      readonly name: string;
      readonly viaKey: Ref | null;
    };

export type Intent =
  | BaseIntent
  /** A good event stamped earlier than the tenant's clock. */
  | { readonly kind: 'stale'; readonly inner: BaseIntent; readonly back: number }
  /** A good event with one field replaced by any value, or removed. */
  | {
      readonly kind: 'mutated';
      readonly inner: BaseIntent;
      readonly field: string;
      readonly value: unknown;
      readonly remove: boolean;
    }
  /** Any value at all, offered as an event. */
  | { readonly kind: 'garbage'; readonly value: unknown };

/** Any value, including the awkward ones (sparse arrays, null prototypes, boxed values). */
export const anyValueArb: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 2,
  maxKeys: 4,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withDate: true,
  withBigInt: true,
});

const UNKNOWN_IDS = ['usr_9999', 'key_9999', 'team_ghost', '', '__proto__', 'constructor'];

export const refArb: fc.Arbitrary<Ref> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.nat({ max: 50 }).map((index) => ({ kind: 'existing', index }) as const),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        status: fc.constantFrom<AccountStatus>('active', 'deactivated', 'deleted'),
        index: fc.nat({ max: 50 }),
      })
      .map((ref) => ({ kind: 'withStatus', ...ref }) as const),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...UNKNOWN_IDS).map((id) => ({ kind: 'unknown', id }) as const),
  },
);

function deletedRef(index: number): Ref {
  return { kind: 'withStatus', status: 'deleted', index };
}

const teamPickArb: fc.Arbitrary<TeamPick> = fc.record({
  team: refArb,
  role: fc.constantFrom(...TEAM_ROLES),
});

const permissionsArb = fc.subarray([...TENANT_PERMISSIONS]);

const rolesArb: fc.Arbitrary<RolesIntent> = fc.record({
  tenantRole: fc.constantFrom(...TENANT_ROLES),
  permissions: permissionsArb,
  teams: fc.array(teamPickArb, { maxLength: 2 }),
});

/** Roles naming only teams that exist, for the people a generated tenant starts with. */
const validRolesArb: fc.Arbitrary<RolesIntent> = fc.record({
  tenantRole: fc.constantFrom(...TENANT_ROLES),
  permissions: permissionsArb,
  teams: fc.array(
    fc.record({
      team: fc.nat({ max: 50 }).map((index) => ({ kind: 'existing', index }) as const),
      role: fc.constantFrom(...TEAM_ROLES),
    }),
    { maxLength: 2 },
  ),
});

const emailArb: fc.Arbitrary<EmailPick> = fc.oneof(
  fc.nat({ max: 4 }).map((n) => ({ kind: 'fresh', n }) as const),
  fc
    .record({ account: fc.nat({ max: 50 }), shout: fc.boolean() })
    .map((pick) => ({ kind: 'existing', ...pick }) as const),
);

const keyDeleterArb: fc.Arbitrary<KeyDeleter> = fc.oneof(
  fc.constant({ kind: 'console' } as const),
  fc.constant({ kind: 'creator' } as const),
  refArb.map((account) => ({ kind: 'account', account }) as const),
);

export const baseIntentArb: fc.Arbitrary<BaseIntent> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      type: fc.constantFrom<LifecycleEventType>(
        'account_deactivated',
        'account_reactivated',
        'account_deleted',
      ),
      account: refArb,
      viaKey: fc.option(refArb, { nil: null, freq: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reinvite' as const),
      // Mostly a deleted account, the only kind a re-invite accepts.
      account: fc.oneof(
        { weight: 3, arbitrary: fc.nat({ max: 50 }).map(deletedRef) },
        { weight: 1, arbitrary: refArb },
      ),
      roles: fc.option(rolesArb, { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('invite' as const),
      email: emailArb,
      name: fc.constantFrom('Robin Vale', 'Kai Ito', 'Noor Haddad'),
      roles: rolesArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('roles' as const), account: refArb, roles: rolesArb }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('createKey' as const),
      account: refArb,
      scope: fc.constantFrom(...KEY_SCOPES),
      teams: fc.array(teamPickArb, { minLength: 0, maxLength: 2 }),
      permissions: permissionsArb,
      misshapen: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deleteKey' as const),
      key: refArb,
      by: keyDeleterArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('setting' as const), value: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('story' as const),
      team: refArb,
      name: fc.constantFrom('Triage alerts', '', ' '),
      viaKey: fc.option(refArb, { nil: null }),
    }),
  },
);

const EVENT_FIELDS = [
  'type',
  'at',
  'actor',
  'accountId',
  'previousAccountId',
  'email',
  'name',
  'tenantRole',
  'permissions',
  'teamRoles',
  'keyId',
  'scope',
  'createdBy',
  'secret',
  'setting',
  'value',
  'storyId',
  'teamId',
];

export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 20, arbitrary: baseIntentArb },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('stale' as const),
      inner: baseIntentArb,
      back: fc.integer({ min: 1, max: 10 * 60_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      inner: baseIntentArb,
      field: fc.constantFrom(...EVENT_FIELDS),
      value: anyValueArb,
      remove: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('garbage' as const), value: anyValueArb }),
  },
);

/** Up to 25 intents: enough to reach every status and scope, short enough for 1000 runs. */
export const intentsArb: fc.Arbitrary<readonly Intent[]> = fc.array(intentArb, {
  maxLength: 25,
  size: 'max',
});

// ---------------------------------------------------------------------------------------------
// Starting tenants

const generatedStartArb: fc.Arbitrary<Start> = fc
  .record({
    teamCount: fc.integer({ min: 1, max: 3 }),
    seed: fc.string({ minLength: 1, maxLength: 8 }),
    startsAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    people: fc.array(validRolesArb, { minLength: 1, maxLength: 4 }),
  })
  .map(({ teamCount, seed, startsAt, people }) => {
    const genesis: TenantGenesis = {
      name: 'Generated Co',
      domain: 'generated-co-0001.tines.com',
      seed,
      startsAt,
      teams: Array.from({ length: teamCount }, (_, i) => ({ id: `team_${i}`, name: `Team ${i}` })),
    };
    let tenant = createTenant(genesis);
    const events: TenantEvent[] = [];
    people.forEach((roles, i) => {
      const event = inviteAccount(
        tenant,
        { email: `person.${i}@generated.example`, name: `Person ${i}`, ...toRoles(tenant, roles) },
        { kind: 'scenario' },
      );
      tenant = mustApply(tenant, event);
      events.push(event);
    });
    const label = `generated(seed ${JSON.stringify(seed)}, ${teamCount} teams, ${people.length} people)`;
    return labelled({ label, genesis, events });
  });

/** The FAQ's tenant, the blank one, or a generated one with 1-3 teams and 1-4 people. */
export const startArb: fc.Arbitrary<Start> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(janeTinoStart) },
  { weight: 1, arbitrary: fc.constant(blankStart) },
  { weight: 2, arbitrary: generatedStartArb },
);

// ---------------------------------------------------------------------------------------------
// From intents to events

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function accountIdFor(tenant: Tenant, ref: Ref): string {
  if (ref.kind === 'unknown') return ref.id;
  const accounts = [...tenant.accounts.values()];
  const withStatus =
    ref.kind === 'withStatus' ? accounts.filter((a) => a.status === ref.status) : [];
  // No account has the status asked for: fall back to any account.
  return pick(withStatus.length > 0 ? withStatus : accounts, ref.index)?.id ?? 'usr_none';
}

function keyIdFor(tenant: Tenant, ref: Ref): string {
  if (ref.kind === 'unknown') return ref.id;
  return pick([...tenant.keys.keys()], ref.index) ?? 'key_none';
}

function teamRolesFor(tenant: Tenant, picks: readonly TeamPick[]): TeamRoles {
  const teamIds = [...tenant.teams.keys()];
  // Object.fromEntries defines own properties, so a "__proto__" team id really is a key.
  return Object.fromEntries(
    picks.map(({ team, role }) => [
      team.kind === 'unknown'
        ? team.id || 'team_ghost'
        : (pick(teamIds, team.index) ?? 'team_none'),
      role,
    ]),
  );
}

function toRoles(tenant: Tenant, roles: RolesIntent): AccountRoles {
  return {
    tenantRole: roles.tenantRole,
    permissions: roles.permissions,
    teamRoles: teamRolesFor(tenant, roles.teams),
  };
}

function baseEvent(tenant: Tenant, intent: BaseIntent): TenantEvent {
  switch (intent.kind) {
    case 'status':
      return changeStatus(
        tenant,
        intent.type,
        accountIdFor(tenant, intent.account),
        keyActor(tenant, intent.viaKey),
      );
    case 'reinvite':
      return intent.roles === null
        ? reinviteAccount(tenant, accountIdFor(tenant, intent.account))
        : reinviteAccount(
            tenant,
            accountIdFor(tenant, intent.account),
            toRoles(tenant, intent.roles),
          );
    case 'invite': {
      let email = `new.${intent.email.kind === 'fresh' ? intent.email.n : 0}@people.example`;
      if (intent.email.kind === 'existing') {
        const holder = pick([...tenant.accounts.values()], intent.email.account);
        if (holder !== undefined) {
          email = intent.email.shout ? holder.email.toUpperCase() : holder.email;
        }
      }
      return inviteAccount(tenant, { email, name: intent.name, ...toRoles(tenant, intent.roles) });
    }
    case 'roles':
      return changeRoles(
        tenant,
        accountIdFor(tenant, intent.account),
        toRoles(tenant, intent.roles),
      );
    case 'createKey': {
      const teamRoles = teamRolesFor(tenant, intent.teams);
      return createKey(tenant, {
        name: `${intent.scope} key`,
        scope: intent.scope,
        createdBy: accountIdFor(tenant, intent.account),
        teamRoles: intent.misshapen || intent.scope === 'team' ? teamRoles : {},
        permissions: intent.misshapen || intent.scope === 'service' ? intent.permissions : [],
      });
    }
    case 'deleteKey': {
      const keyId = keyIdFor(tenant, intent.key);
      let actor: Actor = { kind: 'console' };
      if (intent.by.kind === 'creator') {
        const creator = tenant.keys.get(keyId)?.createdBy;
        if (creator !== undefined) actor = { kind: 'account', accountId: creator };
      } else if (intent.by.kind === 'account') {
        actor = { kind: 'account', accountId: accountIdFor(tenant, intent.by.account) };
      }
      return deleteKey(tenant, keyId, actor);
    }
    case 'setting':
      return setRestrictApiKeyCreation(tenant, intent.value);
    case 'story': {
      const teamId =
        intent.team.kind === 'unknown'
          ? intent.team.id
          : (pick([...tenant.teams.keys()], intent.team.index) ?? 'team_none');
      return createStory(tenant, { teamId, name: intent.name }, keyActor(tenant, intent.viaKey));
    }
  }
}

/** A key as the actor (an API call), or the console when there is none. */
function keyActor(tenant: Tenant, ref: Ref | null): Actor {
  return ref === null ? { kind: 'console' } : { kind: 'key', keyId: keyIdFor(tenant, ref) };
}

/**
 * The value an intent offers to `apply` against this tenant. Typed `unknown`: stale, mutated and
 * garbage intents are not events at all, which is the point.
 */
export function eventFor(tenant: Tenant, intent: Intent): unknown {
  switch (intent.kind) {
    case 'stale':
      return { ...baseEvent(tenant, intent.inner), at: tenant.clock - intent.back };
    case 'mutated': {
      const event: Record<string, unknown> = { ...baseEvent(tenant, intent.inner) };
      if (intent.remove) delete event[intent.field];
      else event[intent.field] = intent.value;
      return event;
    }
    case 'garbage':
      return intent.value;
    default:
      return baseEvent(tenant, intent);
  }
}

export interface Step {
  readonly before: Tenant;
  readonly event: unknown;
  readonly result: ApplyResult;
}

export interface Run {
  readonly start: Start;
  readonly initial: Tenant;
  readonly steps: readonly Step[];
  readonly final: Tenant;
  /** The start's events followed by every accepted event of the run: the whole log. */
  readonly log: readonly TenantEvent[];
}

/** Fold the intents over the start's tenant, recording every step. */
export function runIntents(start: Start, intents: readonly Intent[]): Run {
  const initial = startTenant(start);
  const steps: Step[] = [];
  const log: TenantEvent[] = [...start.events];
  let tenant = initial;
  for (const intent of intents) {
    const event = eventFor(tenant, intent);
    // `apply` takes a TenantEvent but promises to check every field of whatever it is given.
    const result = apply(tenant, event as TenantEvent);
    steps.push({ before: tenant, event, result });
    if (result.ok) {
      log.push(event as TenantEvent);
      tenant = result.tenant;
    }
  }
  return { start, initial, steps, final: tenant, log };
}

/** A start and a sequence of intents, ready for `runIntents`. */
export const scenarioRunArb: fc.Arbitrary<{ start: Start; intents: readonly Intent[] }> = fc.record(
  {
    start: startArb,
    intents: intentsArb,
  },
);

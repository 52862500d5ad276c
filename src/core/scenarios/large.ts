/**
 * A generated organisation for testing the console at scale: thousands of people in up to 50
 * teams, keys of all four scopes, a history of people leaving and coming back, and the
 * automations that use the keys: credentials that hold them and stories whose actions send
 * requests with those credentials.
 *
 * Deterministic: the same options give the same events, ids and secrets. Every step goes
 * through the command builders and `apply` (a refused step throws), and everything this file
 * does itself costs O(1) per event, so generation is linear apart from `apply`.
 *
 * The proportions below are this simulator's picture of a typical tenant, not vendor figures.
 */
import type { NewCredential, NewHome, NewKey } from '../commands';
import { seededRandom } from '../deterministic';
import type { TenantEvent } from '../events';
import {
  type AccountId,
  type CredentialMode,
  credentialSlug,
  KEY_SCOPES,
  type KeyId,
  type KeyScope,
  type Team,
  type TeamId,
  type TeamRole,
  type TeamRoles,
  type TenantGenesis,
  type TenantPermission,
  type TenantRole,
} from '../model';
import { LARGE_KEYS_PER_PERSON, LARGE_PEOPLE } from './large-params';
import { type NewAction, type Scenario, scenarioBuilder } from './scenario-builder';
import { paramProblem } from './scenario-params';

export interface LargeScenarioOptions {
  /** How many people to invite: 1 to 20,000. */
  readonly people: number;
  /** Keys per person on average: 0 to 10. */
  readonly keysPerPerson: number;
  /** Picks the company and everything random; the same seed and numbers give the same tenant. */
  readonly seed?: string;
}

/** The stages of generation, in order, as the progress bar words them. */
export const GENERATION_STAGES = [
  'Generating people',
  'Generating keys',
  'Writing the history',
  'Generating credentials',
  'Generating stories',
] as const;
export type GenerationStage = (typeof GENERATION_STAGES)[number];

/**
 * Where generation is ("Generating people", 4,200 of 10,000), with what it has made so far: the
 * genesis and the builder's own list of events (growing; never copied), which a caller may stream.
 */
export interface GenerationProgress {
  readonly stage: GenerationStage;
  readonly done: number;
  readonly total: number;
  readonly genesis: TenantGenesis;
  readonly events: readonly TenantEvent[];
}

export type OnGenerationProgress = (progress: GenerationProgress) => void;

/**
 * Steps between two progress reports: each stage reports at its start, every this many steps and
 * at its end. A step (one or two events) costs about 10-40 µs here, so a report comes every few
 * ms of work: often enough for a bar, rare enough to cost nothing measurable.
 */
export const PROGRESS_EVERY = 200;

/** A stage's step counter: call it once per step. Costs nothing without a listener. */
type Step = () => void;
const NO_STEP: Step = () => {};

export const LARGE_SCENARIO_ID = 'large';
export const DEFAULT_LARGE_SEED = 'large';

/** Tenant owners among the people (at least one). */
const OWNER_SHARE = 0.01;
/** Tenant permissions held by members who are not owners (owners can do everything anyway). */
const PERMISSION_SHARES: ReadonlyArray<readonly [TenantPermission, number]> = [
  ['API_KEY_CREATE', 0.05],
  ['AUDIT_LOG_READ', 0.08],
  ['TUNNEL_MANAGE', 0.02],
];
/** How many teams a person belongs to, cumulative: 3% none, 55% one, 30% two, 12% three. */
const TEAM_COUNT_CUMULATIVE = [0.03, 0.58, 0.88, 1] as const;
/** Roles on each team a person belongs to, cumulative: 10% team admins, 50% editors, 40% viewers. */
const TEAM_ROLE_CUMULATIVE: ReadonlyArray<readonly [TeamRole, number]> = [
  ['team_admin', 0.1],
  ['editor', 0.6],
  ['viewer', 1],
];
/** About 40 people per team, at most 50 teams. */
const PEOPLE_PER_TEAM = 40;
const MAX_TEAMS = 50;
/** Shares of all keys; the rest (84%) are personal keys. */
const TEAM_KEY_SHARE = 0.12;
const SERVICE_KEY_SHARE = 0.03;
const TENANT_OWNER_KEY_SHARE = 0.01;
/** Team keys created by a team admin of their team(s); the rest by a tenant owner. */
const TEAM_KEYS_BY_ADMINS = 0.7;
/** Team keys covering two teams (multi-team keys, S6) rather than one. */
const MULTI_TEAM_KEY_SHARE = 0.15;
/** A team key's role on each team it covers, cumulative: 60% editor, 30% viewer, 10% admin. */
const TEAM_KEY_ROLE_CUMULATIVE: ReadonlyArray<readonly [TeamRole, number]> = [
  ['editor', 0.6],
  ['viewer', 0.9],
  ['team_admin', 1],
];
/** Lifecycle history, as shares of the people first invited. */
const DEACTIVATED_SHARE = 0.03;
const DELETED_SHARE = 0.02;
/** Deactivated once and reactivated since: back to active, with the history in the log. */
const REACTIVATED_SHARE = 0.01;
/** Of the deleted, how many were invited back (a new account with the same email). */
const REINVITED_SHARE_OF_DELETED = 0.5;
/** Of the deleted, how many were deactivated first (the usual offboarding). */
const DEACTIVATED_BEFORE_DELETION = 0.5;

/** Credentials: about one per person. */
const CREDENTIALS_PER_PERSON = 1;
/** Credentials in a person's drafts rather than a team's. */
const DRAFTS_CREDENTIAL_SHARE = 0.08;
/** Secrets of other services (never broken by an offboarding); the rest hold a key. */
const EXTERNAL_CREDENTIAL_SHARE = 0.06;
/**
 * What a team credential holds, cumulative: its maker's personal key (the connect flow's
 * default, S10), a team key of that team, a service key, a tenant owner key.
 */
const TEAM_CREDENTIAL_VALUE_CUMULATIVE: ReadonlyArray<readonly [KeyScope, number]> = [
  ['personal', 0.5],
  ['team', 0.85],
  ['service', 0.95],
  ['tenant_owner', 1],
];
/** A team credential's sharing, cumulative: its team only, chosen teams, all teams (S11). */
const TEAM_READ_ACCESS_CUMULATIVE: ReadonlyArray<
  readonly ['TEAM' | 'SPECIFIC_TEAMS' | 'GLOBAL', number]
> = [
  ['TEAM', 0.8],
  ['SPECIFIC_TEAMS', 0.92],
  ['GLOBAL', 1],
];
/** A drafts credential shared with all teams and drafts rather than kept to its owner. */
const DRAFTS_GLOBAL_SHARE = 0.3;
/** Stories: one per three people, a few in drafts, five actions each. */
const PEOPLE_PER_STORY = 3;
const DRAFTS_STORY_SHARE = 0.05;
const ACTIONS_PER_STORY = 5;
/** Where an action's credential comes from, cumulative: the story's own place, GLOBAL, SPECIFIC_TEAMS. */
const ACTION_CREDENTIAL_SOURCE_CUMULATIVE: ReadonlyArray<
  readonly ['own' | 'global' | 'shared', number]
> = [
  ['own', 0.8],
  ['global', 0.92],
  ['shared', 1],
];

const COMPANIES = [
  { name: 'Globex Industries', slug: 'globex' },
  { name: 'Initech Systems', slug: 'initech' },
  { name: 'Umbrella Logistics', slug: 'umbrella' },
  { name: 'Hooli Labs', slug: 'hooli' },
  { name: 'Soylent Foods', slug: 'soylent' },
  { name: 'Vandelay Imports', slug: 'vandelay' },
  { name: 'Massive Dynamic', slug: 'massive-dynamic' },
  { name: 'Wonka Confectionery', slug: 'wonka' },
] as const;

const TEAM_NAMES = [
  'Payments',
  'Detection',
  'Automation',
  'SecOps',
  'Identity',
  'Platform',
  'Infrastructure',
  'Compliance',
  'Incident Response',
  'Threat Intel',
  'Fraud',
  'Billing',
  'Onboarding',
  'Data',
  'Cloud Security',
  'Endpoint',
  'Network',
  'Vulnerability Management',
  'IT Ops',
  'Risk',
  'Privacy',
  'Red Team',
  'Support',
  'Sales Ops',
  'People Ops',
  'Finance',
  'Legal',
  'Marketing Ops',
  'Mobile',
  'Growth',
] as const;

// biome-ignore format: a name list reads best in rows
const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Adriana', 'Ahmed', 'Aiko', 'Alex', 'Amara', 'Ana', 'Andre', 'Anika',
  'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Deepa', 'Diego', 'Eli', 'Elena',
  'Emeka', 'Emma', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jane',
  'Javier', 'Jin', 'Jonas', 'Kai', 'Kavya', 'Kofi', 'Lars', 'Leila', 'Liam', 'Lucia',
  'Mateo', 'Maya', 'Mei', 'Mohammed', 'Nadia', 'Niamh', 'Noah', 'Olga', 'Omar', 'Priya',
  'Rafael', 'Ravi', 'Rosa', 'Sam', 'Sara', 'Sean', 'Sofia', 'Tariq', 'Vera', 'Yuki',
] as const;

// biome-ignore format: a name list reads best in rows
const LAST_NAMES = [
  'Adeyemi', 'Alvarez', 'Andersen', 'Bauer', 'Becker', 'Brooks', 'Byrne', 'Chen', 'Costa', 'Das',
  'Dubois', 'Eriksson', 'Fischer', 'Garcia', 'Gupta', 'Haddad', 'Hansen', 'Ito', 'Jensen', 'Kaur',
  'Kim', 'Kowalski', 'Lee', 'Lin', 'Lopez', 'Mensah', 'Moreau', 'Morgan', 'Murphy', 'Nakamura',
  'Nguyen', 'Novak', 'Okafor', 'Olsen', 'Patel', 'Petrov', 'Quinn', 'Rahman', 'Reyes', 'Rossi',
  'Sato', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Tino', 'Walsh', 'Wang',
] as const;

const INITIALS = 'ABCDEFGHIJKLMNOPRSTVW';

const PERSONAL_KEY_PURPOSES = [
  'CLI',
  'Terraform',
  'Postman',
  'Jupyter notebook',
  'local scripts',
  'VS Code',
  'laptop',
] as const;
const TEAM_KEY_PURPOSES = [
  'Slack bot',
  'CI pipeline',
  'webhook relay',
  'Jira sync',
  'ServiceNow sync',
  'alert triage',
] as const;
const SERVICE_KEY_PURPOSES = [
  'SIEM export',
  'audit log shipper',
  'tunnel manager',
  'compliance reporter',
  'SOAR bridge',
] as const;
const TENANT_OWNER_KEY_PURPOSES = [
  'SCIM provisioning',
  'backup',
  'Terraform admin',
  'tenant migration',
  'break-glass',
] as const;

/** Secrets of other services, with the mode each is stored as (S12). */
const EXTERNAL_SECRETS: ReadonlyArray<readonly [string, CredentialMode]> = [
  ['Slack bot token', 'TEXT'],
  ['Jira API token', 'TEXT'],
  ['VirusTotal API key', 'TEXT'],
  ['PagerDuty API key', 'TEXT'],
  ['Okta API token', 'TEXT'],
  ['GitHub app', 'JWT'],
  ['Microsoft Graph', 'OAUTH'],
  ['AWS security audit', 'AWS'],
  ['Internal CA client', 'MTLS'],
];

const STORY_PURPOSES = [
  'Phishing triage',
  'Alert enrichment',
  'User offboarding sync',
  'Access review',
  'Audit export',
  'On-call roster sync',
  'Team membership report',
  'Suspicious login response',
  'Joiner-mover-leaver sync',
  'Daily health check',
  'Vulnerability digest',
  'Ticket escalation',
] as const;

/** Validate the options; the message names the parameter and its allowed range. */
export function largeScenarioProblem(options: LargeScenarioOptions): string | null {
  return (
    paramProblem(LARGE_PEOPLE, options.people) ??
    paramProblem(LARGE_KEYS_PER_PERSON, options.keysPerPerson)
  );
}

function randomSource(seed: string) {
  const next = seededRandom(seed);
  const unit = () => next() / 4_294_967_296;
  return {
    /** 0 ≤ n < count. */
    below: (count: number): number => Math.floor(unit() * count),
    chance: (probability: number): boolean => unit() < probability,
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(unit() * items.length)] as T;
    },
    /** The first item whose cumulative share exceeds a uniform draw. */
    weighted<T>(cumulative: ReadonlyArray<readonly [T, number]>): T {
      const draw = unit();
      for (const [item, share] of cumulative) if (draw < share) return item;
      return (cumulative.at(-1) as readonly [T, number])[0];
    },
    /** Shuffle in place (Fisher–Yates). */
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(unit() * (i + 1));
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
  };
}
type Random = ReturnType<typeof randomSource>;

function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, one: string, many: string): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}

/** "Team Payments", then "Team Payments 2" once every name is taken. */
function makeTeams(count: number, random: Random): Team[] {
  const names = random.shuffle([...TEAM_NAMES]);
  return Array.from({ length: count }, (_, i) => {
    const base = names[i % names.length] as string;
    const round = Math.floor(i / names.length);
    const suffix = round === 0 ? '' : ` ${round + 1}`;
    return { id: `team_${slugOf(base + suffix)}`, name: `Team ${base}${suffix}` };
  });
}

interface Person {
  readonly name: string;
  readonly email: string;
  readonly tenantRole: TenantRole;
  readonly permissions: TenantPermission[];
  readonly teamRoles: Record<TeamId, TeamRole>;
}

/**
 * A realistic name, unique within the tenant: "Priya Patel", then "Priya K. Patel" when that is
 * taken, then a number as a last resort. The email follows the name, so it is unique too.
 */
function makeName(random: Random, taken: Set<string>, mailDomain: string) {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const candidates = function* () {
    yield { name: `${first} ${last}`, local: `${first}.${last}` };
    const start = random.below(INITIALS.length);
    for (let i = 0; i < INITIALS.length; i++) {
      const initial = INITIALS[(start + i) % INITIALS.length] as string;
      yield { name: `${first} ${initial}. ${last}`, local: `${first}.${initial}.${last}` };
    }
    for (let n = 2; ; n++) yield { name: `${first} ${last} ${n}`, local: `${first}.${last}${n}` };
  };
  for (const candidate of candidates()) {
    if (taken.has(candidate.name)) continue;
    taken.add(candidate.name);
    return { name: candidate.name, email: `${candidate.local.toLowerCase()}@${mailDomain}` };
  }
  throw new Error('unreachable');
}

/** Distinct random teams, at most `count` (fewer when the tenant has fewer teams). */
function pickTeams(random: Random, teams: readonly Team[], count: number): TeamId[] {
  const wanted = Math.min(count, teams.length);
  const picked: TeamId[] = [];
  while (picked.length < wanted) {
    const team = random.pick(teams).id;
    if (!picked.includes(team)) picked.push(team);
  }
  return picked;
}

function makePeople(count: number, teams: readonly Team[], random: Random, mailDomain: string) {
  const taken = new Set<string>();
  const order = random.shuffle(Array.from({ length: count }, (_, i) => i));
  const ownerCount = Math.max(1, Math.round(count * OWNER_SHARE));
  const owner = new Uint8Array(count);
  for (let i = 0; i < ownerCount; i++) owner[order[i] as number] = 1;

  const teamAdmins = new Map<TeamId, number>();
  const firstMember = new Map<TeamId, number>();
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const isOwner = owner[i] === 1;
    const draw = random.below(1000) / 1000;
    const teamCount = TEAM_COUNT_CUMULATIVE.findIndex((share) => draw < share);
    const teamRoles: Record<TeamId, TeamRole> = {};
    for (const team of pickTeams(random, teams, teamCount)) {
      const role = random.weighted(TEAM_ROLE_CUMULATIVE);
      teamRoles[team] = role;
      if (!firstMember.has(team)) firstMember.set(team, i);
      if (role === 'team_admin') teamAdmins.set(team, (teamAdmins.get(team) ?? 0) + 1);
    }
    const permissions = isOwner
      ? []
      : PERMISSION_SHARES.filter(([, share]) => random.chance(share)).map(([p]) => p);
    people.push({
      ...makeName(random, taken, mailDomain),
      tenantRole: isOwner ? 'owner' : 'user',
      permissions,
      teamRoles,
    });
  }
  // Every team has an admin: its first member is promoted, or someone joins to run it.
  for (const team of teams) {
    if (teamAdmins.has(team.id)) continue;
    const member = firstMember.get(team.id) ?? random.below(count);
    (people[member] as Person).teamRoles[team.id] = 'team_admin';
  }
  return { people, ownerIndexes: order.slice(0, ownerCount), anchorOwner: order[0] as number };
}

/** How many keys of each scope: the shares above, and one of each once there are four keys. */
function scopeCounts(total: number) {
  const atLeastOne = total >= 4 ? 1 : 0;
  const team = Math.max(atLeastOne, Math.round(total * TEAM_KEY_SHARE));
  const service = Math.max(atLeastOne, Math.round(total * SERVICE_KEY_SHARE));
  const tenantOwner = Math.max(atLeastOne, Math.round(total * TENANT_OWNER_KEY_SHARE));
  return {
    personal: total - team - service - tenantOwner,
    team,
    service,
    tenant_owner: tenantOwner,
  };
}

export function generateLargeScenario(
  options: LargeScenarioOptions,
  onProgress?: OnGenerationProgress,
): Scenario {
  const problem = largeScenarioProblem(options);
  if (problem !== null) throw new RangeError(problem);
  const { people: peopleCount, keysPerPerson } = options;
  const seed = options.seed ?? DEFAULT_LARGE_SEED;

  // The company follows the seed alone; the staff follows the seed and the numbers.
  const companyRandom = randomSource(`large-company:${seed}`);
  const company = companyRandom.pick(COMPANIES);
  const domainNumber = 1000 + companyRandom.below(9000);
  const random = randomSource(`large:${seed}:${peopleCount}:${keysPerPerson}`);

  const teams = makeTeams(
    Math.min(MAX_TEAMS, Math.max(1, Math.ceil(peopleCount / PEOPLE_PER_TEAM))),
    random,
  );
  const genesis: TenantGenesis = {
    name: company.name,
    domain: `${company.slug}-${domainNumber}.tines.com`,
    seed: `large:${seed}:${peopleCount}:${keysPerPerson}`,
    startsAt: Date.UTC(2025, 2, 3, 8, 0, 0),
    teams,
  };
  const mailDomain = `${company.slug}.example`;
  const { people, ownerIndexes, anchorOwner } = makePeople(peopleCount, teams, random, mailDomain);
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const b = scenarioBuilder(genesis);
  const stage = (name: GenerationStage, total: number): Step => {
    if (onProgress === undefined) return NO_STEP;
    let done = 0;
    const report = () => onProgress({ stage: name, done, total, genesis, events: b.events() });
    report();
    return () => {
      done++;
      if (done % PROGRESS_EVERY === 0 || done === total) report();
    };
  };

  // 1. Everyone is invited.
  const invited = stage('Generating people', people.length);
  const accountIds: AccountId[] = people.map((person) => {
    const id = b.invite(person);
    invited();
    return id;
  });

  // 2. Keys, while everyone is still active.
  const admins: number[] = [];
  const adminTeams: TeamId[][] = people.map((person, index) => {
    const teamIds = Object.keys(person.teamRoles).filter(
      (team) => person.teamRoles[team] === 'team_admin',
    );
    if (teamIds.length > 0 && person.tenantRole !== 'owner') admins.push(index);
    return teamIds;
  });
  const teamKeyRoles = (teamIds: readonly TeamId[]): TeamRoles =>
    Object.fromEntries(teamIds.map((team) => [team, random.weighted(TEAM_KEY_ROLE_CUMULATIVE)]));

  const personalKey = (index: number): NewKey => {
    const person = people[index] as Person;
    return {
      name: `${person.name} · ${random.pick(PERSONAL_KEY_PURPOSES)}`,
      scope: 'personal',
      createdBy: accountIds[index] as AccountId,
    };
  };
  const teamKey = (): NewKey => {
    const byAdmin = admins.length > 0 && random.chance(TEAM_KEYS_BY_ADMINS);
    const creator = byAdmin ? random.pick(admins) : random.pick(ownerIndexes);
    const coverage = random.chance(MULTI_TEAM_KEY_SHARE) ? 2 : 1;
    // A team admin covers only teams they administer; an owner any team.
    const teamIds = byAdmin
      ? random.shuffle([...(adminTeams[creator] as TeamId[])]).slice(0, coverage)
      : pickTeams(random, teams, coverage);
    return {
      name: `${teamIds.map((team) => teamNames.get(team)).join(' + ')} · ${random.pick(TEAM_KEY_PURPOSES)}`,
      scope: 'team',
      createdBy: accountIds[creator] as AccountId,
      teamRoles: teamKeyRoles(teamIds),
    };
  };
  const serviceKey = (): NewKey => {
    const permissions = PERMISSION_SHARES.filter(([permission]) =>
      random.chance(permission === 'AUDIT_LOG_READ' ? 0.7 : 0.2),
    ).map(([permission]) => permission);
    return {
      name: `Service · ${random.pick(SERVICE_KEY_PURPOSES)}`,
      scope: 'service',
      createdBy: accountIds[random.pick(ownerIndexes)] as AccountId,
      permissions: permissions.length > 0 ? permissions : ['AUDIT_LOG_READ'],
    };
  };
  const tenantOwnerKey = (): NewKey => ({
    name: `Tenant owner · ${random.pick(TENANT_OWNER_KEY_PURPOSES)}`,
    scope: 'tenant_owner',
    createdBy: accountIds[random.pick(ownerIndexes)] as AccountId,
  });

  // Every key made, by where a credential may take it from (step 4).
  const shelf = keyShelf();
  const remaining = scopeCounts(Math.round(peopleCount * keysPerPerson));
  const makers: Record<KeyScope, () => NewKey> = {
    personal: () => personalKey(random.below(peopleCount)),
    team: teamKey,
    service: serviceKey,
    tenant_owner: tenantOwnerKey,
  };
  const keyCount = KEY_SCOPES.reduce((sum, s) => sum + remaining[s], 0);
  const keyMade = stage('Generating keys', keyCount);
  for (let left = keyCount; left > 0; left--) {
    // A scope drawn with probability proportional to what is left of it: interleaved scopes,
    // exact counts.
    let draw = random.below(left);
    const scope = KEY_SCOPES.find((s) => {
      draw -= remaining[s];
      return draw < 0;
    }) as KeyScope;
    remaining[scope]--;
    const key = makers[scope]();
    shelf.add(b.key(key), key);
    keyMade();
  }

  // 3. Lifecycle history. One owner stays active so that the tenant can still be administered.
  const candidates = random.shuffle(
    Array.from({ length: peopleCount }, (_, i) => i).filter((i) => i !== anchorOwner),
  );
  let available = candidates.length;
  const take = (share: number) => {
    const n = Math.min(available, Math.round(peopleCount * share));
    available -= n;
    return n;
  };
  const deleted = take(DELETED_SHARE);
  const deactivated = take(DEACTIVATED_SHARE);
  const reactivated = take(REACTIVATED_SHARE);
  const reinvited = Math.round(deleted * REINVITED_SHARE_OF_DELETED);
  type Story = 'reinvited' | 'deleted' | 'deactivated' | 'reactivated';
  const stories = random.shuffle<Story>([
    ...Array<Story>(reinvited).fill('reinvited'),
    ...Array<Story>(deleted - reinvited).fill('deleted'),
    ...Array<Story>(deactivated).fill('deactivated'),
    ...Array<Story>(reactivated).fill('reactivated'),
  ]);
  // People whose current account is not active at the end: deactivated, or deleted for good.
  const inactive = new Uint8Array(peopleCount);
  const told = stage('Writing the history', stories.length);
  stories.forEach((story, i) => {
    const index = candidates[i] as number;
    const account = accountIds[index] as AccountId;
    switch (story) {
      case 'deactivated':
        b.status('account_deactivated', account);
        inactive[index] = 1;
        break;
      case 'reactivated':
        b.status('account_deactivated', account);
        b.status('account_reactivated', account);
        break;
      case 'deleted':
      case 'reinvited': {
        if (random.chance(DEACTIVATED_BEFORE_DELETION)) b.status('account_deactivated', account);
        b.status('account_deleted', account);
        if (story === 'deleted') {
          inactive[index] = 1;
          break;
        }
        // Back as a new account: the old personal keys stay 401, so a new one is made (S1).
        const newAccount = b.reinvite(account);
        accountIds[index] = newAccount;
        if (keysPerPerson > 0) {
          const key = personalKey(index);
          shelf.add(b.key(key), key);
        }
        break;
      }
    }
    told();
  });

  // 4. Credentials and stories, from a random stream of their own so that the people, keys and
  // history above stay exactly as they were. Made after the history, so every action works on
  // load; an offboarding is what breaks them.
  const automationRandom = randomSource(`large-automations:${genesis.seed}`);
  addAutomations(b, { people, accountIds, inactive, shelf, teams }, automationRandom, stage);

  const events = b.events();
  return {
    id: LARGE_SCENARIO_ID,
    title: `Large tenant (${plural(peopleCount, 'person', 'people')})`,
    genesis,
    events,
    tenant: b.tenant(),
  };
}

type Builder = ReturnType<typeof scenarioBuilder>;

/** A key made by the generator, with the id it was given: what a credential needs of it. */
interface HeldKey {
  readonly id: KeyId;
  readonly name: string;
  readonly scope: KeyScope;
  readonly createdBy: AccountId;
  readonly teamRoles: TeamRoles;
  readonly permissions: readonly TenantPermission[];
}

/**
 * The keys a credential may hold, filed as they are made: personal keys by creator, team keys by
 * each team they cover. A personal key is looked up by its creator's current account, so the keys
 * of deleted accounts are never taken, and the people picked are active ones.
 */
function keyShelf() {
  const personal = new Map<AccountId, HeldKey[]>();
  const team = new Map<TeamId, HeldKey[]>();
  const service: HeldKey[] = [];
  const tenantOwner: HeldKey[] = [];
  return {
    personal,
    team,
    service,
    tenantOwner,
    add(id: KeyId, key: NewKey): void {
      // Every field written out: one shape for all keys (a spread costs more at 40,000 keys).
      const held: HeldKey = {
        id,
        name: key.name,
        scope: key.scope,
        createdBy: key.createdBy,
        teamRoles: key.teamRoles ?? {},
        permissions: key.permissions ?? [],
      };
      switch (key.scope) {
        case 'personal':
          pushTo(personal, key.createdBy, held);
          break;
        case 'team':
          for (const teamId of Object.keys(held.teamRoles)) pushTo(team, teamId, held);
          break;
        case 'service':
          service.push(held);
          break;
        case 'tenant_owner':
          tenantOwner.push(held);
          break;
      }
    },
  };
}
type KeyShelf = ReturnType<typeof keyShelf>;

/** A credential made here: its slug and, when it holds a key, the request paths that key may call. */
interface Made {
  readonly slug: string;
  readonly paths: readonly (readonly [string, string])[];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/**
 * About one credential per person and a story per three people, with five actions each. Every
 * action calls a path its credential's key may call today (the permission rules: any key reads
 * `/info`, members list their teams' members, owners and AUDIT_LOG_READ read the audit log,
 * owners the admin API), so a run answers 200 until someone is offboarded. Slugs are unique in
 * the tenant, so each reference resolves to the credential it was written for (S11's order never
 * has to choose). Every step costs O(1).
 */
function addAutomations(
  b: Builder,
  org: {
    readonly people: readonly Person[];
    readonly accountIds: readonly AccountId[];
    readonly inactive: Uint8Array;
    readonly shelf: KeyShelf;
    readonly teams: readonly Team[];
  },
  random: Random,
  stage: (name: GenerationStage, total: number) => Step,
): void {
  const { people, accountIds, inactive, shelf: keys, teams } = org;
  const tenant = b.tenant();
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const active: number[] = [];
  for (let index = 0; index < people.length; index++) if (inactive[index] === 0) active.push(index);
  if (active.length === 0) return;

  const membersPath = (teamId: TeamId) =>
    [`List ${teamNames.get(teamId) ?? teamId} members`, `/api/v1/teams/${teamId}/members`] as const;
  const INFO = ['Read tenant info', '/api/v1/info'] as const;
  const USERS = ['List users', '/api/v1/admin/users'] as const;
  const AUDIT = ['Fetch audit logs', '/api/v1/audit_logs'] as const;
  /** What a key may call today, after the permission rules (domain.md's table). */
  const pathsFor = (key: HeldKey): (readonly [string, string])[] => {
    switch (key.scope) {
      case 'tenant_owner':
        return [USERS, AUDIT, membersPath(random.pick(teams).id), INFO];
      case 'service':
        return key.permissions.includes('AUDIT_LOG_READ') ? [AUDIT, INFO] : [INFO];
      case 'team':
        return [...Object.keys(key.teamRoles).map(membersPath), INFO];
      case 'personal': {
        const creator = tenant.accounts.get(key.createdBy);
        if (creator === undefined) return [INFO];
        const owner = creator.tenantRole === 'owner';
        return [
          ...(owner ? [USERS] : []),
          ...(owner || creator.permissions.includes('AUDIT_LOG_READ') ? [AUDIT] : []),
          ...Object.keys(creator.teamRoles).map(membersPath),
          INFO,
        ];
      }
    }
  };

  // Where each credential may be used from, for picking an action's credential in O(1).
  const ownByTeam = new Map<TeamId, Made[]>();
  const ownByDrafts = new Map<AccountId, Made[]>();
  const sharedWithTeam = new Map<TeamId, Made[]>();
  const global: Made[] = [];
  const slugs = new Set<string>();
  /**
   * The name, numbered when its slug is taken ("… 2", "… 3"), and that slug. The last number
   * given to each name is kept, so a name held by hundreds of credentials costs no search.
   */
  const lastNumber = new Map<string, number>();
  const uniqueName = (name: string): { name: string; slug: string } => {
    for (let n = lastNumber.get(name) ?? 1; ; n++) {
      const candidate = n === 1 ? name : `${name} ${n}`;
      const slug = credentialSlug(candidate);
      if (!slugs.has(slug)) {
        slugs.add(slug);
        lastNumber.set(name, n + 1);
        return { name: candidate, slug };
      }
    }
  };
  // A key's paths, once per key: team and service keys sit in many credentials.
  const pathsCache = new Map<string, readonly (readonly [string, string])[]>();
  const pathsOf = (key: HeldKey) => {
    let paths = pathsCache.get(key.id);
    if (paths === undefined) {
      paths = pathsFor(key);
      pathsCache.set(key.id, paths);
    }
    return paths;
  };

  const credentialCount = Math.round(people.length * CREDENTIALS_PER_PERSON);
  const credentialMade = stage('Generating credentials', credentialCount);
  for (let i = 0; i < credentialCount; i++, credentialMade()) {
    const index = random.pick(active);
    const accountId = accountIds[index] as AccountId;
    const person = people[index] as Person;
    const personTeams = Object.keys(person.teamRoles);
    const inDrafts = personTeams.length === 0 || random.chance(DRAFTS_CREDENTIAL_SHARE);
    const teamId = inDrafts ? null : random.pick(personTeams);

    // What it holds: a key (by the share for its place, else whatever key there is) or a secret.
    let key: HeldKey | undefined;
    if (!random.chance(EXTERNAL_CREDENTIAL_SHARE)) {
      const own = keys.personal.get(accountId);
      const scope =
        teamId === null ? 'personal' : random.weighted(TEAM_CREDENTIAL_VALUE_CUMULATIVE);
      const candidates =
        scope === 'personal'
          ? own
          : scope === 'team'
            ? keys.team.get(teamId ?? '')
            : scope === 'service'
              ? keys.service
              : keys.tenantOwner;
      const fallback = own ?? keys.team.get(teamId ?? '') ?? keys.service;
      const from = candidates !== undefined && candidates.length > 0 ? candidates : fallback;
      key = from !== undefined && from.length > 0 ? random.pick(from) : undefined;
    }
    const external = key === undefined ? random.pick(EXTERNAL_SECRETS) : undefined;

    const readAccess =
      teamId === null
        ? random.chance(DRAFTS_GLOBAL_SHARE)
          ? 'GLOBAL'
          : 'TEAM'
        : random.weighted(TEAM_READ_ACCESS_CUMULATIVE);
    const sharedTeams =
      readAccess === 'SPECIFIC_TEAMS'
        ? pickTeams(random, teams, 1 + random.below(3)).filter((id) => id !== teamId)
        : [];
    // Sharing with no other team is no sharing at all.
    const access =
      readAccess === 'SPECIFIC_TEAMS' && sharedTeams.length === 0 ? 'TEAM' : readAccess;

    const { name, slug } = uniqueName(
      key === undefined ? (external?.[0] ?? 'Secret') : `Tines API key (${key.name})`,
    );
    const home: NewHome = teamId === null ? { draftsOf: accountId } : { teamId };
    const credential: NewHome & NewCredential = {
      ...home,
      name,
      mode: external?.[1] ?? 'TEXT',
      readAccess: access,
      sharedTeams: access === 'SPECIFIC_TEAMS' ? sharedTeams : [],
      value: key === undefined ? { kind: 'external' } : { kind: 'key', keyId: key.id },
    };
    b.credential(credential);
    // Actions call the simulated API, so only credentials holding a key are used by them.
    if (key === undefined) continue;
    const made: Made = { slug, paths: pathsOf(key) };
    if (teamId === null) pushTo(ownByDrafts, accountId, made);
    else pushTo(ownByTeam, teamId, made);
    if (access === 'GLOBAL') global.push(made);
    if (access === 'SPECIFIC_TEAMS')
      for (const shared of sharedTeams) pushTo(sharedWithTeam, shared, made);
  }

  const storyCount = Math.round(people.length / PEOPLE_PER_STORY);
  const storyNames = new Map<string, number>();
  const storyMade = stage('Generating stories', storyCount);
  for (let i = 0; i < storyCount; i++, storyMade()) {
    const inDrafts = random.chance(DRAFTS_STORY_SHARE);
    const index = random.pick(active);
    const owner = accountIds[index] as AccountId;
    const teamId = random.pick(teams).id;
    const home: NewHome = inDrafts ? { draftsOf: owner } : { teamId };
    const own = (inDrafts ? ownByDrafts.get(owner) : ownByTeam.get(teamId)) ?? [];
    const shared = inDrafts ? [] : (sharedWithTeam.get(teamId) ?? []);
    const pickCredential = (): Made | undefined => {
      const source = random.weighted(ACTION_CREDENTIAL_SOURCE_CUMULATIVE);
      const first = source === 'own' ? own : source === 'global' ? global : shared;
      for (const list of [first, own, global, shared])
        if (list.length > 0) return random.pick(list);
      return undefined;
    };
    const actions: NewAction[] = [];
    for (let a = 0; a < ACTIONS_PER_STORY; a++) {
      const made = pickCredential();
      const [actionName, path] = made === undefined ? INFO : random.pick(made.paths);
      actions.push(
        made === undefined
          ? { name: actionName, method: 'GET', path }
          : { name: actionName, method: 'GET', path, credential: made.slug },
      );
    }
    const purpose = random.pick(STORY_PURPOSES);
    const place = inDrafts ? owner : teamId;
    const seen = (storyNames.get(`${place}:${purpose}`) ?? 0) + 1;
    storyNames.set(`${place}:${purpose}`, seen);
    b.story({ ...home, name: seen === 1 ? purpose : `${purpose} ${seen}` }, actions);
  }
}

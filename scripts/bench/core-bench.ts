/**
 * Figures 2-4b of `npm run bench`, run in Node on the real core: scripts/bench.mjs bundles this
 * file with the project's Vite (Node cannot run .ts) and runs it with `--expose-gc`. It prints
 * one JSON object on stdout; the orchestrator turns it into table rows.
 *
 * Each figure is compared with a bare loop, a small tenant or `JSON.parse` measured in the same
 * process, in interleaved runs, so that drift on a shared machine hits both sides alike.
 */
import { apply, replay } from '../../src/core/apply';
import { impactOf } from '../../src/core/automation/impact';
import { changeStatus, type LifecycleEventType } from '../../src/core/commands';
import type { TenantEvent } from '../../src/core/events';
import { evaluateAll } from '../../src/core/key-verdict';
import type { AccountId, AccountStatus, KeyScope, Tenant } from '../../src/core/model';
import { generateLargeScenario } from '../../src/core/scenarios/large';
import { replayTrusted, TENANT_MAPS } from '../../src/core/trusted-replay';

const PEOPLE = 10_000;
const KEYS_PER_PERSON = 4;
const SMALL_PEOPLE = 10;
const REPLAY_EVENTS = 100_000;

const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Runs `a` and `b` alternately (a, b, b, a, ...) after warm-up, with a GC before each timed run,
 * and returns each one's times in ms.
 */
function interleaved(
  a: () => unknown,
  b: () => unknown,
  warmUp: number,
  runs: number,
): { a: number[]; b: number[] } {
  for (let i = 0; i < warmUp; i++) {
    a();
    b();
  }
  const times = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    for (const which of order) {
      collectGarbage();
      times[which].push(time(which === 'a' ? a : b));
    }
  }
  return times;
}

function activeAccounts(tenant: Tenant, wanted: number): AccountId[] {
  const active: AccountId[] = [];
  for (const account of tenant.accounts.values()) {
    if (account.status === 'active') active.push(account.id);
  }
  if (active.length <= wanted) return active;
  // Spread over the whole tenant, not only its first accounts.
  const step = active.length / wanted;
  return Array.from({ length: wanted }, (_, i) => active[Math.floor(i * step)] as AccountId);
}

// --- 2. Evaluate every key ---------------------------------------------------------------------

interface BareKey {
  readonly keyId: string;
  readonly scope: KeyScope;
  readonly createdBy: AccountId;
  readonly revoked: boolean;
}

function evaluateFigure(tenant: Tenant) {
  const keys: BareKey[] = [];
  for (const key of tenant.keys.values()) {
    keys.push({
      keyId: key.id,
      scope: key.scope,
      createdBy: key.createdBy,
      revoked: key.revokedAt !== null,
    });
  }
  const statusOf = new Map<AccountId, AccountStatus>();
  for (const account of tenant.accounts.values()) statusOf.set(account.id, account.status);

  // The same 200/401 decision as the core: a deleted key, or a personal key whose creator is not
  // active, answers 401; everything else 200.
  const bareLoop = (): Map<string, number> => {
    const statuses = new Map<string, number>();
    for (const key of keys) {
      let status = 200;
      if (key.revoked) status = 401;
      else if (key.scope === 'personal' && statusOf.get(key.createdBy) !== 'active') status = 401;
      statuses.set(key.keyId, status);
    }
    return statuses;
  };
  const core = () => evaluateAll(tenant);

  const verdicts = core();
  const bare = bareLoop();
  let disagreements = 0;
  for (const [keyId, status] of bare) {
    if (verdicts.get(keyId)?.status !== status) disagreements++;
  }
  if (verdicts.size !== bare.size) disagreements += Math.abs(verdicts.size - bare.size);

  const times = interleaved(core, bareLoop, 5, 21);
  return {
    keys: keys.length,
    accounts: statusOf.size,
    personalKeys: keys.filter((key) => key.scope === 'personal').length,
    disagreements,
    coreMs: median(times.a),
    bareMs: median(times.b),
    runs: times.a.length,
  };
}

// --- 3. Apply one status change ----------------------------------------------------------------

/** Deactivates the next account, then reactivates it; the next step moves to another account. */
function statusToggler(start: Tenant, accounts: readonly AccountId[]) {
  let tenant = start;
  let next = 0;
  let pending: AccountId | null = null;
  return (): number => {
    const type: LifecycleEventType =
      pending === null ? 'account_deactivated' : 'account_reactivated';
    const accountId: AccountId = pending ?? (accounts[next++ % accounts.length] as AccountId);
    const before = performance.now();
    const result = apply(tenant, changeStatus(tenant, type, accountId));
    const elapsed = performance.now() - before;
    if (!result.ok) throw new Error(`status change refused: ${result.refusal.reason}`);
    tenant = result.tenant;
    pending = pending === null ? accountId : null;
    return elapsed;
  };
}

function applyFigure(small: Tenant, large: Tenant) {
  const smallAccounts = activeAccounts(small, SMALL_PEOPLE);
  const largeAccounts = activeAccounts(large, 1_000);
  if (smallAccounts.length === 0 || largeAccounts.length === 0) {
    throw new Error('no active account to toggle');
  }
  const toggleSmall = statusToggler(small, smallAccounts);
  const toggleLarge = statusToggler(large, largeAccounts);
  const samples = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < 500; i++) {
    toggleSmall();
    toggleLarge();
  }
  collectGarbage();
  // Blocks of 10 of each, alternating, so both sizes see the same machine.
  for (let block = 0; block < 400; block++) {
    for (let i = 0; i < 10; i++) samples.small.push(toggleSmall());
    for (let i = 0; i < 10; i++) samples.large.push(toggleLarge());
  }
  return {
    smallAccounts: small.accounts.size,
    largeAccounts: large.accounts.size,
    togglesPerSize: samples.small.length,
    distinctAccounts: { small: smallAccounts.length, large: largeAccounts.length },
    smallMs: median(samples.small),
    largeMs: median(samples.large),
  };
}

// --- 4, 4b. Replay 100,000 events -------------------------------------------------------------

/** The large scenario's log, then status toggles of its active accounts up to `total` events. */
function hundredThousandEvents(events: readonly TenantEvent[], tenant: Tenant, total: number) {
  const log = [...events];
  const accounts = activeAccounts(tenant, 5_000);
  let clock: Tenant = tenant;
  let pending: AccountId | null = null;
  let next = 0;
  while (log.length < total) {
    const type: LifecycleEventType =
      pending === null ? 'account_deactivated' : 'account_reactivated';
    const accountId: AccountId = pending ?? (accounts[next++ % accounts.length] as AccountId);
    // Commands only read the tenant's clock; no need to apply each event while generating.
    const event = changeStatus(clock, type, accountId);
    clock = { ...clock, clock: event.at };
    log.push(event);
    pending = pending === null ? accountId : null;
  }
  return log;
}

/** How many entries of the two tenants' maps differ (by content and order), and their clocks. */
function differences(a: Tenant, b: Tenant): number {
  let count = 0;
  for (const field of TENANT_MAPS) {
    const left = [...a[field].entries()];
    const right = [...b[field].entries()];
    count += Math.abs(left.length - right.length);
    left.forEach((entry, i) => {
      if (JSON.stringify(entry) !== JSON.stringify(right[i])) count++;
    });
  }
  if (a.clock !== b.clock || a.sequence !== b.sequence) count++;
  if (a.restrictApiKeyCreation !== b.restrictApiKeyCreation) count++;
  return count;
}

/**
 * 4: the trusted replay of the log (the console's own log: its store, a checkpoint); 4b: the
 * validated replay an import runs, every event checked. Both against `JSON.parse` of the same
 * log's JSON text: reading the log, the least any replay of a saved or received log costs.
 */
function replayFigure(genesis: Parameters<typeof replay>[0], log: readonly TenantEvent[]) {
  const text = JSON.stringify(log);
  const first = replay(genesis, log);
  const trusted = replayTrusted(genesis, log);
  const runs = {
    parse: () => JSON.parse(text) as unknown,
    trusted: () => replayTrusted(genesis, log),
    validated: () => replay(genesis, log),
  };
  const names = Object.keys(runs) as Array<keyof typeof runs>;
  const times = { parse: [] as number[], trusted: [] as number[], validated: [] as number[] };
  for (const name of names) runs[name]();
  // A replay takes long enough that a time budget, not a fixed count, bounds the runs.
  const budgetEnds = performance.now() + 30_000;
  for (let i = 0; i < 11 && (i < 5 || performance.now() < budgetEnds); i++) {
    for (const name of i % 2 === 0 ? names : [...names].reverse()) {
      collectGarbage();
      times[name].push(time(runs[name]));
    }
  }
  return {
    events: log.length,
    jsonBytes: text.length,
    refused: first.refused.length,
    firstRefusal: first.refused[0]?.refusal.reason ?? null,
    accounts: first.tenant.accounts.size,
    keys: first.tenant.keys.size,
    trustedDifferences: differences(trusted, first.tenant),
    trustedMs: median(times.trusted),
    validatedMs: median(times.validated),
    parseMs: median(times.parse),
    runs: times.trusted.length,
  };
}

// --- 2b. The offboarding plan ------------------------------------------------------------------

const OFFBOARD = 500;

/**
 * The impact of deactivating 500 people at once (keys, credentials, actions, stories), against
 * evaluating every key, interleaved. The plan's usage index is built once per state of the
 * stories and credentials: the first plan pays for it (`coldMs`), later ones reuse it.
 */
function offboardingFigure(tenant: Tenant, events: readonly TenantEvent[]) {
  const accountIds = activeAccounts(tenant, OFFBOARD);
  const coldMs = time(() => impactOf(tenant, events, accountIds, 'deactivate'));
  const times = interleaved(
    () => impactOf(tenant, events, accountIds, 'deactivate'),
    () => evaluateAll(tenant),
    2,
    11,
  );
  const impact = impactOf(tenant, events, accountIds, 'deactivate');
  return {
    people: accountIds.length,
    credentials: tenant.credentials.size,
    stories: tenant.stories.size,
    brokenActions: impact.actions.length,
    coldMs,
    planMs: median(times.a),
    evaluateMs: median(times.b),
    runs: times.a.length,
  };
}

function main() {
  const started = performance.now();
  const generateStart = performance.now();
  const large = generateLargeScenario({ people: PEOPLE, keysPerPerson: KEYS_PER_PERSON });
  const generateMs = performance.now() - generateStart;
  const small = generateLargeScenario({ people: SMALL_PEOPLE, keysPerPerson: KEYS_PER_PERSON });

  const largeReplay = replay(large.genesis, large.events);
  const smallReplay = replay(small.genesis, small.events);
  if (largeReplay.refused.length > 0 || smallReplay.refused.length > 0) {
    throw new Error('the large scenario has refused events');
  }
  const log = hundredThousandEvents(large.events, largeReplay.tenant, REPLAY_EVENTS);

  const result = {
    scenarioEvents: large.events.length,
    generateMs,
    evaluate: evaluateFigure(largeReplay.tenant),
    offboarding: offboardingFigure(largeReplay.tenant, large.events),
    apply: applyFigure(smallReplay.tenant, largeReplay.tenant),
    replay: replayFigure(large.genesis, log),
    gcExposed: (globalThis as { gc?: unknown }).gc !== undefined,
    totalMs: 0,
  };
  result.totalMs = performance.now() - started;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main();

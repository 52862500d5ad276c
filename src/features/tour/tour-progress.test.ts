// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { apply } from '../../core/apply';
import { changeStatus, reinviteAccount } from '../../core/commands';
import type { TenantEvent } from '../../core/events';
import { VALIDITY_RULES } from '../../core/key-verdict';
import { createTenant, type Tenant } from '../../core/model';
import { ruleOf } from '../../core/rule-texts';
import { janeTinoScenario } from '../../core/scenarios/jane-tino';
import { firstJaneKeyIndex } from './start-tour';
import {
  flippedKeys,
  highlightedKeys,
  readTour,
  reinvitedAs,
  type TourCommand,
  type TourReading,
  tourBlocker,
  tourCommands,
} from './tour-progress';
import { JANE_EMAIL, tourStep } from './tour-steps';
import { keyLine, leadSentence, summaryLine, unchangedLines } from './tour-text';

const { genesis } = janeTinoScenario;
const START = firstJaneKeyIndex(janeTinoScenario.events);

/** A log being written: append commands as the store would, read it as the tour does. */
function logFrom(events: readonly TenantEvent[]) {
  let log = [...events];
  let tenant = log.reduce<Tenant>((t, event) => {
    const result = apply(t, event);
    return result.ok ? result.tenant : t;
  }, createTenant(genesis));
  return {
    run(command: TourCommand) {
      const event = command(tenant);
      const result = apply(tenant, event);
      if (!result.ok) throw new Error(result.refusal.reason);
      tenant = result.tenant;
      log = [...log, event];
    },
    read(cursor?: number): TourReading {
      return readTour(genesis, log, cursor ?? log.length);
    },
    tenant: () => tenant,
    length: () => log.length,
  };
}

function janeId(tenant: Tenant): string {
  const id = tenant.accountsByEmail.get(JANE_EMAIL)?.[0];
  if (id === undefined) throw new Error('no Jane');
  return id;
}

/** Runs what "Do it for me" runs for the steps given, in order. */
function doSteps(log: ReturnType<typeof logFrom>, steps: readonly (1 | 2 | 3 | 4 | 5)[]) {
  for (const step of steps) {
    for (const command of tourCommands(step, log.read())) log.run(command);
  }
}

describe('reading the tour from the log', () => {
  it('starts the tour just before Jane’s first key, with all four scopes still to create', () => {
    expect(START).toBe(5);
    const reading = logFrom(janeTinoScenario.events.slice(0, START)).read();
    expect(reading.jane?.name).toBe('Jane Tino');
    expect(reading.outcomes).toEqual([]);
    expect(reading.missingScopes).toEqual(['personal', 'team', 'service', 'tenant_owner']);
  });

  it('counts step 1 done once Jane holds a live key of each scope, whoever created them', () => {
    const full = logFrom(janeTinoScenario.events).read();
    expect(full.outcomes.map((outcome) => outcome.step)).toEqual([1]);
    expect(full.missingScopes).toEqual([]);

    const log = logFrom(janeTinoScenario.events.slice(0, START));
    const [personal, team, service] = tourCommands(1, log.read());
    for (const command of [personal, team, service]) if (command) log.run(command);
    expect(log.read().outcomes).toEqual([]);
    expect(log.read().missingScopes).toEqual(['tenant_owner']);
    expect(tourCommands(1, log.read())).toHaveLength(1);
  });

  it('creates the scenario’s own four keys on “Do it for me”, with the same ids', () => {
    const log = logFrom(janeTinoScenario.events.slice(0, START));
    doSteps(log, [1]);
    const [outcome] = log.read().outcomes;
    expect(outcome?.keys.map((entry) => [entry.key.id, entry.key.name, entry.key.scope])).toEqual([
      ['key_0006', 'Jane personal', 'personal'],
      ['key_0007', 'Jane team', 'team'],
      ['key_0008', 'Jane service', 'service'],
      ['key_0009', 'Jane tenant owner', 'tenant_owner'],
    ]);
    expect(outcome?.keys.map(keyLine)).toEqual([
      'Jane personal (Personal key): new, 200 Valid',
      'Jane team (Team key): new, 200 Valid',
      'Jane service (Service key): new, 200 Valid',
      'Jane tenant owner (Tenant owner key): new, 200 Valid',
    ]);
    expect(outcome && highlightedKeys(outcome)).toHaveLength(4);
  });

  // The FAQ's table, as the tour tells it: what flipped at each step.
  it.each([
    {
      step: 2 as const,
      flips: ['Jane personal (Personal key): 200 Valid → 401 Owner deactivated'],
      unchanged: ['Jane team, Jane service and Jane tenant owner stay 200 Valid.'],
      lead: 'Jane Tino was deactivated by the console. One cell flipped in the validity matrix, column Now:',
    },
    {
      step: 3 as const,
      flips: ['Jane personal (Personal key): 401 Owner deactivated → 200 Valid'],
      unchanged: ['Jane team, Jane service and Jane tenant owner stay 200 Valid.'],
      lead: 'Jane Tino was reactivated by the console. One cell flipped in the validity matrix, column Now:',
    },
    {
      step: 4 as const,
      flips: ['Jane personal (Personal key): 200 Valid → 401 Owner deleted'],
      unchanged: ['Jane team, Jane service and Jane tenant owner stay 200 Valid.'],
      lead: 'Jane Tino was deleted by the console. One cell flipped in the validity matrix, column Now:',
    },
    {
      step: 5 as const,
      flips: [],
      unchanged: [
        'Jane personal stays 401 Owner deleted.',
        'Jane team, Jane service and Jane tenant owner stay 200 Valid.',
      ],
      lead: 'Jane Tino was re-invited by the console as a new account. Nothing flipped back: the re-invited Jane is a new account (usr_0013), and the old keys still belong to the deleted one (usr_0002).',
    },
  ])('step $step: $flips', ({ step, flips, unchanged, lead }) => {
    const log = logFrom(janeTinoScenario.events.slice(0, START));
    doSteps(log, [1, 2, 3, 4, 5].filter((n) => n <= step) as (1 | 2 | 3 | 4 | 5)[]);
    const outcome = log.read().outcomes[step - 1];
    if (outcome === undefined) throw new Error(`step ${step} not done`);
    expect(outcome.step).toBe(step);
    expect(flippedKeys(outcome).map(keyLine)).toEqual(flips);
    expect(unchangedLines(outcome)).toEqual(unchanged);
    expect(leadSentence(outcome)).toBe(lead);
    // The outlined cell: the one that flipped, or after the re-invite the one that stayed 401.
    expect(highlightedKeys(outcome).map((entry) => entry.key.name)).toEqual(['Jane personal']);
  });

  it('names the re-invited account and sums every step up', () => {
    const log = logFrom(janeTinoScenario.events.slice(0, START));
    doSteps(log, [1, 2, 3, 4, 5]);
    const { outcomes } = log.read();
    expect(outcomes[4] && reinvitedAs(outcomes[4])).toBe('usr_0013');
    expect(outcomes.map(summaryLine)).toEqual([
      'Create keys: Jane personal, Jane team, Jane service and Jane tenant owner, each answering 200.',
      'Deactivate: Jane personal 200 → 401; the other keys did not change.',
      'Reactivate: Jane personal 401 → 200; the other keys did not change.',
      'Delete: Jane personal 200 → 401; the other keys did not change.',
      'Re-invite: nothing flipped; Jane personal stayed 401.',
    ]);
  });

  it('follows the cursor: an undone step is not done, and comes back on redo', () => {
    const log = logFrom(janeTinoScenario.events.slice(0, START));
    doSteps(log, [1, 2]);
    expect(log.read().outcomes).toHaveLength(2);
    expect(log.read(log.length() - 1).outcomes).toHaveLength(1);
    expect(log.read(log.length()).outcomes).toHaveLength(2);
  });

  it('counts the steps only in the FAQ’s order, and only for Jane', () => {
    const log = logFrom(janeTinoScenario.events.slice(0, START));
    doSteps(log, [1]);
    const sam = [...log.tenant().accounts.values()].find((a) => a.name === 'Sam Patel');
    log.run((t) => changeStatus(t, 'account_deactivated', sam?.id ?? ''));
    expect(log.read().outcomes).toHaveLength(1);
    // Reactivating before deactivating is refused by the reducer; deleting skips step 2.
    log.run((t) => changeStatus(t, 'account_deleted', janeId(t)));
    expect(log.read().outcomes).toHaveLength(1);
    expect(tourBlocker(2, log.read())).toMatch(/deleted/i);
    log.run((t) => reinviteAccount(t, janeId(t)));
    expect(log.read().outcomes).toHaveLength(1);
  });

  it('has no blocker for a step that can be done', () => {
    const log = logFrom(janeTinoScenario.events.slice(0, START));
    expect(tourBlocker(1, log.read())).toBeNull();
    doSteps(log, [1]);
    expect(tourBlocker(2, log.read())).toBeNull();
  });

  it('finds no Jane (and nothing to do) on another scenario', () => {
    const reading = readTour({ ...genesis, name: 'Other' }, [], 0);
    expect(reading.jane).toBeUndefined();
    expect(tourCommands(2, reading)).toEqual([]);
  });

  it('quotes the FAQ sentence the rules module quotes for the same case', () => {
    const deactivated = ruleOf(VALIDITY_RULES.ownerDeactivated).source;
    expect(tourStep(2).quote).toBe(deactivated.kind === 'documented' ? deactivated.quote : '');
    const deleted = ruleOf(VALIDITY_RULES.ownerDeleted).source;
    expect(deleted.kind === 'documented' && tourStep(6).quote.endsWith(deleted.quote ?? '-')).toBe(
      true,
    );
  });
});

/**
 * Every property test runs through `assertProperty`, so that one switch sets how deep they go.
 *
 * - `npm test`: each property runs the number of cases its test names (most 1,000; the ones that
 *   load a scenario through a fake worker or travel in time, fewer).
 * - `npm run test:deep` (scripts/test-deep.mjs) sets `KLC_PROPERTY_RUNS=10000`: every property
 *   runs at least that many cases, all from one seed it prints first.
 * - `SEED=<n>` (with either command) runs every property from that seed, so a failure replays.
 *
 * On failure the message is fast-check's own (the seed, the path and the shrunk counterexample)
 * preceded by the command that replays it. When `KLC_PROPERTY_REPORT` names a folder, the setup
 * file writes there, per test file, each property's name and the cases it ran: the deep run sums
 * them for the README's Reliability table.
 */

import fc from 'fast-check';
import { expect } from 'vitest';
import { type PropertyRecord, recordedProperties } from './property-records';

const env = (name: string): string | undefined => {
  const value = typeof process === 'undefined' ? undefined : process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
};

const wholeNumber = (name: string): number | undefined => {
  const value = env(name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new Error(`${name} must be a whole number; it is "${value}".`);
  }
  return Number(value);
};

/** The cases every property runs at least, when set (the deep run); otherwise undefined. */
export const DEEP_RUNS = wholeNumber('KLC_PROPERTY_RUNS');
/** The seed every property starts from, when set; otherwise fast-check picks one per property. */
export const SEED = wholeNumber('SEED');

/** How many cases a property runs: its own count, raised to the deep count in a deep run. */
export function propertyRuns(normal: number): number {
  return DEEP_RUNS === undefined ? normal : Math.max(normal, DEEP_RUNS);
}

/**
 * A test's time limit: `ms` in npm test, half an hour in a deep run (where a property's 10,000
 * cases take minutes). For a `describe` or `it` that holds a property and sets its own limit.
 */
export function propertyTimeout(ms: number): number {
  return DEEP_RUNS === undefined ? ms : Math.max(ms, 1_800_000);
}

/** The properties this test file has run so far (the setup file reads them after the file). */
export function propertyRecords(): readonly PropertyRecord[] {
  return recordedProperties();
}

const currentTestName = (): string =>
  expect.getState().currentTestName ?? 'a property outside a test';

function reporterFor<Ts>(name: string) {
  return (out: fc.RunDetails<Ts>): void => {
    recordedProperties().push({ name, runs: out.numRuns, failed: out.failed });
    if (!out.failed) return;
    const deep = DEEP_RUNS === undefined ? '' : `KLC_PROPERTY_RUNS=${DEEP_RUNS} `;
    const file = (expect.getState().testPath ?? '').replace(/^.*?\/src\//, 'src/');
    const replay = `Replay: SEED=${out.seed} ${deep === '' ? 'npm test' : 'npm run test:deep'} (this file alone: SEED=${out.seed} ${deep}npx vitest run ${file})`;
    throw new Error(`${replay}\n${fc.defaultReportMessage(out) ?? 'The property failed.'}`, {
      cause: out.errorInstance,
    });
  };
}

/**
 * `fc.assert` with this suite's depth and seed: `runs` cases in `npm test`, at least the deep
 * count in `npm run test:deep`.
 */
export function assertProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  runs: number,
  params?: Omit<fc.Parameters<Ts>, 'numRuns' | 'seed' | 'reporter' | 'asyncReporter'>,
): Promise<void>;
export function assertProperty<Ts>(
  property: fc.IProperty<Ts>,
  runs: number,
  params?: Omit<fc.Parameters<Ts>, 'numRuns' | 'seed' | 'reporter' | 'asyncReporter'>,
): void;
export function assertProperty<Ts>(
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  runs: number,
  params: Omit<fc.Parameters<Ts>, 'numRuns' | 'seed' | 'reporter' | 'asyncReporter'> = {},
): void | Promise<void> {
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(`A property runs at least one case; ${runs} was asked.`);
  }
  const full: fc.Parameters<Ts> = {
    ...params,
    numRuns: propertyRuns(runs),
    ...(SEED === undefined ? {} : { seed: SEED }),
    reporter: reporterFor<Ts>(currentTestName()),
  };
  return fc.assert(property as fc.IRawProperty<Ts>, full);
}

// `npm run test:deep`: every property test at 10,000 cases or more, from one seed.
//
// Finds the test files that hold a property (they call `assertProperty`, src/test/property.ts),
// runs them with Vitest and `KLC_PROPERTY_RUNS=10000`, then sums what each file reports having run
// (`KLC_PROPERTY_REPORT`). It prints the seed first and the shrunk counterexample of any failure
// (fast-check's report, headed by the command that replays it), and ends with
// `N properties × at least 10,000 cases = N cases` and `N passed, N failed`.
//
// - `SEED=<n> npm run test:deep` replays a run: every property starts from that seed.
// - `KLC_PROPERTY_RUNS=<n>` sets another depth (at least 1; the README's figure is 10,000).
//
// The run fails when a test fails, when a property ran fewer cases than asked without failing, when
// fewer properties reported than the files call `assertProperty`, or when no property ran.

import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROPERTY_REPORT_FOLDER, readPropertyReports, sumProperties } from './property-report.mjs';
import { countVitest, readReport, summaryLine } from './run-tests.mjs';

export const DEEP_RUNS = 10_000;
const REPORT_FOLDER = PROPERTY_REPORT_FOLDER;
const UNIT_JSON = 'test-results/deep-results.json';
const SUMMARY_MD = 'test-results/deep-run.md';

/** A whole number from the environment, or `fallback`; refuses anything else with its reason. */
export function wholeNumberFrom(name, value, fallback) {
  if (value === undefined || value.trim() === '') return fallback;
  const text = value.trim();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new Error(`${name} must be a whole number of 0 or more; it is "${value}".`);
  }
  return Number(text);
}

/** Every `*.test.ts(x)` under `folder` that calls `assertProperty(`, with how many times it does. */
export function propertyFiles(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.test\.tsx?$/.test(entry.name)) {
        const calls = readFileSync(path, 'utf8').match(/\bassertProperty\(/g)?.length ?? 0;
        if (calls > 0) found.push({ path, calls });
      }
    }
  };
  walk(folder);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

const grouped = (n) => n.toLocaleString('en-US');

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  process.chdir(root);
  const runs = wholeNumberFrom('KLC_PROPERTY_RUNS', process.env.KLC_PROPERTY_RUNS, DEEP_RUNS);
  if (runs < 1) throw new Error('KLC_PROPERTY_RUNS must be at least 1.');
  const seed = wholeNumberFrom('SEED', process.env.SEED, randomInt(0, 2 ** 31 - 1));
  const files = propertyFiles('src');
  const calls = files.reduce((sum, file) => sum + file.calls, 0);
  console.log(
    `Deep property run: ${files.length} files, every property at ${grouped(runs)} cases or more, seed ${seed}.`,
  );
  console.log(`Replay this run with: SEED=${seed} npm run test:deep`);

  rmSync(REPORT_FOLDER, { recursive: true, force: true });
  rmSync(UNIT_JSON, { force: true });
  const started = Date.now();
  const child = spawnSync(
    join(root, 'node_modules', '.bin', 'vitest'),
    [
      'run',
      ...files.map((file) => file.path),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${UNIT_JSON}`,
      // A property of 10,000 cases takes minutes, not the 15 s a test gets in npm test.
      '--testTimeout=1800000',
      // Every core (vite.config.ts keeps one free on bigger machines): nothing else is running.
      `--maxWorkers=${Math.max(2, availableParallelism())}`,
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        KLC_PROPERTY_RUNS: String(runs),
        SEED: String(seed),
        KLC_PROPERTY_REPORT: REPORT_FOLDER,
      },
    },
  );
  const minutes = (Date.now() - started) / 60_000;
  const exit = child.error || child.signal ? 1 : (child.status ?? 1);

  const report = readReport(UNIT_JSON);
  const unit = countVitest(report.data, exit, report.problem);
  const sum = sumProperties(readPropertyReports(REPORT_FOLDER, root), runs);

  const lines = [];
  let failed = unit.failed;
  for (const note of unit.notes) lines.push(`FAILED: ${note}`);
  for (const property of sum.shallow) {
    failed += 1;
    lines.push(`FAILED: ran fewer cases than ${grouped(runs)}: ${property}`);
  }
  if (sum.properties < calls) {
    failed += 1;
    lines.push(
      `FAILED: the files call assertProperty ${calls} times, but only ${sum.properties} properties reported having run`,
    );
  }
  if (sum.properties === 0 || unit.executed === 0) {
    failed += 1;
    lines.push('FAILED: no property ran: the deep run cannot pass');
  }
  const table = [
    `Deep property run of ${new Date(started).toISOString().slice(0, 10)}: seed ${seed}, ${minutes.toFixed(1)} min.`,
    '',
    '| Test file | Property | Cases |',
    '| --- | --- | ---: |',
    ...sum.rows.map(([file, name, cases]) => `| ${file} | ${name} | ${grouped(Number(cases))} |`),
  ];
  writeFileSync(SUMMARY_MD, `${table.join('\n')}\n`);
  lines.push(
    `Properties: ${sum.properties} × at least ${grouped(runs)} cases = ${grouped(sum.cases)} cases, seed ${seed}, ${minutes.toFixed(1)} min (each property: ${SUMMARY_MD}).`,
    summaryLine({ passed: unit.passed, failed, skipped: unit.skipped }),
  );
  console.log('');
  for (const line of lines) console.log(line);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.log(error instanceof Error ? error.message : String(error));
    console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
    process.exitCode = 1;
  }
}

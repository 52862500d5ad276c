// `npm test`: everything a contributor must pass, in one command.
//
// Runs typecheck, lint, Vitest and Playwright in sequence, streaming each tool's output, and ends
// with exactly one line `N passed, N failed` (`, N skipped` when any were skipped), summed over the
// unit and e2e suites. Neither Vitest's nor Playwright's own closing line is read as a test count
// by CI here, and a run that executed nothing must not pass as green, hence this wrapper.
//
// Every step runs even when an earlier one failed, so the counts are always complete.
// Counting rules:
// - a failing typecheck or lint counts as 1 failed each;
// - a suite whose JSON report is missing or unreadable counts as 1 failed;
// - a Vitest test file that failed to load (no test in it failed, yet the file did) counts as 1 failed;
// - Playwright errors outside any test (webServer did not start, no tests found, ...) count as 1 failed;
// - a tool that exits non-zero without reporting any failure counts as 1 failed;
// - Playwright flaky tests count as passed, with a warning;
// - zero executed tests fails the run.
// Exit code 0 only when nothing failed and at least one test ran.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROPERTY_REPORT_FOLDER, readPropertyReports, sumProperties } from './property-report.mjs';

export const UNIT_JSON = 'test-results/unit-results.json';
export const E2E_JSON = 'test-results/e2e-results.json';

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** Reads a JSON report; returns `{ data }` or `{ problem }` (missing or unreadable). */
export function readReport(path) {
  if (!existsSync(path)) return { problem: `${path} is missing` };
  try {
    return { data: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    return { problem: `${path} is unreadable (${error instanceof Error ? error.message : error})` };
  }
}

/**
 * Counts from a Vitest JSON report (Jest-compatible format).
 * @param {unknown} report parsed JSON, or undefined when missing
 * @param {number} exitCode Vitest's exit code
 * @param {string} [problem] why the report is missing or unreadable
 */
export function countVitest(report, exitCode, problem) {
  const result = { passed: 0, failed: 0, skipped: 0, executed: 0, notes: [], warnings: [] };
  if (
    report === undefined ||
    report === null ||
    typeof report !== 'object' ||
    !isNumber(report.numPassedTests) ||
    !isNumber(report.numFailedTests)
  ) {
    result.failed = 1;
    result.notes.push(
      `unit: no usable Vitest report (${problem ?? 'unexpected format'}): counted as 1 failed`,
    );
    return result;
  }
  result.passed = report.numPassedTests;
  result.failed = report.numFailedTests;
  result.executed = result.passed + result.failed;
  result.skipped =
    (isNumber(report.numPendingTests) ? report.numPendingTests : 0) +
    (isNumber(report.numTodoTests) ? report.numTodoTests : 0);

  // A file that fails to import reports status "failed" but contributes no failed test.
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  for (const file of files) {
    const assertions = Array.isArray(file?.assertionResults) ? file.assertionResults : [];
    if (file?.status === 'failed' && !assertions.some((a) => a?.status === 'failed')) {
      result.failed += 1;
      const why = typeof file.message === 'string' ? file.message.split('\n')[0] : '';
      result.notes.push(`unit: test file failed to run: ${file.name}${why ? ` (${why})` : ''}`);
    }
  }
  if (exitCode !== 0 && result.failed === 0) {
    result.failed = 1;
    const why = report.numTotalTests === 0 ? ' (no tests found?)' : '';
    result.notes.push(
      `unit: Vitest exited with code ${exitCode} without a failing test${why}: counted as 1 failed`,
    );
  }
  return result;
}

/**
 * Counts from a Playwright JSON report: expected = passed, unexpected = failed, skipped = skipped,
 * flaky = passed (with a warning).
 * @param {unknown} report parsed JSON, or undefined when missing
 * @param {number} exitCode Playwright's exit code
 * @param {string} [problem] why the report is missing or unreadable
 */
export function countPlaywright(report, exitCode, problem) {
  const result = { passed: 0, failed: 0, skipped: 0, executed: 0, notes: [], warnings: [] };
  const stats = report !== null && typeof report === 'object' ? report.stats : undefined;
  if (
    stats === undefined ||
    stats === null ||
    typeof stats !== 'object' ||
    !isNumber(stats.expected) ||
    !isNumber(stats.unexpected)
  ) {
    result.failed = 1;
    result.notes.push(
      `e2e: no usable Playwright report (${problem ?? 'unexpected format'}): counted as 1 failed`,
    );
    return result;
  }
  const flaky = isNumber(stats.flaky) ? stats.flaky : 0;
  result.passed = stats.expected + flaky;
  result.failed = stats.unexpected;
  result.skipped = isNumber(stats.skipped) ? stats.skipped : 0;
  result.executed = result.passed + result.failed;
  if (flaky > 0) {
    result.warnings.push(
      `e2e: ${flaky} flaky test(s) failed first and passed on retry; counted as passed`,
    );
  }

  // Errors outside any test: the webServer did not start, no tests found, a config error...
  const errors = Array.isArray(report.errors) ? report.errors : [];
  if (errors.length > 0) {
    result.failed += 1;
    const messages = errors.map((e) => String(e?.message ?? e).split('\n')[0]);
    if (messages.some((m) => m.includes('webServer'))) {
      result.notes.push(
        'e2e: the Playwright webServer (`npm run build && npm run preview` on port 4173) could not start',
      );
    }
    for (const message of messages) result.notes.push(`e2e: Playwright error: ${message}`);
    result.notes.push('e2e: errors outside tests counted as 1 failed');
  } else if (exitCode !== 0 && result.failed === 0) {
    result.failed = 1;
    result.notes.push(
      `e2e: Playwright exited with code ${exitCode} without a failing test: counted as 1 failed`,
    );
  }
  return result;
}

/** The closing line: `N passed, N failed`, plus `, N skipped` only when skipped > 0. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/**
 * Combines everything into the final report.
 * @returns {{ lines: string[], exitCode: number }} lines to print; the last one is the summary
 */
export function combine({ typecheckOk, lintOk, unit, e2e }) {
  const lines = [];
  let failed = unit.failed + e2e.failed;
  if (!typecheckOk) {
    failed += 1;
    lines.push('FAILED: typecheck (npm run typecheck): counted as 1 failed');
  }
  if (!lintOk) {
    failed += 1;
    lines.push('FAILED: lint (npm run lint): counted as 1 failed');
  }
  for (const note of [...unit.notes, ...e2e.notes]) lines.push(`FAILED: ${note}`);
  for (const warning of [...unit.warnings, ...e2e.warnings]) lines.push(`WARNING: ${warning}`);
  // Per-suite figures in a shape that cannot be mistaken for the closing summary line.
  const figures = (r) => `passed ${r.passed}, failed ${r.failed}, skipped ${r.skipped}`;
  lines.push(`unit suite (Vitest): ${figures(unit)}`, `e2e suite (Playwright): ${figures(e2e)}`);

  const passed = unit.passed + e2e.passed;
  const skipped = unit.skipped + e2e.skipped;
  // Synthetic failures (a suite that never ran, a file that failed to load) are not executed tests.
  const executed = unit.executed + e2e.executed;
  let exitCode = failed === 0 ? 0 : 1;
  if (executed === 0) {
    lines.push('FAILED: no test was executed (unit + e2e ran 0 tests): the run cannot pass');
    exitCode = 1;
  }
  lines.push(summaryLine({ passed, failed, skipped }));
  return { lines, exitCode };
}

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (child.error) {
    console.log(`${label}: could not start ${command}: ${child.error.message}`);
    return 1;
  }
  if (child.signal) return 1;
  return child.status ?? 1;
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  process.chdir(root);
  const bin = (name) => join(root, 'node_modules', '.bin', name);

  for (const stale of [UNIT_JSON, E2E_JSON]) rmSync(stale, { force: true });
  rmSync(PROPERTY_REPORT_FOLDER, { recursive: true, force: true });

  const typecheckOk = run('typecheck', 'npm', ['run', '-s', 'typecheck']) === 0;
  const lintOk = run('lint', 'npm', ['run', '-s', 'lint']) === 0;

  const vitestExit = run(
    'unit',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_JSON}`],
    // Each test file writes the properties it ran and their cases (src/test/setup.ts).
    { KLC_PROPERTY_REPORT: PROPERTY_REPORT_FOLDER },
  );
  const unitReport = readReport(UNIT_JSON);
  const unit = countVitest(unitReport.data, vitestExit, unitReport.problem);

  // The json reporter and its output file are set in playwright.config.ts.
  const playwrightExit = run('e2e', bin('playwright'), ['test']);
  const e2eReport = readReport(E2E_JSON);
  const e2e = countPlaywright(e2eReport.data, playwrightExit, e2eReport.problem);

  const { lines, exitCode } = combine({ typecheckOk, lintOk, unit, e2e });
  const properties = sumProperties(readPropertyReports(PROPERTY_REPORT_FOLDER, root), 1);
  console.log('');
  console.log(
    `properties (fast-check): ${properties.properties} run, ${properties.cases.toLocaleString('en-US')} cases in all (npm run test:deep runs each at 10,000 or more)`,
  );
  for (const line of lines) console.log(line);
  process.exitCode = exitCode;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}

/**
 * The README's test contract is a promise to people writing Playwright tests against the console:
 * every string it puts in backticks must be one that this project's own suite uses, so that a
 * change to the app that breaks a promise fails a test, and a promise the suite does not check
 * cannot be written. Placeholders (`<name>`, `N`, `M`, `…`) stand for anything; alternatives
 * (`200 | 401`) must each be used; the few entries that describe shapes or code rather than text
 * are listed below, each with what checks it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const README = readFileSync('README.md', 'utf8');

/** The contract: from its heading to the next level-2 heading, without code blocks. */
function contractSection(): string {
  const start = README.indexOf('## Test contract');
  const end = README.indexOf('\n## ', start + 1);
  expect(start).toBeGreaterThan(-1);
  return README.slice(start, end).replace(/```[\s\S]*?```/g, '');
}

/** Backticked strings, each once. A backtick pair never spans a line: that would be a typo. */
function promises(): string[] {
  const section = contractSection();
  const unpaired = section.split('\n').filter((line) => (line.match(/`/g) ?? []).length % 2 !== 0);
  expect(unpaired, 'README lines with an odd number of backticks').toEqual([]);
  return [...new Set([...section.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] as string))];
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The suite's sources: the e2e specs and fixture, and every unit test. */
const SUITE = [
  ...filesUnder('e2e'),
  ...filesUnder('src').filter((path) => /\.test\.tsx?$/.test(path)),
]
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

/** The app's sources, for names of code (exports, files) the contract points to. */
const SOURCES = filesUnder('src')
  .filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

/**
 * Entries that describe a shape or a piece of code, not a text the page shows; each is checked
 * where it lives (the API's shapes by src/core/api's tests, the document's by its reader's).
 */
const NOTATION = new Set([
  'consolePage.goto({ scenario, view })',
  'consolePage.goto({ scenario: id })',
  'page.evaluate(() => fetch(...))',
  'page.request',
  '/api/*',
  '{ "format": "key-lifecycle-console/saved-state", "version": 1, "savedAt": "<ISO time>", "document": <console document> }',
  '{ "people": 10000, "keysPerPerson": 4 }',
  '{ "kind": "genesis", "genesis": { "name", "domain", "seed", "startsAt", "teams" } }',
  '{ "kind": "generated", "events": <count>, "fingerprint": "…" }',
  '{ "stack": { … } }',
  '{ "admin/users": [...], "meta": {...} }',
  '{ "audit_logs": [...], "meta": {...} }',
  '{ "members": [...], "meta": {...} }',
  '{ "user_credentials": [...], "meta": {...} }',
  '{ "stories": [...], "meta": {...} }',
  '{ "team_id": "team_automation", "name": "…" }',
  '{ "error": { "status", "code", "message", "rule", "rule_source" }, "simulated": "…" }',
]);

/**
 * What a promise stands for, one string each: `a="1" | "2"` is `a="1"` and `a="2"`,
 * `?view=a|b` is `?view=a` and `?view=b`, a selector `td[data-testid="x-<id>"]` is its value.
 */
function expand(promise: string): string[] {
  const attributeChoices = /^([\w-]+)=("[^"]*"(?:\s*\|\s*"[^"]*")+)$/.exec(promise);
  if (attributeChoices !== null) {
    const [, name, values] = attributeChoices;
    return (values as string).split(/\s*\|\s*/).map((value) => `${name}=${value}`);
  }
  const parameterChoices = /^(.*=)([\w-]+(?:\|[\w-]+)+)$/.exec(promise);
  if (parameterChoices !== null) {
    const [, prefix, values] = parameterChoices;
    return (values as string).split('|').map((value) => `${prefix}${value}`);
  }
  const selector = /^\w*\[([\w-]+)="([^"]*)"\]$/.exec(promise);
  if (selector !== null) return [selector[2] as string];
  return [promise];
}

/** The literal parts of a promise: what is left once placeholders are taken out. */
function literalParts(promise: string): string[] {
  return expand(promise)
    .flatMap((text) =>
      text.split(
        /<[^>]+>|…|\.\.\.|(?<![A-Za-z])NNNN\b|\bR of T\b|\(s\)|\{id\}|(?<![\w-])[NM](?![\w-])/,
      ),
    )
    .map((part) => part.trim())
    .filter((part) => part.length >= 2);
}

/** `name="value"` or `name: value` is used by a test written so or as `('name', 'value')`. */
function usedBySuite(part: string): boolean {
  if (SUITE.includes(part)) return true;
  const pair = /^([\w-]+)(?:="([^"]*)"|: (.+))$/.exec(part);
  if (pair === null) return false;
  const [, name, attribute, property] = pair;
  return SUITE.includes(`'${name}', '${attribute ?? property}'`);
}

describe('the README test contract', () => {
  const all = promises();

  it('has its promises (a sanity check of the reading)', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContain('Reset scenario');
  });

  it('lists only notation entries that the README still has', () => {
    expect([...NOTATION].filter((entry) => !all.includes(entry))).toEqual([]);
  });

  it('names only files and code that exist', () => {
    const paths = all.filter((promise) => /^(src|e2e)\/[\w./-]+$/.test(promise));
    expect(paths.length).toBeGreaterThan(2);
    expect(paths.filter((path) => !existsSync(path))).toEqual([]);
    for (const name of ['SAVED_MIGRATIONS', 'MIGRATIONS']) {
      expect(SOURCES).toContain(`export const ${name}`);
    }
  });

  it('promises no text, name or attribute that the suite does not use', () => {
    const unchecked = all
      .filter((promise) => !NOTATION.has(promise) && !existsSync(promise))
      .filter((promise) => !['SAVED_MIGRATIONS', 'MIGRATIONS'].includes(promise))
      .flatMap((promise) =>
        literalParts(promise)
          .filter((part) => !usedBySuite(part))
          .map((part) => `${promise}  ⟶  ${part}`),
      );
    expect(unchecked).toEqual([]);
  });
});

// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sumProperties } from '../../scripts/property-report.mjs';
import { propertyFiles, wholeNumberFrom } from '../../scripts/test-deep.mjs';
import { recordedProperties } from './property-records';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  // The properties run here are this suite's examples, not its own: not reported to the runs.
  recordedProperties().splice(0);
});

/** src/test/property.ts as a fresh module, reading the environment as it is now. */
const freshProperty = () => {
  vi.resetModules();
  return import('./property');
};

// The properties here run through fresh copies of src/test/property.ts under a stubbed
// environment, named otherwise so that the deep run does not count them as this suite's own.
describe('assertProperty', () => {
  it('runs a property’s own count in npm test, and at least the deep count in a deep run', async () => {
    vi.stubEnv('KLC_PROPERTY_RUNS', '');
    const normal = await freshProperty();
    expect(normal.propertyRuns(25)).toBe(25);
    let cases = 0;
    const { assertProperty: checkNormal } = normal;
    checkNormal(
      fc.property(fc.nat(), () => {
        cases++;
      }),
      25,
    );
    expect(cases).toBe(25);

    vi.resetModules();
    vi.stubEnv('KLC_PROPERTY_RUNS', '300');
    const deep = await freshProperty();
    expect(deep.propertyRuns(25)).toBe(300);
    expect(deep.propertyRuns(1000)).toBe(1000);
    cases = 0;
    const { assertProperty: checkDeep } = deep;
    await checkDeep(
      fc.asyncProperty(fc.nat(), async () => {
        cases++;
      }),
      25,
    );
    expect(cases).toBe(300);
    expect(deep.propertyRecords().map((r) => [r.runs, r.failed])).toEqual([
      [25, false],
      [300, false],
    ]);
  });

  it('replays from SEED: the same seed draws the same cases', async () => {
    vi.stubEnv('SEED', '12345');
    const { assertProperty: check } = await freshProperty();
    const draw = () => {
      const seen: number[] = [];
      check(
        fc.property(fc.nat(), (n) => {
          seen.push(n);
        }),
        50,
      );
      return seen;
    };
    expect(draw()).toEqual(draw());
  });

  it('fails with the command that replays it, then fast-check’s seed and shrunk counterexample', async () => {
    vi.stubEnv('KLC_PROPERTY_RUNS', '');
    vi.stubEnv('SEED', '7');
    const { assertProperty: check, propertyRecords } = await freshProperty();
    let message = '';
    try {
      check(
        fc.property(fc.nat(), (n) => n < 100),
        1000,
      );
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(
      /^Replay: SEED=7 npm test \(this file alone: SEED=7 npx vitest run src\/test\/property\.test\.ts\)/,
    );
    expect(message).toContain('seed: 7');
    expect(message).toContain('Counterexample: [100]');
    expect(propertyRecords().at(-1)?.failed).toBe(true);
  });

  it('refuses a seed or depth that is not a whole number, naming it', async () => {
    vi.stubEnv('SEED', 'abc');
    await expect(freshProperty()).rejects.toThrow('SEED must be a whole number; it is "abc".');
    vi.resetModules();
    vi.unstubAllEnvs();
    vi.stubEnv('KLC_PROPERTY_RUNS', '1e4');
    await expect(freshProperty()).rejects.toThrow('KLC_PROPERTY_RUNS must be a whole number');
  });

  it('is how every property test in src runs (so a deep run deepens them all)', () => {
    const tests = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.test\.tsx?$/.test(path))
      .map((path) => join('src', path));
    // A property written straight with fast-check would keep its own count in a deep run.
    const direct = tests.filter((path) =>
      /\bfc\.(assert|check)\(/.test(readFileSync(path, 'utf8')),
    );
    expect(direct).toEqual([]);
    // And the deep run finds every file that holds one.
    const withProperties = tests.filter((path) =>
      /\bassertProperty\(/.test(readFileSync(path, 'utf8')),
    );
    expect(
      propertyFiles('src')
        .map((file) => file.path)
        .sort(),
    ).toEqual(withProperties.sort());
    expect(withProperties.length).toBeGreaterThanOrEqual(17);
  });
});

describe('the deep run’s sums (scripts/test-deep.mjs)', () => {
  it('counts properties and cases, and names any that ran short without failing', () => {
    const sum = sumProperties(
      [
        {
          file: 'src/a.test.ts',
          records: [
            { name: 'a > one', runs: 10_000, failed: false },
            { name: 'a > two', runs: 12, failed: true },
          ],
        },
        { file: 'src/b.test.ts', records: [{ name: 'b > short', runs: 9_999, failed: false }] },
      ],
      10_000,
    );
    expect(sum.properties).toBe(3);
    expect(sum.cases).toBe(20_011);
    expect(sum.shallow).toEqual(['src/b.test.ts › b > short: 9999 cases']);
  });

  it('reads a seed or depth only as a whole number', () => {
    expect(wholeNumberFrom('SEED', undefined, 5)).toBe(5);
    expect(wholeNumberFrom('SEED', ' 42 ', 5)).toBe(42);
    expect(() => wholeNumberFrom('SEED', '-1', 5)).toThrow(
      'SEED must be a whole number of 0 or more; it is "-1".',
    );
    expect(() => wholeNumberFrom('SEED', '4.2', 5)).toThrow('SEED must be');
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LARGE_PARAMS } from './large-params';
import { readScenarioParams, sameParams } from './scenario-params';

describe('readScenarioParams', () => {
  it('gives every missing parameter its default', () => {
    expect(readScenarioParams(LARGE_PARAMS)).toEqual({
      ok: true,
      params: { people: 10000, keysPerPerson: 4 },
    });
    expect(readScenarioParams(LARGE_PARAMS, { people: '200' })).toEqual({
      ok: true,
      params: { people: 200, keysPerPerson: 4 },
    });
  });

  it('reads whole numbers from URL text or from code, and ignores unknown names', () => {
    expect(readScenarioParams(LARGE_PARAMS, { people: 20000, keysPerPerson: '0', x: 'y' })).toEqual(
      { ok: true, params: { people: 20000, keysPerPerson: 0 } },
    );
  });

  it.each([
    [{ people: 'abc' }, 'people must be a whole number from 1 to 20000; got "abc".'],
    [{ people: '999999' }, 'people must be a whole number from 1 to 20000; got "999999".'],
    [{ people: '' }, 'people must be a whole number from 1 to 20000; got "".'],
    [{ people: '1e3' }, 'people must be a whole number from 1 to 20000; got "1e3".'],
    [{ people: '-5' }, 'people must be a whole number from 1 to 20000; got "-5".'],
    [{ people: 12.5 }, 'people must be a whole number from 1 to 20000; got 12.5.'],
    [{ keysPerPerson: '11' }, 'keysPerPerson must be a whole number from 0 to 10; got "11".'],
  ])('reports %o instead of clamping it', (raw, reason) => {
    expect(readScenarioParams(LARGE_PARAMS, raw)).toEqual({ ok: false, reason });
  });

  it('compares parameter sets by value', () => {
    expect(sameParams({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameParams({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameParams({ a: 1 }, {})).toBe(false);
  });
});

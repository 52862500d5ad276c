// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, propertyTimeout } from '../test/property';
import { PersistentMap } from './persistent-map';
import { bulkMap } from './persistent-map-bulk';

/** The map `set` builds, one entry at a time. */
function setOneByOne<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
  let map = PersistentMap.empty<V>();
  for (const [key, value] of entries) map = map.set(key, value);
  return map;
}

// "k32728" and "k261234" have the same 32-bit FNV-1a hash (persistent-map.test.ts).
const keyArb = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('k32728', 'k261234', 'k1'));

describe('bulkMap', { timeout: propertyTimeout(30_000) }, () => {
  it('builds the map setting the entries one by one builds, whatever the keys', () => {
    assertProperty(
      fc.property(fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 300 }), (pairs) => {
        const native = new Map(pairs);
        const bulk = bulkMap(native);
        const expected = setOneByOne(native);
        expect(bulk).toEqual(expected);
        expect([...bulk.entries()]).toEqual([...native.entries()]);
        expect(bulk.size).toBe(native.size);
        for (const [key, value] of native) expect(bulk.get(key)).toBe(value);
        expect(bulk.has('\u0000absent')).toBe(false);
        const walked: number[] = [];
        bulk.forEachUnordered((value) => walked.push(value));
        expect(walked.sort()).toEqual([...native.values()].sort());
      }),
      1000,
    );
  });

  it('makes maps that later sets treat as any other, never changing the bulk one', () => {
    assertProperty(
      fc.property(
        fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 100 }),
        fc.array(fc.tuple(keyArb, fc.integer()), { maxLength: 60 }),
        (first, then) => {
          const bulk = bulkMap(new Map(first));
          const before = [...bulk.entries()];
          let grown = bulk;
          for (const [key, value] of then) grown = grown.set(key, value);
          expect([...grown.entries()]).toEqual([...new Map([...first, ...then]).entries()]);
          expect([...bulk.entries()]).toEqual(before);
        },
      ),
      1000,
    );
  });

  it('holds 50,000 keys and both keys of a hash collision', () => {
    const native = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) native.set(`k${i}`, i);
    native.set('k261234', -1);
    const bulk = bulkMap(native);
    expect(bulk.size).toBe(50_001);
    for (let i = 0; i < 50_000; i += 7) expect(bulk.get(`k${i}`)).toBe(i);
    expect(bulk.get('k32728')).toBe(32_728);
    expect(bulk.get('k261234')).toBe(-1);
    expect([...bulk.keys()]).toEqual([...native.keys()]);
    expect(bulkMap(new Map())).toEqual(PersistentMap.empty());
  });
});

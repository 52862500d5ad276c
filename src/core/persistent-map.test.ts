// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, propertyTimeout } from '../test/property';
import { PersistentMap } from './persistent-map';

// Property runs (fast-check): CPU-bound by design, so allowed more than the default 5 s when
// the whole suite shares a busy machine.
describe('PersistentMap', { timeout: propertyTimeout(30_000) }, () => {
  it('behaves like a native Map for any sequence of sets, in insertion order', () => {
    assertProperty(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 200 }),
        (pairs) => {
          let map = PersistentMap.empty<number>();
          const native = new Map<string, number>();
          for (const [key, value] of pairs) {
            map = map.set(key, value);
            native.set(key, value);
          }
          expect(map.size).toBe(native.size);
          expect([...map.entries()]).toEqual([...native.entries()]);
          for (const key of native.keys()) expect(map.get(key)).toBe(native.get(key));
          expect(map.has('\u0000absent')).toBe(native.has('\u0000absent'));
          const walked: number[] = [];
          map.forEachUnordered((value) => walked.push(value));
          expect(walked.sort()).toEqual([...native.values()].sort());
        },
      ),
      1000,
    );
  });

  it('never changes an older version when a newer one is made from it', () => {
    assertProperty(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 60 }),
        fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 60 }),
        fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 60 }),
        (common, left, right) => {
          const base = PersistentMap.from(common);
          const baseEntries = [...base.entries()];
          // Two branches from the same version, as after time travel: neither sees the other.
          const a = PersistentMap.from([...base.entries(), ...left]);
          let b = base;
          for (const [key, value] of right) b = b.set(key, value);
          let a2 = base;
          for (const [key, value] of left) a2 = a2.set(key, value);
          expect([...base.entries()]).toEqual(baseEntries);
          expect([...a2.entries()]).toEqual([...a.entries()]);
          expect([...b.entries()]).toEqual([...new Map([...common, ...right]).entries()]);
        },
      ),
      1000,
    );
  });

  it('keeps both keys when their hashes collide', () => {
    // "k32728" and "k261234" have the same 32-bit FNV-1a hash (found by search).
    let map = PersistentMap.empty<number>().set('k32728', 1).set('k261234', 2);
    expect(map.get('k32728')).toBe(1);
    expect(map.get('k261234')).toBe(2);
    map = map.set('k32728', 3).set('k1', 4);
    expect([...map.entries()]).toEqual([
      ['k32728', 3],
      ['k261234', 2],
      ['k1', 4],
    ]);
    expect(map.has('k2')).toBe(false);
  });

  it('holds 20,000 keys across every level of the trie', () => {
    let map = PersistentMap.empty<number>();
    for (let i = 0; i < 20_000; i++) map = map.set(`k${i}`, i);
    expect(map.size).toBe(20_000);
    for (let i = 0; i < 20_000; i += 7) expect(map.get(`k${i}`)).toBe(i);
    expect(map.get('k20000')).toBeUndefined();
  });

  it('returns the same map when a key is set to the value it has', () => {
    const map = PersistentMap.from([['a', 1]]);
    expect(map.set('a', 1)).toBe(map);
    expect(map.set('a', 2)).not.toBe(map);
  });

  it('compares equal to a map with the same entries however it was built', () => {
    const built = PersistentMap.empty<number>().set('a', 1).set('b', 2).set('a', 3);
    const direct = PersistentMap.from([
      ['a', 3],
      ['b', 2],
    ]);
    expect(built).toEqual(direct);
    expect(built).not.toEqual(
      PersistentMap.from([
        ['b', 2],
        ['a', 3],
      ]),
    );
  });
});

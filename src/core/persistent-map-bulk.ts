/**
 * A persistent map built whole from a native Map, as a replay freezes the maps it built in place
 * (trusted-replay.ts): each trie node is made once, at its final size, where setting the entries
 * one by one copies a path of the trie per entry. It makes the trie `set` makes, with the keys in
 * the Map's order. Apart from persistent-map.ts so that the first paint, which never builds a map
 * whole, does not load it.
 */
import {
  BITS,
  type Branch,
  CHUNK,
  hashOf,
  type Leaf,
  MASK,
  type Node,
  Order,
  PersistentMap,
} from './persistent-map';

/** A leaf's place in the trie as a 32-bit number: the hash's 5-bit slots, the root's first. */
function pathOf(hash: number): number {
  let path = 0;
  for (let shift = 0; shift < 30; shift += BITS) path = (path << 5) | ((hash >>> shift) & MASK);
  // The last slot holds the top 2 bits of the hash.
  return ((path << 2) | (hash >>> 30)) >>> 0;
}

/**
 * The indexes of `paths` in the order of their paths, equal paths (one hash) in index order: a
 * radix sort, 11 bits a pass.
 */
function sortedByPath(paths: Uint32Array): Uint32Array {
  let order = new Uint32Array(paths.length);
  for (let index = 0; index < paths.length; index++) order[index] = index;
  let next = new Uint32Array(paths.length);
  for (let shift = 0; shift < 32; shift += 11) {
    const starts = new Uint32Array(2049);
    for (const path of paths) {
      const digit = ((path >>> shift) & 2047) + 1;
      starts[digit] = (starts[digit] as number) + 1;
    }
    for (let digit = 1; digit < 2049; digit++) {
      starts[digit] = (starts[digit] as number) + (starts[digit - 1] as number);
    }
    for (const index of order) {
      const digit = ((paths[index] as number) >>> shift) & 2047;
      const at = starts[digit] as number;
      next[at] = index;
      starts[digit] = at + 1;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * The branch below `shift` holding `leaves[from..to)`, which are sorted by `pathOf` their hash:
 * each slot's leaves are next to each other. A slot holds a leaf, a collision node (leaves of one
 * hash, in their order) or a branch, as inserting the leaves one by one leaves it.
 */
function branch<V>(leaves: readonly Leaf<V>[], from: number, to: number, shift: number): Branch<V> {
  let bitmap = 0;
  const children: Node<V>[] = [];
  for (let i = from; i < to; ) {
    const first = leaves[i] as Leaf<V>;
    const slot = (first.hash >>> shift) & MASK;
    let end = i + 1;
    while (end < to && (((leaves[end] as Leaf<V>).hash >>> shift) & MASK) === slot) end++;
    bitmap |= 1 << slot;
    if (end - i === 1) children.push(first);
    else if ((leaves[end - 1] as Leaf<V>).hash === first.hash) {
      children.push({ kind: 2, hash: first.hash, leaves: leaves.slice(i, end) });
    } else children.push(branch(leaves, i, end, shift + BITS));
    i = end;
  }
  return { kind: 1, bitmap, children };
}

/** The persistent map of `entries`, in their order. */
export function bulkMap<V>(entries: ReadonlyMap<string, V>): PersistentMap<V> {
  const count = entries.size;
  if (count === 0) return PersistentMap.empty();
  const leaves = new Array<Leaf<V>>(count);
  const paths = new Uint32Array(count);
  let order = Order.EMPTY;
  let head: string[] = [];
  let i = 0;
  entries.forEach((value, key) => {
    const hash = hashOf(key);
    paths[i] = pathOf(hash);
    leaves[i++] = { kind: 0, hash, key, value };
    head.push(key);
    if (head.length === CHUNK || i === count) {
      order = new Order(head, head.length, order.length === 0 ? null : order, i);
      head = [];
    }
  });
  const byPath = sortedByPath(paths);
  const sorted = new Array<Leaf<V>>(count);
  for (let j = 0; j < count; j++) sorted[j] = leaves[byPath[j] as number] as Leaf<V>;
  return PersistentMap.of(branch(sorted, 0, count, 0), order);
}

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

/** Room for 2^21 indexes beside a 32-bit path in a double (2^53). */
const INDEXES = 2 ** 21;

/** A leaf's place in the trie as a number: the hash's 5-bit slots, the root's first. */
function pathOf(hash: number): number {
  let path = 0;
  for (let shift = 0; shift < 30; shift += BITS) path = path * 32 + ((hash >>> shift) & MASK);
  // The last slot holds the top 2 bits of the hash: 32 bits in all.
  return path * 4 + (hash >>> 30);
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
  if (count === 0 || count >= INDEXES) return PersistentMap.from(entries);
  const leaves = new Array<Leaf<V>>(count);
  const keys = new Array<string>(count);
  // Each leaf's path, then its index: a numeric sort keeps leaves of one hash in their order.
  const places = new Float64Array(count);
  let i = 0;
  entries.forEach((value, key) => {
    const hash = hashOf(key);
    leaves[i] = { kind: 0, hash, key, value };
    keys[i] = key;
    places[i] = pathOf(hash) * INDEXES + i;
    i++;
  });
  places.sort();
  const sorted = new Array<Leaf<V>>(count);
  for (let j = 0; j < count; j++) sorted[j] = leaves[(places[j] as number) % INDEXES] as Leaf<V>;
  let order = Order.EMPTY;
  for (let j = 0; j < count; j += CHUNK) {
    const head = keys.slice(j, j + CHUNK);
    order = new Order(head, head.length, j === 0 ? null : order, j + head.length);
  }
  return PersistentMap.of(branch(sorted, 0, count, 0), order);
}

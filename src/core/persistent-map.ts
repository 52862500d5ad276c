/**
 * An immutable map from string keys to values: a hash array mapped trie (32-way), so `get` and
 * `set` cost O(log32 n) and `set` shares all but one path of the old map. It keeps insertion
 * order for iteration, like a native Map. The tenant stores its accounts and keys in these, so
 * that one event costs the same at 10 accounts as at 10,000 (a native Map would be copied whole).
 *
 * Internals are private fields: two maps with the same entries in the same order compare equal
 * with deep equality, whatever their sharing. persistent-map-bulk.ts builds a whole map at once
 * (a replay's maps); it makes the same nodes, so it shares these types, the hash and `Order`.
 */

export type Leaf<V> = {
  readonly kind: 0;
  readonly hash: number;
  readonly key: string;
  readonly value: V;
};
export type Branch<V> = {
  readonly kind: 1;
  readonly bitmap: number;
  readonly children: readonly Node<V>[];
};
export type Collision<V> = {
  readonly kind: 2;
  readonly hash: number;
  readonly leaves: readonly Leaf<V>[];
};
export type Node<V> = Leaf<V> | Branch<V> | Collision<V>;

export const BITS = 5;
export const MASK = 31;

/** FNV-1a over UTF-16 code units. */
export function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

function nodeHash<V>(node: Leaf<V> | Collision<V>): number {
  return node.hash;
}

/** A branch holding two nodes whose hashes differ somewhere at or below `shift`. */
function merge<V>(a: Leaf<V> | Collision<V>, b: Leaf<V>, shift: number): Branch<V> {
  const ia = (nodeHash(a) >>> shift) & MASK;
  const ib = (b.hash >>> shift) & MASK;
  if (ia === ib) return { kind: 1, bitmap: 1 << ia, children: [merge(a, b, shift + BITS)] };
  return {
    kind: 1,
    bitmap: (1 << ia) | (1 << ib),
    children: ia < ib ? [a, b] : [b, a],
  };
}

function lookup<V>(root: Node<V>, hash: number, key: string): Leaf<V> | undefined {
  let node: Node<V> = root;
  let shift = 0;
  for (;;) {
    if (node.kind === 1) {
      const bit = 1 << ((hash >>> shift) & MASK);
      if ((node.bitmap & bit) === 0) return undefined;
      const child: Node<V> | undefined = node.children[popcount(node.bitmap & (bit - 1))];
      if (child === undefined) return undefined;
      node = child;
      shift += BITS;
    } else if (node.kind === 0) {
      return node.key === key ? node : undefined;
    } else {
      return node.hash === hash ? node.leaves.find((leaf) => leaf.key === key) : undefined;
    }
  }
}

/** Set by `insert`: whether the last insert added a key (rather than replacing a value). */
let added = false;

function insert<V>(node: Node<V>, leaf: Leaf<V>, shift: number): Node<V> {
  if (node.kind === 1) {
    const bit = 1 << ((leaf.hash >>> shift) & MASK);
    const index = popcount(node.bitmap & (bit - 1));
    const { children } = node;
    const child = children[index];
    if ((node.bitmap & bit) === 0 || child === undefined) {
      added = true;
      const next = new Array<Node<V>>(children.length + 1);
      for (let i = 0; i < index; i++) next[i] = children[i] as Node<V>;
      next[index] = leaf;
      for (let i = index; i < children.length; i++) next[i + 1] = children[i] as Node<V>;
      return { kind: 1, bitmap: node.bitmap | bit, children: next };
    }
    const replaced = insert(child, leaf, shift + BITS);
    if (replaced === child) return node;
    const next = children.slice();
    next[index] = replaced;
    return { kind: 1, bitmap: node.bitmap, children: next };
  }
  if (node.kind === 0) {
    if (node.key === leaf.key) return Object.is(node.value, leaf.value) ? node : leaf;
    added = true;
    if (node.hash === leaf.hash) return { kind: 2, hash: leaf.hash, leaves: [node, leaf] };
    return merge(node, leaf, shift);
  }
  if (node.hash !== leaf.hash) {
    added = true;
    return merge(node, leaf, shift);
  }
  const at = node.leaves.findIndex((existing) => existing.key === leaf.key);
  if (at !== -1 && Object.is(node.leaves[at]?.value, leaf.value)) return node;
  const leaves = node.leaves.slice();
  if (at === -1) {
    added = true;
    leaves.push(leaf);
  } else {
    leaves[at] = leaf;
  }
  return { kind: 2, hash: node.hash, leaves };
}

function walk<V>(node: Node<V>, visit: (value: V) => void): void {
  if (node.kind === 0) visit(node.value);
  else if (node.kind === 1) for (const child of node.children) walk(child, visit);
  else for (const leaf of node.leaves) visit(leaf.value);
}

const EMPTY_ROOT: Branch<never> = { kind: 1, bitmap: 0, children: [] };

/**
 * The keys in insertion order, as a chain of chunks of up to 32 keys, newest chunk first.
 * A version reads the first `headLength` keys of its head chunk. Appending pushes onto the head
 * chunk when this version is the one that last grew it (no other version can see the change),
 * and otherwise copies at most 32 keys: a branch after time travel costs O(1), not O(n).
 */
export const CHUNK = 32;

export class Order {
  constructor(
    readonly head: string[],
    readonly headLength: number,
    readonly tail: Order | null,
    readonly length: number,
  ) {}

  static readonly EMPTY = new Order([], 0, null, 0);

  append(key: string): Order {
    if (this.headLength === CHUNK) return new Order([key], 1, this, this.length + 1);
    if (this.head.length === this.headLength) {
      this.head.push(key);
      return new Order(this.head, this.headLength + 1, this.tail, this.length + 1);
    }
    const head = this.head.slice(0, this.headLength);
    head.push(key);
    return new Order(head, this.headLength + 1, this.tail, this.length + 1);
  }

  *[Symbol.iterator](): Generator<string> {
    const chunks: Order[] = [];
    for (let order: Order | null = this; order !== null; order = order.tail) chunks.push(order);
    for (let c = chunks.length - 1; c >= 0; c--) {
      const { head, headLength } = chunks[c] as Order;
      for (let i = 0; i < headLength; i++) yield head[i] as string;
    }
  }
}

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  readonly #root: Node<V>;
  readonly #order: Order;

  private constructor(root: Node<V>, order: Order) {
    this.#root = root;
    this.#order = order;
  }

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(EMPTY_ROOT, Order.EMPTY);
  }

  /** The map of a trie and its keys' order built whole (persistent-map-bulk.ts). */
  static of<V>(root: Node<V>, order: Order): PersistentMap<V> {
    return new PersistentMap(root, order);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get size(): number {
    return this.#order.length;
  }

  get(key: string): V | undefined {
    return lookup(this.#root, hashOf(key), key)?.value;
  }

  has(key: string): boolean {
    return lookup(this.#root, hashOf(key), key) !== undefined;
  }

  /** A new map with `key` set; a new key goes to the end of the iteration order. */
  set(key: string, value: V): PersistentMap<V> {
    added = false;
    const root = insert(this.#root, { kind: 0, hash: hashOf(key), key, value }, 0);
    if (root === this.#root) return this;
    return new PersistentMap(root, added ? this.#order.append(key) : this.#order);
  }

  *keys(): MapIterator<string> {
    yield* this.#order;
  }

  *values(): MapIterator<V> {
    for (const key of this.keys()) yield this.get(key) as V;
  }

  *entries(): MapIterator<[string, V]> {
    for (const key of this.keys()) yield [key, this.get(key) as V];
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /** Calls `visit` with every value, in no particular order: a walk of the trie, no lookups. */
  forEachUnordered(visit: (value: V) => void): void {
    walk(this.#root, visit);
  }
}

import type { JsonPath } from '../core/json-path.js';

/**
 * Gives equal values one small integer id and keeps one copy of each. Values are compared by identity, or by
 * `key(value)` when given. `seal()` drops the look-up map (only adding needs it; it is rebuilt if adding resumes).
 */
export class Interner<T> {
  private readonly values: T[] = [];
  private ids: Map<unknown, number> | undefined = new Map();
  constructor(private readonly key?: (value: T) => unknown) {}

  get size(): number {
    return this.values.length;
  }

  id(value: T): number {
    const ids = (this.ids ??= this.rebuild());
    const k = this.key ? this.key(value) : value;
    let id = ids.get(k);
    if (id === undefined) {
      id = this.values.push(value) - 1;
      ids.set(k, id);
    }
    return id;
  }

  value(id: number): T {
    return this.values[id]!;
  }

  seal(): void {
    this.ids = undefined;
  }

  private rebuild(): Map<unknown, number> {
    return new Map(this.values.map((v, i) => [this.key ? this.key(v) : v, i]));
  }
}

interface TrieNode {
  id: number;
  readonly next: Map<string | number, TrieNode>;
}

/**
 * Interns JSON paths by walking a trie of their segments (no key string is built per path): rules yield a fresh
 * path array per violation, and a table keeps the first array of each distinct path.
 */
export class PathInterner {
  private readonly values: JsonPath[] = [];
  private root: TrieNode | undefined = { id: -1, next: new Map() };

  get size(): number {
    return this.values.length;
  }

  id(path: JsonPath): number {
    let node = (this.root ??= this.rebuild());
    for (const segment of path) {
      let child = node.next.get(segment);
      if (!child) node.next.set(segment, (child = { id: -1, next: new Map() }));
      node = child;
    }
    if (node.id < 0) node.id = this.values.push(path) - 1;
    return node.id;
  }

  value(id: number): JsonPath {
    return this.values[id]!;
  }

  seal(): void {
    this.root = undefined;
  }

  private rebuild(): TrieNode {
    const paths = this.values.splice(0);
    this.root = { id: -1, next: new Map() };
    for (const p of paths) this.id(p);
    return this.root;
  }
}

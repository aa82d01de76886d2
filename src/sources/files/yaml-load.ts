import yaml from 'js-yaml';
import type { ParseError } from './parse-protocol.js';

export interface SafeLoadLimits {
  readonly maxNodes: number;
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: SafeLoadLimits = { maxNodes: 2_000_000, maxDepth: 128 };

export class UnsafeDocumentError extends Error {}

/**
 * Loads one YAML document (js-yaml, YAML 1.2 core schema: no implicit dates) and rejects alias bombs,
 * cycles and excessive depth by measuring the expanded tree over the shared nodes (memoised, so cheap).
 */
/** loadYaml with its expected failures as values: a YAML error, an unsafe document, nesting too deep. */
export function tryLoadYaml(text: string, filename: string): { value: unknown } | { error: ParseError } {
  try {
    return { value: loadYaml(text, filename) };
  } catch (e) {
    if (e instanceof yaml.YAMLException)
      return { error: { kind: 'yaml', lineOffset: e.mark?.line ?? 0, message: e.reason || e.message } };
    if (e instanceof UnsafeDocumentError) return { error: { kind: 'unsafe', lineOffset: 0, message: e.message } };
    if (e instanceof RangeError) return { error: { kind: 'too-deep', lineOffset: 0, message: 'nesting too deep' } };
    throw e;
  }
}

export function loadYaml(text: string, filename: string, limits: SafeLoadLimits = DEFAULT_LIMITS): unknown {
  const value = yaml.load(text, { filename, schema: yaml.CORE_SCHEMA });
  // Without an alias (`*name`) nothing is shared: the tree is as large as it looks, no memo needed.
  if (text.indexOf('*') === -1) checkTreeSize(value, limits);
  else checkExpandedSize(value, limits);
  return value;
}

/**
 * V8 returns substrings of 13+ characters as views of their parent: every long value js-yaml slices out of a
 * document (image, uid, timestamp...) would keep the whole document text alive, doubling a snapshot's memory.
 * A concatenation flattened by `slice` is a fresh copy (one character longer) that holds nothing else.
 */
const detach = (s: string): string => (s.length < 13 ? s : (s + ' ').slice(0, -1));

/**
 * checkExpandedSize for a tree (no shared nodes): the same limits and errors, without the memo's allocations.
 * While it walks, it detaches long strings from the document text (see `detach`).
 */
export function checkTreeSize(root: unknown, limits: SafeLoadLimits): void {
  let nodes = 0;
  const count = (): void => {
    if (++nodes > limits.maxNodes)
      throw new UnsafeDocumentError(`expands to more than ${limits.maxNodes} nodes (alias bomb?)`);
  };
  const walk = (v: unknown, depth: number): void => {
    count();
    if (v === null || typeof v !== 'object') return;
    if (depth > limits.maxDepth) throw new UnsafeDocumentError(`nesting deeper than ${limits.maxDepth} levels`);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === 'string') {
          count();
          v[i] = detach(item);
        } else walk(item, depth + 1);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const item = o[k];
      if (typeof item === 'string') {
        count();
        o[k] = detach(item);
      } else walk(item, depth + 1);
    }
  };
  walk(root, 0);
}

export function checkExpandedSize(root: unknown, limits: SafeLoadLimits): void {
  const sizes = new Map<object, number>();
  const visiting = new Set<object>();
  const walk = (v: unknown, depth: number): number => {
    if (v === null || typeof v !== 'object') return 1;
    if (depth > limits.maxDepth) throw new UnsafeDocumentError(`nesting deeper than ${limits.maxDepth} levels`);
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (visiting.has(v)) throw new UnsafeDocumentError('the document refers to itself through an alias (cycle)');
    visiting.add(v);
    let total = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      total += walk(child, depth + 1);
      if (total > limits.maxNodes)
        throw new UnsafeDocumentError(`expands to more than ${limits.maxNodes} nodes (alias bomb?)`);
    }
    visiting.delete(v);
    sizes.set(v, total);
    return total;
  };
  walk(root, 0);
}

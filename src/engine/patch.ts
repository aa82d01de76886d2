import type { JsonPath } from '../core/json-path.js';
import type { PatchOp } from './types.js';

const clone = <T>(v: T): T => structuredClone(v);

/** Applies JSON-Patch style ops (array paths) to a copy of `target`. Missing parents of `add` are created. */
export function applyPatch<T>(target: T, ops: readonly PatchOp[]): T {
  const root = clone(target) as unknown;
  for (const op of ops) {
    const parent = walk(root, op.path.slice(0, -1), op.op === 'add');
    const key = op.path[op.path.length - 1];
    if (parent === undefined || key === undefined) continue;
    if (op.op === 'remove') {
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete (parent as Record<string, unknown>)[key];
    } else if (Array.isArray(parent) && typeof key === 'number' && op.op === 'add')
      parent.splice(key, 0, clone(op.value));
    else (parent as Record<string | number, unknown>)[key] = clone(op.value);
  }
  return root as T;
}

function walk(root: unknown, path: JsonPath, create: boolean): object | undefined {
  let cur = root;
  for (const [i, p] of path.entries()) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const rec = cur as Record<string | number, unknown>;
    if (rec[p] === undefined || rec[p] === null) {
      if (!create) return undefined;
      rec[p] = typeof path[i + 1] === 'number' ? [] : {};
    }
    cur = rec[p];
  }
  return cur !== null && typeof cur === 'object' ? cur : undefined;
}

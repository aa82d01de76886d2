/**
 * Objects whose top-level keys after `metadata` (spec, status...) are parsed when first used. The JSON reader's
 * worker has checked the whole text against the JSON grammar, so parsing later cannot fail; the object has the same
 * own enumerable keys in the same order as JSON.parse of the whole text gives, and reading, writing, spreading,
 * JSON.stringify or structuredClone of it see the same values. A cluster dump's pods are mostly never read past their
 * metadata (their controller's template is what the rules check), which saves most of parsing them.
 */
interface Pending {
  readonly body: string;
  readonly keys: readonly string[];
}

const pending = new WeakMap<object, Pending>();

/** One getter/setter pair per key name, shared by every lazy object (objects of one shape keep one hidden class). */
const accessors = new Map<string, PropertyDescriptor>();

function materialize(target: Record<string, unknown>): void {
  const p = pending.get(target);
  if (!p) return;
  pending.delete(target);
  const values = JSON.parse(p.body) as Record<string, unknown>;
  for (const k of p.keys) {
    // A key deleted before anything read it stays deleted.
    if (Object.getOwnPropertyDescriptor(target, k)?.get !== accessors.get(k)?.get) continue;
    Object.defineProperty(target, k, { value: values[k], writable: true, enumerable: true, configurable: true });
  }
}

function accessor(key: string): PropertyDescriptor {
  let a = accessors.get(key);
  if (!a) {
    a = {
      get(this: Record<string, unknown>) {
        materialize(this);
        const d = Object.getOwnPropertyDescriptor(this, key);
        return d && 'value' in d ? d.value : undefined; // never this getter again (no recursion on a copied accessor)
      },
      set(this: Record<string, unknown>, v: unknown) {
        materialize(this);
        Object.defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    };
    accessors.set(key, a);
  }
  return a;
}

/**
 * Gives `target` the keys `keys`, whose values are those of the JSON object text `body` (which must hold them and
 * parse), parsed on first access to any of them. (Kept as bytes of the worker's batches instead, the 0.5 GB of
 * ArrayBuffers made V8 collect garbage more often: the read took 3.9 s instead of 2.9 s.)
 */
export function attachLazyBody(target: Record<string, unknown>, keys: readonly string[], body: string): void {
  pending.set(target, { body, keys });
  Object.defineProperties(target, accessorsFor(keys));
}

/** The accessors of a list of keys, built once per list (a dump's pods all have spec and status). */
const accessorLists = new Map<string, PropertyDescriptorMap>();

function accessorsFor(keys: readonly string[]): PropertyDescriptorMap {
  const id = keys.length === 1 ? keys[0]! : keys.join('\u0000');
  let map = accessorLists.get(id);
  if (!map) {
    map = {};
    for (const k of keys) map[k] = accessor(k);
    accessorLists.set(id, map);
  }
  return map;
}

/** Whether some keys of this object are still unparsed (for tests and benchmarks). */
export const hasLazyBody = (o: object): boolean => pending.has(o);

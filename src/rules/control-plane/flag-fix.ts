import type { JsonPath } from '../../core/json-path.js';
import type { PatchOp } from '../../engine/types.js';
import type { FlagsConfig, FlagValue } from '../../model/components/types.js';
import { flagOf } from '../../model/components/types.js';
import { getAt } from '../../core/json-path.js';
import type { Resource } from '../../model/object.js';

/**
 * JSON-Patch ops that set `--name=value` on a component, in whatever form its source uses
 * (static pod args/command, kubeadm extraArgs map or list). Undefined when the source cannot be patched (files).
 */
export function setFlagFix(
  c: FlagsConfig,
  name: string,
  value: string,
  object: Resource['object'] | undefined,
): PatchOp[] | undefined {
  const existing = flagOf(c, name);
  if (c.origin === 'kubeadm') {
    if (existing) return [{ op: 'replace', path: existing.valuePath ?? existing.path, value }];
    if (!c.argsPath) return undefined;
    if (!c.listForm) return [{ op: 'add', path: [...c.argsPath, name], value }];
    const list = getAt(object, c.argsPath);
    const at = Array.isArray(list) ? list.length : 0;
    return [{ op: 'add', path: [...c.argsPath, at], value: { name, value } }];
  }
  if (c.origin !== 'static-pod' || !c.argsPath) return undefined;
  if (existing) return replaceArg(existing, name, value, object);
  const list = getAt(object, c.argsPath);
  return [{ op: 'add', path: [...c.argsPath, Array.isArray(list) ? list.length : 0], value: `--${name}=${value}` }];
}

function replaceArg(flag: FlagValue, name: string, value: string, object: unknown): PatchOp[] | undefined {
  const current = getAt(object, flag.path);
  if (typeof current !== 'string' || !current.includes('=')) return undefined; // `--name value` form: two items, leave it to a human
  return [{ op: 'replace', path: flag.path as JsonPath, value: `--${name}=${value}` }];
}

/** The object a component came from, for fixes (components from plain files have none). */
export const objectOfComponent = (c: FlagsConfig, objects: readonly Resource[]): Resource['object'] | undefined =>
  objects.find(
    (r) =>
      r.ref === c.ref ||
      (r.source?.file === c.source?.file && r.source?.line === c.source?.line && r.ref.name === c.ref.name),
  )?.object;

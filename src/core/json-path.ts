export type JsonPath = readonly (string | number)[];

/** RFC 6901 pointer, only at the edges (reporters, patches). */
export const toPointer = (path: JsonPath): string =>
  path.length === 0 ? '' : '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Dotted display form: spec.template.spec.containers[0].resources */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

export function getAt(root: unknown, path: JsonPath): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

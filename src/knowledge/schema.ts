/**
 * Validation of built-in objects against the Kubernetes OpenAPI schema, from two well-kept packages:
 * - `kubernetes-models` (tommy351/kubernetes-models-ts): ajv validators generated from the upstream OpenAPI
 *   spec (types, formats such as quantities, required fields);
 * - `@kubernetes/client-node` (kubernetes-client/javascript): the generated models' attribute maps, used for the
 *   unknown-field check the API server applies with `fieldValidation=Strict` (and drops silently otherwise).
 * Both follow one upstream release (client-node 1.4 → Kubernetes 1.34); apiVersions that a target release no
 * longer serves are covered by the deprecation data, not here.
 */
import * as clientNode from '@kubernetes/client-node';
import * as models from 'kubernetes-models';
import type { JsonPath } from '../core/json-path.js';

export const SCHEMA_KUBERNETES_VERSION = '1.34';

export interface SchemaProblem {
  readonly kind: 'invalid' | 'unknown-field';
  readonly path: JsonPath;
  readonly message: string;
}

interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: unknown): { validate(): void };
}

const isModelClass = (v: unknown): v is ModelClass =>
  typeof v === 'function' &&
  typeof (v as { apiVersion?: unknown }).apiVersion === 'string' &&
  typeof (v as { kind?: unknown }).kind === 'string';

let validators: Map<string, ModelClass> | undefined;
function validatorFor(apiVersion: string, kind: string): ModelClass | undefined {
  if (!validators) {
    validators = new Map();
    for (const group of Object.values(models)) {
      for (const version of Object.values(group as Record<string, unknown>)) {
        const entries = typeof version === 'object' && version !== null ? Object.values(version) : [version];
        for (const cls of entries) if (isModelClass(cls)) validators.set(`${cls.apiVersion}/${cls.kind}`, cls);
      }
    }
  }
  return validators.get(`${apiVersion}/${kind}`);
}

interface Attribute {
  readonly baseName: string;
  readonly type: string;
}
type AttributeClass = { getAttributeTypeMap(): readonly Attribute[] };
const attributeCache = new Map<string, ReadonlyMap<string, string> | null>();

function attributesOf(typeName: string): ReadonlyMap<string, string> | undefined {
  let cached = attributeCache.get(typeName);
  if (cached === undefined) {
    const cls = (clientNode as unknown as Record<string, AttributeClass | undefined>)[typeName];
    cached =
      cls && typeof cls.getAttributeTypeMap === 'function'
        ? new Map(cls.getAttributeTypeMap().map((a) => [a.baseName, a.type]))
        : null;
    attributeCache.set(typeName, cached);
  }
  return cached ?? undefined;
}

/** client-node's class for a top-level kind: `apps/v1` Deployment → V1Deployment, `autoscaling/v2` HPA → V2HorizontalPodAutoscaler. */
function rootType(apiVersion: string, kind: string): string | undefined {
  const version = apiVersion.split('/').pop() ?? '';
  const name = `${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`;
  const attrs = attributesOf(name);
  // Guard against same-named kinds of other groups (events.k8s.io Event vs core Event).
  return attrs && attrs.has('kind') ? name : undefined;
}

function* unknownFields(value: unknown, type: string, path: JsonPath, depth = 0): Generator<SchemaProblem> {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  const arrayOf = /^Array<(.+)>$/.exec(type);
  if (arrayOf) {
    if (Array.isArray(value))
      for (const [i, v] of value.entries()) yield* unknownFields(v, arrayOf[1]!, [...path, i], depth + 1);
    return;
  }
  const mapOf = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (mapOf) {
    for (const [k, v] of Object.entries(value)) yield* unknownFields(v, mapOf[1]!, [...path, k], depth + 1);
    return;
  }
  const attrs = attributesOf(type);
  if (!attrs || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const childType = attrs.get(k);
    if (childType === undefined) yield { kind: 'unknown-field', path: [...path, k], message: `unknown field "${k}"` };
    else yield* unknownFields(v, childType, [...path, k], depth + 1);
  }
}

const pointerToPath = (pointer: string): JsonPath =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

/** Problems the API server would reject (or silently drop) for a built-in kind; undefined for kinds it does not know. */
export function validateAgainstSchema(object: {
  apiVersion: string;
  kind: string;
}): readonly SchemaProblem[] | undefined {
  const cls = validatorFor(object.apiVersion, object.kind);
  const root = rootType(object.apiVersion, object.kind);
  if (!cls && !root) return undefined;
  const problems: SchemaProblem[] = [];
  if (cls) {
    try {
      new cls(object).validate();
    } catch (e) {
      const errors = ((e as { errors?: AjvError[] }).errors ?? []).filter(
        (x) => x.keyword !== 'oneOf' && x.keyword !== 'anyOf',
      );
      const seen = new Set<string>();
      for (const err of errors) {
        const missing = err.keyword === 'required' ? String(err.params?.['missingProperty'] ?? '') : '';
        const path = [...pointerToPath(err.instancePath), ...(missing ? [missing] : [])];
        const key = JSON.stringify(path);
        if (seen.has(key)) continue; // quantities fail both the number and string branches: report once
        seen.add(key);
        const message = missing ? `missing required field "${missing}"` : (err.message ?? err.keyword);
        problems.push({ kind: 'invalid', path, message });
      }
    }
  }
  if (root) problems.push(...unknownFields(object, root, []));
  return problems;
}

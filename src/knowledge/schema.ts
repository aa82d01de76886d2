/**
 * Validation of built-in objects against the Kubernetes OpenAPI schema, from two well-kept packages:
 * - `kubernetes-models` (tommy351/kubernetes-models-ts): ajv validators generated from the upstream OpenAPI
 *   spec (types, formats such as quantities, required fields);
 * - `@kubernetes/client-node` (kubernetes-client/javascript): the generated models' attribute maps, used for the
 *   unknown-field check the API server applies with `fieldValidation=Strict` (and drops silently otherwise).
 * Both follow one upstream release (client-node 1.4 → Kubernetes 1.34); apiVersions that a target release no
 * longer serves are covered by the deprecation data, not here.
 */
import { createRequire } from 'node:module';
import type { JsonPath } from '../core/json-path.js';

// Both packages take ~3.5 s to load: load them on first validation, not when the rule catalogue is imported.
const load = createRequire(import.meta.url);
let clientNodeModule: Record<string, unknown> | undefined;
let modelsModule: Record<string, unknown> | undefined;
const clientNodeExports = () => (clientNodeModule ??= load('@kubernetes/client-node') as Record<string, unknown>);
const modelsExports = () => (modelsModule ??= load('kubernetes-models') as Record<string, unknown>);

export const SCHEMA_KUBERNETES_VERSION = '1.34';

export interface SchemaProblem {
  readonly kind: 'invalid' | 'unknown-field';
  readonly path: JsonPath;
  readonly message: string;
}

interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  readonly prototype: { validate(this: unknown): void };
}

const isModelClass = (v: unknown): v is ModelClass =>
  typeof v === 'function' &&
  typeof (v as { apiVersion?: unknown }).apiVersion === 'string' &&
  typeof (v as { kind?: unknown }).kind === 'string';

let validators: Map<string, ModelClass> | undefined;
function validatorFor(apiVersion: string, kind: string): ModelClass | undefined {
  if (!validators) {
    validators = new Map();
    for (const group of Object.values(modelsExports())) {
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

/**
 * What the unknown-field walk knows about a client-node type, compiled once per type name:
 * an array or map of another type, an object with known fields, or a leaf (primitives, quantities, free-form).
 */
type FieldShape =
  | { readonly tag: 'array'; readonly of: FieldShape }
  | { readonly tag: 'map'; readonly of: FieldShape }
  | { readonly tag: 'object'; readonly fields: Map<string, FieldShape> }
  | { readonly tag: 'leaf' };

const LEAF: FieldShape = { tag: 'leaf' };
const shapes = new Map<string, FieldShape>();

function attributeTypes(typeName: string): readonly Attribute[] | undefined {
  const cls = (clientNodeExports() as Record<string, AttributeClass | undefined>)[typeName];
  return cls && typeof cls.getAttributeTypeMap === 'function' ? cls.getAttributeTypeMap() : undefined;
}

function shapeOf(type: string): FieldShape {
  const known = shapes.get(type);
  if (known) return known;
  const arrayOf = /^Array<(.+)>$/.exec(type);
  const mapOf = arrayOf ? null : /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (arrayOf || mapOf) {
    const shape = { tag: arrayOf ? ('array' as const) : ('map' as const), of: LEAF };
    shapes.set(type, shape);
    shape.of = shapeOf((arrayOf ?? mapOf)![1]!);
    return shape;
  }
  const attrs = attributeTypes(type);
  if (!attrs) {
    shapes.set(type, LEAF);
    return LEAF;
  }
  // Registered before its fields are compiled: recursive types (JSONSchemaProps) refer to themselves.
  const shape: FieldShape = { tag: 'object', fields: new Map() };
  shapes.set(type, shape);
  for (const a of attrs) shape.fields.set(a.baseName, shapeOf(a.type));
  return shape;
}

interface KindSchema {
  readonly validator: ModelClass | undefined;
  readonly root: FieldShape | undefined;
}
const kindSchemas = new Map<string, Map<string, KindSchema>>();

/** client-node's class for a top-level kind: `apps/v1` Deployment → V1Deployment, `autoscaling/v2` HPA → V2HorizontalPodAutoscaler. */
function rootShape(apiVersion: string, kind: string): FieldShape | undefined {
  const version = apiVersion.split('/').pop() ?? '';
  const shape = shapeOf(`${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`);
  // Guard against same-named kinds of other groups (events.k8s.io Event vs core Event).
  return shape.tag === 'object' && shape.fields.has('kind') ? shape : undefined;
}

function kindSchema(apiVersion: string, kind: string): KindSchema {
  let byKind = kindSchemas.get(apiVersion);
  if (!byKind) kindSchemas.set(apiVersion, (byKind = new Map()));
  let entry = byKind.get(kind);
  if (!entry)
    byKind.set(kind, (entry = { validator: validatorFor(apiVersion, kind), root: rootShape(apiVersion, kind) }));
  return entry;
}

const MAX_DEPTH = 64;

/** Walks `value` against its shape; the path is one mutable stack, copied only when a problem is found. */
function unknownFields(value: unknown, shape: FieldShape, path: (string | number)[], out: SchemaProblem[]): void {
  if (path.length > MAX_DEPTH || value === null || typeof value !== 'object' || shape.tag === 'leaf') return;
  if (shape.tag === 'array') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      unknownFields(value[i], shape.of, path, out);
      path.pop();
    }
    return;
  }
  if (shape.tag === 'map') {
    for (const k in value) {
      path.push(k);
      unknownFields((value as Record<string, unknown>)[k], shape.of, path, out);
      path.pop();
    }
    return;
  }
  if (Array.isArray(value)) return;
  for (const k in value) {
    const child = shape.fields.get(k);
    path.push(k);
    if (child === undefined) out.push({ kind: 'unknown-field', path: [...path], message: `unknown field "${k}"` });
    else unknownFields((value as Record<string, unknown>)[k], child, path, out);
    path.pop();
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

/** Results computed elsewhere (a reader's worker thread validated the object while parsing it), by object. */
const precomputed = new WeakMap<object, readonly SchemaProblem[]>();

/** Records the problems `validateAgainstSchema` finds for this object, computed off the main thread. */
export function rememberSchemaProblems(object: object, problems: readonly SchemaProblem[]): void {
  precomputed.set(object, problems);
}

/** Whether a reader's worker already validated this object (for tests and benchmarks). */
export const schemaPrecomputed = (object: object): boolean => precomputed.has(object);

/** Problems the API server would reject (or silently drop) for a built-in kind; undefined for kinds it does not know. */
export function validateAgainstSchema(object: {
  apiVersion: string;
  kind: string;
}): readonly SchemaProblem[] | undefined {
  const known = precomputed.get(object);
  if (known) return known;
  const { validator, root } = kindSchema(object.apiVersion, object.kind);
  if (!validator && !root) return undefined;
  const problems: SchemaProblem[] = [];
  if (validator) {
    try {
      // The model's validate() on the object itself: `new Model(object)` would only copy it first (it drops
      // undefined values, which parsed JSON and YAML never hold) and the apiVersion/kind it sets are the ones matched.
      validator.prototype.validate.call(object);
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
  if (root) unknownFields(object, root, [], problems);
  return problems;
}

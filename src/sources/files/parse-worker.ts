/**
 * Worker thread of the parse pool (parse-pool.ts): parses batches of YAML documents or JSON items off the main
 * thread and, when asked, validates the objects against the schema there too. A YAML document goes back as compact
 * JSON (the main thread parses that about twice as fast as js-yaml reads YAML, and faster than it deserialises a
 * structured clone); a JSON item only sends back its schema problems (the main thread parsed it already).
 */
import { parentPort } from 'node:worker_threads';
import { validateAgainstSchema } from '../../knowledge/schema.js';
import { createdByController, isKubeObject, listItems } from '../../model/object.js';
import type { ParseRequest, ParseResult, SchemaOutcome } from './parse-protocol.js';
import { tryLoadYaml } from './yaml-load.js';

/** Schema problems of a document's objects: the value itself, or each item of a List (null: nothing to check). */
function schemaOf(value: unknown): SchemaOutcome {
  if (!isKubeObject(value)) return null;
  // What the schema-invalid rule validates: not the objects a controller created (see createdByController).
  const validate = (o: unknown) =>
    isKubeObject(o) && !createdByController(o) ? (validateAgainstSchema(o) ?? null) : null;
  return (listItems(value) ?? [value]).map(validate);
}

/**
 * True when JSON carries the value: NaN and ±Infinity (`.nan`, `.inf`) are YAML numbers, not JSON ones. (A float -0
 * comes back as 0, which no Kubernetes field tells apart; js-yaml reads the integer `-0` as 0 anyway.)
 */
function jsonSafe(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v === null || typeof v !== 'object') return true;
  if (Array.isArray(v)) return v.every(jsonSafe);
  for (const k in v as Record<string, unknown>) if (!jsonSafe((v as Record<string, unknown>)[k])) return false;
  return true;
}

function parseYaml(text: string, file: string, validate: boolean): ParseResult {
  const loaded = tryLoadYaml(text, file);
  if ('error' in loaded) return { error: loaded.error };
  const value = loaded.value;
  const schema = validate ? schemaOf(value) : null;
  // Text that may hold a number JSON cannot carry is rare: such a value goes back as a structured clone instead.
  const numeric = /\.(?:inf|nan)\b/i.test(text);
  if (numeric && !jsonSafe(value)) return { value, schema };
  return { json: value === undefined ? undefined : JSON.stringify(value), schema };
}

function validateJson(text: string): ParseResult {
  try {
    return { schema: schemaOf(JSON.parse(text)) };
  } catch {
    return { schema: null }; // the main thread reports the parse error
  }
}

parentPort?.on('message', (req: ParseRequest) => {
  try {
    const results =
      req.format === 'yaml'
        ? req.texts.map((t) => parseYaml(t, req.file, req.validate))
        : req.texts.map((t) => validateJson(t));
    parentPort!.postMessage({ id: req.id, results });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, failure: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});

import type { ComponentConfigBase } from '../../model/component-config.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { JsonPath } from '../../core/json-path.js';
import { isKubeObject, isRecord, listItems, refOf, type KubeObject, type Resource } from '../../model/object.js';
import { rememberSchemaProblems } from '../../knowledge/schema.js';
import type { SchemaOutcome } from './parse-protocol.js';
import type { ReadResult, ReadStats } from './read-types.js';

interface CollectorMark {
  readonly resources: number;
  readonly diagnostics: number;
  readonly stats: ReadStats;
}

export class Collector implements ReadResult {
  readonly resources: Resource[] = [];
  readonly components: ComponentConfigBase[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly stats: ReadStats = { files: 0, documents: 0, objects: 0, skipped: {} };
  stdin: Buffer | undefined;
  /** Work a reader's worker still does after the read (schema validation). */
  readonly pending: Promise<void>[] = [];

  /** What was collected so far, to go back to when a file is read again another way. */
  mark(): CollectorMark {
    return {
      resources: this.resources.length,
      diagnostics: this.diagnostics.length,
      stats: { ...this.stats, skipped: { ...this.stats.skipped } },
    };
  }

  rollback(mark: CollectorMark): void {
    this.resources.length = mark.resources;
    this.diagnostics.length = mark.diagnostics;
    Object.assign(this.stats, mark.stats);
  }

  /** The parse workers failed (could not start, or died): the file is parsed on the main thread instead. */
  poolFailed(file: string, e: unknown): void {
    this.diagnostics.push({
      code: 'source-error',
      severity: 'warning',
      file,
      message: `${file}: parse worker threads failed (${e instanceof Error ? e.message : String(e)}); parsed on the main thread instead`,
    });
  }

  skip(reason: string, d?: Omit<Diagnostic, 'code'> & { code?: Diagnostic['code'] }): void {
    this.stats.skipped[reason] = (this.stats.skipped[reason] ?? 0) + 1;
    if (d) this.diagnostics.push({ code: 'skipped-input', ...d });
  }

  /** Adds a parsed document value: an object, a List (expanded), or something that is not Kubernetes. */
  addValue(
    value: unknown,
    file: string,
    line: number,
    doc: number,
    itemLines?: () => number[],
    lineMaps?: (itemPath: JsonPath) => Map<string, number> | undefined,
  ): void {
    this.stats.documents++;
    if (value === null || value === undefined) return this.skip('empty document');
    if (!isKubeObject(value)) {
      return this.skip('not Kubernetes', {
        code: 'not-kubernetes',
        severity: 'warning',
        file,
        line,
        message: `${file}:${line}: document ${doc + 1} has no apiVersion/kind; not a Kubernetes object`,
      });
    }
    if (value.kind.endsWith('List') && Array.isArray(value['items'])) {
      const lines = itemLines?.() ?? [];
      value['items'].forEach((item: unknown, i: number) => {
        const itemLine = lines[i] ?? line;
        const map = lineMaps?.(['items', i]);
        if (isKubeObject(item))
          this.addObject(item, { file, line: itemLine, doc, itemPath: ['items', i], ...(map ? { lines: map } : {}) });
        else
          this.skip('not Kubernetes', {
            code: 'not-kubernetes',
            severity: 'warning',
            file,
            line: itemLine,
            message: `${file}:${itemLine}: item ${i} of ${value.kind} has no apiVersion/kind`,
          });
      });
      return;
    }
    const lines = lineMaps?.([]);
    this.addObject(value, { file, line, doc, ...(lines ? { lines } : {}) });
  }

  addObject(object: KubeObject, source: Resource['source'] & object): void {
    const meta = object.metadata;
    if (isRecord(meta) && 'managedFields' in meta) delete (meta as Record<string, unknown>)['managedFields'];
    this.stats.objects++;
    this.resources.push({ object, ref: refOf(object), source });
  }

  parseError(file: string, line: number, message: string): void {
    this.skip('parse error', {
      code: 'parse-error',
      severity: 'error',
      file,
      line,
      message: `${file}:${line}: ${message}`,
    });
  }
}

/** Records schema problems a worker found for the objects of a document (the value, or each item of a List). */
export function rememberSchema(value: unknown, schema: SchemaOutcome | undefined): void {
  if (!schema || !isKubeObject(value)) return;
  const objects = listItems(value) ?? [value];
  schema.forEach((problems, i) => {
    const o = objects[i];
    if (problems && o !== null && typeof o === 'object') rememberSchemaProblems(o, problems);
  });
}

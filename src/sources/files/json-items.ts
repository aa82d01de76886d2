import type { KubeObject } from '../../model/object.js';
import { isKubeObject } from '../../model/object.js';
import { rememberSchema, type Collector } from './collector.js';
import { BATCH_CHARS } from './file-pool.js';
import { BatchQueue, type ParsePool } from './parse-pool.js';

/**
 * The items of a JSON List or array, from either splitter (this thread's, or the worker's): each is parsed (unless the
 * splitter did already), rejected when nested too deep, and added or reported; with a pool validating JSON, objects are
 * also sent to the workers for schema validation.
 */
export class JsonItems {
  count = 0;
  private readonly queue: BatchQueue<unknown>;
  private batch: unknown[] = [];
  private texts: string[] = [];
  private batchChars = 0;

  constructor(
    private readonly file: string,
    private readonly out: Collector,
    private readonly pool: ParsePool | undefined,
  ) {
    this.queue = new BatchQueue<unknown>(
      (values, results) => values.forEach((value, i) => rememberSchema(value, results?.[i]?.schema)),
      (e) => out.poolFailed(file, e),
    );
  }

  /** Adds one item; returns the object when it is one. */
  add(text: string, line: number, tooDeep: boolean, parsed?: unknown): KubeObject | undefined {
    const { file, out } = this;
    const item = this.count++;
    out.stats.documents++;
    if (tooDeep) {
      out.parseError(file, line, `item ${item} rejected: nesting deeper than 128 levels`);
      return undefined;
    }
    let value = parsed;
    if (value === undefined) {
      try {
        value = JSON.parse(text);
      } catch (e) {
        out.parseError(file, line + jsonErrorLineOffset(e, text), jsonMessage(e));
        return undefined;
      }
    }
    if (isKubeObject(value)) {
      out.addObject(value, { file, line, doc: 0, itemPath: ['items', item] });
      if (this.pool) {
        this.batch.push(value);
        this.texts.push(text);
        this.batchChars += text.length;
        if (this.batchChars >= BATCH_CHARS) this.flush();
      }
      return value;
    }
    out.skip('not Kubernetes', {
      code: 'not-kubernetes',
      severity: 'warning',
      file,
      line,
      message: `${file}:${line}: item ${item} has no apiVersion/kind`,
    });
    return undefined;
  }

  /** Waits until at most `keep` validation batches are in flight. */
  async drain(keep: number): Promise<void> {
    if (this.pool) await this.queue.drain(this.pool.size * keep);
  }

  async finish(): Promise<void> {
    this.flush();
    await this.queue.drain();
  }

  private flush(): void {
    if (!this.pool || this.batch.length === 0) return;
    this.queue.push(
      this.batch,
      this.pool.submit({ file: this.file, format: 'json', texts: this.texts, validate: true }),
    );
    this.batch = [];
    this.texts = [];
    this.batchChars = 0;
  }
}

export const jsonMessage = (e: unknown): string => `invalid JSON: ${e instanceof Error ? e.message : String(e)}`;

export function jsonErrorLineOffset(e: unknown, text: string): number {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return 0;
  let lines = 0;
  const end = Math.min(Number(m[1]), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Worker thread of the JSON reader: reads a large JSON List from disk, checks it is UTF-8, splits it into compact
 * item texts (json-scan.ts) and posts them in batches (transferred, not copied) to the main thread, which only parses
 * them. At most `inFlight` batches wait unacknowledged, so a slower main thread bounds the memory.
 *
 * With `validate`, it also validates against the schema the items the `schema-invalid` rule validates, after the
 * read: the main thread then builds the snapshot and runs the other rules while this thread validates (on two cores,
 * validating during the read only took CPU time from the main thread's parsing).
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { validateAgainstSchema } from '../../knowledge/schema.js';
import { createdByController, isKubeObject } from '../../model/object.js';
import type { JsonReadAck, JsonReadMessage, JsonReadRequest } from './json-read-protocol.js';
import {
  ITEM_CONTROLLED,
  ITEM_FIELDS,
  ITEM_INVALID,
  ITEM_NON_ASCII,
  ITEM_TOO_DEEP,
  ListScanner,
  UnsplittableJson,
  type ScannedItems,
} from './json-scan.js';
import { InvalidUtf8Error, Utf8Validator } from './utf8.js';

const CHUNK = 1 << 20;
/** Item texts kept for validation after the read; beyond this they are validated right away (memory bound). */
const KEEP_BYTES = 256 << 20;
const SCHEMA_BATCH = 2000;

/**
 * Items to validate: not those a controller created (a cluster dump's pods and ReplicaSets), which the rule skips.
 * They are recognised without parsing them by their controller owner reference (the text is compact); an item that
 * turns out not to be controller-created after all is validated by the rule on the main thread.
 */
class ToValidate {
  private index: number[] = [];
  private texts: string[] = [];
  private bytes = 0;
  private next = 0;

  constructor(private readonly port: NonNullable<typeof parentPort>) {}

  keep({ bytes, table }: ScannedItems): void {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < table.length; i += ITEM_FIELDS, this.next++) {
      const text = buf.subarray(table[i], table[i + 1]);
      const flags = table[i + 3]!;
      if (flags & (ITEM_TOO_DEEP | ITEM_INVALID | ITEM_CONTROLLED)) continue;
      this.index.push(this.next);
      this.texts.push(text.toString(flags & ITEM_NON_ASCII ? 'utf8' : 'latin1'));
      this.bytes += text.length;
    }
    if (this.bytes > KEEP_BYTES) this.validate();
  }

  /** Validates what is kept and posts the problems (of the items that are objects of a built-in kind). */
  validate(): void {
    const { index, texts } = this;
    this.index = [];
    this.texts = [];
    this.bytes = 0;
    let items: number[] = [];
    let problems: NonNullable<ReturnType<typeof validateAgainstSchema>>[] = [];
    texts.forEach((text, k) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return; // the main thread reports the parse error
      }
      const found = isKubeObject(value) && !createdByController(value) ? validateAgainstSchema(value) : undefined;
      if (!found) return;
      items.push(index[k]!);
      problems.push(found);
      if (items.length < SCHEMA_BATCH) return;
      this.port.postMessage({ kind: 'schema', items, problems } satisfies JsonReadMessage);
      items = [];
      problems = [];
    });
    if (items.length > 0) this.port.postMessage({ kind: 'schema', items, problems } satisfies JsonReadMessage);
  }
}

async function readList(req: JsonReadRequest, toValidate: ToValidate | undefined): Promise<JsonReadMessage> {
  const port = parentPort!;
  let unacked = 0;
  let wake: (() => void) | undefined;
  port.on('message', (m: JsonReadAck) => {
    if (m.kind !== 'ack') return;
    unacked--;
    wake?.();
  });
  const send = async (scanner: ListScanner, minBytes: number): Promise<void> => {
    const items = scanner.take(minBytes);
    if (!items) return;
    toValidate?.keep(items);
    port.postMessage({ kind: 'items', ...items } satisfies JsonReadMessage, [
      items.bytes.buffer as ArrayBuffer,
      items.table.buffer as ArrayBuffer,
    ]);
    unacked++;
    while (unacked >= req.inFlight) await new Promise<void>((resolve) => (wake = resolve));
  };
  // Checked against the JSON grammar here, so that the main thread may parse an item's body only when it is read.
  const scanner = new ListScanner({ check: true });
  const validator = new Utf8Validator(req.file);
  const handle = await open(req.path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      validator.push(chunk);
      scanner.push(chunk);
      await send(scanner, req.batchBytes);
    }
    validator.end();
    await send(scanner, 0);
    return { kind: 'end', clean: scanner.end(), line: scanner.currentLine, items: scanner.items };
  } catch (e) {
    if (e instanceof UnsplittableJson) return { kind: 'unsplittable', reason: e.message };
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'error', message, ...(e instanceof InvalidUtf8Error ? { invalidUtf8At: e.offset } : {}) };
  } finally {
    await handle.close();
  }
}

if (parentPort) {
  const req = workerData as JsonReadRequest;
  const toValidate = req.validate ? new ToValidate(parentPort) : undefined;
  const last = await readList(req, toValidate);
  parentPort.postMessage(last);
  parentPort.removeAllListeners('message');
  if (last.kind === 'end' && toValidate) {
    toValidate.validate();
    parentPort.postMessage({ kind: 'schema-end' } satisfies JsonReadMessage);
  }
}

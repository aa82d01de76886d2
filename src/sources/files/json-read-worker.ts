/**
 * Worker thread of the JSON reader: reads a large JSON List from disk, checks it is UTF-8, splits it into compact
 * item texts (json-scan.ts) and posts them in batches (transferred, not copied) to the main thread, which only parses
 * them. At most `inFlight` batches wait unacknowledged, so a slower main thread bounds the memory.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { JsonReadAck, JsonReadMessage, JsonReadRequest } from './json-read-protocol.js';
import { ListScanner, UnsplittableJson } from './json-scan.js';
import { Utf8Validator } from './utf8.js';

const CHUNK = 1 << 20;

async function readList(req: JsonReadRequest): Promise<JsonReadMessage> {
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
    port.postMessage({ kind: 'items', ...items } satisfies JsonReadMessage, [
      items.bytes.buffer as ArrayBuffer,
      items.table.buffer as ArrayBuffer,
    ]);
    unacked++;
    while (unacked >= req.inFlight) await new Promise<void>((resolve) => (wake = resolve));
  };
  const scanner = new ListScanner();
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
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  } finally {
    await handle.close();
  }
}

if (parentPort) {
  const last = await readList(workerData as JsonReadRequest);
  parentPort.postMessage(last);
  parentPort.removeAllListeners('message');
}

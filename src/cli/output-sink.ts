import { closeSync, openSync, writeSync } from 'node:fs';
import type { Sink } from '../reporters/stream.js';

const FLUSH_CHARS = 1 << 20;

/** A Sink that batches small pieces into ~1 MiB writes; `close()` flushes what is left. */
export interface BufferedSink {
  readonly write: Sink;
  close(): void;
}

export function bufferedSink(write: (text: string) => void, onClose: () => void = () => undefined): BufferedSink {
  let parts: string[] = [];
  let chars = 0;
  const flush = () => {
    if (parts.length === 0) return;
    write(parts.join(''));
    parts = [];
    chars = 0;
  };
  return {
    write: (s) => {
      parts.push(s);
      chars += s.length;
      if (chars >= FLUSH_CHARS) flush();
    },
    close: () => {
      flush();
      onClose();
    },
  };
}

/** A buffered sink into a file (created or truncated), written synchronously. */
export function fileSink(file: string): BufferedSink {
  const fd = openSync(file, 'w');
  return bufferedSink(
    (text) => writeSync(fd, text),
    () => closeSync(fd),
  );
}

import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { isKubeObject } from '../../model/object.js';
import { componentLineMaps } from './configs/line-map.js';
import { rememberSchema } from './collector.js';
import { BATCH_CHARS, type FileReading } from './file-pool.js';
import { BatchQueue } from './parse-pool.js';
import { newlinesBefore, Utf8Validator } from './utf8.js';
import { listItemLines, YamlDocSplitter, type YamlDoc } from './yaml-docs.js';
import { tryLoadYaml } from './yaml-load.js';

type YamlOutcome = ReturnType<typeof tryLoadYaml>;

export async function readYaml(
  chunks: AsyncIterable<Buffer>,
  { file, out, reader, parallel: pool }: FileReading,
): Promise<void> {
  const validator = new Utf8Validator(file);
  const decoder = new StringDecoder('utf8');
  /** Lines holding invalid UTF-8, in order: the documents holding them are skipped, the others read. */
  const badLines: number[] = [];
  const handle = (doc: YamlDoc, outcome: YamlOutcome): void => {
    const bad = badLines.length > 0 ? invalidLineIn(doc, badLines) : undefined;
    if (bad !== undefined) {
      out.stats.documents++;
      const what = `document ${doc.index + 1} is not valid UTF-8 (first invalid byte on this line)`;
      return out.parseError(file, bad, `${what}; skipped, the other documents were read`);
    }
    if ('error' in outcome) {
      out.stats.documents++;
      const { kind, lineOffset, message } = outcome.error;
      if (kind === 'yaml') return out.parseError(file, doc.line + lineOffset, message);
      if (kind === 'unsafe') return out.parseError(file, doc.line, `document ${doc.index + 1} rejected: ${message}`);
      return out.parseError(file, doc.line, `document ${doc.index + 1} rejected: nesting too deep`);
    }
    const value = outcome.value;
    if (reader && !isKubeObject(value)) {
      out.stats.documents++;
      const r = reader.read(doc.text, file, doc.line);
      out.components.push(...r.components);
      out.diagnostics.push(...r.diagnostics);
      return;
    }
    out.addValue(
      value,
      file,
      firstContentLine(doc.text, doc.line),
      doc.index,
      () => listItemLines(doc.text, doc.line),
      componentLineMaps(value, doc.text, doc.line),
    );
  };
  const queue = new BatchQueue<YamlDoc>(
    (docs, results) =>
      docs.forEach((doc, i) => {
        const r = results?.[i];
        if (!r) return handle(doc, tryLoadYaml(doc.text, file));
        if (r.error) return handle(doc, { error: r.error });
        const value = r.json !== undefined ? (JSON.parse(r.json) as unknown) : r.value;
        rememberSchema(value, r.schema);
        handle(doc, { value });
      }),
    (e) => out.poolFailed(file, e),
  );
  let batch: YamlDoc[] = [];
  let batchChars = 0;
  const flush = (): void => {
    if (!pool || batch.length === 0) return;
    queue.push(
      batch,
      pool.pool.submit({ file, format: 'yaml', texts: batch.map((d) => d.text), validate: pool.validate }),
    );
    batch = [];
    batchChars = 0;
  };
  const splitter = new YamlDocSplitter(
    (doc) => {
      if (!pool) return handle(doc, tryLoadYaml(doc.text, file));
      batch.push(doc);
      batchChars += doc.text.length;
      if (batchChars >= BATCH_CHARS) flush();
    },
    (line) => {
      flush();
      queue.defer(() =>
        out.skip('document too large', {
          severity: 'error',
          file,
          line,
          message: `${file}:${line}: document larger than 64 MiB, skipped`,
        }),
      );
    },
  );
  try {
    for await (const chunk of chunks) {
      const invalid = validator.scan(chunk);
      for (const offset of invalid) badLines.push(splitter.currentLine + newlinesBefore(chunk, offset));
      // Valid so far and pure ASCII: no character is pending in the decoder, and latin1 decodes it several times faster.
      splitter.push(isAscii(chunk) ? chunk.toString('latin1') : decoder.write(chunk));
      // Bounded memory: a few batches per worker in flight, the oldest consumed first.
      if (pool) await queue.drain(pool.pool.size * 3);
    }
    if (validator.cutShort()) badLines.push(splitter.currentLine);
    splitter.push(decoder.end());
    splitter.end();
  } finally {
    // The documents read before a failure (an unreadable stream) are kept, as on the main thread.
    flush();
    await queue.drain();
  }
}

/** Line of a document's first line holding more than blanks or a comment (within its first 200 lines). */
function firstContentLine(text: string, docLine: number): number {
  const m = /^[^\S\n]*[^\s#]/m.exec(text);
  if (!m) return docLine;
  let i = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < m.index && i < 200; nl = text.indexOf('\n', nl + 1)) i++;
  return i < 200 ? docLine + i : docLine;
}

/** The first line holding invalid UTF-8 within a document, if any. */
function invalidLineIn(doc: YamlDoc, badLines: readonly number[]): number | undefined {
  const last = doc.line + newlinesIn(doc.text);
  return badLines.find((l) => l >= doc.line && l <= last);
}

function newlinesIn(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

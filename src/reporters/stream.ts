import type { Finding } from '../engine/types.js';
import type { Report } from './report.js';
import type { RenderOptions, Reporter } from './types.js';

/** Where a streaming reporter writes its output, piece by piece (the shell buffers and writes to stdout or a file). */
export type Sink = (chunk: string) => void;

/**
 * A reporter that writes as it goes, reading one finding at a time from the report's table: its memory does not
 * grow with the number of findings, and no output string has to fit in one JavaScript string.
 */
export type StreamReporter = (report: Report, out: Sink, options?: RenderOptions) => void;

/** The string-returning reporter of a streaming one (same bytes). */
export const collected =
  (stream: StreamReporter): Reporter =>
  (report, options) => {
    const parts: string[] = [];
    stream(report, (s) => parts.push(s), options);
    return parts.join('');
  };

export const findingCount = (report: Report): number => report.table?.length ?? report.findings.length;

/** The i-th finding in order, built from the table when there is one (then not kept). */
export const findingAt = (report: Report, i: number): Finding =>
  report.table ? report.table.at(i) : report.findings[i]!;

/** The positions 0..n-1 for which `keep` holds, in order. */
export function positionsWhere(n: number, keep: (position: number) => boolean): Int32Array {
  let count = 0;
  for (let p = 0; p < n; p++) if (keep(p)) count++;
  const out = new Int32Array(count);
  for (let p = 0, k = 0; p < n; p++) if (keep(p)) out[k++] = p;
  return out;
}

/**
 * Groups `positions` by `key`, groups in first-seen order and positions in their order inside each: what `groupBy`
 * does, kept in typed arrays (a counting sort) so that millions of findings cost a few bytes each.
 */
export function groupPositions(
  positions: ArrayLike<number>,
  key: (position: number) => string,
): { readonly keys: readonly string[]; readonly positions: Int32Array; readonly starts: Int32Array } {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const group = new Int32Array(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const name = key(positions[k]!);
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = keys.push(name) - 1));
    group[k] = id;
  }
  const starts = new Int32Array(keys.length + 1);
  for (const g of group) starts[g + 1]!++;
  for (let g = 0; g < keys.length; g++) starts[g + 1]! += starts[g]!;
  const fill = starts.slice(0, keys.length);
  const grouped = new Int32Array(group.length);
  group.forEach((g, k) => (grouped[fill[g]!++] = positions[k]!));
  return { keys, positions: grouped, starts };
}

/**
 * Splits `JSON.stringify(doc, null, 2)` at the value of `placeholder` (a string no document contains): the text before
 * and after it, and the indentation of the line it sits on, so that a long array can be written in its place
 * element by element with the same bytes as `JSON.stringify` would give.
 */
export function splitJson(doc: unknown, placeholder: string): { before: string; after: string; indent: string } {
  const text = JSON.stringify(doc, null, 2);
  const marker = JSON.stringify(placeholder);
  const at = text.indexOf(marker);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(text.slice(lineStart))![0];
  return { before: text.slice(0, at), after: text.slice(at + marker.length), indent };
}

/** Writes `count` elements as a pretty-printed JSON array at `indent` (`[]` when empty), as JSON.stringify would. */
export function writeJsonArray(out: Sink, indent: string, count: number, element: (i: number) => unknown): void {
  if (count === 0) {
    out('[]');
    return;
  }
  const inner = `${indent}  `;
  out('[\n');
  for (let i = 0; i < count; i++) {
    const text = JSON.stringify(element(i), null, 2).replace(/\n/g, `\n${inner}`);
    out(`${inner}${text}${i < count - 1 ? ',\n' : '\n'}`);
  }
  out(`${indent}]`);
}

/** A placeholder string that cannot occur in a report (control characters are escaped by JSON.stringify). */
export const PLACEHOLDER = '\u0000kubetune-stream\u0000';

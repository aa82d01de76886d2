/**
 * Parser for the Prometheus text exposition format (0.0.4) and OpenMetrics text, as served on `/metrics`:
 * https://prometheus.io/docs/instrumenting/exposition_formats/. Lines that do not parse are reported with their
 * line number and skipped; the rest of the scrape is kept.
 */
import type { ScrapedSample } from '../../model/metric-eval.js';

export interface ParsedLine {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
  readonly timestampMs?: number;
}

export interface ExpositionError {
  readonly line: number;
  readonly message: string;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseValue(text: string): number | undefined {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  const v = Number(text);
  return text !== '' && !Number.isNaN(v) ? v : undefined;
}

/** Reads a quoted label value starting after its opening quote; returns it and the index of the closing quote. */
function readQuoted(line: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start;
  for (; i < line.length && line[i] !== '"'; i++) {
    if (line[i] !== '\\') value += line[i];
    else {
      const next = line[++i];
      value += next === 'n' ? '\n' : (next ?? '');
    }
  }
  return { value, end: i };
}

/** Parses the label block starting after `{`; returns labels and the index after `}`. */
function parseLabels(line: string, start: number): { labels: Record<string, string>; end: number } | string {
  const labels: Record<string, string> = {};
  let i = start;
  for (;;) {
    while (line[i] === ' ' || line[i] === ',') i++;
    if (line[i] === '}') return { labels, end: i + 1 };
    const name = LABEL.exec(line.slice(i))?.[0];
    if (!name) return `bad label name at column ${i + 1}`;
    i += name.length;
    while (line[i] === ' ') i++;
    if (line[i] !== '=' || line[i + 1] !== '"') return `expected ="..." after label ${name}`;
    const quoted = readQuoted(line, i + 2);
    if (line[quoted.end] !== '"') return `unterminated value of label ${name}`;
    labels[name] = quoted.value;
    i = quoted.end + 1;
  }
}

/** Parses one sample line, or returns an error message. */
export function parseSampleLine(line: string): ParsedLine | string {
  const name = NAME.exec(line)?.[0];
  if (!name) return 'expected a metric name';
  let i = name.length;
  let labels: Record<string, string> = {};
  if (line[i] === '{') {
    const parsed = parseLabels(line, i + 1);
    if (typeof parsed === 'string') return parsed;
    labels = parsed.labels;
    i = parsed.end;
  }
  const rest = line.slice(i).trim().split(/\s+/);
  const value = parseValue(rest[0] ?? '');
  if (value === undefined) return `bad sample value ${JSON.stringify(rest[0] ?? '')}`;
  const ts = rest[1] !== undefined ? Number(rest[1]) : undefined;
  if (ts !== undefined && Number.isNaN(ts)) return `bad timestamp ${JSON.stringify(rest[1])}`;
  return { name, labels, value, ...(ts !== undefined ? { timestampMs: ts } : {}) };
}

export interface ExpositionResult {
  readonly samples: ScrapedSample[];
  readonly errors: ExpositionError[];
  /** Metric name → declared type (`counter`, `histogram`, ...). */
  readonly types: Map<string, string>;
}

/** Parses a whole scrape; `extraLabels` are added to every sample (e.g. `instance`, as Prometheus would). */
export function parseExposition(text: string, extraLabels: Readonly<Record<string, string>> = {}): ExpositionResult {
  const samples: ScrapedSample[] = [];
  const errors: ExpositionError[] = [];
  const types = new Map<string, string>();
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^#\s+TYPE\s+(\S+)\s+(\S+)/.exec(line);
      if (m) types.set(m[1]!, m[2]!);
      continue;
    }
    const parsed = parseSampleLine(line);
    if (typeof parsed === 'string') errors.push({ line: lineNo, message: parsed });
    else samples.push({ name: parsed.name, labels: { ...parsed.labels, ...extraLabels }, value: parsed.value });
  }
  return { samples, errors, types };
}

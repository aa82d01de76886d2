/** Offline source: raw `/metrics` scrapes from files (`kubetune diagnose --metrics-file`). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { indexSamples, type SampleSet, type ScrapedSample } from '../../model/metric-eval.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { parseExposition } from './exposition.js';

export interface MetricsFilesResult {
  readonly samples: SampleSet;
  readonly files: readonly { readonly file: string; readonly instance: string; readonly samples: number }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** `controlplane/etcd/metrics` → `etcd`; `kubelet/metrics/cadvisor` → `cadvisor`; else the file name. */
export function instanceForFile(file: string): string {
  const name = basename(file);
  return name === 'metrics' ? basename(dirname(file)) : name.replace(/\.(txt|prom|metrics)$/, '');
}

/** Scrape files inside a directory: `metrics`, `cadvisor`, `*.prom`, `*.metrics`, `*.txt`, recursively, sorted. */
const SCRAPE_NAME = /^(metrics|cadvisor)$|\.(prom|metrics|txt)$/;
async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) =>
        e.isDirectory() ? expand(join(path, e.name)) : SCRAPE_NAME.test(e.name) ? [join(path, e.name)] : [],
      ),
  );
  return nested.flat();
}

/**
 * Reads and parses each file (directories: the scrape files inside, e.g. `controlplane/*`). A file that cannot be read or has bad lines yields diagnostics naming file and line;
 * the other files (and the good lines) are still used. Each sample gets `instance="<component>"` unless it has one.
 */
/** Bad lines reported one by one per file; a file with more is not a scrape worth listing line by line. */
const MAX_BAD_LINES = 200;

export async function readMetricsFiles(files: readonly string[]): Promise<MetricsFilesResult> {
  const all: ScrapedSample[] = [];
  const diagnostics: Diagnostic[] = [];
  const read: { file: string; instance: string; samples: number }[] = [];
  const expanded = (await Promise.all(files.map(expand))).flat();
  if (expanded.length === 0) {
    diagnostics.push({ code: 'source-error', severity: 'error', message: `no scrape files in ${files.join(', ')}` });
  }
  for (const file of expanded) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      diagnostics.push({
        code: 'source-error',
        severity: 'error',
        file,
        message: `cannot read: ${(e as Error).message}`,
      });
      continue;
    }
    const instance = instanceForFile(file);
    const parsed = parseExposition(text);
    for (const s of parsed.samples) all.push('instance' in s.labels ? s : { ...s, labels: { ...s.labels, instance } });
    // The text report folds identical messages into one line with a count; past the cap only the count is kept.
    for (const err of parsed.errors.slice(0, MAX_BAD_LINES)) {
      diagnostics.push({ code: 'parse-error', severity: 'warning', file, line: err.line, message: err.message });
    }
    if (parsed.errors.length > MAX_BAD_LINES) {
      diagnostics.push({
        code: 'parse-error',
        severity: 'warning',
        file,
        message: `${parsed.errors.length - MAX_BAD_LINES} more bad lines skipped`,
      });
    }
    if (parsed.samples.length === 0) {
      diagnostics.push({
        code: 'source-error',
        severity: 'error',
        file,
        message: 'no samples: not a Prometheus /metrics scrape',
      });
    }
    read.push({ file, instance, samples: parsed.samples.length });
  }
  return { samples: indexSamples(all), files: read, diagnostics };
}

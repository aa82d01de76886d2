import { renderBenchHtml } from './html.js';
import { renderBenchJson } from './json.js';
import { renderBenchMarkdown } from './markdown.js';
import { renderBenchText } from './text.js';
import type { BenchReport } from './types.js';

export type BenchFormat = 'text' | 'json' | 'markdown' | 'html';

/** Bench reporters in one typed map. */
export const BENCH_REPORTERS: Readonly<Record<BenchFormat, (r: BenchReport) => string>> = {
  text: renderBenchText,
  json: renderBenchJson,
  markdown: renderBenchMarkdown,
  html: renderBenchHtml,
};

export const isBenchFormat = (s: string): s is BenchFormat => s in BENCH_REPORTERS;

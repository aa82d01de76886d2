import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { Reporter } from './types.js';
import { renderYaml } from './yaml.js';

/** Every output format, in one typed map (the CLI's `-o` choices are its keys). */
export const REPORTERS = {
  text: renderText,
  json: renderJson,
  yaml: renderYaml,
  sarif: renderSarif,
  junit: renderJunit,
  markdown: renderMarkdown,
  html: renderHtml,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;
export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];
export const isReporterName = (s: string): s is ReporterName => s in REPORTERS;

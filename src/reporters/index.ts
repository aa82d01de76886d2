import { renderHtml } from './html.js';
import { renderJson, streamJson } from './json.js';
import { renderJunit, streamJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, streamSarif } from './sarif.js';
import type { StreamReporter } from './stream.js';
import { renderText, streamText } from './text.js';
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

const whole =
  (render: Reporter): StreamReporter =>
  (report, out, options) =>
    out(render(report, options));

/**
 * The same formats, written piece by piece (same bytes as REPORTERS): text, JSON, SARIF and JUnit stream one finding
 * at a time; YAML, Markdown and HTML are built whole and written once.
 */
export const STREAM_REPORTERS = {
  text: streamText,
  json: streamJson,
  yaml: whole(renderYaml),
  sarif: streamSarif,
  junit: streamJunit,
  markdown: whole(renderMarkdown),
  html: whole(renderHtml),
} as const satisfies Record<ReporterName, StreamReporter>;

/**
 * What `rightsize` hands back: the Report with its `rightsize` section, and the files it writes (patches,
 * kustomize overlay, Helm values, `--apply`).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { RightsizeParams } from '../analyzers/rightsize/params.js';
import { applyRecommendations } from '../generate/rightsize/apply.js';
import { helmValues, kustomizeOverlay, type GeneratedFile } from '../generate/rightsize/overlays.js';
import { strategicMergePatches } from '../generate/rightsize/patches.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { buildReport, type Report } from '../reporters/report.js';
import type { RightsizeSection } from '../reporters/rightsize.js';
import type { ReadResult } from '../sources/files/read.js';
import type { Log } from './ports.js';
import { VERSION } from './version.js';
import type { RightsizeRun } from './rightsize-run.js';

const iso = (s: number): string => new Date(s * 1000).toISOString();

export function rightsizeSection(
  run: RightsizeRun,
  params: RightsizeParams,
): RightsizeSection & { backtest?: unknown } {
  return {
    strategy: run.outcome.strategy,
    window: {
      start: iso(run.window.startSeconds),
      end: iso(run.window.endSeconds),
      resolutionSeconds: params.resolutionSeconds,
    },
    currency: params.prices.currency,
    queries: run.queries,
    recommendations: run.outcome.recommendations,
    totals: run.outcome.totals,
    ...(run.backtest ? { backtest: run.backtest } : {}),
  };
}

export interface ReportContext {
  readonly profile: string;
  readonly now: Date;
  readonly written: readonly string[];
}

export function rightsizeReport(run: RightsizeRun, params: RightsizeParams, c: ReportContext): Report {
  const notes: Diagnostic[] = c.written.map((f) => ({ code: 'config', severity: 'info', message: `wrote ${f}` }));
  return buildReport({
    command: 'rightsize',
    version: VERSION,
    kubeVersion: '-',
    profile: c.profile,
    findings: [],
    diagnostics: [...run.diagnostics, ...notes],
    rules: [],
    objects: run.outcome.recommendations.length,
    generatedAt: c.now.toISOString(),
    sections: { rightsize: rightsizeSection(run, params) },
  });
}

function render(file: GeneratedFile): string {
  const head = file.header ? `# ${file.header}\n` : '';
  return head + file.documents.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}

async function writeFiles(dir: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, render(f));
    out.push(path);
  }
  return out;
}

export interface OutputRequest {
  readonly paths: readonly string[];
  readonly read: ReadResult | undefined;
  readonly patches?: string;
  readonly kustomize?: string;
  readonly kustomizeBase: string;
  readonly helmValues?: string;
  readonly apply?: boolean;
}

/** Writes every requested output; returns the paths written. */
export async function writeOutputs(run: RightsizeRun, req: OutputRequest, log: Log): Promise<string[]> {
  const recs = run.outcome.recommendations;
  const written: string[] = [];
  if (req.patches) {
    const files = strategicMergePatches(recs).map((p) => ({
      path: `${p.id}.yaml`,
      documents: [p.patch],
      header: 'kubetune rightsize: strategic-merge patch',
    }));
    written.push(...(await writeFiles(req.patches, files)));
  }
  if (req.kustomize)
    written.push(...(await writeFiles(req.kustomize, kustomizeOverlay(recs, { base: req.kustomizeBase }))));
  if (req.helmValues) {
    const [values] = helmValues(recs);
    if (values) {
      await mkdir(dirname(req.helmValues), { recursive: true });
      await writeFile(req.helmValues, render(values));
      written.push(req.helmValues);
    }
  }
  if (req.apply) {
    const files = [
      ...new Set(
        (req.read?.resources ?? []).map((r) => r.source?.file).filter((f): f is string => f !== undefined && f !== '-'),
      ),
    ];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const result = applyRecommendations(text, recs);
      if (result.changes.length === 0) continue;
      await writeFile(file, result.text);
      written.push(file);
      for (const ch of result.changes)
        log.write(`applied ${ch.workload} container ${ch.container} in ${file}${ch.line ? `:${ch.line}` : ''}\n`);
    }
  }
  return written;
}

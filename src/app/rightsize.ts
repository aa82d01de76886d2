/**
 * `rightsize`: the current spec (manifests, the live cluster, or none: kube-state-metrics then), usage history from
 * Prometheus, recommendations by strategy, an optional backtest, the GitOps outputs, and the report.
 */
import type { RightsizePromApi } from '../analyzers/rightsize/collect.js';
import type { RightsizeParams } from '../analyzers/rightsize/params.js';
import { checkWindowEnd } from '../analyzers/rightsize/window.js';
import type { Report } from '../reporters/report.js';
import { readInputs, type ReadResult } from '../sources/files/read.js';
import type { ClusterProgress, ClusterTarget } from './cluster.js';
import type { Clock, Env, FilePorts, Log } from './ports.js';
import { rightsizeReport, writeOutputs, type OutputRequest } from './rightsize-outputs.js';
import { runRightsize, type RightsizeRun, type RightsizeRunOptions } from './rightsize-run.js';

/** Where the current spec comes from: manifest paths, the live cluster, or nowhere (kube-state-metrics then). */
export type SpecSource = { readonly paths: readonly string[] } | { readonly cluster: ClusterTarget };

export interface RightsizeOptions extends Omit<RightsizeRunOptions, 'endSeconds'> {
  readonly spec?: SpecSource;
  /** End of the history window in unix seconds (default: the clock's now). */
  readonly endSeconds?: number;
  /** Files to write: patches, kustomize overlay, Helm values, or the recommendations applied to the manifests. */
  readonly outputs?: Omit<OutputRequest, 'paths' | 'read'>;
  /** Profile named in the report. */
  readonly profile?: string;
}

export interface RightsizePorts extends FilePorts {
  readonly prometheus: RightsizePromApi;
  readonly clock: Clock;
  readonly env?: Env;
  /** Told of every file `--apply` changes. */
  readonly log?: Log;
  /** Progress of a live spec read. */
  readonly progress?: ClusterProgress;
}

export interface RightsizeResult {
  readonly run: RightsizeRun;
  readonly report: Report;
  readonly written: readonly string[];
  readonly params: RightsizeParams;
}

async function readSpec(spec: SpecSource | undefined, ports: RightsizePorts): Promise<ReadResult | undefined> {
  if (spec && 'cluster' in spec) {
    const { readClusterTarget } = await import('./cluster.js');
    const how = { env: ports.env ?? {}, ...(ports.progress ? { progress: ports.progress } : {}) };
    return (await readClusterTarget(spec.cluster, how)).read;
  }
  if (!spec?.paths.length) return undefined;
  return readInputs(spec.paths, {
    ...(ports.stdin ? { stdin: ports.stdin } : {}),
    ...(ports.cwd ? { cwd: ports.cwd } : {}),
  });
}

export async function rightsize(options: RightsizeOptions, ports: RightsizePorts): Promise<RightsizeResult> {
  const now = ports.clock.now();
  if (options.endSeconds !== undefined) checkWindowEnd(options.endSeconds, Math.floor(now.getTime() / 1000));
  const read = await readSpec(options.spec, ports);
  const { spec, outputs, profile, ...rest } = options;
  const run = await runRightsize(ports.prometheus, read, {
    ...rest,
    endSeconds: options.endSeconds ?? Math.floor(now.getTime() / 1000),
  });
  const paths = spec && 'paths' in spec ? spec.paths : [];
  const written = outputs
    ? await writeOutputs(run, { ...outputs, paths, read }, ports.log ?? { write: () => undefined })
    : [];
  const report = rightsizeReport(run, options.params, { profile: profile ?? 'guide', now, written });
  return { run, report, written, params: options.params };
}

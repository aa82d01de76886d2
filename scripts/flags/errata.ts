/**
 * Known errors of the upstream reference pages, corrected before the tables are written. Each names its source;
 * the generated file lists them in its header.
 */
import type { PageFlag } from './reference-page.js';

export interface Erratum {
  readonly component: string;
  readonly fromMinor: number;
  readonly drop: readonly string[];
  readonly source: string;
}

/** klog flags removed by KEP-2845 (names after `_` → `-` normalisation). */
const KLOG = [
  'add-dir-header',
  'alsologtostderr',
  'log-backtrace-at',
  'log-dir',
  'log-file',
  'log-file-max-size',
  'logtostderr',
  'one-output',
  'skip-headers',
  'skip-log-headers',
  'stderrthreshold',
];

export const ERRATA: readonly Erratum[] = [
  {
    // The kube-proxy page lists klog's Go flags (log_dir, logtostderr, ...) that the binary rejects since 1.26.
    component: 'kube-proxy',
    fromMinor: 26,
    drop: KLOG,
    source: 'https://github.com/kubernetes/website/issues/44750',
  },
];

/** Kubernetes components normalise `_` to `-` in flag names (component-base WordSepNormalizeFunc). */
export const normaliseFlagName = (name: string): string => name.replace(/_/g, '-');

export function applyErrata(component: string, minor: number, flags: readonly PageFlag[]): PageFlag[] {
  const drop = new Set(ERRATA.filter((e) => e.component === component && minor >= e.fromMinor).flatMap((e) => e.drop));
  return flags.map((f) => ({ ...f, name: normaliseFlagName(f.name) })).filter((f) => !drop.has(f.name));
}

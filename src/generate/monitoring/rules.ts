/**
 * `kubetune generate rules`: from the KPI catalogue diagnose uses, the recording rules (one per KPI: its aggregated
 * expression over a fixed window) and the alerting rules on them (one per profile level), plus the API server SLO
 * burn-rate alerts. With the metric names a Prometheus has, only what it can measure is generated and the rest is
 * listed with the reason. Pure: plain objects in and out.
 */
import { compareVersions, parseKubeVersion, type KubeVersion } from '../../core/version.js';
import { KPIS, type Kpi } from '../../knowledge/kpis.js';
import {
  CATALOGUE_VERSIONS,
  captureVersionFor,
  isJudgedMetric,
  lookupMetric,
} from '../../knowledge/metrics-catalogue.js';
import { toPromQL } from '../../model/metric-promql.js';
import { kpiAlerts, profileThresholds } from './alerts.js';
import { keepLabel, missingMetrics, pruneAlternatives, recordName, recordWindowSeconds } from './kpi-expr.js';
import { RIGHTSIZE_METRICS, rightsizeRules } from './rightsize-rules.js';
import { API_LATENCY_HISTOGRAMS, sloRules } from './slo.js';
import type { AlertThreshold, GeneratedRules, Omission, RuleGroup, RulesOptions } from './types.js';

export const DEFAULT_SLO = { availabilityTarget: 0.99, latencyTarget: 0.99 } as const;
export const DEFAULT_CLUSTER_LABEL = 'cluster';

const absentReason = (kpi: Kpi, missing: readonly string[]): string =>
  `no ${missing.join(' / ')} series in Prometheus (is ${kpi.component} scraped?)`;

/** Thresholds of every KPI: the profile's, with the history-derived ones added (or replacing the same priority). */
function thresholdsFor(kpis: readonly Kpi[], opts: RulesOptions): AlertThreshold[] {
  const history = opts.historyThresholds ?? [];
  return kpis.flatMap((k) => {
    const own = history.filter((t) => t.kpi === k.id);
    const taken = new Set(own.map((t) => t.priority));
    return [...profileThresholds(k, opts.profile).filter((t) => !taken.has(t.priority)), ...own];
  });
}

/**
 * Whether a metric exists in `version` as far as the real captures tell (names outside the captured components, and
 * versions older than every capture, are taken to exist).
 */
export function existsIn(version: KubeVersion | undefined): (metric: string) => boolean {
  const oldest = CATALOGUE_VERSIONS[0] ? parseKubeVersion(CATALOGUE_VERSIONS[0]) : undefined;
  if (!version || !oldest || compareVersions({ ...version, patch: 0 }, oldest) < 0) return () => true;
  const capture = captureVersionFor(version)!;
  return (m) => !isJudgedMetric(m, capture) || lookupMetric(m, capture) !== undefined;
}

function byComponent(kpis: readonly Kpi[]): Map<string, Kpi[]> {
  const groups = new Map<string, Kpi[]>();
  for (const k of kpis) groups.set(k.component, [...(groups.get(k.component) ?? []), k]);
  return groups;
}

function sloPart(opts: RulesOptions, clusterLabel: string, omitted: Omission[]) {
  const present = opts.presentMetrics;
  if (present && !present.has('apiserver_request_total')) {
    omitted.push({ id: 'apiserver-slo', reason: 'no apiserver_request_total series (is kube-apiserver scraped?)' });
    return undefined;
  }
  const latencyHistogram = present
    ? API_LATENCY_HISTOGRAMS.find((h) => present.has(`${h}_bucket`))
    : API_LATENCY_HISTOGRAMS[0];
  if (!latencyHistogram)
    omitted.push({ id: 'apiserver-latency-slo', reason: 'no API server request duration histogram in Prometheus' });
  const slo = opts.slo ?? DEFAULT_SLO;
  return sloRules({
    ...slo,
    clusterLabel,
    latencyHistogram,
    routing: opts.routing?.labels ?? {},
    apiServerComponent: opts.routing?.components?.['kube-apiserver'] ?? 'kube-apiserver',
  });
}

export function generateRules(opts: RulesOptions, catalogue: readonly Kpi[] = KPIS): GeneratedRules {
  const clusterLabel = opts.clusterLabel ?? DEFAULT_CLUSTER_LABEL;
  const omitted: Omission[] = [];
  const measurable = catalogue.filter((k) => {
    const missing = opts.presentMetrics ? missingMetrics(k.expr, opts.presentMetrics) : [];
    if (missing.length) omitted.push({ id: k.id, reason: absentReason(k, missing) });
    return missing.length === 0;
  });
  const thresholds = thresholdsFor(measurable, opts);
  const exists = existsIn(opts.kubeVersion);
  const recording: RuleGroup[] = [];
  const alerting: RuleGroup[] = [];
  for (const [component, kpis] of byComponent(measurable)) {
    recording.push({
      name: `kubetune.${component}.rules`,
      rules: kpis.map((k) => ({
        record: recordName(k),
        expr: toPromQL(keepLabel(pruneAlternatives(k.expr, exists), clusterLabel), recordWindowSeconds(k)),
      })),
    });
    const alerts = kpis.flatMap((k) => {
      const rules = kpiAlerts(k, { thresholds, profile: opts.profile, routing: opts.routing, clusterLabel });
      if (rules.length === 0)
        omitted.push({ id: k.id, reason: `profile ${opts.profile} sets no level: recorded, not alerted` });
      return rules;
    });
    if (alerts.length) alerting.push({ name: `kubetune.${component}.alerts`, rules: alerts });
  }
  const missingUsage = RIGHTSIZE_METRICS.filter((m) => opts.presentMetrics && !opts.presentMetrics.has(m));
  if (missingUsage.length)
    omitted.push({ id: 'rightsize', reason: `no ${missingUsage.join(' / ')} series (is cAdvisor scraped?)` });
  else recording.push(rightsizeRules(clusterLabel));
  const slo = sloPart(opts, clusterLabel, omitted);
  if (slo) {
    recording.push(...slo.recording);
    alerting.push(slo.alerting);
  }
  return { recording, alerting, thresholds, omitted, discovered: opts.presentMetrics !== undefined };
}

import { describe, expect, it } from 'vitest';
import { kpiById, KPIS } from '../../knowledge/kpis.js';
import { kpiAlerts, profileThresholds } from './alerts.js';
import { historyThreshold } from './history.js';
import { humanize, humanize1024, humanizeDuration, humanizePercentage } from './humanize.js';
import { missingMetrics, pruneAlternatives, recordName } from './kpi-expr.js';
import { generateRules } from './rules.js';
import { isAlertingRule } from './types.js';

const kpi = (id: string) => kpiById(id)!;

describe('Prometheus humanize functions (template.go)', () => {
  it('formats like Go %.4g with SI, IEC and duration prefixes', () => {
    expect(humanize(1500)).toBe('1.5k');
    expect(humanize(0.055)).toBe('55m');
    expect(humanize(2_000_000)).toBe('2M');
    expect(humanize1024(3 * 1024 ** 3)).toBe('3Gi');
    expect(humanizeDuration(0.2)).toBe('200ms');
    expect(humanizeDuration(2)).toBe('2s');
    expect(humanizeDuration(90)).toBe('1m 30s');
    expect(humanizeDuration(3 * 86_400 + 5)).toBe('3d 0h 0m 5s');
    expect(humanizePercentage(0.055)).toBe('5.5%');
    expect(humanize(123456789012)).toBe('123.5G');
  });
});

describe('alerting rules from the catalogue', () => {
  it('cuts levels into bands so one series fires one priority, the highest it crosses', () => {
    const k = kpi('etcd-wal-fsync-p99');
    const alerts = kpiAlerts(k, {
      thresholds: profileThresholds(k, 'guide'),
      profile: 'guide',
      clusterLabel: 'cluster',
    });
    expect(alerts.map((a) => [a.expr, a.labels['severity'], a.for])).toEqual([
      ['kubetune:etcd_wal_fsync_p99:5m > 0.1', 'critical', '5m'],
      ['kubetune:etcd_wal_fsync_p99:5m > 0.01 <= 0.1', 'info', '15m'],
    ]);
  });

  it('generates only what a Prometheus can measure and says why the rest is left out', () => {
    const present = new Set(['etcd_disk_wal_fsync_duration_seconds_bucket', 'apiserver_request_total']);
    const rules = generateRules({ profile: 'guide', presentMetrics: present });
    const recorded = rules.recording.flatMap((g) => g.rules.map((r) => ('record' in r ? r.record : '')));
    expect(recorded).toContain(recordName(kpi('etcd-wal-fsync-p99')));
    expect(recorded).not.toContain(recordName(kpi('etcd-backend-commit-p99')));
    expect(rules.omitted).toContainEqual({
      id: 'etcd-backend-commit-p99',
      reason: 'no etcd_disk_backend_commit_duration_seconds_bucket series in Prometheus (is etcd scraped?)',
    });
    expect(rules.omitted.map((o) => o.id)).toEqual(expect.arrayContaining(['apiserver-latency-slo', 'rightsize']));
    const alerts = rules.alerting.flatMap((g) => g.rules.filter(isAlertingRule).map((r) => r.alert));
    expect(alerts).toContain('ApiserverAvailabilityBudgetBurn');
    expect(alerts).not.toContain('ApiserverLatencyBudgetBurn');
    expect(rules.discovered).toBe(true);
  });

  it('a ratio needs its denominator, a first() one alternative', () => {
    const ratio = kpi('apiserver-5xx-ratio').expr;
    expect(missingMetrics(ratio, new Set(['apiserver_request_total']))).toEqual([]);
    const latency = kpi('apiserver-latency-p99-resource').expr;
    expect(missingMetrics(latency, new Set(['apiserver_request_duration_seconds_bucket']))).toEqual([]);
    expect(missingMetrics(latency, new Set())).toHaveLength(3);
  });

  it('drops fallbacks to metric names the target version removed', () => {
    const sched = kpi('scheduler-latency-p99').expr;
    const pruned = pruneAlternatives(sched, (m) => !m.startsWith('scheduler_e2e_'));
    expect(pruned.kind).toBe('quantile');
    expect(pruneAlternatives(sched, () => false)).toEqual(sched);
  });

  it('every KPI with a level gets an alert in every profile', () => {
    for (const profile of ['guide', 'strict', 'upstream-slo'] as const) {
      const rules = generateRules({ profile });
      const alerted = new Set(
        rules.alerting.flatMap((g) => g.rules.filter(isAlertingRule).map((r) => r.labels['kpi'])),
      );
      const withLevels = KPIS.filter((k) => Object.keys(k.levels[profile]).length > 0).map((k) => k.id);
      expect([...alerted].filter(Boolean).sort()).toEqual([...withLevels].sort());
    }
  });
});

describe('thresholds from history', () => {
  const k = kpi('apiserver-latency-p99-resource');
  const opts = { profile: 'guide' as const, quantile: 0.99, margin: 2, window: '14d' };
  it('adds an earlier level below the profile, with the numbers that produced it', () => {
    const t = historyThreshold(k, 0.18, opts)!;
    expect(t).toMatchObject({ kpi: k.id, priority: 'P2', value: 0.36, origin: 'history' });
    expect(t.basis).toBe('p99 over 14d = 180 ms × 2 margin = 360 ms; profile guide P2 500 ms');
  });
  it('is never looser than the profile, and leaves counts alone', () => {
    expect(historyThreshold(k, 0.3, opts)).toBeUndefined(); // 600 ms > the profile's 500 ms
    expect(historyThreshold(kpi('container-oom-kills'), 1, opts)).toBeUndefined();
    expect(historyThreshold(k, 0, opts)).toBeUndefined();
  });
});

describe('what generated rules point to', () => {
  it('every runbook_url has its section in docs/runbooks.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../docs/runbooks.md', import.meta.url), 'utf8');
    const anchors = new Set([...doc.matchAll(/^## (\S+)$/gm)].map((m) => m[1]));
    const rules = generateRules({ profile: 'strict' });
    const urls = rules.alerting.flatMap((g) =>
      g.rules.filter(isAlertingRule).map((r) => r.annotations['runbook_url']!),
    );
    expect(urls.length).toBeGreaterThan(40);
    expect(urls.map((u) => u.split('#')[1]).filter((a) => !anchors.has(a))).toEqual([]);
  });

  it('rightsize reads the CPU rate kubetune records', async () => {
    const { CPU_RECORDING_RULES } = await import('../../analyzers/rightsize/queries.js');
    const { CONTAINER_CPU_RECORD } = await import('./rightsize-rules.js');
    expect(CPU_RECORDING_RULES).toContain(CONTAINER_CPU_RECORD);
  });
});

import { describe, expect, it } from 'vitest';
import { buildReport } from './report.js';
import { REPORTERS } from './index.js';
import type { RightsizeSection } from './rightsize.js';

const MiB = 2 ** 20;
const section: RightsizeSection = {
  strategy: 'guide',
  window: { start: '2026-01-01T00:00:00.000Z', end: '2026-01-15T00:00:00.000Z', resolutionSeconds: 60 },
  currency: 'EUR',
  queries: 11,
  recommendations: [
    {
      workload: { namespace: 'shop', kind: 'Deployment', name: '<script>x</script>' },
      container: 'app|1',
      role: 'app',
      status: 'ok',
      current: { cpuRequest: 1000, cpuLimit: 2000, memoryRequest: 512 * MiB },
      recommended: { cpuRequest: 250, memoryRequest: 300 * MiB, memoryLimit: 450 * MiB },
      evidence: {
        cpu: { p95: 240, max: 300 },
        memory: { p50: 250 * MiB, max: 300 * MiB },
        coverage: { points: 20160, hours: 336, pods: 3 },
        oomKills: 0,
      },
      reasons: [{ code: 'percentile' }, { code: 'no-cpu-limit' }],
      runtime: [{ setting: 'GOMAXPROCS', where: 'GOMAXPROCS', to: '1' }],
      savings: { cpuCores: 2.25, memoryGiB: 0.6, monthlyCost: 53.7 },
      tradeoff: {
        neededRatio: 2.25,
        maxRatio: 2,
        chosen: 'no-limit',
        options: [
          { option: 'no-limit', cpuRequest: 250, monthlyCost: 5.77 },
          { option: 'keep-ratio', cpuRequest: 300, cpuLimit: 600, monthlyCost: 6.92 },
        ],
      },
    },
    {
      workload: { namespace: 'shop', kind: 'CronJob', name: 'report' },
      container: 'job',
      role: 'app',
      status: 'not-enough-data',
      current: {},
      reasons: [],
      runtime: [],
      gap: {
        observedHours: 4,
        neededHours: 12,
        observedPoints: 240,
        neededPoints: 100,
        missingSeries: ['container_cpu_usage_seconds_total'],
      },
    },
  ],
  totals: {
    containers: 2,
    recommended: 1,
    notEnoughData: 1,
    noData: 0,
    savings: { cpuCores: 2.25, memoryGiB: 0.6, monthlyCost: 53.7 },
  },
  backtest: {
    strategies: [
      {
        strategy: 'krr-simple',
        label: 'krr-simple',
        drivers: { cost: ['shop/Deployment/api/app'], oom: ['shop/Deployment/api/app'], throttled: [] },
        totals: {
          monthlyCost: 41.5,
          throttledShare: 0,
          oomSamples: 27,
          containersWithOom: 5,
          throttledMinutes: 0,
          containersThrottled: 0,
          notEnoughData: 1,
          savings: { cpuCores: 1, memoryGiB: -0.5, monthlyCost: 10 },
        },
      },
    ],
  },
};
const report = buildReport({
  command: 'rightsize',
  version: '0',
  kubeVersion: '-',
  profile: 'guide',
  findings: [],
  diagnostics: [],
  rules: [],
  objects: 2,
  sections: { rightsize: section },
});

describe('rightsize section', () => {
  it('text: current vs recommended with the evidence, then the backtest and totals', () => {
    const text = REPORTERS.text(report);
    const row = text.split('\n').find((l) => l.startsWith('Deployment/shop/'))!;
    for (const cell of [
      '1/2',
      '250m/-',
      '512Mi/-',
      '300Mi/450Mi',
      '240m/300m',
      '250MiB/300MiB',
      '20160 pts, 336.0 h, 3 pods',
      '53.70 EUR',
      'percentile,no-cpu-limit; GOMAXPROCS=1',
    ])
      expect(row).toContain(cell);
    expect(text).toMatch(/krr-simple\s+41\.50 EUR\s+27\s+5\s+0 \(0\.00%\)/);
    expect(text).toContain('cost: api/app; OOM: api/app');
    const thin = text.split('\n').find((l) => l.startsWith('CronJob/shop/report'))!;
    expect(thin).toContain('4.0 h of 12 h needed, 240 of 100 points, no samples of container_cpu_usage_seconds_total');
    expect(text).toContain(
      'a limit absorbing the peak is 2.25x the p95 (max 2x): *no-limit 250m/- 5.77 EUR/month vs keep-ratio 300m/600m 6.92 EUR/month',
    );
    expect(text).toContain(
      '1/2 containers recommended, 1 not enough data · saves 2.25 cores, 0.60 GiB, 53.70 EUR/month · 11 Prometheus queries',
    );
  });

  it('markdown and HTML escape workload names', () => {
    expect(REPORTERS.markdown(report)).toContain('| Deployment/shop/&lt;script&gt;x&lt;/script&gt; | app\\|1 |');
    const html = REPORTERS.html(report);
    expect(html).toContain('<td>Deployment/shop/&lt;script&gt;x&lt;/script&gt;</td>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<h3>Backtest</h3>');
  });

  it('JSON carries the whole section', () => {
    expect(JSON.parse(REPORTERS.json(report)).sections.rightsize).toEqual(section);
  });
});

/** `kubetune diagnose --metrics-file` on the real scrapes of ../shared/data/metrics (Kubernetes 1.33 and 1.35). */
import { writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../support/processes.js';
import { runCli, type DiagnoseJson } from './diagnose-cli.js';

const DATA = new URL('../../../shared/data/metrics/', import.meta.url).pathname;
const scrapes = (v: string) =>
  [
    'controlplane/api-server/metrics',
    'controlplane/etcd/metrics',
    'controlplane/scheduler/metrics',
    'controlplane/controller-manager/metrics',
    'ksm/metrics',
    'kubelet/metrics/cadvisor',
  ].map((f) => join(DATA, `k8s-${v}`, f));
const offline = async (files: string[], extra: string[] = []) => {
  const run = await runCli(['diagnose', '--metrics-file', ...files, '-o', 'json', ...extra]);
  return { ...run, report: JSON.parse(run.stdout) as DiagnoseJson };
};
const statusOf = (r: DiagnoseJson, kpi: string) => r.sections.diagnose.kpis.find((k) => k.kpi === kpi)?.status;

describe.each(['1.33', '1.35'])('offline diagnose of the real Kubernetes %s scrapes', (v) => {
  it('measures lifetime ratios and quantiles, flags the CPU-bound e2e pods, exits 1 on P0', async () => {
    const { code, report } = await offline(scrapes(v));
    expect(report.sections.diagnose.period).toBe('since process start');
    // the capture's e2e workloads run compute-pi-digits under a CPU limit: throttled in (nearly) every period
    const throttled = report.findings.find((f) => f.messageId === 'container-cpu-throttling')!;
    expect(throttled.priority).toBe('P0');
    expect(throttled.object.namespace).toBe('scraper');
    expect(String(throttled.evidence?.['top'])).toContain('container=compute-pi-digits');
    for (const kpi of [
      'apiserver-latency-p99-resource',
      'apiserver-5xx-ratio',
      'etcd-wal-fsync-p99',
      'etcd-db-quota-usage',
      'container-memory-vs-limit',
    ]) {
      expect(['measured', 'bottleneck']).toContain(statusOf(report, kpi));
    }
    expect(code).toBe(1);
    expect(report.kubeVersion).toMatch(new RegExp(`^v${v.replace('.', '\\.')}\\.`));
  });

  it('never reports what a scrape cannot tell as healthy', async () => {
    const { report } = await offline(scrapes(v));
    // no node-exporter, kubelet or CoreDNS scrape in the capture; rates need a time base
    for (const kpi of [
      'node-cpu-utilisation',
      'node-memory-utilisation',
      'kubelet-pleg-relist-p99',
      'coredns-latency-p99',
      'apiserver-qps',
      'container-oom-kills',
    ]) {
      expect(statusOf(report, kpi)).toBe('not-measured');
    }
    const msgs = report.diagnostics.filter((d) => d.code === 'not-measured').map((d) => d.message);
    expect(msgs.some((m) => m.includes('[node-cpu-utilisation]') && m.includes('node-exporter'))).toBe(true);
    expect(msgs.some((m) => m.includes('[apiserver-qps]') && m.includes('since process start'))).toBe(true);
  });
});

describe('offline diagnose input errors', () => {
  it('names the unreadable file and the bad line, diagnoses the rest, exits 4', async () => {
    const dir = await tempDir('scrape');
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const bad = join(dir, 'broken.prom');
    writeFileSync(bad, '# TYPE x counter\nx_total 1\nx_total{a="1" 2\nnot a sample\n');
    const { code, report } = await offline(
      [bad, join(dir, 'missing.prom'), ...scrapes('1.35').slice(0, 2)],
      ['--fail-on', 'none'],
    );
    expect(report.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'parse-error', file: bad, line: 3 }),
        expect.objectContaining({ code: 'parse-error', file: bad, line: 4 }),
        expect.objectContaining({ code: 'source-error', file: join(dir, 'missing.prom') }),
      ]),
    );
    expect(statusOf(report, 'etcd-wal-fsync-p99')).not.toBe('not-measured');
    expect(code).toBe(4);
  });

  it('takes directories as the shell expands `controlplane/*`, picking the scrape files inside', async () => {
    const dirs = ['api-server', 'etcd', 'scheduler', 'controller-manager'].map((c) =>
      join(DATA, 'k8s-1.35/controlplane', c),
    );
    const fromDirs = await offline([...dirs, join(DATA, 'k8s-1.35/kubelet')]);
    const fromFiles = await offline([...scrapes('1.35').slice(0, 4), join(DATA, 'k8s-1.35/kubelet/metrics/cadvisor')]);
    expect(fromDirs.report.findings).toEqual(fromFiles.report.findings);
    expect(fromDirs.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('text output lists root causes and bottlenecks by priority', async () => {
    const run = await runCli(['diagnose', '--metrics-file', ...scrapes('1.33'), '--no-color']);
    expect(run.stdout).toMatch(/P0 Container CPU throttling/);
    expect(run.stdout).toMatch(/root cause: etcd .* → .*API server p99 latency/);
    expect(run.stderr).toMatch(/KPIs measured/);
  });

  it('text output names the file:line the JSON carries and folds 63 identical parse warnings into one counted line', async () => {
    const dir = await tempDir('scrape');
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const bad = join(dir, 'repeated.prom');
    writeFileSync(bad, `# TYPE x counter\nx_total 1\n${'x_total one\n'.repeat(63)}x_total{a="1" 2\n`);
    const args = ['diagnose', '--metrics-file', bad, ...scrapes('1.35').slice(0, 2), '--fail-on', 'none'];
    const json = JSON.parse((await runCli([...args, '-o', 'json'])).stdout) as DiagnoseJson;
    const repeated = json.diagnostics.filter((d) => d.code === 'parse-error' && d.line !== undefined && d.line <= 65);
    expect(repeated).toHaveLength(63);
    const text = (await runCli([...args, '--no-color'])).stdout.split('\n');
    const message = repeated[0]!.message;
    const folded = text.filter((l) => l.includes(message));
    expect(folded).toEqual([`  warning 63× ${bad}:3: ${message} (lines 3, 4, 5, 6, 7 and 58 more)`]);
    const single = json.diagnostics.find((d) => d.line === 66)!;
    expect(text).toContain(`  warning ${bad}:66: ${single.message}`);
    const verbose = (await runCli([...args, '--no-color', '--verbose'])).stdout;
    expect(verbose).toContain(`(lines ${Array.from({ length: 63 }, (_, i) => i + 3).join(', ')})`);
  });
});

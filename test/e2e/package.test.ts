import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The built package works as a library (explicit exports) and the `kubetune` bin runs. */
describe('package', () => {
  it('exposes the library entry and the testing entry from dist', () => {
    const script = `
      const k = await import('kubetune');
      const t = await import('kubetune/testing');
      const r = await k.auditFiles(['examples/cluster/manifests/payments.yaml']);
      console.log(JSON.stringify({ rules: k.RULES.length, fn: typeof t.ruleTester.run, ids: r.report.findings.map((f) => f.ruleId) }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.rules).toBeGreaterThan(10);
    expect(out.fn).toBe('function');
    expect(out.ids).toContain('namespace-all-guaranteed');
  });

  it('parses YAML in the compiled worker threads (dist/sources/files/parse-worker.js) with the same result', () => {
    // minFileBytes 0 sends even the example's files through the pool of the built package.
    const script = `
      const k = await import('kubetune');
      const ids = async (parallel) => {
        const r = await k.auditFiles(['examples/cluster'], { parallel });
        return r.report.findings.map((f) => [f.ruleId, f.object?.name, f.source?.file, f.source?.line].join(' '));
      };
      const one = await ids({ workers: 0 });
      const pooled = await ids({ workers: 2, minFileBytes: 0 });
      console.log(JSON.stringify({ n: one.length, same: JSON.stringify(one) === JSON.stringify(pooled) }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { n: number; same: boolean };
    expect(out.n).toBeGreaterThan(20);
    expect(out.same).toBe(true);
  });
});

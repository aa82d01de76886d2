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
});

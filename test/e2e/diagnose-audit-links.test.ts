/** Diagnose remediation links to audit rules that exist (`kubetune explain <rule>` must know each one). */
import { describe, expect, it } from 'vitest';
import { KPI_AUDIT_RULES } from '../../src/knowledge/kpis-audit-rules.js';
import { KPIS } from '../../src/knowledge/kpis.js';
import { RULES } from '../../src/rules/index.js';
import { runCli } from './diagnose-cli.js';

describe('diagnose → audit rule links', () => {
  it('every linked rule is in the registry and every key is a KPI', () => {
    const rules = new Set(RULES.map((r) => r.id));
    const kpis = new Set(KPIS.map((k) => k.id));
    for (const [kpi, ids] of Object.entries(KPI_AUDIT_RULES)) {
      expect(kpis.has(kpi), kpi).toBe(true);
      for (const id of ids) expect(rules.has(id), `${kpi} → ${id}`).toBe(true);
    }
  });

  it('the CLI explains a linked rule', async () => {
    const run = await runCli(['explain', KPI_AUDIT_RULES['etcd-wal-fsync-p99']![0]!]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('etcd-wal-dir-shared');
  });
});

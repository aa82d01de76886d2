import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDINGS_PER_DEPLOYMENT, writeFindingsYaml } from '../../bench/findings-yaml.js';
import { auditFiles } from '../../src/app/audit.js';

describe('the many-findings benchmark input (bench/findings-yaml.ts)', () => {
  it('gives the number of findings per Deployment the benchmark row counts on, with file lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-findings-'));
    try {
      const file = join(dir, 'd.yaml');
      await writeFindingsYaml(file, 3);
      const r = await auditFiles([file]);
      expect(r.read.stats.objects).toBe(3);
      expect(r.report.summary.findings).toBe(3 * FINDINGS_PER_DEPLOYMENT + 1); // + 1 for their namespace
      const deployments = r.report.findings.filter((f) => f.object.kind === 'Deployment');
      expect(deployments).toHaveLength(3 * FINDINGS_PER_DEPLOYMENT);
      expect(deployments.every((f) => f.source && f.source.line > 1)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

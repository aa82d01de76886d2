import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/app/audit.js';
import { fixFiles } from '../../src/app/fix.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'manifests');
const work = mkdtempSync(join(tmpdir(), 'kubetune-fix-real-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!existsSync(DATA))('kubetune fix on the real manifests (a copy)', () => {
  it('fixes, leaves no fixable finding, breaks no file, and a second run changes nothing', async () => {
    const dir = join(work, 'manifests');
    cpSync(DATA, dir, { recursive: true });
    const before = await auditFiles([dir], {});
    const first = await fixFiles([dir], {});
    expect(first.applied).toBeGreaterThan(10);
    expect(first.changes.length).toBeGreaterThan(10);
    // every change is small: no file was re-rendered wholesale
    for (const c of first.changes) {
      const lines = new Set(c.before.split('\n'));
      const changed = c.after.split('\n').filter((l) => !lines.has(l)).length;
      expect(changed, c.file).toBeLessThanOrEqual(12);
      expect(readFileSync(c.file, 'utf8')).toBe(c.after);
    }
    const after = await auditFiles([dir], {});
    const inputErrors = (r: typeof after) =>
      r.report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message.replace(dir, ''));
    expect(inputErrors(after)).toEqual(inputErrors(before));
    expect(after.read.stats.objects).toBe(before.read.stats.objects);
    expect(after.run.findings.filter((f) => f.fix?.length)).toEqual([]);
    const second = await fixFiles([dir], {});
    expect(second.changes).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kubetune-kustomize-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'app'));
writeFileSync(
  join(dir, 'app/kustomization.yaml'),
  'namespace: shop\nresources: [web.yaml]\nimages:\n- {name: nginx, newTag: "1.27.3"}\n',
);
writeFileSync(
  join(dir, 'app/web.yaml'),
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:latest\n',
);

describe('audit of a kustomization directory (rendered when kustomize is on PATH, else raw with its overrides)', () => {
  it('the tag the kustomization sets counts; the kustomization is not an object', async () => {
    const r = await runCli(['audit', dir, '-o', 'json']);
    const report = JSON.parse(r.stdout) as {
      findings: { ruleId: string; object: { kind: string; namespace?: string } }[];
      diagnostics: { severity: string; message: string }[];
    };
    expect(report.findings.filter((f) => f.ruleId === 'image-tag-latest')).toEqual([]);
    expect(report.findings.every((f) => f.object.kind !== 'Kustomization')).toBe(true);
    expect(report.findings.filter((f) => f.object.kind === 'Pod').every((f) => f.object.namespace === 'shop')).toBe(
      true,
    );
    // either rendered (no note) or the note says how to render
    for (const d of report.diagnostics) expect(d.message).toMatch(/kustomize build .*app \| kubetune audit -/);
    expect(r.code).not.toBe(4);
  });
});

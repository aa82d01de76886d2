import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The generated flag tables (src/knowledge/flags-upstream-data.ts) must reproduce from their pinned sources.
 * Without the source repositories the regeneration cannot run: that test is reported as skipped (never as a
 * pass) and the committed data's digest is verified instead.
 */
const WEBSITE = process.env['KUBETUNE_WEBSITE_GIT'] ?? '/work/.mirror/Andygol+k8s-website/repo';
const ETCD = process.env['KUBETUNE_ETCD_GIT'] ?? '/work/.mirror/etcd-io+etcd/repo';
const present = existsSync(WEBSITE) && existsSync(ETCD);
const run = (args: string[], env: Record<string, string> = {}, script = 'scripts/gen-flags.ts') => {
  const r = spawnSync('npx', ['tsx', script, ...args], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, ...env },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.trim() };
};

describe('generated flag and config-field tables', { timeout: 300_000 }, () => {
  it.skipIf(!present)(
    `reproduce from kubernetes/website and etcd-io/etcd at the pinned revisions${present ? '' : ' (SKIPPED: source repositories absent)'}`,
    () => {
      const r = run(['--check']);
      expect(r.output).toMatch(/reproduce from the pinned sources/);
      expect(r.status, r.output).toBe(0);
    },
  );
  it.skipIf(!existsSync(WEBSITE))(
    `config-field tables reproduce from kubernetes/website${existsSync(WEBSITE) ? '' : ' (SKIPPED: website history absent)'}`,
    () => {
      const r = run(['--check'], {}, 'scripts/gen-config-fields.ts');
      expect(r.output).toMatch(/reproduce from the pinned sources/);
      expect(r.status, r.output).toBe(0);
    },
  );
  it('config-field tables carry an intact digest when the website history is absent', () => {
    const r = run(['--check'], { KUBETUNE_WEBSITE_GIT: '/nonexistent' }, 'scripts/gen-config-fields.ts');
    expect(r.output).toMatch(/REGENERATION SKIPPED: .* not present; committed data digest verified/);
    expect(r.status, r.output).toBe(0);
  });
  it.skipIf(!existsSync(WEBSITE))(
    `the deprecation-guide table reproduces from kubernetes/website${existsSync(WEBSITE) ? '' : ' (SKIPPED: website history absent)'}`,
    () => {
      const r = run(['--check'], {}, 'scripts/gen-api-removals.ts');
      expect(r.output).toMatch(/reproduces from the pinned source/);
      expect(r.status, r.output).toBe(0);
    },
  );
  it('the deprecation-guide table carries an intact digest when the website history is absent', () => {
    const r = run(['--check'], { KUBETUNE_WEBSITE_GIT: '/nonexistent' }, 'scripts/gen-api-removals.ts');
    expect(r.output).toMatch(/REGENERATION SKIPPED: .* not present; committed data digest verified/);
    expect(r.status, r.output).toBe(0);
  });
  it('carry an intact digest (what --check verifies when the sources are absent, and says so)', () => {
    const r = run(['--check'], { KUBETUNE_WEBSITE_GIT: '/nonexistent', KUBETUNE_ETCD_GIT: '/nonexistent' });
    expect(r.output).toMatch(/REGENERATION SKIPPED: .* not present; committed data digest verified/);
    expect(r.status, r.output).toBe(0);
  });
});

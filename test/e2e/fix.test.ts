import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { auditFiles } from '../../src/app/audit.js';
import { fixFiles } from '../../src/app/fix.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { RULES } from '../../src/rules/index.js';
import { listFixtures, type FixtureOptions } from '../../src/testing/fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'kubetune-fix-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const objects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);

const optionsFor = (ruleId: string, o: FixtureOptions) => ({
  rules: RULES.filter((r) => r.id === ruleId),
  ...(o.kubeVersion ? { kubeVersion: o.kubeVersion } : {}),
  ...(o.profile ? { profile: o.profile } : {}),
  ...(o.ruleOptions ? { config: { rules: { [ruleId]: { options: o.ruleOptions } }, exemptions: [] } } : {}),
});

/** Every fixable rule: `kubetune fix` turns fail.X into fixed.X, which then audits clean, and a second run changes nothing. */
describe('kubetune fix on the rule fixtures', () => {
  for (const rule of RULES.filter((r) => r.fixable)) {
    const fixtures = listFixtures(rule);
    for (const fixed of fixtures.filter((f) => f.kind === 'fixed')) {
      const fail = fixtures.find((f) => f.kind === 'fail' && f.name === fixed.name)!;
      it(`${rule.id}: fail.${fail.name} → fixed.${fixed.name}`, async () => {
        const dir = mkdtempSync(join(work, `${rule.id}-`));
        const file = join(dir, basename(fail.file));
        copyFileSync(fail.file, file);
        const options = optionsFor(rule.id, fail.options);
        const first = await fixFiles([file], options);
        expect(first.applied).toBeGreaterThan(0);
        const text = readFileSync(file, 'utf8');
        expect(objects(text)).toEqual(objects(readFileSync(fixed.file, 'utf8')));
        const header = readFileSync(fail.file, 'utf8').split('\n')[0]!;
        if (header.startsWith('#')) expect(text.split('\n')[0]).toBe(header); // comments survive
        const audit = await auditFiles([file], options);
        expect(audit.run.findings.map((f) => f.message)).toEqual([]);
        const second = await fixFiles([file], options);
        expect(second.changes).toEqual([]);
        expect(readFileSync(file, 'utf8')).toBe(text);
      });
    }
  }
});

function io(stdin = ''): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: Readable.from([stdin]),
    env: {},
    cwd: work,
    now: () => new Date('2026-01-01T00:00:00Z'),
    out: () => out,
    err: () => err,
  };
}

const MANIFEST = `# storage classes of the platform team
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3   # default for databases
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
`;

describe('kubetune fix (CLI)', () => {
  it('--dry-run prints a unified diff and writes nothing', async () => {
    const file = join(mkdtempSync(join(work, 'dry-')), 'sc.yaml');
    writeFileSync(file, MANIFEST);
    const cli = io();
    const code = await main(['fix', file, '--dry-run', '--rule', 'volume-binding-immediate'], cli);
    expect(code).toBe(0);
    expect(cli.out()).toContain(`--- a/${relative(work, file)}`);
    expect(cli.out()).toContain('+volumeBindingMode: WaitForFirstConsumer');
    expect(cli.err()).toContain('would fix 1 finding(s) in 1 file(s)');
    expect(readFileSync(file, 'utf8')).toBe(MANIFEST);
  });

  it('writes the fix, keeps comments, and is idempotent', async () => {
    const file = join(mkdtempSync(join(work, 'write-')), 'sc.yaml');
    writeFileSync(file, MANIFEST);
    expect(await main(['fix', file, '--rule', 'volume-binding-immediate'], io())).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(MANIFEST + 'volumeBindingMode: WaitForFirstConsumer\n');
    const again = io();
    expect(await main(['fix', file], again)).toBe(0);
    expect(again.out()).toContain('nothing to fix');
    expect(readFileSync(file, 'utf8')).toBe(MANIFEST + 'volumeBindingMode: WaitForFirstConsumer\n');
  });

  it('refuses to write through stdin', async () => {
    const cli = io(MANIFEST);
    expect(await main(['fix', '-'], cli)).toBe(2);
    expect(cli.err()).toContain('cannot write back to standard input');
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from './read.js';

let dir: string;
const write = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
};
const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: a\nspec:\n  containers: [{name: c, image: "x:1"}]\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubetune-hostile-'));
  chmodSync(dir, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const READ_MODULE = new URL('./read.ts', import.meta.url).pathname;
const CLI_MODULE = new URL('../../cli/main.ts', import.meta.url).pathname;
const ROOT = new URL('../../..', import.meta.url).pathname;
/** Runs a module script in a process of an unprivileged user (as root, chmod 000 does not stop readdir). */
function runAsNobody(script: string) {
  const prefix = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  const [cmd, ...args] = [...prefix, process.execPath, '--import', 'tsx', '--input-type=module', '-e', script];
  return spawnSync(cmd!, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOME: dir } });
}
function readAsNobody(path: string) {
  const r = runAsNobody(`import { readInputs } from ${JSON.stringify(READ_MODULE)};
const r = await readInputs([${JSON.stringify(path)}], { parallel: { workers: 0 } });
console.log(JSON.stringify({ names: r.resources.map((x) => x.ref.name), diagnostics: r.diagnostics }));`);
  return { status: r.status, stderr: r.stderr, out: r.status === 0 ? JSON.parse(r.stdout) : undefined };
}

describe('hostile inputs', () => {
  it(
    'an unreadable subdirectory is a diagnostic and the rest is read (real EACCES, unprivileged user)',
    { timeout: 300_000 },
    () => {
      write('tree/a/ok.yaml', pod('ok'));
      write('tree/locked/hidden.yaml', pod('hidden'));
      write('tree/z.yaml', pod('z'));
      chmodSync(join(dir, 'tree/locked'), 0o000);
      try {
        const r = readAsNobody(join(dir, 'tree'));
        expect(r.stderr).toBe('');
        expect(r.out.names).toEqual(['ok', 'z']);
        expect(r.out.diagnostics).toEqual([
          expect.objectContaining({
            code: 'source-error',
            severity: 'error',
            file: join(dir, 'tree/locked'),
            message: expect.stringMatching(/tree\/locked: directory not read \(EACCES: permission denied/),
          }),
        ]);
        // and the CLI: the rest audited, exit 4 (input not read), no stack trace
        const cli = runAsNobody(`import { main } from ${JSON.stringify(CLI_MODULE)};
process.exitCode = await main(['audit', ${JSON.stringify(join(dir, 'tree'))}, '-o', 'json']);`);
        expect(cli.stderr).not.toMatch(/\bat \S+ \(/);
        expect(JSON.parse(cli.stdout).findings.length).toBeGreaterThan(0);
        expect(cli.status).toBe(4);
      } finally {
        chmodSync(join(dir, 'tree/locked'), 0o755);
      }
    },
  );

  it('a directory the lister fails on (an injected error) is a diagnostic and the rest is read', async () => {
    write('tree2/a/ok.yaml', pod('ok'));
    write('tree2/bad/x.yaml', pod('x'));
    const { readdir } = await import('node:fs/promises');
    const r = await readInputs([join(dir, 'tree2')], {
      listDirectory: async (p) => {
        if (p.endsWith('bad')) throw Object.assign(new Error(`ELOOP: too many symbolic links, scandir '${p}'`), {});
        return readdir(p, { withFileTypes: true });
      },
    });
    expect(r.resources.map((x) => x.ref.name)).toEqual(['ok']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['source-error', 'error', expect.stringMatching(/tree2\/bad: directory not read \(ELOOP/)],
    ]);
    expect(r.stats.skipped).toEqual({ 'unreadable directory': 1 });
  });
});

const MODES = [
  { name: 'main thread', parallel: { workers: 0 } },
  { name: 'worker threads', parallel: { workers: 2, minFileBytes: 0 } },
];

describe.each(MODES)('a file that is not UTF-8 ($name)', ({ parallel }) => {
  it('skips only the documents holding invalid bytes, names their line once, reads the rest', async () => {
    const bad = Buffer.concat([
      Buffer.from(`${pod('before')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf`),
      Buffer.from([0xe9]),
      Buffer.from(`\n  namespace: a\n---\n${pod('after')}`),
    ]);
    const p = write('latin1-middle.yaml', bad);
    const r = await readInputs([p], { parallel });
    expect(r.resources.map((x) => [x.ref.name, x.source?.line])).toEqual([
      ['before', 1],
      ['after', 15],
    ]);
    expect(r.diagnostics).toEqual([
      {
        code: 'parse-error',
        severity: 'error',
        file: p,
        line: 12,
        message: `${p}:12: document 2 is not valid UTF-8 (first invalid byte on this line); skipped, the other documents were read`,
      },
    ]);
  });

  it('finds the line of invalid bytes deep in a large file and of a character cut short at its end', async () => {
    const many = Array.from({ length: 40_000 }, (_, i) => pod(`p${i}`)).join('---\n'); // ~5 MB: several chunks
    const lines = many.split('\n').length - 1;
    const p = write(
      'latin1-deep.yaml',
      Buffer.concat([
        Buffer.from(`${many}---\n# \xff\n`, 'latin1'),
        Buffer.from(pod('last')),
        Buffer.from([0xe2, 0x82]),
      ]),
    );
    const r = await readInputs([p], { parallel });
    expect(r.resources.length).toBe(40_000);
    expect(r.diagnostics.map((d) => [d.line, d.message.split(': ')[1]])).toEqual([
      [
        lines + 2,
        'document 40001 is not valid UTF-8 (first invalid byte on this line); skipped, the other documents were read',
      ],
    ]);
    expect(r.diagnostics[0]!.message.split(p).length).toBe(2); // the file named once
  });

  it('JSON: names the file once and the offset of the first invalid byte', async () => {
    const head = '{"items": [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "caf';
    const p = write(
      'latin1.json',
      Buffer.concat([Buffer.from(head), Buffer.from([0xe9, 0x22, 0x7d, 0x7d, 0x5d, 0x7d])]),
    );
    const r = await readInputs([p], { parallel });
    expect(r.diagnostics.filter((d) => d.code === 'source-error').map((d) => d.message)).toEqual([
      `${p}: not valid UTF-8 (first invalid byte at offset ${head.length})`,
    ]);
  });
});

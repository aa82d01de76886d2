import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'kubetune-bench-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** PIDs of processes whose command line mentions `needle` (from /proc, no ps needed). */
function processesWith(needle: string): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.includes(needle)) out.push(Number(p));
    } catch {
      // gone
    }
  }
  return out;
}

it('SIGINT during a local run kills the tool, removes its scratch files and stores nothing', async () => {
  const store = join(dir, 'h.sqlite');
  const cli = join(import.meta.dirname, '..', '..', 'src', 'cli', 'run.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', cli, 'bench', 'run', '--local', '--suite', 'storage', '--dir', dir, '--store', store],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`fio never started: ${err}`)), 60_000);
    const poll = setInterval(() => {
      if (err.includes('disk-randread') && processesWith(`--directory=${dir}`).length > 0) {
        clearInterval(poll);
        clearTimeout(t);
        resolve();
      }
    }, 100);
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.once('close', r));
  expect(code).toBe(2);
  expect(err).toContain('bench run interrupted: nothing was stored');
  expect(processesWith(`--directory=${dir}`)).toEqual([]);
  expect(readdirSync(dir).filter((f) => f.startsWith('kubetune-bench-'))).toEqual([]);
  const s = await openStore(store);
  expect(await s.listRuns()).toEqual([]);
  await s.close();
}, 90_000);

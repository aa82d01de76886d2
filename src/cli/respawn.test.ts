import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, respawnArgs } from './respawn.js';

describe('respawnArgs', () => {
  it('restarts with the missing Node flags, keeping the ones given', () => {
    expect(respawnArgs([], {})).toEqual([...NODE_FLAGS]);
    expect(respawnArgs(['--enable-source-maps'], {})).toEqual([...NODE_FLAGS, '--enable-source-maps']);
  });

  it('does not restart when the flags are set (any value), in NODE_OPTIONS, or when told not to', () => {
    expect(respawnArgs(['--max-semi-space-size=32'], {})).toBeUndefined();
    expect(respawnArgs([], { NODE_OPTIONS: '--max-old-space-size=4096 --max-semi-space-size=128' })).toBeUndefined();
    expect(respawnArgs([], { KUBETUNE_NO_RESPAWN: '1' })).toBeUndefined();
  });
});

describe('bin/kubetune.js', () => {
  it('runs the CLI in a child with the flags and passes its exit code and output through', () => {
    const ok = spawnSync(process.execPath, ['bin/kubetune.js', '--version'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/\d+\.\d+\.\d+/);
    const usage = spawnSync(process.execPath, ['bin/kubetune.js', 'no-such-command'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    // Each process appends its Node flags to a file (a preload in NODE_OPTIONS runs in both): the parent has none,
    // the child it started has the flags.
    const dir = mkdtempSync(join(tmpdir(), 'kubetune-respawn-'));
    const log = join(dir, 'argv.log');
    const preload = join(dir, 'log-argv.cjs');
    writeFileSync(
      preload,
      `require('fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.execArgv) + '\\n');`,
    );
    const runLogged = (arg: string) => {
      rmSync(log, { force: true });
      const r = spawnSync(process.execPath, ['bin/kubetune.js', arg], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: `--require ${preload}` },
      });
      expect(r.status).toBe(0);
      return readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as string[]);
    };
    expect(runLogged('--help')).toEqual([[], [...NODE_FLAGS]]);
    // --version has nothing to tune: answered by the first process, no restart
    expect(runLogged('--version')).toEqual([[]]);
    rmSync(dir, { recursive: true, force: true });
  });
});

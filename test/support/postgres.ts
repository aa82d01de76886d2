/**
 * Test support: a real PostgreSQL (Debian's postgresql-15) on 127.0.0.1 with a free port and a temp data dir.
 * Tests run as root and postgres refuses root, so initdb and the server run as `nobody` through setpriv (which execs:
 * the PID we hold is the postmaster's). Trust auth on loopback only; fsync off (the data dir is thrown away).
 *
 *   const pg = await startPostgres();   // pg.url = postgres://kubetune@127.0.0.1:<port>/postgres
 *   afterAll(() => pg.stop());
 */
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes.js';

export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

export const postgresAvailable = (): boolean => existsSync(join(POSTGRES_BIN, 'postgres'));

export interface PostgresHandle {
  readonly url: string;
  readonly pid: number;
  output(): string;
  stop(): Promise<void>;
}

const asNobody = (bin: string, args: readonly string[]): [string, string[]] => [
  'setpriv',
  ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', join(POSTGRES_BIN, bin), ...args],
];

async function waitReady(url: string, isDead: () => boolean, output: () => string): Promise<void> {
  const moduleName: string = 'pg';
  const { default: pg } = (await import(moduleName)) as {
    default: { Client: new (o: { connectionString: string }) => { connect(): Promise<void>; end(): Promise<void> } };
  };
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline && !isDead()) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      await c.end();
      return;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`PostgreSQL at ${url} not ready (${last}):\n${output()}`);
}

export async function startPostgres(): Promise<PostgresHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'kubetune-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'nobody']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody']).toString().trim());
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const [cmd, initArgs] = asNobody('initdb', ['-D', data, '-A', 'trust', '-U', 'kubetune', '--no-sync', '-E', 'UTF8']);
  execFileSync(cmd, initArgs, { stdio: 'pipe', cwd: dir });
  const port = await freePort();
  const [scmd, sargs] = asNobody('postgres', [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'fsync=off',
  ]);
  const child = spawn(scmd, sargs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  let out = '';
  const keep = (b: Buffer): void => void (out = (out + b.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `postgres://kubetune@127.0.0.1:${port}/postgres`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT'); // fast shutdown
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(
      url,
      () => child.exitCode !== null,
      () => out,
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid: child.pid ?? 0, output: () => out, stop };
}

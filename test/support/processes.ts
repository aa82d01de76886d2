/**
 * Test support: start real components (node-exporter, etcd, ...) as plain background processes on 127.0.0.1,
 * wait until they answer, stop them by PID. Used by test/support/prometheus.ts and e2e tests.
 *
 *   const ne = await startNodeExporter();          // ne.url = http://127.0.0.1:<port>, ne.metricsPath = '/metrics'
 *   const etcd = await startEtcd();                // etcd.url (client), etcd.metricsUrl
 *   afterAll(() => Promise.all([ne.stop(), etcd.stop()]));
 *
 * Every handle's stop() is idempotent and waits for the process to exit (SIGTERM, then SIGKILL after 5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessHandle {
  readonly pid: number;
  /** Base URL of the component's HTTP endpoint, e.g. `http://127.0.0.1:39123`. */
  readonly url: string;
  readonly port: number;
  /** Everything the process wrote on stdout+stderr so far (for assertion messages). */
  output(): string;
  /** Terminates the process (SIGTERM, then SIGKILL) and removes the temp dirs it owns. Idempotent. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asks the kernel, then releases it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx, or throws after `timeoutMs` (with the process output when given). */
export async function waitForHttp(url: string, timeoutMs = 30_000, describe?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})${describe ? `\n${describe()}` : ''}`);
}

export interface SpawnOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly port: number;
  /** Path polled for readiness, e.g. `/-/ready`. */
  readonly readyPath: string;
  readonly readyTimeoutMs?: number;
  /** Temp dirs removed on stop(). */
  readonly ownedDirs?: readonly string[];
  readonly cwd?: string;
}

/** Starts a process, waits for `http://127.0.0.1:<port><readyPath>`, returns a handle that stops it. */
export async function spawnService(opts: SpawnOptions): Promise<ProcessHandle> {
  const child = spawn(opts.command, [...opts.args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: opts.cwd,
    detached: false,
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const url = `http://127.0.0.1:${opts.port}`;
  const handle = makeHandle({ child, exited, url, opts, output: () => out });
  try {
    await Promise.race([
      waitForHttp(`${url}${opts.readyPath}`, opts.readyTimeoutMs ?? 30_000, () => out),
      spawnError,
      exited.then(() => {
        throw new Error(`${opts.command} exited before it was ready (code ${child.exitCode}):\n${out}`);
      }),
    ]);
  } catch (e) {
    await handle.stop();
    throw e;
  }
  return handle;
}

function makeHandle({
  child,
  exited,
  url,
  opts,
  output,
}: {
  child: ChildProcess;
  exited: Promise<void>;
  url: string;
  opts: SpawnOptions;
  output: () => string;
}): ProcessHandle {
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    for (const dir of opts.ownedDirs ?? []) await rm(dir, { recursive: true, force: true });
  };
  return {
    pid: child.pid ?? -1,
    url,
    port: opts.port,
    output,
    stop: () => (stopping ??= stop()),
  };
}

/** A fresh temp dir under the OS temp dir. */
export const tempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `kubetune-${prefix}-`));

/** Starts `prometheus-node-exporter` on a free port (systemd collector off; it cannot run here). */
export async function startNodeExporter(extraArgs: readonly string[] = []): Promise<ProcessHandle> {
  const port = await freePort();
  return spawnService({
    command: 'prometheus-node-exporter',
    args: [`--web.listen-address=127.0.0.1:${port}`, '--no-collector.systemd', ...extraArgs],
    port,
    readyPath: '/metrics',
  });
}

/** Starts a single-member `etcd` with a temp data dir; `url` is the client URL, which also serves /metrics. */
export async function startEtcd(extraArgs: readonly string[] = []): Promise<ProcessHandle> {
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const dataDir = await tempDir('etcd');
  const client = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  return spawnService({
    command: 'etcd',
    args: [
      '--name=kt',
      `--data-dir=${dataDir}`,
      `--listen-client-urls=${client}`,
      `--advertise-client-urls=${client}`,
      `--listen-peer-urls=${peer}`,
      `--initial-advertise-peer-urls=${peer}`,
      `--initial-cluster=kt=${peer}`,
      '--initial-cluster-state=new',
      ...extraArgs,
    ],
    port: clientPort,
    readyPath: '/health',
    ownedDirs: [dataDir],
  });
}

/** True when `command` is on PATH (so a test can report a missing component instead of passing). */
export async function hasCommand(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

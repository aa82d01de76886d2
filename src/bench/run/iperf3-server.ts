import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { BenchRunError } from '../errors.js';

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Iperf3Server {
  readonly port: number;
  stop(): void;
}

/** Starts `iperf3 -s -1` on loopback and waits until it listens (it prints "Server listening on PORT"). */
export async function startIperf3Server(deadlineMs = 10_000): Promise<Iperf3Server> {
  const port = await freePort();
  const child: ChildProcess = spawn('iperf3', ['-s', '-1', '--forceflush', '-B', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new BenchRunError(
          `iperf3 server did not listen on 127.0.0.1:${port} within ${deadlineMs / 1000} s: ${out.trim()}`,
        ),
      );
    }, deadlineMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new BenchRunError(
          e.code === 'ENOENT' ? 'iperf3 is not installed (scripts/setup.sh installs it)' : `iperf3 -s: ${e.message}`,
          { cause: e },
        ),
      );
    });
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (/Server listening/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new BenchRunError(`iperf3 server exited (${String(code)}) before listening: ${out.trim()}`));
    });
  });
  return { port, stop: () => void (child.exitCode === null && child.kill('SIGKILL')) };
}

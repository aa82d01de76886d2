import { spawn } from 'node:child_process';
import { BenchRunError } from '../errors.js';

export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Runs a tool with a deadline; kills it (SIGKILL) when the deadline passes or `signal` aborts. */
export function execTool(
  command: string,
  args: readonly string[],
  options: { deadlineMs: number; signal?: AbortSignal; cwd?: string },
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    // its own process group, so that a kill reaches the workers it forks too (fio runs each job as a child process)
    const child = spawn(command, [...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let why: string | undefined;
    const kill = (reason: string): void => {
      why = reason;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already
      }
    };
    const timer = setTimeout(
      () => kill(`no result within its ${Math.round(options.deadlineMs / 1000)} s deadline`),
      options.deadlineMs,
    );
    const onAbort = (): void => kill('interrupted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new BenchRunError(
          e.code === 'ENOENT'
            ? `${command} is not installed (scripts/setup.sh installs it)`
            : `${command}: ${e.message}`,
          { cause: e },
        ),
      );
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (why) reject(new BenchRunError(`${command}: ${why}`));
      else resolve({ stdout, stderr, code, signal: sig });
    });
  });
}

/** First line of `TOOL --version`, or undefined when the tool is missing. */
export async function toolVersion(command: string): Promise<string | undefined> {
  try {
    const r = await execTool(command, ['--version'], { deadlineMs: 10_000 });
    return (r.stdout || r.stderr).split('\n')[0]?.trim() || undefined;
  } catch {
    return undefined;
  }
}

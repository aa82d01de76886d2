import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output (no TTY, fixed clock). */
export async function runCli(
  args: readonly string[],
  options: { stdin?: string; cwd?: string; tty?: boolean; columns?: number; env?: Record<string, string> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: {
      write: (s: string) => (stdout += s),
      isTTY: options.tty ?? false,
      ...(options.columns ? { columns: options.columns } : {}),
    },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Readable.from(options.stdin !== undefined ? [Buffer.from(options.stdin)] : []),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

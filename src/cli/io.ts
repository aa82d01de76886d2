import type { Readable } from 'node:stream';

/** The shell's side effects, passed in so commands can be run in-process by tests. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  now(): Date;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
});

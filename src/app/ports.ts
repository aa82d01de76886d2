/**
 * The ports an application function may be given: the only ways src/app/ reaches the world outside its arguments.
 * The CLI passes the process's own; tests and the dashboard pass their own.
 */
import type { Readable } from 'node:stream';

/** Environment variables a source may read (kubeconfig paths, tokens): passed in, never read from `process`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The time "now" for reports and query windows. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Where the files of a file source are read from: stdin for `-`, and the directory relative paths start from. */
export interface FilePorts {
  readonly stdin?: Readable;
  readonly cwd?: string;
}

/** A line of text for a person (a warning, a file written), as the shell chooses to show it. */
export interface Log {
  write(line: string): unknown;
}

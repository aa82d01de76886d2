/** Printing a Report: the output flags every reporting command shares. */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { STREAM_REPORTERS, isReporterName } from '../reporters/index.js';
import type { Report } from '../reporters/report.js';
import type { CommandContext } from './command.js';
import { bufferedSink, fileSink } from './output-sink.js';

export interface OutputFlags {
  readonly output: string;
  readonly outputFile?: string;
  readonly color?: boolean;
  readonly verbose?: boolean;
}

const cannotWrite = (file: string, why: string) => new UsageError(`--output-file: cannot write ${file}: ${why}`);

/** Fails early (exit 2, one line) when `--output-file` cannot be written: before minutes of work, not after. */
export function checkOutputFile(flags: Pick<OutputFlags, 'outputFile'>, cwd: string): void {
  if (flags.outputFile === undefined || flags.outputFile === '-') return;
  const dir = dirname(resolve(cwd, flags.outputFile));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw cannotWrite(flags.outputFile, `no such directory ${dir}`);
  }
  if (!isDir) throw cannotWrite(flags.outputFile, `${dir} is not a directory`);
}

export function emitReport(report: Report, flags: OutputFlags, ctx: CommandContext): void {
  if (!isReporterName(flags.output)) throw new UsageError(`unknown output format ${flags.output}`);
  const toFile = flags.outputFile !== undefined && flags.outputFile !== '-';
  const tty = !toFile && Boolean(ctx.io.stdout.isTTY);
  const env = ctx.io.env;
  const color = tty && flags.color !== false && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb';
  // A terminal gets lines cut to its width (80 when it does not say); files and pipes get them whole, as -v does.
  const width = tty ? ctx.io.stdout.columns || 80 : undefined;
  let sink: { write(s: string): void; close(): void };
  try {
    // Streamed: a report with millions of findings is never one string.
    sink = toFile ? fileSink(resolve(ctx.io.cwd, flags.outputFile!)) : bufferedSink((s) => ctx.io.stdout.write(s));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw cannotWrite(flags.outputFile!, err.code ?? err.message);
  }
  try {
    STREAM_REPORTERS[flags.output](report, sink.write, {
      color,
      verbose: Boolean(flags.verbose),
      ...(width ? { width } : {}),
    });
  } finally {
    sink.close();
  }
}

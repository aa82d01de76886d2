import { snapshot, type SnapshotSink } from '../../app/snapshot.js';
import type { ClusterTarget } from '../../app/cluster.js';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { stderrProgress } from '../live-progress.js';
import { checkOutputFile } from '../report-output.js';

interface SnapshotFlags extends ClusterTarget {
  /** The format (`-o` means format in every command). */
  readonly output?: 'yaml' | 'json';
  readonly outputFile: string;
  readonly format?: 'yaml' | 'json';
  readonly kubelet: boolean;
}

/** `kubetune snapshot --output-file FILE`: what a live audit reads, redacted, in a file `kubetune audit` reads back. */
export const snapshotCommand: CommandModule<SnapshotFlags> = {
  async run(_args, flags, ctx) {
    checkOutputFile(flags, ctx.io.cwd);
    const toStdout = flags.outputFile === '-';
    const format = flags.output ?? flags.format;
    const result = await snapshot(
      flags,
      {
        to: toStdout ? { sink: ctx.io.stdout as unknown as SnapshotSink } : { file: flags.outputFile },
        ...(format ? { format } : {}),
        kubelet: flags.kubelet,
      },
      { env: ctx.io.env, clock: ctx.io, progress: stderrProgress(ctx.io.stderr) },
    );
    ctx.io.stderr.write(
      `kubetune: wrote ${result.objects.toLocaleString('en-US')} objects to ${toStdout ? 'stdout' : flags.outputFile} (${result.redactedValues} values redacted)\n`,
    );
    ctx.setExit(result.diagnostics.some((d) => d.severity === 'error') ? EXIT.input : EXIT.ok);
  },
};

import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { Option } from 'commander';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { positiveInt, readWithFlags, type ClusterFlags } from '../live-connect.js';
import { formatFor, snapshotNotes, SnapshotWriter } from '../live-snapshot-writer.js';

interface SnapshotFlags extends ClusterFlags {
  readonly output: string;
  readonly format?: 'yaml' | 'json';
  readonly kubelet: boolean;
}

type Sink = ConstructorParameters<typeof SnapshotWriter>[0];

/** `kubetune snapshot -o file`: what a live audit reads, redacted, in a file `kubetune audit <file>` reads back. */
export const snapshotCommand: CommandModule = {
  name: 'snapshot',
  register(program, ctx) {
    program
      .command('snapshot')
      .description(
        'Write what a live audit reads from the cluster (redacted) to a file, to audit offline or attach to a ticket',
      )
      .requiredOption(
        '-o, --output <file>',
        'file to write (- for stdout); .json writes a JSON List, anything else multi-document YAML',
      )
      .addOption(
        new Option('--format <format>', 'output format (default: from the file extension)').choices(['yaml', 'json']),
      )
      .option(
        '--kubeconfig <file>',
        'kubeconfig (default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account)',
      )
      .option('--context <name>', 'kube context (default: current-context)')
      .option('-n, --namespace <ns>', 'only this namespace (cluster-scoped kinds are still read)')
      .option('-A, --all-namespaces', 'every namespace (the default)')
      .option('--concurrency <n>', 'lists in flight at once', positiveInt('--concurrency'), 4)
      .option('--page-size <n>', 'objects per LIST page', positiveInt('--page-size'), 500)
      .option('--no-kubelet', 'do not read kubelet configz through the nodes proxy')
      .action(async (flags: SnapshotFlags) => {
        const format = formatFor(flags.output, flags.format);
        const toStdout = flags.output === '-';
        const tmp = `${flags.output}.partial`;
        const file = toStdout ? undefined : createWriteStream(tmp);
        const sink: Sink = file ?? (ctx.io.stdout as unknown as Sink);
        let writer: SnapshotWriter | undefined;
        try {
          const { read } = await readWithFlags(flags, ctx.io, {
            read: {
              keep: false,
              ...(flags.kubelet ? {} : { kubelet: false }),
              onResources: (batch) => writer?.write(batch.map((r) => r.object)),
            },
            onConnected: (c) => {
              writer = new SnapshotWriter(sink, format, {
                context: c.context,
                server: c.server,
                takenAt: ctx.io.now(),
              });
            },
          });
          const problems = read.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`);
          const count = writer?.end(snapshotNotes(read.gitVersion, writer.redacted.values, problems)) ?? 0;
          if (file) {
            file.end();
            await finished(file);
            await rename(tmp, flags.output);
          }
          ctx.io.stderr.write(
            `kubetune: wrote ${count.toLocaleString('en-US')} objects to ${toStdout ? 'stdout' : flags.output} (${writer?.redacted.values ?? 0} values redacted)\n`,
          );
          ctx.setExit(read.diagnostics.some((d) => d.severity === 'error') ? EXIT.input : EXIT.ok);
        } catch (e) {
          file?.destroy();
          if (file) await rm(tmp, { force: true });
          throw e;
        }
      });
  },
};

import { Option } from 'commander';
import { snapshot, type SnapshotSink } from '../../app/snapshot.js';
import type { ClusterTarget } from '../../app/cluster.js';
import type { CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { positiveInt } from '../parse.js';
import { stderrProgress } from '../live-progress.js';

interface SnapshotFlags extends ClusterTarget {
  readonly output: string;
  readonly format?: 'yaml' | 'json';
  readonly kubelet: boolean;
}

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
        const toStdout = flags.output === '-';
        const result = await snapshot(
          flags,
          {
            to: toStdout ? { sink: ctx.io.stdout as unknown as SnapshotSink } : { file: flags.output },
            ...(flags.format ? { format: flags.format } : {}),
            kubelet: flags.kubelet,
          },
          { env: ctx.io.env, clock: ctx.io, progress: stderrProgress(ctx.io.stderr) },
        );
        ctx.io.stderr.write(
          `kubetune: wrote ${result.objects.toLocaleString('en-US')} objects to ${toStdout ? 'stdout' : flags.output} (${result.redactedValues} values redacted)\n`,
        );
        ctx.setExit(result.diagnostics.some((d) => d.severity === 'error') ? EXIT.input : EXIT.ok);
      });
  },
};

/** `snapshot`: what a live audit reads from the cluster, redacted, written as a file `audit` reads back. */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Diagnostic } from '../model/diagnostic.js';
import { readClusterTarget, type ClusterPorts, type ClusterTarget } from './cluster.js';
import type { Clock } from './ports.js';
import { formatFor, snapshotNotes, SnapshotWriter, type SnapshotFormat } from './snapshot-writer.js';

/** Where the snapshot goes: a stream the caller owns (stdout), written as it is read. */
export type SnapshotSink = ConstructorParameters<typeof SnapshotWriter>[0];

export interface SnapshotOptions {
  /** The file to write (replaced atomically once complete), or a sink to stream to. */
  readonly to: { readonly file: string } | { readonly sink: SnapshotSink };
  /** Default: JSON for a `.json` file, YAML otherwise. */
  readonly format?: SnapshotFormat;
  /** Read kubelet configz through the nodes proxy (default true). */
  readonly kubelet?: boolean;
}

export interface SnapshotResult {
  readonly objects: number;
  readonly redactedValues: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly gitVersion?: string;
}

const resultOf = (
  objects: number,
  writer: SnapshotWriter | undefined,
  read: { diagnostics: readonly Diagnostic[]; gitVersion?: string },
): SnapshotResult => ({
  objects,
  redactedValues: writer?.redacted.values ?? 0,
  diagnostics: read.diagnostics,
  ...(read.gitVersion ? { gitVersion: read.gitVersion } : {}),
});

export async function snapshot(
  target: ClusterTarget,
  options: SnapshotOptions,
  ports: ClusterPorts & { readonly clock: Clock },
): Promise<SnapshotResult> {
  const path = 'file' in options.to ? options.to.file : undefined;
  const format = formatFor(path ?? '-', options.format);
  const tmp = `${path}.partial`;
  const file = path !== undefined ? createWriteStream(tmp) : undefined;
  const sink: SnapshotSink = file ?? (options.to as { sink: SnapshotSink }).sink;
  let writer: SnapshotWriter | undefined;
  try {
    const { read } = await readClusterTarget(
      target,
      {
        ...ports,
        progress: {
          ...ports.progress,
          connected: (c) => {
            writer = new SnapshotWriter(sink, format, {
              context: c.context,
              server: c.server,
              takenAt: ports.clock.now(),
            });
            ports.progress?.connected?.(c);
          },
        },
      },
      {
        read: {
          keep: false,
          ...(options.kubelet === false ? { kubelet: false } : {}),
          onResources: (batch) => writer?.write(batch.map((r) => r.object)),
        },
      },
    );
    const problems = read.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`);
    const count = writer?.end(snapshotNotes(read.gitVersion, writer.redacted.values, problems)) ?? 0;
    if (file) {
      file.end();
      await finished(file);
      await rename(tmp, path!);
    }
    return resultOf(count, writer, read);
  } catch (e) {
    file?.destroy();
    if (file) await rm(tmp, { force: true });
    throw e;
  }
}

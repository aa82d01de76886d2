import { once } from 'node:events';
import yaml from 'js-yaml';
import type { KubeObject } from '../model/object.js';
import { redactObject, type RedactStats } from '../sources/live/redact.js';

export type SnapshotFormat = 'yaml' | 'json';

interface Sink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export interface SnapshotHeader {
  readonly context: string;
  readonly server: string;
  readonly takenAt: Date;
}

/**
 * Writes objects as they are read, redacted, as multi-document YAML or a JSON `List`: both are what
 * `kubetune audit <file>` reads back. Honors back-pressure so a slow disk slows the listing, not memory.
 */
export class SnapshotWriter {
  readonly redacted: RedactStats = { values: 0 };
  private count = 0;

  constructor(
    private readonly sink: Sink,
    private readonly format: SnapshotFormat,
    header: SnapshotHeader,
  ) {
    if (format === 'yaml') this.sink.write(yamlHeader(header));
    else this.sink.write('{"apiVersion":"v1","kind":"List","metadata":{},"items":[\n');
  }

  async write(objects: readonly KubeObject[]): Promise<void> {
    let text = '';
    for (const o of objects) {
      const safe = redactObject(o, this.redacted);
      text +=
        this.format === 'yaml'
          ? `---\n${yaml.dump(safe, { noRefs: true, lineWidth: -1 })}`
          : `${this.count > 0 ? ',\n' : ''}${JSON.stringify(safe)}`;
      this.count++;
    }
    if (text && !this.sink.write(text)) await once(this.sink as unknown as NodeJS.EventEmitter, 'drain');
  }

  /** Closes the document; `notes` become trailing YAML comments (JSON has no place for them). */
  end(notes: readonly string[]): number {
    if (this.format === 'yaml') this.sink.write(notes.map((n) => `# ${n.replace(/\n/g, ' ')}\n`).join(''));
    else this.sink.write('\n]}\n');
    return this.count;
  }
}

function yamlHeader(h: SnapshotHeader): string {
  return [
    `# kubetune snapshot of context "${h.context}" (${h.server})`,
    `# taken ${h.takenAt.toISOString()}; secrets are never read, secret-looking values are redacted`,
    '',
  ].join('\n');
}

/** Trailing notes: the server version (and how to audit offline with it), redactions and what was skipped. */
export function snapshotNotes(gitVersion: string | undefined, redacted: number, problems: readonly string[]): string[] {
  const minor = /^v?(\d+\.\d+)/.exec(gitVersion ?? '')?.[1];
  return [
    `Kubernetes ${gitVersion ?? 'version unknown'}; audit offline with: kubetune audit <this file>${minor ? ` --kube-version ${minor}` : ''}`,
    `${redacted} value(s) redacted`,
    ...problems,
  ];
}

/** Format from the flag, else from the file extension. */
export const formatFor = (file: string, flag: string | undefined): SnapshotFormat =>
  flag === 'json' || (flag === undefined && /\.json$/i.test(file)) ? 'json' : 'yaml';

import type { ClusterProgress } from '../app/cluster.js';
import type { Connection } from '../sources/live/kubeconfig.js';
import type { LiveReadResult, ProgressEvent } from '../sources/live/read.js';

interface Stream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Progress of a live read on stderr. On a terminal: one line rewritten in place with the kinds in flight and the
 * objects read. Elsewhere (CI, CronJob logs): nothing but the skipped kinds and one summary line.
 * Every forbidden or failed kind gets one line of its own in both modes.
 */
export function progressReporter(
  out: Stream,
  conn: Connection,
  options: { summary?: boolean; clock?: () => number } = {},
) {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const inFlight = new Map<string, number>();
  let total = 0;
  let lastDraw = 0;
  let drawn = false;
  const clear = (): void => {
    if (drawn) out.write('\r\u001b[2K');
    drawn = false;
  };
  const draw = (): void => {
    if (!out.isTTY || clock() - lastDraw < 100) return;
    lastDraw = clock();
    const kinds = [...inFlight].map(([k, n]) => (n > 0 ? `${k} ${n.toLocaleString('en-US')}` : k)).join(', ');
    clear();
    out.write(
      `reading ${conn.context}: ${total.toLocaleString('en-US')} objects${kinds ? ` — ${kinds}` : ''}`.slice(0, 160),
    );
    drawn = true;
  };
  const onProgress = (e: ProgressEvent): void => {
    switch (e.type) {
      case 'list-start':
        inFlight.set(e.what, 0);
        break;
      case 'list-page':
        total += e.items - (inFlight.get(e.what) ?? 0);
        inFlight.set(e.what, e.items);
        break;
      case 'list-done':
        inFlight.delete(e.what);
        break;
      case 'skipped':
        clear();
        out.write(`kubetune: ${e.diagnostic.message}\n`);
        break;
      case 'wait':
        clear();
        out.write(
          `kubetune: ${e.path}: ${e.status === 429 ? 'throttled (429)' : e.status ? `HTTP ${e.status}` : 'no answer'}, retrying in ${(e.waitMs / 1000).toFixed(1)} s\n`,
        );
        break;
    }
    draw();
  };
  return {
    onProgress,
    abort: clear,
    done(read: LiveReadResult): void {
      clear();
      if (options.summary === false) return;
      const forbidden = read.kinds.filter((k) => k.status === 'forbidden').map((k) => k.kind);
      const seconds = ((clock() - started) / 1000).toFixed(1);
      const version = read.gitVersion ? ` (${read.gitVersion})` : '';
      out.write(
        `kubetune: read ${read.stats.objects.toLocaleString('en-US')} objects from ${conn.context}${version} in ${seconds} s` +
          (forbidden.length ? `; forbidden, not audited: ${[...new Set(forbidden)].join(', ')}` : '') +
          '\n',
      );
    },
  };
}

/** The live read's progress port for the CLI: progressReporter on `out`, started once connected. */
export function stderrProgress(out: Stream, options: { summary?: boolean } = {}): ClusterProgress {
  let reporter: ReturnType<typeof progressReporter> | undefined;
  return {
    connected: (connection) => {
      reporter = progressReporter(out, connection, options);
    },
    onProgress: (e) => reporter?.onProgress(e),
    done: (read) => reporter?.done(read),
    abort: () => reporter?.abort(),
  };
}

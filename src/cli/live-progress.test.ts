import { describe, expect, it } from 'vitest';
import type { Connection } from '../sources/live/kubeconfig.js';
import type { LiveReadResult } from '../sources/live/read.js';
import { progressReporter } from './live-progress.js';

const conn = { context: 'prod', server: 'https://api', inCluster: false } as Connection;
const read = (forbidden: string[]): LiveReadResult => ({
  resources: [],
  components: [],
  diagnostics: [],
  stats: { files: 0, documents: 3, objects: 1234, skipped: {} },
  server: 'https://api',
  gitVersion: 'v1.35.0',
  kinds: forbidden.map((kind) => ({ kind, status: 'forbidden' as const, items: 0 })),
});

describe('progressReporter', () => {
  it('redraws one line on a terminal and ends with a summary naming forbidden kinds', () => {
    const out: string[] = [];
    let now = 0;
    const p = progressReporter({ write: (s: string) => out.push(s), isTTY: true }, conn, { clock: () => (now += 200) });
    p.onProgress({ type: 'list-start', what: 'pods' });
    p.onProgress({ type: 'list-page', what: 'pods', items: 500 });
    p.onProgress({
      type: 'skipped',
      diagnostic: { code: 'forbidden', severity: 'warning', message: 'nodes: forbidden, skipped (x)' },
    });
    p.done(read(['Node']));
    const text = out.join('');
    expect(text).toContain('reading prod: 500 objects — pods 500');
    expect(text).toContain('\r\u001b[2Kkubetune: nodes: forbidden, skipped (x)\n');
    expect(text).toMatch(
      /kubetune: read 1,234 objects from prod \(v1\.35\.0\) in [\d.]+ s; forbidden, not audited: Node\n$/,
    );
  });

  it('prints no progress line when not a terminal, only skipped kinds and the summary', () => {
    const out: string[] = [];
    const p = progressReporter({ write: (s: string) => out.push(s) }, conn);
    p.onProgress({ type: 'list-start', what: 'pods' });
    p.onProgress({ type: 'list-page', what: 'pods', items: 500 });
    p.onProgress({ type: 'wait', path: '/api/v1/pods', status: 429, waitMs: 2000 });
    p.done(read([]));
    expect(out).toHaveLength(2);
    expect(out[0]).toBe('kubetune: /api/v1/pods: throttled (429), retrying in 2.0 s\n');
    expect(out[1]).toMatch(/^kubetune: read 1,234 objects from prod \(v1\.35\.0\) in [\d.]+ s\n$/);
  });
});

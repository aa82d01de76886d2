/**
 * Live listing benchmark: 150,000 pods and 5,000 nodes from the replay server (its own process; items generated on
 * demand), read by the live source. Baseline measured in the same run: the same objects read from a JSON List file
 * by the file source. Each phase runs in a fresh process so peak RSS is its own. Checks that the audit of the live
 * read and the audit of the file give the same findings.
 *   npm run bench:live [-- --pods 150000 --nodes 5000 --page-size 500 --concurrency 4]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { auditRead } from '../src/app/audit.js';
import { readInputs } from '../src/sources/files/read.js';
import { SnapshotWriter } from '../src/app/snapshot-writer.js';
import type { Finding } from '../src/engine/types.js';
import { connect } from '../src/sources/live/kubeconfig.js';
import { readCluster } from '../src/sources/live/read.js';
import { generateCluster, writeKubeconfig } from '../test/support/replay-cluster.js';
import { startReplayServer } from '../test/support/replay-server.js';

const { values: args } = parseArgs({
  options: {
    pods: { type: 'string', default: '150000' },
    nodes: { type: 'string', default: '5000' },
    'page-size': { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    phase: { type: 'string' },
    serve: { type: 'boolean', default: false },
    url: { type: 'string' },
    file: { type: 'string' },
  },
});
const shape = { pods: Number(args.pods), nodes: Number(args.nodes) };
const LIMIT_RSS = 1.5 * 1024 ** 3;

interface PhaseResult {
  phase: string;
  objects: number;
  readMs: number;
  readPeakRss: number;
  auditMs: number;
  peakRss: number;
  findings: number;
  digest: string;
}

/** Peak RSS sampled every 20 ms (and at each call of `sample`). */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const tick = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const timer = setInterval(tick, 20);
  return { sample: () => (tick(), peak), stop: () => (clearInterval(timer), tick(), peak) };
}

const comparable = (f: Finding): string =>
  JSON.stringify([f.ruleId, f.severity, f.object, f.path, f.messageId, f.data ?? {}]);
const digest = (fs: readonly Finding[]): string =>
  createHash('sha256').update(fs.map(comparable).sort().join('\n')).digest('hex').slice(0, 16);

async function phaseLive(url: string): Promise<PhaseResult> {
  const rss = rssSampler();
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'kt-bench-'));
  const conn = await connect({
    kubeconfig: writeKubeconfig(dir, { server: url }),
    maxSockets: Number(args.concurrency),
  });
  const read = await readCluster(conn.api, {
    limit: Number(args['page-size']),
    concurrency: Number(args.concurrency),
    kubelet: false,
    apiServerMetrics: false,
  });
  conn.api.close();
  const readMs = performance.now() - started;
  const readPeakRss = rss.sample();
  const t = performance.now();
  const audit = auditRead(read, { kubeVersion: '1.35', available: ['cluster'] });
  const auditMs = performance.now() - t;
  return finish(
    { phase: 'live', objects: read.stats.objects, readMs, readPeakRss, auditMs, peakRss: rss.stop() },
    audit.run.findings,
  );
}

/** `kubetune snapshot`'s path: pages are redacted and written as they arrive, nothing kept. */
async function phaseSnapshot(url: string): Promise<PhaseResult> {
  const rss = rssSampler();
  const started = performance.now();
  const conn = await connect({
    kubeconfig: writeKubeconfig(mkdtempSync(join(tmpdir(), 'kt-bench-')), { server: url }),
  });
  const out = createWriteStream('/dev/null');
  const writer = new SnapshotWriter(out, 'yaml', { context: conn.context, server: conn.server, takenAt: new Date() });
  const read = await readCluster(conn.api, {
    limit: Number(args['page-size']),
    concurrency: Number(args.concurrency),
    kubelet: false,
    apiServerMetrics: false,
    keep: false,
    onResources: (batch) => writer.write(batch.map((r) => r.object)),
  });
  conn.api.close();
  writer.end([]);
  out.end();
  await finished(out);
  const readMs = performance.now() - started;
  return finish(
    {
      phase: 'snapshot',
      objects: read.stats.objects,
      readMs,
      readPeakRss: rss.sample(),
      auditMs: 0,
      peakRss: rss.stop(),
    },
    [],
  );
}

async function phaseFile(file: string): Promise<PhaseResult> {
  const rss = rssSampler();
  const started = performance.now();
  const read = await readInputs([file]);
  const readMs = performance.now() - started;
  const readPeakRss = rss.sample();
  const t = performance.now();
  const audit = auditRead(read, { kubeVersion: '1.35', available: ['cluster'] });
  const auditMs = performance.now() - t;
  return finish(
    { phase: 'file', objects: read.stats.objects, readMs, readPeakRss, auditMs, peakRss: rss.stop() },
    audit.run.findings,
  );
}

function finish(m: Omit<PhaseResult, 'findings' | 'digest'>, findings: readonly Finding[]): PhaseResult {
  return { ...m, findings: findings.length, digest: digest(findings) };
}

/** The same objects the server serves, as one JSON List (what `kubetune snapshot -o x.json` writes, unredacted). */
async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('{"apiVersion":"v1","kind":"List","items":[\n');
  let first = true;
  for (const coll of Object.values(generateCluster(shape))) {
    for (let i = 0; i < coll.size; i++) {
      if (!out.write(`${first ? '' : ',\n'}${JSON.stringify(coll.at(i))}`))
        await new Promise<void>((r) => out.once('drain', () => r()));
      first = false;
    }
  }
  out.end('\n]}\n');
  await finished(out);
}

function runChild(extra: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        new URL(import.meta.url).pathname,
        ...extra,
        '--pods',
        String(shape.pods),
        '--nodes',
        String(shape.nodes),
        '--page-size',
        args['page-size']!,
        '--concurrency',
        args.concurrency!,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${extra.join(' ')} exited ${code}`))));
  });
}

async function serve(): Promise<void> {
  const server = await startReplayServer({ virtual: generateCluster(shape) });
  process.stdout.write(`${server.url}\n`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

async function orchestrate(): Promise<void> {
  const mb = (b: number) => `${(b / 1024 ** 2).toFixed(0)} MB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `bench:live — ${shape.pods.toLocaleString('en-US')} pods, ${shape.nodes.toLocaleString('en-US')} nodes, page ${args['page-size']}, concurrency ${args.concurrency}`,
  );
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--serve',
      '--pods',
      String(shape.pods),
      '--nodes',
      String(shape.nodes),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((r) => server.stdout.once('data', (c: Buffer) => r(c.toString().trim())));
  const dir = mkdtempSync(join(tmpdir(), 'kt-bench-file-'));
  const file = join(dir, 'cluster.json');
  try {
    const t0 = performance.now();
    const live = JSON.parse(await runChild(['--phase', 'live', '--url', url])) as PhaseResult;
    const t1 = performance.now();
    await writeFile(file);
    const t2 = performance.now();
    const base = JSON.parse(await runChild(['--phase', 'file', '--file', file])) as PhaseResult;
    const snap = JSON.parse(await runChild(['--phase', 'snapshot', '--url', url])) as PhaseResult;
    console.log(
      `(wall: live phase ${s(t1 - t0)}, writing the file ${s(t2 - t1)}, file phase ${s(performance.now() - t2)})`,
    );
    console.table(
      [base, live, snap].map((r) => ({
        source: { file: 'file (baseline)', live: 'live (replay server)', snapshot: 'snapshot (streamed, YAML)' }[
          r.phase
        ],
        objects: r.objects,
        read: s(r.readMs),
        'read peak RSS': mb(r.readPeakRss),
        audit: r.phase === 'snapshot' ? '-' : s(r.auditMs),
        'peak RSS': mb(r.peakRss),
        findings: r.phase === 'snapshot' ? '-' : r.findings,
        digest: r.phase === 'snapshot' ? '-' : r.digest,
      })),
    );
    const live_ = live;
    console.log(
      `live read: ${(live_.readMs / base.readMs).toFixed(2)}x the time and ${(live_.readPeakRss / base.readPeakRss).toFixed(2)}x the peak RSS of the file read; with the audit, ${(live_.peakRss / base.peakRss).toFixed(2)}x the peak RSS`,
    );
    console.log(
      `live read peak RSS ${mb(live_.readPeakRss)} (target <= ${mb(LIMIT_RSS)}): ${live_.readPeakRss <= LIMIT_RSS ? 'OK' : 'OVER'}`,
    );
    console.log(
      `snapshot (streamed): peak RSS ${mb(snap.peakRss)}, ${(snap.peakRss / live_.readPeakRss).toFixed(2)}x the kept live read's`,
    );
    console.log(
      `findings: live ${live_.findings} vs file ${base.findings}, digests ${live_.digest === base.digest ? 'equal: OK' : 'DIFFER'}`,
    );
    if (live_.digest !== base.digest || live_.readPeakRss > LIMIT_RSS || live_.objects < shape.pods + shape.nodes)
      process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.serve) await serve();
else if (args.phase === 'live') process.stdout.write(JSON.stringify(await phaseLive(args.url!)), () => process.exit(0));
else if (args.phase === 'snapshot')
  process.stdout.write(JSON.stringify(await phaseSnapshot(args.url!)), () => process.exit(0));
else if (args.phase === 'file')
  process.stdout.write(JSON.stringify(await phaseFile(args.file!)), () => process.exit(0));
else await orchestrate();

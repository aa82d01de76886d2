/**
 * `npm run demo:predict`: see `kubetune predict` without a cluster. Starts a local Prometheus (127.0.0.1, free
 * port, temp TSDB) holding 4 days of backfilled API-server, kubelet and etcd history generated from a known function
 * (test/support/predict-history.ts), trains the latency model, prints the accuracy table and a what-if, and removes
 * everything afterwards — also on Ctrl-C.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { predictHistory } from '../test/support/predict-history.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../test/support/prometheus.js';

const DAYS = 4;
let prom: BackfilledPrometheus | undefined;
const models = mkdtempSync(join(tmpdir(), 'kubetune-demo-models-'));
const cleanup = async (): Promise<void> => {
  const p = prom;
  prom = undefined;
  if (p) await p.stop();
  rmSync(models, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void cleanup().then(() => process.exit(130)));

try {
  process.stderr.write(`Backfilling ${DAYS} days of history into a local Prometheus…\n`);
  prom = await startBackfilledPrometheus(predictHistory(DAYS).families);
  const common = ['--prometheus', prom.url, '--window', `${DAYS}d`, '--time', String(prom.endSeconds)];
  const run = async (args: string[]): Promise<number> => {
    process.stdout.write(`\n$ kubetune ${args.join(' ').replace(prom!.url, '$PROMETHEUS')}\n`);
    return main(args);
  };
  await run(['predict', 'train', ...common, '--model-dir', models]);
  await run(['predict', 'what-if', 'pods=2x', 'list-qps=3x', '--model-dir', models]);
  await run(['predict', 'what-if', 'fsync=25ms', '--model-dir', models]);
} finally {
  await cleanup();
}

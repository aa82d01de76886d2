/**
 * `npm run demo`: see `kubetune diagnose` without a cluster. Starts a local Prometheus (127.0.0.1, free port,
 * temp TSDB) holding two hours of backfilled history of a 6-node cluster with a slow etcd disk and a CPU-throttled
 * service, runs `kubetune diagnose` against it, and removes everything afterwards — also on Ctrl-C.
 *
 *   npm run demo [-- --scenario healthy|slow-etcd-disk|apiserver-overload|node-memory-pressure|cpu-throttled-service]
 *   npm run demo -- --keep      # keep Prometheus running (Ctrl-C to stop) to try other flags or its UI
 */
import { main } from '../src/cli/main.js';
import { clusterFamilies, scenarioRange, SCENARIOS, type ScenarioName } from '../test/e2e/diagnose-scenarios.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../test/support/prometheus.js';

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const scenario = (argValue('scenario') ?? 'etcd-disk-and-throttled-service') as ScenarioName;
if (!(scenario in SCENARIOS)) {
  process.stderr.write(`unknown scenario ${scenario}; one of: ${Object.keys(SCENARIOS).join(', ')}\n`);
  process.exit(2);
}

let prom: BackfilledPrometheus | undefined;
let interrupted = false;
const cleanup = async (): Promise<void> => {
  const p = prom;
  prom = undefined;
  if (p) await p.stop();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping Prometheus and removing its data…\n`);
    // before Prometheus is up, the start-up path below sees `interrupted` (or its failure) and cleans up itself
    if (prom) void cleanup().then(() => process.exit(130));
  });
}

try {
  const end = Math.floor(Date.now() / 1000 / 60) * 60;
  process.stderr.write(
    `Backfilling 2 h of history for the "${scenario}" scenario (6 nodes) into a fresh Prometheus…\n`,
  );
  prom = await startBackfilledPrometheus(clusterFamilies(SCENARIOS[scenario], { nodes: 6, range: scenarioRange(end) }));
  if (interrupted) {
    await cleanup();
    process.exit(130);
  }
  const args = ['diagnose', '--prometheus', prom.url, '--time', String(end), '--window', '1h', '--fail-on', 'none'];
  process.stderr.write(`Prometheus ${prom.url} (pid ${prom.pid}) is ready.\n\n$ kubetune ${args.join(' ')}\n\n`);
  const code = await main(args);
  if (process.argv.includes('--keep')) {
    process.stderr.write(
      `\nPrometheus stays at ${prom.url} — try -o json, --profile strict, --window 30m. Ctrl-C to stop.\n`,
    );
    await new Promise(() => undefined);
  }
  process.exitCode = code;
} finally {
  await cleanup();
}

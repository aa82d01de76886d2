import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import yaml from 'js-yaml';
import { compareBench, runBench, showBench, type BenchOutcome } from '../../app/bench.js';
import { parseBaselineSpec } from '../../bench/baseline.js';
import { clusterPlan, DEFAULT_IMAGES, type BenchImage } from '../../bench/cluster/manifests.js';
import { EMPTY_BENCH_CONFIG, localProfile, parseBenchConfig, type BenchConfig } from '../../bench/config.js';
import { BENCH_REPORTERS, type BenchFormat } from '../../bench/report/index.js';
import { localEnvironment, runLocalSuite } from '../../bench/run/local.js';
import type { SuiteName } from '../../model/bench.js';
import { ConfigError, UsageError } from '../../core/errors.js';
import { defaultStorePath, openStore } from '../../store/open.js';
import type { BenchStore } from '../../store/bench-store.js';
import type { CommandContext, LegacyCommandModule as CommandModule } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { BENCH_CONFIG_FILE } from '../options-bench.js';
import { addTableOptions } from '../options-commander.js';
import { benchHistoryText } from './bench-history.js';
import { pushBench } from './bench-push.js';

interface StoreFlags {
  readonly store?: string;
  readonly config?: string;
  readonly format: BenchFormat;
}

interface RunFlags extends StoreFlags {
  readonly local?: boolean;
  readonly suite: SuiteName;
  readonly repeat: number;
  readonly dir?: string;
  readonly baseline: string;
  readonly history: boolean;
  readonly dryRun?: boolean;
  readonly storageClass?: string;
  readonly nodeSelector?: string;
  readonly image: readonly string[];
  readonly namespace: string;
  readonly pushgateway?: string;
  readonly job: string;
}

function loadBenchConfig(explicit: string | undefined, cwd: string): BenchConfig {
  const file = explicit ?? join(cwd, BENCH_CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError('bench config file not found', explicit);
    return EMPTY_BENCH_CONFIG;
  }
  try {
    return parseBenchConfig(yaml.load(readFileSync(file, 'utf8'), { filename: file, schema: yaml.CORE_SCHEMA }), file);
  } catch (e) {
    if (e instanceof yaml.YAMLException)
      throw new ConfigError(e.reason || e.message, file, (e.mark?.line ?? 0) + 1, { cause: e });
    throw e;
  }
}

const storeFor = (flags: StoreFlags, ctx: CommandContext): Promise<BenchStore> =>
  openStore(flags.store ?? ctx.io.env['KUBETUNE_BENCH_STORE'] ?? defaultStorePath(ctx.io.env));

async function withStore<T>(flags: StoreFlags, ctx: CommandContext, fn: (s: BenchStore) => Promise<T>): Promise<T> {
  const store = await storeFor(flags, ctx);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Writes the report; exit 1 when a gate failed or a metric regressed (kube-burner's convention), 4 when a test failed. */
function finish(o: BenchOutcome, flags: StoreFlags, ctx: CommandContext): void {
  ctx.io.stdout.write(BENCH_REPORTERS[flags.format](o.report));
  if (o.failedTests > 0) ctx.setExit(EXIT.input);
  if (o.regressions > 0 || o.failedGates > 0) ctx.setExit(EXIT.findings);
}

const newRunId = (at: Date): string =>
  `${at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(2).toString('hex')}`;

const pairs = (s: string | undefined, flag: string): Record<string, string> =>
  Object.fromEntries(
    (s ?? '')
      .split(',')
      .filter(Boolean)
      .map((kv) => {
        const i = kv.indexOf('=');
        if (i <= 0) throw new UsageError(`${flag} takes key=value[,key=value], got ${JSON.stringify(kv)}`);
        return [kv.slice(0, i), kv.slice(i + 1)];
      }),
  );

function images(flags: RunFlags, config: BenchConfig): Record<BenchImage, string> {
  const given = { ...config.images, ...pairs(flags.image.join(','), '--image') };
  for (const k of Object.keys(given))
    if (!(k in DEFAULT_IMAGES))
      throw new UsageError(`--image: unknown tool ${k} (one of ${Object.keys(DEFAULT_IMAGES).join(', ')})`);
  return { ...DEFAULT_IMAGES, ...given };
}

/** `--dry-run`: every object a cluster run would create, as multi-document YAML; nothing is sent anywhere. */
function dryRun(flags: RunFlags, ctx: CommandContext, config: BenchConfig): void {
  const nodeSelector = pairs(flags.nodeSelector, '--node-selector');
  const plan = clusterPlan({
    runId: newRunId(ctx.io.now()),
    namespace: flags.namespace,
    suite: flags.suite,
    profile: localProfile(flags.suite, config),
    images: images(flags, config),
    storageClasses: (flags.storageClass ?? '').split(',').filter(Boolean),
    ...(Object.keys(nodeSelector).length > 0 ? { nodeSelector } : {}),
  });
  ctx.io.stdout.write(plan.objects.map((o) => `---\n${yaml.dump(o, { lineWidth: -1, noRefs: true })}`).join(''));
}

async function run(flags: RunFlags, ctx: CommandContext): Promise<void> {
  if (flags.dryRun) return dryRun(flags, ctx, loadBenchConfig(flags.config, ctx.io.cwd));
  if (!flags.local)
    throw new UsageError(
      'running cluster suites is not built yet (--dry-run prints their manifests): use --local to benchmark this machine',
    );
  const config = loadBenchConfig(flags.config, ctx.io.cwd);
  const baseline = parseBaselineSpec(flags.baseline);
  const profile = localProfile(flags.suite, config);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const store = flags.history ? await storeFor(flags, ctx) : undefined;
  try {
    const o = await runBench(
      { suite: flags.suite, repeats: flags.repeat, baseline, config },
      {
        execute: (suite, repeats) =>
          runLocalSuite({
            suite,
            profile,
            repeats,
            signal: abort.signal,
            ...(flags.dir ? { dir: flags.dir } : {}),
            onProgress: (m) => ctx.io.stderr.write(`kubetune bench: ${m}\n`),
          }),
        environment: localEnvironment,
        now: () => ctx.io.now(),
        newId: newRunId,
        interrupted: () => abort.signal.aborted,
        ...(store ? { store } : {}),
      },
    );
    if (abort.signal.aborted) throw new UsageError('bench run interrupted: nothing was stored');
    finish(o, flags, ctx);
    if (flags.pushgateway)
      ctx.io.stderr.write(`kubetune bench: pushed to ${await pushBench(flags.pushgateway, flags.job, o.report)}\n`);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await store?.close();
  }
}

/** A bench subcommand with its options from the table (options-bench.ts). */
const sub = (bench: Command, name: string, ctx: CommandContext): Command =>
  addTableOptions(bench.command(name), 'bench', () => ctx.io.env, name);

function register(program: Command, ctx: CommandContext): void {
  const bench = program
    .command('bench')
    .description('Benchmark this machine or the cluster, keep a history, catch regressions against a baseline');
  sub(bench, 'run', ctx)
    .description('Run a benchmark suite, store it in the history and compare it with the baseline')
    .action((flags: RunFlags) => run(flags, ctx));
  sub(bench, 'history', ctx)
    .description('List stored runs, newest first')
    .action((flags: StoreFlags & { limit: number }) =>
      withStore(
        flags,
        ctx,
        async (s) => void ctx.io.stdout.write(benchHistoryText(await s.listRuns({ limit: flags.limit }), flags.format)),
      ),
    );
  sub(bench, 'show', ctx)
    .argument('<run>', 'run id')
    .description('Show one stored run with its gates')
    .action((id: string, flags: StoreFlags) =>
      withStore(flags, ctx, async (s) => {
        const o = await showBench(id, s, loadBenchConfig(flags.config, ctx.io.cwd));
        if (!o) throw new UsageError(`no run ${id} in ${s.location}`);
        finish(o, flags, ctx);
      }),
    );
  sub(bench, 'compare', ctx)
    .argument('[run]', 'run id (default: the newest)')
    .description('Compare a stored run with a baseline')
    .action((id: string | undefined, flags: StoreFlags & { baseline: string }) =>
      withStore(flags, ctx, async (s) => {
        const o = await compareBench(
          { ...(id ? { run: id } : {}), baseline: flags.baseline, config: loadBenchConfig(flags.config, ctx.io.cwd) },
          s,
        );
        if (!o) throw new UsageError(`no run${id ? ` ${id}` : ''} in ${s.location}`);
        finish(o, flags, ctx);
      }),
    );
}

/** `kubetune bench run|history|show|compare`. */
export const benchCommand: CommandModule = { name: 'bench', register };

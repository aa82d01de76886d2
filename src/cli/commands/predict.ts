/** `kubetune predict train|what-if|capacity|show`: option wiring and output; the work is in app/predict.ts. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ModelRefusedError } from '../../analyzers/predict/errors.js';
import { MODEL_SCHEMA_VERSION, type LatencyModel } from '../../analyzers/predict/model.js';
import {
  renderCapacityMarkdown,
  renderModelList,
  renderTraining,
  renderWhatIf,
} from '../../analyzers/predict/report.js';
import { adviceFor } from '../../analyzers/predict/advice.js';
import { UsageError } from '../../core/errors.js';
import { capacityPlan, predictWhatIf, trainLatencyModel } from '../../app/predict.js';
import { preflight } from '../../app/prometheus.js';
import { DEFAULT_MODEL_DIR, ModelFiles } from '../../store/model-files.js';
import type { CommandContext, LegacyCommandModule as CommandModule } from '../command.js';
import { clientFromFlags, parsePositiveInt, parsePromDuration, parseTime, type PromFlags } from './diagnose-source.js';

interface PredictFlags extends PromFlags {
  readonly window: string;
  readonly time?: string;
  readonly seed: string;
  readonly modelDir: string;
  readonly output: string;
}

function promOptions(cmd: Command): Command {
  return cmd
    .requiredOption(
      '--prometheus <url>',
      'Prometheus-compatible API base URL (Thanos/Mimir/VictoriaMetrics with their path prefix)',
    )
    .option('--window <duration>', 'history to learn from, ending at --time', '14d')
    .option('--time <time>', 'end of the window: RFC 3339 or unix seconds (default: now)')
    .option('--bearer-token-file <file>', 'bearer token file (or KUBETUNE_PROMETHEUS_TOKEN)')
    .option(
      '--basic-auth-user <user>',
      'basic auth user (password from --basic-auth-password-file or KUBETUNE_PROMETHEUS_PASSWORD)',
    )
    .option('--basic-auth-password-file <file>', 'basic auth password file')
    .option('-H, --header <header...>', 'extra HTTP header "Name: value"')
    .option('--ca-file <file>', 'CA bundle (PEM) to verify the server')
    .option('--insecure-skip-tls-verify', 'do not verify the server certificate')
    .option('--timeout <duration>', 'per-request timeout', '30s')
    .option('--retries <n>', 'retries on 5xx/429/network errors', '3')
    .option('--concurrency <n>', 'concurrent queries', '4')
    .option('--max-queries <n>', 'query budget', '60');
}

const store = (ctx: CommandContext, dir: string) =>
  new ModelFiles<LatencyModel>(resolve(ctx.io.cwd, dir), MODEL_SCHEMA_VERSION);

function format(flags: { output: string }, allowed: readonly string[]): string {
  if (!allowed.includes(flags.output))
    throw new UsageError(`-o: one of ${allowed.join(', ')} (got ${JSON.stringify(flags.output)})`);
  return flags.output;
}

async function train(flags: PredictFlags, ctx: CommandContext): Promise<void> {
  const output = format(flags, ['text', 'json']);
  const client = clientFromFlags(flags, ctx.io.env);
  await preflight(client, flags.prometheus!);
  const endSeconds = flags.time ? parseTime(flags.time) : ctx.io.now().getTime() / 1000;
  const { model, queries } = await trainLatencyModel({
    prometheus: client,
    endSeconds: Math.floor(endSeconds),
    windowSeconds: parsePromDuration(flags.window, '--window'),
    seed: parsePositiveInt(flags.seed, '--seed'),
    now: () => ctx.io.now(),
  });
  const usable = model.classes.filter((c) => c.status === 'ok').length;
  const file = usable > 0 ? store(ctx, flags.modelDir).save(model) : undefined;
  ctx.io.stdout.write(
    output === 'json' ? JSON.stringify({ model: { ...model, file }, queries }, null, 2) + '\n' : renderTraining(model),
  );
  if (file) ctx.io.stderr.write(`Stored ${model.id} in ${file} (${queries.length} queries)\n`);
  if (usable === 0)
    throw new ModelRefusedError('no verb class has a usable model (see the reasons above); nothing stored');
}

async function whatIfCommand(
  changes: string[],
  flags: { model: string; modelDir: string; output: string },
  ctx: CommandContext,
): Promise<void> {
  const output = format(flags, ['text', 'json']);
  if (changes.length === 0)
    throw new UsageError('what-if: give at least one change, e.g. pods=2x nodes=+50 list-qps=3x fsync=10ms');
  const model = store(ctx, flags.modelDir).load(flags.model);
  const result = predictWhatIf(model, changes);
  ctx.io.stdout.write(
    output === 'json'
      ? JSON.stringify({ model: model.id, ...result, advice: adviceFor(model, result) }, null, 2) + '\n'
      : renderWhatIf(model, result),
  );
  if (result.classes.every((c) => c.status !== 'ok'))
    throw new ModelRefusedError(`model ${model.id} has no usable verb class`);
}

async function capacity(flags: PredictFlags, ctx: CommandContext): Promise<void> {
  const output = format(flags, ['markdown', 'json']);
  const client = clientFromFlags(flags, ctx.io.env);
  await preflight(client, flags.prometheus!);
  const endSeconds = Math.floor(flags.time ? parseTime(flags.time) : ctx.io.now().getTime() / 1000);
  const result = await capacityPlan(client, endSeconds, parsePromDuration(flags.window, '--window'));
  ctx.io.stdout.write(
    output === 'json' ? JSON.stringify(result, null, 2) + '\n' : renderCapacityMarkdown(result.outlook, result.missing),
  );
}

export const predictCommand: CommandModule = {
  name: 'predict',
  register(program: Command, ctx) {
    const predict = program
      .command('predict')
      .description("Learn what drives API server latency from this cluster's Prometheus history; what-if and capacity");
    promOptions(predict.command('train').description('train the latency model on --window of history and store it'))
      .option('--seed <n>', 'random seed (same data and seed give the same model)', '1')
      .option('--model-dir <dir>', 'where models are stored', DEFAULT_MODEL_DIR)
      .option('-o, --output <format>', 'text | json', 'text')
      .action((flags: PredictFlags) => train(flags, ctx));
    predict
      .command('what-if')
      .description('predict p99 per verb class after changes such as pods=2x nodes=+50 list-qps=3x fsync=10ms')
      .argument('<change...>', 'feature=2x | feature=+N | feature=value')
      .option('--model <id>', 'stored model id, or latest', 'latest')
      .option('--model-dir <dir>', 'where models are stored', DEFAULT_MODEL_DIR)
      .option('-o, --output <format>', 'text | json', 'text')
      .action((changes: string[], flags: { model: string; modelDir: string; output: string }) =>
        whatIfCommand(changes, flags, ctx),
      );
    promOptions(
      predict.command('capacity').description('days until requests or usage reach the N-1 allocatable, HPAs at max'),
    )
      .option('-o, --output <format>', 'markdown | json', 'markdown')
      .action((flags: PredictFlags) => capacity(flags, ctx));
    predict
      .command('show')
      .description('list stored models with their window, features and scores')
      .option('--model-dir <dir>', 'where models are stored', DEFAULT_MODEL_DIR)
      .option('-o, --output <format>', 'text | json', 'text')
      .action((flags: { modelDir: string; output: string }) => {
        const models = store(ctx, flags.modelDir).list();
        const output = format(flags, ['text', 'json']);
        ctx.io.stdout.write(
          output === 'json'
            ? JSON.stringify(
                models.map(({ classes, ...m }) => ({
                  ...m,
                  classes: classes.map((c) => ({
                    verbClass: c.verbClass,
                    status: c.status,
                    ...(c.status === 'ok' ? { scores: c.scores, selected: c.selected } : { reason: c.reason }),
                  })),
                })),
                null,
                2,
              ) + '\n'
            : renderModelList(models),
        );
      });
  },
};

/**
 * `kubetune generate rules|dashboards|tests`: monitoring generated from the KPI catalogue diagnose uses. Written to
 * `--out DIR`, or to stdout when one kind that is one file is asked for (rules, tests). With `--prometheus`, only what
 * that Prometheus can measure is generated; `--from-history 14d` adds thresholds from its history.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import {
  isGenerateKind,
  runGenerate,
  GENERATE_KINDS,
  type GenerateKind,
  type GenerateOptions,
} from '../../app/generate.js';
import type { RulesFormat } from '../../generate/monitoring/render-rules.js';
import type { ProfileName } from '../../knowledge/profiles.js';
import { resolveKubeVersion } from '../../app/audit.js';
import { connectPrometheus, preflight } from '../../app/prometheus.js';
import type { CommandContext, CommandModule } from '../command.js';
import { prometheusSettings, type PromFlags } from '../prometheus-flags.js';

interface GenerateFlags extends PromFlags {
  readonly out?: string;
  readonly profile?: ProfileName;
  readonly output: RulesFormat;
  readonly kubeVersion?: string;
  readonly label?: string[];
  readonly team?: string;
  readonly componentLabel?: string[];
  readonly sloAvailability: string;
  readonly sloLatency: string;
  readonly clusterLabel: string;
  /** Seconds. */
  readonly fromHistory?: number;
  readonly historyQuantile: string;
  readonly historyMargin: string;
  /** Unix seconds. */
  readonly time?: number;
  readonly namespace?: string;
}

const pairs = (list: readonly string[] | undefined, flag: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const item of list ?? []) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(`${flag}: expected key=value, got ${JSON.stringify(item)}`);
    out[item.slice(0, i)] = item.slice(i + 1);
  }
  return out;
};

const fraction = (text: string, flag: string, max = 1): number => {
  const n = Number(text);
  if (!(n > 0 && n < max))
    throw new UsageError(`${flag}: expected a number in (0, ${max}), got ${JSON.stringify(text)}`);
  return n;
};

function optionsOf(kinds: readonly GenerateKind[], flags: GenerateFlags): GenerateOptions {
  const labels = { ...pairs(flags.label, '--label'), ...(flags.team ? { team: flags.team } : {}) };
  const margin = Number(flags.historyMargin);
  if (!(margin >= 1))
    throw new UsageError(`--history-margin: expected a number ≥ 1, got ${JSON.stringify(flags.historyMargin)}`);
  return {
    kinds,
    profile: flags.profile ?? 'guide',
    rulesFormat: flags.output,
    kubeVersion: resolveKubeVersion(flags.kubeVersion),
    routing: { labels, components: pairs(flags.componentLabel, '--component-label') },
    slo: {
      availabilityTarget: fraction(flags.sloAvailability, '--slo-availability'),
      latencyTarget: fraction(flags.sloLatency, '--slo-latency'),
    },
    clusterLabel: flags.clusterLabel,
    ...(flags.fromHistory !== undefined
      ? {
          history: {
            windowSeconds: flags.fromHistory,
            quantile: fraction(flags.historyQuantile, '--history-quantile'),
            margin,
          },
        }
      : {}),
    ...(flags.time !== undefined ? { timeSeconds: flags.time } : {}),
    ...(flags.namespace ? { namespace: flags.namespace } : {}),
  };
}

async function run(what: readonly string[], flags: GenerateFlags, ctx: CommandContext): Promise<void> {
  const bad = what.filter((w) => !isGenerateKind(w));
  if (bad.length)
    throw new UsageError(`generate: unknown kind ${bad.join(', ')} (expected ${GENERATE_KINDS.join(', ')})`);
  const kinds = [...new Set(what as GenerateKind[])];
  const opts = optionsOf(kinds, flags);
  const client = flags.prometheus
    ? connectPrometheus(prometheusSettings(flags, ctx.io.env, 'generate')).client
    : undefined;
  if (client) await preflight(client, flags.prometheus!);
  const result = await runGenerate(opts, client ? { prometheus: client } : {});
  for (const n of result.notes) ctx.io.stderr.write(`${n}\n`);
  for (const o of result.omitted) ctx.io.stderr.write(`left out: ${o.id}: ${o.reason}\n`);
  for (const t of result.history)
    ctx.io.stderr.write(`history: ${t.kpi} ${t.priority} at ${t.value} (${t.basis ?? ''})\n`);
  const files = result.files.filter(
    (f) => kinds.includes('tests') || opts.rulesFormat !== 'prometheusrule' || !f.path.endsWith('kubetune.rules.yaml'),
  );
  if (!flags.out) {
    const wanted = files.filter(
      (f) => kinds.length === 1 && (kinds[0] === 'rules' || f.path.startsWith(`${kinds[0]}/`)),
    );
    if (wanted.length !== 1)
      throw new UsageError(`generate ${kinds.join(' ')} writes ${files.length} files: give --out DIR`);
    ctx.io.stdout.write(wanted[0]!.text);
    return;
  }
  const out = resolve(ctx.io.cwd, flags.out);
  for (const f of files) {
    const target = join(out, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
  }
  ctx.io.stdout.write(`Wrote ${files.length} files to ${out}:\n${files.map((f) => `  ${f.path}\n`).join('')}`);
}

/** `kubetune generate <what...>`: rules, dashboards and promtool tests (options: cli/options-commands.ts). */
export const generateCommand: CommandModule<GenerateFlags> = { run: (what, flags, ctx) => run(what, flags, ctx) };

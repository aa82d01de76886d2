import { ConfigError } from '../core/errors.js';
import { DEFAULT_COMPARE, type CompareSettings } from './compare.js';
import { FULL_PROFILE, QUICK_PROFILE, type LocalProfile } from './local-suites.js';
import { metricDef, type MetricGate } from './metrics.js';
import type { SuiteName } from '../model/bench.js';

/** `bench.yaml`: profile parameters, per-metric tolerances and gates, images. */
export interface BenchConfig {
  readonly local: Partial<LocalProfile>;
  readonly compare: CompareSettings;
  readonly images: Readonly<Record<string, string>>;
}

export const EMPTY_BENCH_CONFIG: BenchConfig = { local: {}, compare: DEFAULT_COMPARE, images: {} };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const NUMBER_KEYS = ['cpuSeconds', 'vmSeconds', 'fioSeconds', 'fioIodepth', 'iperfSeconds', 'dnsLookups'] as const;
const STRING_KEYS = ['vmBytes', 'fioSize', 'fdatasyncSize', 'udpBitrate'] as const;

function parseLocal(raw: unknown, file: string): Partial<LocalProfile> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new ConfigError('local must be a mapping', file);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if ((NUMBER_KEYS as readonly string[]).includes(k)) {
      if (typeof v !== 'number' || !(v > 0)) throw new ConfigError(`local.${k} must be a positive number`, file);
      out[k] = v;
    } else if ((STRING_KEYS as readonly string[]).includes(k)) {
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new ConfigError(`local.${k} must be a size or rate like 64m`, file);
      out[k] = String(v);
    } else if (k === 'dnsNames') {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        throw new ConfigError('local.dnsNames must be a list of names', file);
      out[k] = v;
    } else throw new ConfigError(`unknown key local.${k}`, file);
  }
  return out as Partial<LocalProfile>;
}

function parseGate(metric: string, v: unknown, file: string): MetricGate {
  if (!isRecord(v) || (typeof v['max'] !== 'number' && typeof v['min'] !== 'number'))
    throw new ConfigError(`gates.${metric} needs max or min (a number in the metric's unit)`, file);
  return {
    ...(typeof v['max'] === 'number' ? { max: v['max'] } : {}),
    ...(typeof v['min'] === 'number' ? { min: v['min'] } : {}),
    source: typeof v['source'] === 'string' ? v['source'] : file,
  };
}

function metricMap<T>(
  raw: unknown,
  section: string,
  file: string,
  each: (metric: string, v: unknown) => T,
): Record<string, T> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new ConfigError(`${section} must be a mapping of metric id to setting`, file);
  const out: Record<string, T> = {};
  for (const [metric, v] of Object.entries(raw)) {
    if (!metricDef(metric))
      throw new ConfigError(`${section}: unknown metric ${metric} (docs/bench.md lists them)`, file);
    out[metric] = each(metric, v);
  }
  return out;
}

/** Validates a parsed bench.yaml; `file` names it in errors. */
export function parseBenchConfig(raw: unknown, file = 'bench.yaml'): BenchConfig {
  if (raw === null || raw === undefined) return EMPTY_BENCH_CONFIG;
  if (!isRecord(raw)) throw new ConfigError('bench.yaml must be a mapping', file);
  for (const k of Object.keys(raw))
    if (!['local', 'tolerances', 'gates', 'alpha', 'images'].includes(k))
      throw new ConfigError(`unknown key "${k}"`, file);
  const tolerances = metricMap(raw['tolerances'], 'tolerances', file, (metric, v) => {
    const pct = isRecord(v) ? v['minEffectPct'] : v;
    if (typeof pct !== 'number' || pct < 0)
      throw new ConfigError(`tolerances.${metric} must be a percentage (e.g. 10) or { minEffectPct: 10 }`, file);
    return pct;
  });
  const gates = metricMap(raw['gates'], 'gates', file, (metric, v) => parseGate(metric, v, file));
  const alpha = raw['alpha'] ?? DEFAULT_COMPARE.alpha;
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1))
    throw new ConfigError('alpha must be between 0 and 1', file);
  const images = raw['images'] ?? {};
  if (!isRecord(images) || !Object.values(images).every((v) => typeof v === 'string'))
    throw new ConfigError('images must map a tool to an image', file);
  return {
    local: parseLocal(raw['local'], file),
    compare: { alpha, minEffectPct: tolerances, gates },
    images: images as Record<string, string>,
  };
}

/** The suite's default profile with the config's overrides. */
export const localProfile = (suite: SuiteName, config: BenchConfig): LocalProfile => ({
  ...(suite === 'full' || suite === 'all' ? FULL_PROFILE : QUICK_PROFILE),
  ...config.local,
});

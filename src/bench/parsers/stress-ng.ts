import yaml from 'js-yaml';
import { BenchOutputError } from '../errors.js';
import { isObj, num } from './json-text.js';

export interface StressorMetrics {
  readonly stressor: string;
  readonly bogoOps: number;
  readonly bogoOpsPerSecReal: number;
  readonly bogoOpsPerSecCpu: number;
  readonly wallClockSec: number;
}

export interface StressNgResult {
  readonly version: string;
  readonly stressors: readonly StressorMetrics[];
}

/** YAML's document end marker: stress-ng writes it last, so its absence means the file was cut short. */
const END_MARKER = /^\.\.\.\s*$/m;

function load(text: string, source: string): unknown {
  try {
    return yaml.load(text, { filename: source, schema: yaml.CORE_SCHEMA });
  } catch (e) {
    const line = e instanceof yaml.YAMLException ? (e.mark?.line ?? 0) + 1 : 0;
    throw new BenchOutputError(
      source,
      `not stress-ng YAML (line ${line}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
      { cause: e },
    );
  }
}

function stressor(raw: unknown, i: number, source: string): StressorMetrics {
  const where = `metrics[${i}]`;
  if (!isObj(raw) || typeof raw['stressor'] !== 'string')
    throw new BenchOutputError(source, `${where} has no stressor name`);
  return {
    stressor: raw['stressor'],
    bogoOps: num(raw, 'bogo-ops', source, where),
    bogoOpsPerSecReal: num(raw, 'bogo-ops-per-second-real-time', source, where),
    bogoOpsPerSecCpu: num(raw, 'bogo-ops-per-second-usr-sys-time', source, where),
    wallClockSec: num(raw, 'wall-clock-time', source, where),
  };
}

/** Parses the file `stress-ng --metrics --yaml FILE` writes. Rejects truncated and foreign YAML. */
export function parseStressNg(text: string, source: string): StressNgResult {
  if (text.trim() === '') throw new BenchOutputError(source, 'empty output, expected stress-ng YAML');
  const doc = load(text, source);
  const info = isObj(doc) ? doc['system-info'] : undefined;
  if (!isObj(doc) || !isObj(info) || info['stress-ng-version'] === undefined)
    throw new BenchOutputError(source, 'not stress-ng YAML (no system-info.stress-ng-version)');
  if (!END_MARKER.test(text))
    throw new BenchOutputError(
      source,
      `truncated stress-ng YAML (no end marker "..." after line ${text.split('\n').length})`,
    );
  const metrics = doc['metrics'];
  if (!Array.isArray(metrics) || metrics.length === 0)
    throw new BenchOutputError(source, 'stress-ng wrote no metrics (was it run with --metrics?)');
  return { version: String(info['stress-ng-version']), stressors: metrics.map((s, i) => stressor(s, i, source)) };
}

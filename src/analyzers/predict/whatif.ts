/**
 * What-if: move some features from "now" (`pods=2x`, `nodes=+50`, `fsync=10ms`, `list-qps=300`), predict each verb
 * class's p99 with an interval, check the upstream SLO, and tell which feature drives the change.
 */
import { UsageError } from '../../core/errors.js';
import { parseDurationMs } from '../../core/units.js';
import { featureByAlias, TARGETS } from './features.js';
import { predictForest } from './forest.js';
import { predictLinear } from './linear.js';
import type { ClassModel, LatencyModel } from './model.js';

export interface Change {
  readonly feature: string;
  readonly op: 'times' | 'plus' | 'set';
  readonly value: number;
  readonly text: string;
}

export class ScenarioError extends UsageError {}

/** `name=2x`, `name=+50` / `-10`, `name=300`, `name=10ms` (durations for seconds-valued features). */
export function parseChange(text: string): Change {
  const m = /^([a-zA-Z][\w-]*)=(.+)$/.exec(text.trim());
  if (!m) throw new ScenarioError(`"${text}": expected name=value, e.g. pods=2x, nodes=+50, list-qps=300, fsync=10ms`);
  const def = featureByAlias(m[1]!);
  if (!def) throw new ScenarioError(`"${m[1]}" is not a model feature`);
  const v = m[2]!.trim();
  const times = /^([\d.]+)x$/i.exec(v);
  if (times) return { feature: def.name, op: 'times', value: Number(times[1]), text };
  const plus = /^([+-])([\d.]+)$/.exec(v);
  if (plus) return { feature: def.name, op: 'plus', value: (plus[1] === '-' ? -1 : 1) * Number(plus[2]), text };
  const value = def.unit === 'seconds' && /[a-z]$/i.test(v) ? (parseDurationMs(v) ?? NaN) / 1000 : Number(v);
  if (!Number.isFinite(value))
    throw new ScenarioError(`"${text}": "${v}" is not a number, a factor (2x) or a step (+50)`);
  return { feature: def.name, op: 'set', value, text };
}

function apply(row: readonly number[], features: readonly string[], changes: readonly Change[]): number[] {
  const out = [...row];
  for (const c of changes) {
    const i = features.indexOf(c.feature);
    if (i < 0) continue;
    out[i] = c.op === 'times' ? out[i]! * c.value : c.op === 'plus' ? out[i]! + c.value : c.value;
  }
  return out;
}

export interface ClassPrediction {
  readonly verbClass: string;
  readonly status: 'ok' | 'refused';
  readonly reason?: string;
  readonly now?: number;
  readonly predicted?: number;
  readonly interval?: readonly [number, number];
  readonly sloSeconds: number;
  readonly sloScope: string;
  readonly sloHolds?: boolean;
  /** The change that moves this class's prediction most, with its own effect in seconds. */
  readonly driver?: { readonly change: string; readonly effectSeconds: number };
  readonly model?: 'forest' | 'linear';
}

export interface WhatIf {
  readonly changes: readonly Change[];
  readonly ignored: readonly string[];
  /** Changes that take a feature outside the range seen in training: the model cannot know what happens there. */
  readonly extrapolated: readonly {
    readonly change: string;
    readonly value: number;
    readonly max: number;
    readonly min: number;
  }[];
  readonly classes: readonly ClassPrediction[];
}

function predictWith(c: Extract<ClassModel, { status: 'ok' }>, row: readonly number[]): number {
  return c.selected === 'forest' ? predictForest(c.forest, row) : predictLinear(c.linear, row);
}

export function whatIf(model: LatencyModel, changes: readonly Change[]): WhatIf {
  const ignored = changes
    .filter((c) => !model.features.includes(c.feature))
    .map((c) => `${c.text} (no data for ${c.feature} in the training window)`);
  const used = changes.filter((c) => model.features.includes(c.feature));
  const classes = model.classes.map((c): ClassPrediction => {
    const target = TARGETS.find((t) => t.verbClass === c.verbClass)!;
    const slo = { sloSeconds: target.sloSeconds, sloScope: target.sloScope };
    if (c.status !== 'ok') return { verbClass: c.verbClass, status: 'refused', reason: c.reason, ...slo };
    const base = predictWith(c, c.current);
    const scenario = predictWith(c, apply(c.current, model.features, used));
    // Anchor on the observed latency now; the model supplies the change.
    const predicted = Math.max(0, c.currentLatency + scenario - base);
    const effects = used.map((ch) => ({
      change: ch.text,
      effectSeconds: predictWith(c, apply(c.current, model.features, [ch])) - base,
    }));
    const driver = effects.sort((a, b) => Math.abs(b.effectSeconds) - Math.abs(a.effectSeconds))[0];
    return {
      verbClass: c.verbClass,
      status: 'ok',
      now: c.currentLatency,
      predicted,
      interval: [Math.max(0, predicted + c.residuals.p05), predicted + c.residuals.p95],
      ...slo,
      sloHolds: predicted + c.residuals.p95 <= target.sloSeconds,
      ...(driver ? { driver } : {}),
      model: c.selected,
    };
  });
  const first = model.classes.find((c) => c.status === 'ok');
  const extrapolated =
    first?.status === 'ok'
      ? used.flatMap((ch) => {
          const i = model.features.indexOf(ch.feature);
          const value = apply(first.current, model.features, [ch])[i]!;
          const r = model.ranges[i]!;
          return value > r.max || value < r.min ? [{ change: ch.text, value, max: r.max, min: r.min }] : [];
        })
      : [];
  return { changes: used, ignored, extrapolated, classes };
}

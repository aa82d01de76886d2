/**
 * Use case `predict`: collect a training set from Prometheus history, train the latency model per verb class,
 * answer what-if questions from a stored model, and project capacity. Ports: a PromApi, a clock, a progress sink.
 */
import {
  capacityKey,
  capacityOutlook,
  CAPACITY_QUERIES,
  type Points,
  type ResourceOutlook,
} from '../analyzers/predict/capacity.js';
import { buildDataset, seriesMap } from '../analyzers/predict/dataset.js';
import { FEATURES, stepFor, TARGETS, withRate } from '../analyzers/predict/features.js';
import type { ForestOptions } from '../analyzers/predict/forest.js';
import { DEFAULT_FOREST } from '../analyzers/predict/forest.js';
import { LEARNER, MODEL_SCHEMA_VERSION, type LatencyModel } from '../analyzers/predict/model.js';
import { trainClass, type TrainPolicy } from '../analyzers/predict/train.js';
import { parseChange, whatIf, type WhatIf } from '../analyzers/predict/whatif.js';
import type { PromApi, TimeWindow } from '../model/prom-api.js';

export interface PredictTrainOptions {
  readonly prometheus: PromApi;
  /** Window end (unix seconds) and length. */
  readonly endSeconds: number;
  readonly windowSeconds: number;
  readonly seed?: number;
  readonly policy?: TrainPolicy;
  readonly forest?: Partial<ForestOptions>;
  readonly now: () => Date;
  readonly progress?: (message: string) => void;
}

export interface CollectedQuery {
  readonly name: string;
  readonly query: string;
  readonly points: number;
}

export interface TrainingSet {
  readonly window: TimeWindow;
  readonly features: Map<string, Map<number, number>>;
  readonly targets: Map<string, Map<number, number>>;
  readonly queries: readonly CollectedQuery[];
}

/** One range query per feature (the first alternative that has data) and per target: a bounded budget. */
export async function collectTrainingSet(
  prom: PromApi,
  endSeconds: number,
  windowSeconds: number,
  progress?: (m: string) => void,
): Promise<TrainingSet> {
  const stepSeconds = stepFor(windowSeconds);
  const window: TimeWindow = { startSeconds: endSeconds - windowSeconds, endSeconds, stepSeconds };
  const queries: CollectedQuery[] = [];
  const features = new Map<string, Map<number, number>>();
  for (const f of FEATURES) {
    progress?.(`feature ${f.name}`);
    let found = new Map<number, number>();
    for (const q of f.queries) {
      const query = withRate(q, stepSeconds);
      found = seriesMap((await prom.rangeQuery(query, window)).series);
      queries.push({ name: f.name, query, points: found.size });
      if (found.size > 0) break;
    }
    features.set(f.name, found);
  }
  const targets = new Map<string, Map<number, number>>();
  for (const t of TARGETS) {
    progress?.(`target ${t.verbClass}`);
    const query = withRate(t.query, stepSeconds);
    const m = seriesMap((await prom.rangeQuery(query, window)).series);
    queries.push({ name: t.verbClass, query, points: m.size });
    targets.set(t.verbClass, m);
  }
  return { window, features, targets, queries };
}

export interface TrainResult {
  readonly model: LatencyModel;
  readonly queries: readonly CollectedQuery[];
}

export async function trainLatencyModel(opts: PredictTrainOptions): Promise<TrainResult> {
  const set = await collectTrainingSet(opts.prometheus, opts.endSeconds, opts.windowSeconds, opts.progress);
  return { model: trainFromSet(set, opts), queries: set.queries };
}

/** The pure half of training (tests and benchmarks call it on a collected set). */
export function trainFromSet(
  set: TrainingSet,
  opts: Pick<PredictTrainOptions, 'seed' | 'policy' | 'forest' | 'now'>,
): LatencyModel {
  const seed = opts.seed ?? 1;
  const forest: ForestOptions = { ...DEFAULT_FOREST, ...opts.forest, seed };
  const steps = Math.floor((set.window.endSeconds - set.window.startSeconds) / set.window.stepSeconds) + 1;
  const classes = TARGETS.map((t) => {
    const data = buildDataset({ features: set.features, target: set.targets.get(t.verbClass) ?? new Map(), steps });
    return { data, model: trainClass(t.verbClass, data, { forest, ...(opts.policy ? { policy: opts.policy } : {}) }) };
  });
  const first = classes[0]!.data;
  const names = first.features;
  const ranges = names.map((name) => {
    const values = [...set.features.get(name)!.values()];
    return { min: Math.min(...values), max: Math.max(...values) };
  });
  const created = opts.now();
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    id: `latency-${created.toISOString().replace(/[:.]/g, '-')}`,
    createdAt: created.toISOString(),
    learner: LEARNER,
    seed,
    window: set.window,
    features: names,
    ranges,
    droppedFeatures: first.dropped,
    classes: classes.map((c) => c.model),
  };
}

export function predictWhatIf(model: LatencyModel, changes: readonly string[]): WhatIf {
  return whatIf(model, changes.map(parseChange));
}

export interface CapacityResult {
  readonly window: TimeWindow;
  readonly outlook: readonly ResourceOutlook[];
  readonly missing: readonly string[];
}

export async function capacityPlan(prom: PromApi, endSeconds: number, windowSeconds: number): Promise<CapacityResult> {
  const stepSeconds = stepFor(windowSeconds, 500);
  const window: TimeWindow = { startSeconds: endSeconds - windowSeconds, endSeconds, stepSeconds };
  const series = new Map<string, Points>();
  for (const q of CAPACITY_QUERIES) {
    const result = await prom.rangeQuery(withRate(q.query, stepSeconds), window);
    const values = result.series[0]?.values ?? [];
    if (values.length) series.set(capacityKey(q), values);
  }
  return { window, ...capacityOutlook({ series, endSeconds }) };
}

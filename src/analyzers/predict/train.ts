/**
 * Training: a time-ordered split (first 80% to learn, last 20% to test, never shuffled across time), a random forest
 * and a linear baseline, scores on the test part beside a constant predictor, and a refusal when the data cannot
 * support a model.
 */
import type { Dataset } from './dataset.js';
import type { VerbClass } from './features.js';
import { DEFAULT_FOREST, predictForest, trainForest, type ForestOptions } from './forest.js';
import { predictLinear, trainLinear } from './linear.js';
import type { ClassModel, Importance } from './model.js';
import { mean, quantile, scores, seededRandom, type Scores } from './stats.js';

export interface TrainPolicy {
  /** Fewer rows than this: refuse. */
  readonly minRows: number;
  /** Rows / steps in the window below this: refuse. */
  readonly minCoverage: number;
  /** The chosen model's test MAE must be at most this share of the constant predictor's. */
  readonly maxMaeShareOfConstant: number;
  /** …and its test R² at least this. */
  readonly minR2: number;
  readonly trainShare: number;
}

export const DEFAULT_POLICY: TrainPolicy = {
  minRows: 200,
  minCoverage: 0.5,
  maxMaeShareOfConstant: 0.8,
  minR2: 0.3,
  trainShare: 0.8,
};

type Predict = (row: readonly number[]) => number;

function permutationImportance(
  predict: Predict,
  x: readonly (readonly number[])[],
  y: readonly number[],
  features: readonly string[],
  seed: number,
): Importance[] {
  const base = scores(y, x.map(predict)).mae;
  const random = seededRandom(seed + 7);
  return features
    .map((feature, f) => {
      const column = x.map((row) => row[f]!);
      for (let i = column.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [column[i], column[j]] = [column[j]!, column[i]!];
      }
      const permuted = x.map((row, i) => row.map((v, k) => (k === f ? column[i]! : v)));
      const mae = scores(y, permuted.map(predict)).mae;
      return { feature, increase: base > 0 ? mae / base - 1 : 0 };
    })
    .sort((a, b) => b.increase - a.increase);
}

function refusal(verbClass: VerbClass, data: Dataset, reason: string): ClassModel {
  return { verbClass, status: 'refused', reason, rows: data.y.length, coverage: data.coverage };
}

export interface TrainClassOptions {
  readonly policy?: TrainPolicy;
  readonly forest?: ForestOptions;
}

export function trainClass(verbClass: VerbClass, data: Dataset, opts: TrainClassOptions = {}): ClassModel {
  const policy = opts.policy ?? DEFAULT_POLICY;
  const forestOptions = opts.forest ?? DEFAULT_FOREST;
  if (data.features.length === 0) return refusal(verbClass, data, 'no feature series with enough data');
  if (data.y.length < policy.minRows)
    return refusal(verbClass, data, `${data.y.length} aligned rows, at least ${policy.minRows} needed`);
  if (data.coverage < policy.minCoverage)
    return refusal(
      verbClass,
      data,
      `coverage ${(data.coverage * 100).toFixed(0)}% of the window, at least ${policy.minCoverage * 100}% needed`,
    );
  const cut = Math.floor(data.y.length * policy.trainShare);
  const [xTrain, yTrain, xTest, yTest] = [
    data.x.slice(0, cut),
    data.y.slice(0, cut),
    data.x.slice(cut),
    data.y.slice(cut),
  ];
  const forest = trainForest(xTrain, yTrain, forestOptions);
  const linear = trainLinear(xTrain, yTrain);
  const trainMean = mean(yTrain);
  const predictF: Predict = (row) => predictForest(forest, row);
  const predictL: Predict = (row) => predictLinear(linear, row);
  const forestPred = xTest.map(predictF);
  const linearPred = xTest.map(predictL);
  const s = {
    forest: scores(yTest, forestPred),
    linear: scores(yTest, linearPred),
    constant: scores(
      yTest,
      yTest.map(() => trainMean),
    ),
  };
  const selected = s.linear.mae < s.forest.mae ? 'linear' : 'forest';
  const best: Scores = s[selected];
  const refuse =
    best.mae > policy.maxMaeShareOfConstant * s.constant.mae
      ? `the best model's test MAE (${fmt(best.mae)}) is not below ${policy.maxMaeShareOfConstant * 100}% of a constant prediction's (${fmt(s.constant.mae)})`
      : !(best.r2 >= policy.minR2)
        ? `test R² ${best.r2.toFixed(2)} is below ${policy.minR2}`
        : undefined;
  if (refuse)
    return {
      verbClass,
      status: 'refused',
      reason: `latency is not explained by the features: ${refuse}`,
      rows: data.y.length,
      coverage: data.coverage,
      scores: s,
    };
  const predict = selected === 'forest' ? predictF : predictL;
  const residuals = yTest.map((v, i) => v - (selected === 'forest' ? forestPred[i]! : linearPred[i]!));
  const lastHour = data.t.reduce((n, t) => (t >= data.t[data.t.length - 1]! - 3600 ? n + 1 : n), 0);
  const tail = data.x.slice(-Math.max(1, lastHour));
  return {
    verbClass,
    status: 'ok',
    rows: data.y.length,
    trainRows: cut,
    coverage: data.coverage,
    scores: s,
    selected,
    forest,
    linear,
    residuals: { p05: quantile(residuals, 0.05), p95: quantile(residuals, 0.95) },
    importance: permutationImportance(predict, xTest, yTest, data.features, forestOptions.seed),
    current: data.features.map((_, f) => mean(tail.map((row) => row[f]!))),
    currentLatency: mean(data.y.slice(-Math.max(1, lastHour))),
  };
}

const fmt = (seconds: number): string =>
  seconds < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`;

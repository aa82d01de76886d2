/** The stored latency model: what it learned from, how well it did on data it did not see, and its parameters. */
import type { VerbClass } from './features.js';
import type { Forest } from './forest.js';
import type { LinearModel } from './linear.js';
import type { Scores } from './stats.js';

export const MODEL_SCHEMA_VERSION = 1;
/** Bumped when the learner changes in a way that changes its output for the same data and seed. */
export const LEARNER = 'kubetune-forest/1 (binned CART, bootstrap, seeded) + ridge baseline';

export interface ClassScores {
  readonly forest: Scores;
  readonly linear: Scores;
  /** Predicting the training mean: what "no model" scores. */
  readonly constant: Scores;
}

export interface Importance {
  readonly feature: string;
  /** Test MAE with the feature's column permuted, relative to the unpermuted MAE (0 = unused). */
  readonly increase: number;
}

export type ClassModel =
  | {
      readonly verbClass: VerbClass;
      readonly status: 'ok';
      readonly rows: number;
      readonly trainRows: number;
      readonly coverage: number;
      readonly scores: ClassScores;
      /** The model used for predictions: the one with the lower test MAE. */
      readonly selected: 'forest' | 'linear';
      readonly forest: Forest;
      readonly linear: LinearModel;
      /** Test residuals (actual − predicted) at 5% and 95%: the prediction interval. */
      readonly residuals: { readonly p05: number; readonly p95: number };
      readonly importance: readonly Importance[];
      /** Mean of the last hour of features: the "now" a what-if starts from. */
      readonly current: readonly number[];
      readonly currentLatency: number;
    }
  | {
      readonly verbClass: VerbClass;
      readonly status: 'refused';
      readonly reason: string;
      readonly rows: number;
      readonly coverage: number;
      readonly scores?: ClassScores;
    };

export interface LatencyModel {
  readonly schemaVersion: number;
  readonly id: string;
  readonly createdAt: string;
  readonly learner: string;
  readonly seed: number;
  readonly window: { readonly startSeconds: number; readonly endSeconds: number; readonly stepSeconds: number };
  readonly features: readonly string[];
  /** Observed range per feature: a what-if outside it is an extrapolation, and is labelled so. */
  readonly ranges: readonly { readonly min: number; readonly max: number }[];
  readonly droppedFeatures: readonly { readonly feature: string; readonly coverage: number }[];
  readonly classes: readonly ClassModel[];
}

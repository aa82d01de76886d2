/**
 * A random-forest regressor: bootstrap samples, a random subset of features per split, variance-reduction splits
 * on quantile bins (32 per feature), seeded, so that the same rows and seed give the same trees everywhere.
 *
 * Why not a library: ml-random-forest 2.1 (mljs; its CART sorts every candidate split) took 164 s to train 60 trees
 * on 2,000 rows × 14 features on this machine, and its model was 6 MB of JSON; binned splits take 2.7 s on the same
 * shape (`npm run bench:predict`, same loaded machine) and store in about 600 kB. See docs/predict.md.
 */
import { seededRandom } from './stats.js';

/** A node: leaf `[value]`, split `[feature, threshold, left, right]`. Plain arrays keep the stored JSON small. */
export type TreeNode = readonly [number] | readonly [number, number, TreeNode, TreeNode];

export interface ForestOptions {
  readonly trees: number;
  readonly maxDepth: number;
  readonly minLeaf: number;
  /** Share of features tried at each split. */
  readonly featureShare: number;
  readonly seed: number;
}

export const DEFAULT_FOREST: ForestOptions = { trees: 60, maxDepth: 10, minLeaf: 5, featureShare: 0.6, seed: 1 };

export interface Forest {
  readonly kind: 'random-forest';
  readonly trees: readonly TreeNode[];
}

const BINS = 32;

function binEdges(column: readonly number[]): number[] {
  const sorted = [...column].sort((a, b) => a - b);
  const edges = new Set<number>();
  for (let b = 1; b < BINS; b++) edges.add(sorted[Math.floor((sorted.length * b) / BINS)]!);
  return [...edges].sort((a, b) => a - b);
}

interface Split {
  readonly feature: number;
  readonly threshold: number;
  readonly gain: number;
}

function bestSplit(
  x: readonly (readonly number[])[],
  y: readonly number[],
  rows: readonly number[],
  features: readonly number[],
  edges: readonly (readonly number[])[],
  minLeaf: number,
): Split | undefined {
  let total = 0;
  for (const r of rows) total += y[r]!;
  let best: Split | undefined;
  for (const f of features) {
    const fe = edges[f]!;
    const sums = new Float64Array(fe.length + 1);
    const counts = new Uint32Array(fe.length + 1);
    for (const r of rows) {
      const v = x[r]![f]!;
      let lo = 0;
      let hi = fe.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= fe[mid]!) hi = mid;
        else lo = mid + 1;
      }
      sums[lo] = sums[lo]! + y[r]!;
      counts[lo]!++;
    }
    let leftSum = 0;
    let leftN = 0;
    for (let b = 0; b < fe.length; b++) {
      leftSum += sums[b]!;
      leftN += counts[b]!;
      const rightN = rows.length - leftN;
      if (leftN < minLeaf || rightN < minLeaf) continue;
      const rightSum = total - leftSum;
      // Variance reduction up to a constant: sum²/n of both sides minus the parent's.
      const gain = (leftSum * leftSum) / leftN + (rightSum * rightSum) / rightN - (total * total) / rows.length;
      if (!best || gain > best.gain + 1e-12) best = { feature: f, threshold: fe[b]!, gain };
    }
  }
  return best && best.gain > 1e-12 ? best : undefined;
}

interface GrowContext {
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly edges: readonly (readonly number[])[];
  readonly options: ForestOptions;
  readonly random: () => number;
}

function pickFeatures(count: number, share: number, random: () => number): number[] {
  const all = Array.from({ length: count }, (_, i) => i);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, Math.max(1, Math.round(count * share)));
}

function grow(ctx: GrowContext, rows: readonly number[], depth: number): TreeNode {
  let sum = 0;
  for (const r of rows) sum += ctx.y[r]!;
  const leaf: TreeNode = [sum / rows.length];
  if (depth >= ctx.options.maxDepth || rows.length < 2 * ctx.options.minLeaf) return leaf;
  const features = pickFeatures(ctx.edges.length, ctx.options.featureShare, ctx.random);
  const split = bestSplit(ctx.x, ctx.y, rows, features, ctx.edges, ctx.options.minLeaf);
  if (!split) return leaf;
  const left = rows.filter((r) => ctx.x[r]![split.feature]! <= split.threshold);
  const right = rows.filter((r) => ctx.x[r]![split.feature]! > split.threshold);
  return [split.feature, split.threshold, grow(ctx, left, depth + 1), grow(ctx, right, depth + 1)];
}

export function trainForest(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: ForestOptions = DEFAULT_FOREST,
): Forest {
  const featureCount = x[0]?.length ?? 0;
  const edges = Array.from({ length: featureCount }, (_, f) => binEdges(x.map((row) => row[f]!)));
  const random = seededRandom(options.seed);
  const trees: TreeNode[] = [];
  for (let t = 0; t < options.trees; t++) {
    const rows = Array.from({ length: x.length }, () => Math.floor(random() * x.length));
    trees.push(grow({ x, y, edges, options, random }, rows, 0));
  }
  return { kind: 'random-forest', trees };
}

function predictTree(node: TreeNode, row: readonly number[]): number {
  let n = node;
  while (n.length === 4) n = row[n[0]]! <= n[1] ? n[2] : n[3];
  return n[0];
}

/** Every tree's prediction for one row (their spread is the forest's own uncertainty). */
export function treePredictions(forest: Forest, row: readonly number[]): number[] {
  return forest.trees.map((tree) => predictTree(tree, row));
}

export function predictForest(forest: Forest, row: readonly number[]): number {
  const all = treePredictions(forest, row);
  return all.reduce((a, b) => a + b, 0) / all.length;
}

import { describe, expect, it } from 'vitest';
import { buildDataset } from './dataset.js';
import { predictForest, trainForest } from './forest.js';
import { predictLinear, trainLinear } from './linear.js';
import { scores, seededRandom } from './stats.js';
import { trainClass } from './train.js';
import { parseChange } from './whatif.js';

/** Rows of (pods, listQps, fsync) with latency = f(...) + noise; time-ordered with growth over time. */
function synthetic(n: number, noise: number, seed: number, f: (p: number, l: number, s: number) => number) {
  const r = seededRandom(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const pods = 1000 + 3000 * r() + i;
    const list = 5 + 40 * r();
    const fsync = 0.002 + 0.02 * r();
    x.push([pods, list, fsync, r()]);
    y.push(f(pods, list, fsync) + noise * (r() - 0.5));
  }
  return { x, y };
}
const truth = (p: number, l: number, s: number): number => 0.05 + 0.0001 * p + 0.004 * l + 10 * s;

describe('random forest and linear baseline', () => {
  it('is deterministic: same rows and seed give the same trees; another seed gives others', () => {
    const { x, y } = synthetic(600, 0.05, 3, truth);
    const a = trainForest(x, y, { trees: 10, maxDepth: 8, minLeaf: 5, featureShare: 0.6, seed: 7 });
    const b = trainForest(x, y, { trees: 10, maxDepth: 8, minLeaf: 5, featureShare: 0.6, seed: 7 });
    const c = trainForest(x, y, { trees: 10, maxDepth: 8, minLeaf: 5, featureShare: 0.6, seed: 8 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('learns a non-linear function better than the linear baseline', () => {
    const f = (p: number, l: number): number => (l > 25 ? 1.5 : 0.2) + 0.00005 * p;
    const { x, y } = synthetic(2000, 0.02, 5, f);
    const forest = trainForest(x.slice(0, 1600), y.slice(0, 1600));
    const linear = trainLinear(x.slice(0, 1600), y.slice(0, 1600));
    const test = x.slice(1600);
    const sf = scores(
      y.slice(1600),
      test.map((r) => predictForest(forest, r)),
    );
    const sl = scores(
      y.slice(1600),
      test.map((r) => predictLinear(linear, r)),
    );
    expect(sf.mae).toBeLessThan(sl.mae * 0.6);
    expect(sf.r2).toBeGreaterThan(0.9);
  });

  it('the linear baseline recovers linear weights', () => {
    const { x, y } = synthetic(1000, 0, 9, truth);
    const m = trainLinear(x, y, 0);
    expect(m.weights[0]).toBeCloseTo(0.0001, 6);
    expect(m.weights[1]).toBeCloseTo(0.004, 5);
    expect(m.weights[2]).toBeCloseTo(10, 3);
  });
});

describe('trainClass', () => {
  const dataset = (x: number[][], y: number[]) =>
    buildDataset({
      features: new Map(
        ['pods', 'list_qps', 'etcd_fsync_p99', 'unrelated'].map((name, f) => [
          name,
          new Map(x.map((row, i) => [i * 60, row[f]!])),
        ]),
      ),
      target: new Map(y.map((v, i) => [i * 60, v])),
      steps: y.length,
    });

  it('ranks the true drivers first and beats a constant prediction', () => {
    const { x, y } = synthetic(1500, 0.02, 11, truth);
    const m = trainClass('read-list', dataset(x, y));
    expect(m.status).toBe('ok');
    if (m.status !== 'ok') return;
    expect(m.importance.at(-1)!.feature).toBe('unrelated');
    expect(m.scores.forest.mae).toBeLessThan(m.scores.constant.mae * 0.5);
  });

  it('refuses when latency is noise', () => {
    const r = seededRandom(13);
    const { x } = synthetic(1500, 0, 12, truth);
    const m = trainClass(
      'read-list',
      dataset(
        x,
        x.map(() => 0.3 + 0.2 * r()),
      ),
    );
    expect(m.status).toBe('refused');
    if (m.status === 'refused') expect(m.reason).toMatch(/not explained/);
  });

  it('refuses when there are too few rows', () => {
    const { x, y } = synthetic(50, 0.01, 1, truth);
    expect(trainClass('mutating', dataset(x, y)).status).toBe('refused');
  });
});

describe('parseChange', () => {
  it('reads factors, steps, absolute values and durations', () => {
    expect(parseChange('pods=2x')).toMatchObject({ feature: 'pods', op: 'times', value: 2 });
    expect(parseChange('nodes=+50')).toMatchObject({ feature: 'nodes', op: 'plus', value: 50 });
    expect(parseChange('nodes=-5')).toMatchObject({ op: 'plus', value: -5 });
    expect(parseChange('list-qps=300')).toMatchObject({ feature: 'list_qps', op: 'set', value: 300 });
    expect(parseChange('fsync=10ms')).toMatchObject({ feature: 'etcd_fsync_p99', op: 'set', value: 0.01 });
  });
  it('rejects unknown names and values with a usage error', () => {
    expect(() => parseChange('gpus=2x')).toThrow(/not a model feature/);
    expect(() => parseChange('pods=lots')).toThrow(/not a number/);
    expect(() => parseChange('pods')).toThrow(/name=value/);
  });
});

/**
 * `npm run bench:predict`: training cost and accuracy of the latency model on 2,000 rows × 14 features (the size of a
 * 14-day window at the default step), against the ridge baseline trained on the same rows in the same run.
 */
import { predictForest, trainForest } from '../src/analyzers/predict/forest.js';
import { predictLinear, trainLinear } from '../src/analyzers/predict/linear.js';
import { scores, seededRandom } from '../src/analyzers/predict/stats.js';

const rows = 2000;
const r = seededRandom(42);
const x: number[][] = [];
const y: number[] = [];
for (let i = 0; i < rows; i++) {
  const row = Array.from({ length: 14 }, () => r());
  x.push(row);
  y.push(3 * row[0]! + 2 * row[1]! ** 2 + (row[2]! > 0.5 ? 1 : 0) + 0.1 * r());
}
const cut = 1600;
const time = <T>(fn: () => T): [T, number] => {
  const t = process.hrtime.bigint();
  const out = fn();
  return [out, Number(process.hrtime.bigint() - t) / 1e6];
};
let best = { forest: Infinity, linear: Infinity };
let forest = trainForest(x.slice(0, cut), y.slice(0, cut));
let linear = trainLinear(x.slice(0, cut), y.slice(0, cut));
for (let i = 0; i < 3; i++) {
  const [f, fm] = time(() => trainForest(x.slice(0, cut), y.slice(0, cut)));
  const [l, lm] = time(() => trainLinear(x.slice(0, cut), y.slice(0, cut)));
  forest = f;
  linear = l;
  best = { forest: Math.min(best.forest, fm), linear: Math.min(best.linear, lm) };
}
const test = x.slice(cut);
const sf = scores(
  y.slice(cut),
  test.map((row) => predictForest(forest, row)),
);
const sl = scores(
  y.slice(cut),
  test.map((row) => predictLinear(linear, row)),
);
console.log(`rows ${rows} × 14 features, 60 trees (fastest of 3)`);
console.log(
  `forest train ${best.forest.toFixed(0)} ms  (${(best.forest / best.linear).toFixed(1)}× the ridge baseline's ${best.linear.toFixed(1)} ms)`,
);
console.log(
  `forest test MAE ${sf.mae.toFixed(3)} R² ${sf.r2.toFixed(3)}; ridge MAE ${sl.mae.toFixed(3)} R² ${sl.r2.toFixed(3)}`,
);
console.log(`stored forest ${(JSON.stringify(forest).length / 1024).toFixed(0)} kB`);

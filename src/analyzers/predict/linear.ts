/** The baseline: ridge-regularised least squares on standardised features (closed form, deterministic). */

export interface LinearModel {
  readonly kind: 'linear';
  readonly intercept: number;
  /** Per feature, on the original scale. */
  readonly weights: readonly number[];
}

/** Solves A·x = b in place by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = col + 1; r < n; r++) {
      const factor = a[r]![col]! / p;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) a[r]![c]! -= factor * a[col]![c]!;
      b[r]! -= factor * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const p = a[r]![r]!;
    if (Math.abs(p) < 1e-12) continue;
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / p;
  }
  return x;
}

export function trainLinear(x: readonly (readonly number[])[], y: readonly number[], lambda = 1e-3): LinearModel {
  const n = x.length;
  const k = x[0]?.length ?? 0;
  const mu = Array.from({ length: k }, (_, f) => x.reduce((s, row) => s + row[f]!, 0) / n);
  const sd = Array.from(
    { length: k },
    (_, f) => Math.sqrt(x.reduce((s, row) => s + (row[f]! - mu[f]!) ** 2, 0) / n) || 1,
  );
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  const ata = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const atb = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const z = x[i]!.map((v, f) => (v - mu[f]!) / sd[f]!);
    for (let r = 0; r < k; r++) {
      atb[r]! += z[r]! * (y[i]! - yMean);
      for (let c = 0; c < k; c++) ata[r]![c]! += z[r]! * z[c]!;
    }
  }
  for (let r = 0; r < k; r++) ata[r]![r]! += lambda * n;
  const beta = solve(ata, atb);
  const weights = beta.map((b, f) => b / sd[f]!);
  const intercept = yMean - weights.reduce((s, w, f) => s + w * mu[f]!, 0);
  return { kind: 'linear', intercept, weights };
}

export function predictLinear(model: LinearModel, row: readonly number[]): number {
  return model.weights.reduce((s, w, f) => s + w * row[f]!, model.intercept);
}

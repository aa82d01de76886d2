/**
 * Prometheus' template functions (humanize, humanize1024, humanizeDuration, humanizePercentage), as
 * prometheus/template/template.go defines them: the generated promtool tests state the annotation text an alert must
 * expand to, so the expected text is computed with the same rules. Pure.
 */

/** Go's `%.4g`: 4 significant digits, trailing zeros dropped, exponent form outside 1e-4 ≤ |v| < 1e4. */
export function goG4(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const [mantissa, exp] = v.toExponential(3).split('e') as [string, string];
  const e = Number(exp);
  if (e < -4 || e >= 4) {
    const m = mantissa.replace(/\.?0+$/, '');
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(v.toPrecision(4)));
}

const BIG = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

function scaleDown(v: number, base: number, prefixes: readonly string[]): [number, string] {
  let prefix = '';
  for (const p of prefixes) {
    if (Math.abs(v) < base) break;
    prefix = p;
    v /= base;
  }
  return [v, prefix];
}
function scaleUp(v: number): [number, string] {
  let prefix = '';
  for (const p of SMALL) {
    if (Math.abs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return [v, prefix];
}

export function humanize(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return goG4(v);
  const [x, p] = Math.abs(v) >= 1 ? scaleDown(v, 1000, BIG) : scaleUp(v);
  return `${goG4(x)}${p}`;
}

export function humanize1024(v: number): string {
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return goG4(v);
  const [x, p] = scaleDown(v, 1024, ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi']);
  return `${goG4(x)}${p}`;
}

export function humanizeDuration(v: number): string {
  if (!Number.isFinite(v)) return goG4(v);
  if (v === 0) return '0s';
  if (Math.abs(v) >= 1) {
    const sign = v < 0 ? '-' : '';
    const a = Math.trunc(Math.abs(v));
    const [s, m, h, d] = [a % 60, Math.trunc(a / 60) % 60, Math.trunc(a / 3600) % 24, Math.trunc(a / 86_400)];
    if (d !== 0) return `${sign}${d}d ${h}h ${m}m ${s}s`;
    if (h !== 0) return `${sign}${h}h ${m}m ${s}s`;
    if (m !== 0) return `${sign}${m}m ${s}s`;
    return `${sign}${goG4(Math.abs(v))}s`;
  }
  const [x, p] = scaleUp(v);
  return `${goG4(x)}${p}s`;
}

export const humanizePercentage = (v: number): string => `${goG4(v * 100)}%`;

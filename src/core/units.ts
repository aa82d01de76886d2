import { QuantityError } from './errors.js';

/** Bytes as a plain number (memory, storage). */
export type Bytes = number & { readonly __unit?: 'bytes' };
/** CPU in millicores. */
export type Millicores = number & { readonly __unit?: 'millicores' };

const BINARY: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// <sign><digits>[.<digits>] then a binary/decimal suffix or an exponent (e|E)<sign><digits>.
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

/** Parses a Kubernetes resource.Quantity (as the API server accepts it) into its base-unit value. */
export function parseQuantity(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new QuantityError(String(input));
    return input;
  }
  const m = QUANTITY.exec(input.trim());
  if (!m || input.trim() !== input) throw new QuantityError(input);
  const [, sign, digits, suffix, exponent] = m;
  const value = Number(digits);
  const result =
    exponent !== undefined
      ? scale10(value, Number(exponent))
      : suffix !== undefined
        ? applySuffix(value, suffix)
        : value;
  return sign === '-' ? -result : result;
}

/** Multiplies by 10^exp dividing for negative exponents, so that `300m` is exactly 0.3. */
const scale10 = (value: number, exp: number): number => (exp >= 0 ? value * 10 ** exp : value / 10 ** -exp);

function applySuffix(value: number, suffix: string): number {
  const binary = BINARY[suffix];
  if (binary !== undefined) return value * binary;
  const decimal = DECIMAL[suffix] ?? 1;
  return decimal < 1 ? value / Math.round(1 / decimal) : value * decimal;
}

export function tryParseQuantity(input: unknown): number | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  try {
    return parseQuantity(input);
  } catch {
    return undefined;
  }
}

/** CPU in millicores, rounded to nanocores (the API server's own precision) so that `9m` is exactly 9. */
export const parseCpu = (input: string | number): Millicores => Math.round(parseQuantity(input) * 1e9) / 1e6;
export const parseBytes = (input: string | number): Bytes => parseQuantity(input);

/** Formats bytes with the largest binary suffix that keeps an integer (rounding up to Mi when needed). */
export function formatBytes(bytes: Bytes): string {
  if (bytes <= 0) return '0';
  for (const [suffix, factor] of Object.entries(BINARY).reverse()) {
    if (bytes >= factor && Number.isInteger(bytes / factor)) return `${bytes / factor}${suffix}`;
  }
  if (bytes >= BINARY['Mi']!) return `${Math.ceil(bytes / BINARY['Mi']!)}Mi`;
  return `${Math.ceil(bytes)}`;
}

/** Formats millicores as Kubernetes prints them: whole cores when exact, else `NNNm`. */
export function formatCpu(millicores: Millicores): string {
  const m = Math.ceil(Math.round(millicores * 1e6) / 1e6);
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Human-readable bytes for reports (not a Kubernetes quantity). */
export function humanBytes(bytes: Bytes): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)}${units[i]}`;
}

/** Parses a Go/Kubernetes duration string such as `1m30s`, `100ms`, `2h` into milliseconds. */
export function parseDurationMs(input: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  const factor: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
  if (input === '0') return 0;
  let total = 0;
  let matched = 0;
  for (const m of input.matchAll(re)) {
    total += Number(m[1]) * (factor[m[2]!] ?? 0);
    matched += m[0].length;
  }
  return matched === input.length && matched > 0 ? total : undefined;
}

import { tryParseQuantity, type Bytes } from '../../core/units.js';
import { asArray, asNumber, asRecord, asString } from '../object.js';
import type { KubeletConfig } from './types.js';

/** An eviction threshold (`memory.available: 100Mi` or `nodefs.available: 10%`). */
export interface EvictionThreshold {
  readonly signal: string;
  readonly raw: string;
  /** Set for percentages (0-100). */
  readonly percent?: number;
  /** Set for quantities. */
  readonly bytes?: Bytes;
}

export function parseThreshold(signal: string, raw: unknown): EvictionThreshold {
  const text = String(raw);
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (pct) return { signal, raw: text, percent: Number(pct[1]) };
  const bytes = tryParseQuantity(text);
  return bytes !== undefined ? { signal, raw: text, bytes } : { signal, raw: text };
}

/** Whether a threshold can never trigger (0%, 0, or an empty value). */
export const isDisabledThreshold = (t: EvictionThreshold): boolean =>
  t.percent === 0 || t.bytes === 0 || t.raw.trim() === '';

/** The KubeletConfiguration values rules look at, parsed once. */
export interface KubeletView {
  readonly maxPods?: number;
  readonly podsPerCore?: number;
  readonly evictionHard?: readonly EvictionThreshold[];
  readonly imageGCHighThresholdPercent?: number;
  readonly imageGCLowThresholdPercent?: number;
  readonly serializeImagePulls?: boolean;
  readonly maxParallelImagePulls?: number;
  readonly containerLogMaxSize?: Bytes;
  readonly containerLogMaxFiles?: number;
  readonly cpuManagerPolicy?: string;
  readonly reservedSystemCPUs?: string;
  readonly kubeReserved: Readonly<Record<string, string>>;
  readonly systemReserved: Readonly<Record<string, string>>;
  readonly cgroupDriver?: string;
  readonly podCIDR?: string;
}

const strMap = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(asRecord(v)).map(([k, x]) => [k, String(x)]));
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);

export function kubeletView(c: KubeletConfig): KubeletView {
  const r = c.raw;
  const eviction = r['evictionHard'];
  const logSize = asString(r['containerLogMaxSize']);
  const out: Record<string, unknown> = {
    maxPods: asNumber(r['maxPods']),
    podsPerCore: asNumber(r['podsPerCore']),
    evictionHard:
      eviction === undefined ? undefined : Object.entries(asRecord(eviction)).map(([k, v]) => parseThreshold(k, v)),
    imageGCHighThresholdPercent: asNumber(r['imageGCHighThresholdPercent']),
    imageGCLowThresholdPercent: asNumber(r['imageGCLowThresholdPercent']),
    serializeImagePulls: bool(r['serializeImagePulls']),
    maxParallelImagePulls: asNumber(r['maxParallelImagePulls']),
    containerLogMaxSize: logSize === undefined ? undefined : tryParseQuantity(logSize),
    containerLogMaxFiles: asNumber(r['containerLogMaxFiles']),
    cpuManagerPolicy: asString(r['cpuManagerPolicy']),
    reservedSystemCPUs: asString(r['reservedSystemCPUs']),
    kubeReserved: strMap(r['kubeReserved']),
    systemReserved: strMap(r['systemReserved']),
    cgroupDriver: asString(r['cgroupDriver']),
    podCIDR: asString(r['podCIDR']),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as unknown as KubeletView;
}

/** Number of addresses a CIDR holds for pods (IPv4: 2^(32-prefix) minus network and broadcast). */
export function podCapacityOfPrefix(prefix: number, ipv6 = false): number {
  const bits = (ipv6 ? 128 : 32) - prefix;
  if (bits >= 31) return Number.MAX_SAFE_INTEGER;
  return Math.max(0, 2 ** bits - (ipv6 ? 0 : 2));
}

export const allowedUnsafeSysctls = (c: KubeletConfig): readonly string[] =>
  asArray(c.raw['allowedUnsafeSysctls']).map(String);

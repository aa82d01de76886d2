import { BenchOutputError } from '../errors.js';
import { isObj, num, obj, parseJsonText } from './json-text.js';

/** One direction of one fio job (read or write). Latencies in ms, bandwidth in bytes/s. */
export interface FioDirection {
  readonly ios: number;
  readonly iops: number;
  readonly bandwidthBytesPerSec: number;
  readonly clatP99Ms?: number;
}

export interface FioJob {
  readonly name: string;
  readonly read: FioDirection;
  readonly write: FioDirection;
  /** fsync/fdatasync latency percentiles, when the job synced (`--fdatasync=1`). */
  readonly syncP99Ms?: number;
  readonly syncCount: number;
}

export interface FioResult {
  readonly version: string;
  readonly jobs: readonly FioJob[];
}

const NS_PER_MS = 1e6;

function p99Ms(lat: Record<string, unknown>): number | undefined {
  const pct = lat['percentile'];
  if (!isObj(pct)) return undefined;
  const v = pct['99.000000'];
  return typeof v === 'number' ? v / NS_PER_MS : undefined;
}

function direction(job: Record<string, unknown>, key: 'read' | 'write', source: string, where: string): FioDirection {
  const d = obj(job, key, source, where);
  const at = `${where}.${key}`;
  const ios = num(d, 'total_ios', source, at);
  const clat = isObj(d['clat_ns']) ? p99Ms(d['clat_ns']) : undefined;
  return {
    ios,
    iops: num(d, 'iops', source, at),
    bandwidthBytesPerSec: num(d, 'bw_bytes', source, at),
    ...(ios > 0 && clat !== undefined ? { clatP99Ms: clat } : {}),
  };
}

function job(raw: unknown, i: number, source: string): FioJob {
  const where = `jobs[${i}]`;
  if (!isObj(raw)) throw new BenchOutputError(source, `${where} is not an object`);
  const name = typeof raw['jobname'] === 'string' ? raw['jobname'] : `job${i}`;
  const error = raw['error'];
  if (error !== 0) throw new BenchOutputError(source, `fio job "${name}" failed with error ${String(error)}`);
  const sync = obj(raw, 'sync', source, where);
  const lat = obj(sync, 'lat_ns', source, `${where}.sync`);
  const syncCount = num(lat, 'N', source, `${where}.sync.lat_ns`);
  const syncP99 = syncCount > 0 ? p99Ms(lat) : undefined;
  return {
    name,
    read: direction(raw, 'read', source, where),
    write: direction(raw, 'write', source, where),
    syncCount,
    ...(syncP99 !== undefined ? { syncP99Ms: syncP99 } : {}),
  };
}

/** Parses `fio --output-format=json`. Rejects truncated output, other tools' JSON and failed jobs. */
export function parseFio(text: string, source: string): FioResult {
  const doc = parseJsonText(text, source, 'fio');
  if (!isObj(doc) || typeof doc['fio version'] !== 'string' || !Array.isArray(doc['jobs']))
    throw new BenchOutputError(source, 'not fio JSON output (no "fio version" and "jobs")');
  if (doc['jobs'].length === 0) throw new BenchOutputError(source, 'fio ran no job');
  return { version: doc['fio version'], jobs: doc['jobs'].map((j, i) => job(j, i, source)) };
}

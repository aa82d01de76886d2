import { BenchOutputError } from '../errors.js';
import { isObj, num, obj, parseJsonText } from './json-text.js';

export interface Iperf3Result {
  readonly version: string;
  readonly protocol: 'tcp' | 'udp';
  readonly seconds: number;
  /** Received at the far end (TCP: sum_received; UDP: the receiver's figure iperf3 reports back). */
  readonly bitsPerSecond: number;
  readonly retransmits?: number;
  readonly jitterMs?: number;
  readonly lostPercent?: number;
}

function version(start: Record<string, unknown>, source: string): string {
  const v = start['version'];
  if (typeof v !== 'string' || !v.startsWith('iperf 3'))
    throw new BenchOutputError(source, 'not iperf3 JSON (start.version is not "iperf 3.x")');
  return v;
}

/** Parses `iperf3 -c … -J`. Rejects truncated output, other tools' JSON, and reports iperf3's own "error". */
export function parseIperf3(text: string, source: string): Iperf3Result {
  const doc = parseJsonText(text, source, 'iperf3');
  if (!isObj(doc) || !isObj(doc['start']) || !isObj(doc['end']))
    throw new BenchOutputError(source, 'not iperf3 JSON (no "start" and "end")');
  const v = version(doc['start'], source);
  if (typeof doc['error'] === 'string') throw new BenchOutputError(source, `iperf3 failed: ${doc['error']}`);
  const end = doc['end'];
  if (isObj(end['sum']) && end['sum']['jitter_ms'] !== undefined) {
    const sum = end['sum'];
    return {
      version: v,
      protocol: 'udp',
      seconds: num(sum, 'seconds', source, 'end.sum'),
      bitsPerSecond: num(
        isObj(end['sum_received']) ? end['sum_received'] : sum,
        'bits_per_second',
        source,
        'end.sum_received',
      ),
      jitterMs: num(sum, 'jitter_ms', source, 'end.sum'),
      lostPercent: num(sum, 'lost_percent', source, 'end.sum'),
    };
  }
  const received = obj(end, 'sum_received', source, 'end');
  const sent = obj(end, 'sum_sent', source, 'end');
  return {
    version: v,
    protocol: 'tcp',
    seconds: num(received, 'seconds', source, 'end.sum_received'),
    bitsPerSecond: num(received, 'bits_per_second', source, 'end.sum_received'),
    retransmits: num(sent, 'retransmits', source, 'end.sum_sent'),
  };
}

import { BenchOutputError } from './errors.js';
import { parseFio } from './parsers/fio.js';
import { parseIperf3 } from './parsers/iperf3.js';
import { parseStressNg } from './parsers/stress-ng.js';
import { measure, type Measurement } from './samples.js';
import { quantile } from './stats.js';
import type { SuiteName } from '../model/bench.js';

/** Parameters of the node-level benchmarks (bench.yaml `local:`), with the guide's defaults per suite. */
export interface LocalProfile {
  readonly cpuSeconds: number;
  readonly vmSeconds: number;
  readonly vmBytes: string;
  readonly fioSeconds: number;
  readonly fioSize: string;
  readonly fioIodepth: number;
  readonly fdatasyncSize: string;
  readonly iperfSeconds: number;
  readonly udpBitrate: string;
  readonly dnsNames: readonly string[];
  readonly dnsLookups: number;
}

export const QUICK_PROFILE: LocalProfile = {
  cpuSeconds: 5,
  vmSeconds: 5,
  vmBytes: '256M',
  fioSeconds: 4,
  fioSize: '64m',
  fioIodepth: 16,
  fdatasyncSize: '22m',
  iperfSeconds: 3,
  udpBitrate: '100M',
  dnsNames: ['localhost'],
  dnsLookups: 200,
};

export const FULL_PROFILE: LocalProfile = {
  ...QUICK_PROFILE,
  cpuSeconds: 30,
  vmSeconds: 30,
  vmBytes: '1G',
  fioSeconds: 30,
  fioSize: '1g',
  iperfSeconds: 10,
  dnsLookups: 1000,
};

export type LocalTool = 'stress-ng' | 'fio' | 'iperf3';

/** Where a command runs: a scratch directory on the path under test, a file for tools that write one, a loopback port. */
export interface LocalContext {
  readonly dir: string;
  readonly outFile: string;
  readonly port: number;
  /** The iperf3 server to reach (127.0.0.1 locally, the server pod's Service in a cluster). */
  readonly host: string;
}

export interface LocalTest {
  readonly id: string;
  readonly tool: LocalTool;
  readonly output: 'stdout' | 'file';
  /** Upper bound of the run; the runner kills the tool past it. */
  readonly deadlineSeconds: number;
  args(ctx: LocalContext): readonly string[];
  /** Turns the tool's real output into measurements; `subject` names the path or host measured. */
  extract(text: string, source: string, subject: string): readonly Measurement[];
}

const stressNg = (id: 'cpu' | 'memory', args: readonly string[], seconds: number): LocalTest => ({
  id,
  tool: 'stress-ng',
  output: 'file',
  deadlineSeconds: seconds + 30,
  args: (ctx) => [...args, '--timeout', `${seconds}s`, '--metrics', '--yaml', ctx.outFile],
  extract(text, source, subject) {
    const r = parseStressNg(text, source);
    const s = r.stressors[0];
    if (!s) throw new BenchOutputError(source, 'no stressor metrics');
    return [
      measure(`${id}.bogo-ops-per-cpu-second`, subject, s.bogoOpsPerSecCpu),
      measure(`${id}.bogo-ops-per-second`, subject, s.bogoOpsPerSecReal),
    ];
  },
});

type FioKind = 'randread' | 'randwrite' | 'seqread' | 'seqwrite';
const FIO_RW: Record<FioKind, { rw: string; bs: string }> = {
  randread: { rw: 'randread', bs: '4k' },
  randwrite: { rw: 'randwrite', bs: '4k' },
  seqread: { rw: 'read', bs: '1M' },
  seqwrite: { rw: 'write', bs: '1M' },
};

function fioMeasurements(kind: FioKind, text: string, source: string, subject: string): Measurement[] {
  const job = parseFio(text, source).jobs[0];
  if (!job) throw new BenchOutputError(source, 'no fio job');
  const dir = kind.endsWith('read') ? job.read : job.write;
  if (dir.ios === 0) throw new BenchOutputError(source, `fio ${kind} did no I/O`);
  if (kind.startsWith('seq')) return [measure(`disk.${kind}-bandwidth`, subject, dir.bandwidthBytesPerSec)];
  return [
    measure(`disk.${kind}-iops`, subject, dir.iops),
    ...(dir.clatP99Ms !== undefined ? [measure(`disk.${kind}-clat-p99`, subject, dir.clatP99Ms)] : []),
  ];
}

const fio = (kind: FioKind, p: LocalProfile): LocalTest => ({
  id: `disk-${kind}`,
  tool: 'fio',
  output: 'stdout',
  deadlineSeconds: p.fioSeconds + 120,
  args: (ctx) => [
    `--name=${kind}`,
    `--directory=${ctx.dir}`,
    `--size=${p.fioSize}`,
    `--rw=${FIO_RW[kind].rw}`,
    `--bs=${FIO_RW[kind].bs}`,
    '--direct=1',
    '--ioengine=libaio',
    `--iodepth=${kind.startsWith('seq') ? 4 : p.fioIodepth}`,
    `--runtime=${p.fioSeconds}`,
    '--time_based',
    '--output-format=json',
  ],
  extract: (text, source, subject) => fioMeasurements(kind, text, source, subject),
});

/** etcd's disk test: sequential 2300-byte writes, fdatasync after each (IBM/etcd), bounded by the profile's runtime. */
const fdatasync = (p: LocalProfile): LocalTest => ({
  id: 'disk-fdatasync',
  tool: 'fio',
  output: 'stdout',
  deadlineSeconds: p.fioSeconds * 2 + 120,
  args: (ctx) => [
    '--name=etcd',
    `--directory=${ctx.dir}`,
    '--rw=write',
    '--ioengine=sync',
    '--fdatasync=1',
    `--size=${p.fdatasyncSize}`,
    '--bs=2300',
    `--runtime=${p.fioSeconds * 2}`,
    '--output-format=json',
  ],
  extract(text, source, subject) {
    const job = parseFio(text, source).jobs[0];
    if (job?.syncP99Ms === undefined)
      throw new BenchOutputError(source, 'fio reported no fdatasync latencies (was --fdatasync=1 given?)');
    return [measure('disk.fdatasync-p99', subject, job.syncP99Ms)];
  },
});

const iperf = (protocol: 'tcp' | 'udp', p: LocalProfile): LocalTest => ({
  id: `net-${protocol}`,
  tool: 'iperf3',
  output: 'stdout',
  deadlineSeconds: p.iperfSeconds + 30,
  args: (ctx) => [
    '-c',
    ctx.host,
    '-p',
    String(ctx.port),
    '-t',
    String(p.iperfSeconds),
    '-J',
    ...(protocol === 'udp' ? ['-u', '-b', p.udpBitrate] : []),
  ],
  extract(text, source, subject) {
    const r = parseIperf3(text, source);
    if (r.protocol !== protocol)
      throw new BenchOutputError(source, `expected an iperf3 ${protocol} result, got ${r.protocol}`);
    if (protocol === 'tcp')
      return [
        measure('net.tcp-throughput', subject, r.bitsPerSecond),
        measure('net.tcp-retransmits', subject, r.retransmits ?? 0),
      ];
    return [measure('net.udp-jitter', subject, r.jitterMs ?? 0), measure('net.udp-loss', subject, r.lostPercent ?? 0)];
  },
});

/** DNS probe results (durations in ms, one per lookup) as p50/p99 measurements; failures are not latencies. */
export function dnsMeasurements(name: string, durationsMs: readonly number[]): readonly Measurement[] {
  if (durationsMs.length === 0) throw new BenchOutputError(`dns ${name}`, 'no lookup succeeded');
  return [
    measure('dns.lookup-p50', name, quantile(durationsMs, 0.5)),
    measure('dns.lookup-p99', name, quantile(durationsMs, 0.99)),
  ];
}

const SUITE_TOOLS: Readonly<Record<SuiteName, readonly string[]>> = {
  quick: ['cpu', 'memory', 'disk', 'net', 'dns'],
  full: ['cpu', 'memory', 'disk', 'net', 'dns'],
  network: ['net', 'dns'],
  storage: ['disk'],
  'control-plane': [],
  all: ['cpu', 'memory', 'disk', 'net', 'dns'],
};

/** The node-level tests of a suite, in run order. DNS is listed separately (an in-process probe, no tool). */
export function localTests(
  suite: SuiteName,
  p: LocalProfile,
): { readonly tests: readonly LocalTest[]; readonly dns: boolean } {
  const areas = SUITE_TOOLS[suite];
  const all: LocalTest[] = [
    stressNg('cpu', ['--cpu', '1', '--cpu-method', 'matrixprod'], p.cpuSeconds),
    stressNg('memory', ['--vm', '1', '--vm-bytes', p.vmBytes], p.vmSeconds),
    fio('randread', p),
    fio('randwrite', p),
    fio('seqread', p),
    fio('seqwrite', p),
    fdatasync(p),
    iperf('tcp', p),
    iperf('udp', p),
  ];
  return { tests: all.filter((t) => areas.includes(t.id.split('-')[0] as string)), dns: areas.includes('dns') };
}

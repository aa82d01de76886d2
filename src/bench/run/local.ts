import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, hostname, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dnsMeasurements, localTests, type LocalProfile, type LocalTest } from '../local-suites.js';
import type { Measurement } from '../samples.js';
import type { BenchEnvironment, BenchFailure, MetricSample, SuiteName } from '../../model/bench.js';
import { probeDns } from './dns-probe.js';
import { execTool, toolVersion } from './exec.js';
import { startIperf3Server } from './iperf3-server.js';

export interface LocalRunOptions {
  readonly suite: SuiteName;
  readonly profile: LocalProfile;
  readonly repeats: number;
  /** The filesystem the disk tests measure (a scratch directory is made and removed inside it). */
  readonly dir?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

export interface LocalRunResult {
  readonly samples: readonly MetricSample[];
  readonly failures: readonly BenchFailure[];
}

const subjectOf = (test: LocalTest, dir: string): string =>
  test.tool === 'fio' ? dir : test.tool === 'iperf3' ? 'loopback' : 'local';

async function runOne(test: LocalTest, dir: string, signal: AbortSignal | undefined): Promise<readonly Measurement[]> {
  const scratch = await mkdtemp(join(dir, 'kubetune-bench-'));
  const server = test.tool === 'iperf3' ? await startIperf3Server() : undefined;
  try {
    const outFile = join(scratch, 'out.yaml');
    const args = test.args({ dir: scratch, outFile, port: server?.port ?? 0, host: '127.0.0.1' });
    const r = await execTool(test.tool, args, {
      deadlineMs: test.deadlineSeconds * 1000,
      ...(signal ? { signal } : {}),
    });
    const text = test.output === 'file' ? await readFile(outFile, 'utf8').catch(() => '') : r.stdout;
    const source = `${test.tool} ${args.join(' ')}`;
    const measured = test.extract(text, source, subjectOf(test, dir)); // a tool's own error document is reported by its parser
    if (r.code !== 0)
      throw new Error(
        `${test.tool} exited ${String(r.code ?? r.signal)}: ${r.stderr.trim().split('\n').slice(-2).join(' ')}`,
      );
    return measured;
  } finally {
    server?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function runDns(
  options: LocalRunOptions,
  repeat: number,
  into: { samples: MetricSample[]; failures: BenchFailure[] },
): Promise<void> {
  const { dnsNames, dnsLookups } = options.profile;
  for (const name of dnsNames) {
    if (options.signal?.aborted) return;
    options.onProgress?.(`dns ${name} (repeat ${repeat + 1}/${options.repeats})`);
    const r = await probeDns(name, dnsLookups, options.signal);
    if (r.failures > 0)
      into.failures.push({
        test: `dns ${name}`,
        repeat,
        reason: `${r.failures} of ${dnsLookups} lookups failed: ${r.lastError ?? ''}`,
      });
    if (r.durationsMs.length > 0)
      into.samples.push(...dnsMeasurements(name, r.durationsMs).map((m) => ({ ...m, repeat })));
  }
}

/** Runs a suite's node-level tests on this machine with the real tools; a test that fails is a failure, not a sample. */
export async function runLocalSuite(options: LocalRunOptions): Promise<LocalRunResult> {
  const dir = options.dir ?? tmpdir();
  const { tests, dns } = localTests(options.suite, options.profile);
  const samples: MetricSample[] = [];
  const failures: BenchFailure[] = [];
  const progress = options.onProgress ?? (() => undefined);
  for (let repeat = 0; repeat < options.repeats && !options.signal?.aborted; repeat++) {
    for (const test of tests) {
      if (options.signal?.aborted) break;
      progress(`${test.id} (repeat ${repeat + 1}/${options.repeats})`);
      try {
        samples.push(...(await runOne(test, dir, options.signal)).map((m) => ({ ...m, repeat })));
      } catch (e) {
        failures.push({ test: test.id, repeat, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    if (dns) await runDns(options, repeat, { samples, failures });
  }
  return { samples, failures };
}

/** This machine, as far as comparing results goes: kernel, CPU model and count, host, tool versions. */
export async function localEnvironment(): Promise<BenchEnvironment> {
  const tools: Record<string, string> = {};
  for (const t of ['stress-ng', 'fio', 'iperf3']) {
    const v = await toolVersion(t);
    if (v) tools[t] = v;
  }
  const cpu = cpus();
  return {
    target: 'local',
    kernel: release(),
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpus: cpu.length,
    hostname: hostname(),
    tools,
  };
}

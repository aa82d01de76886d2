import type { BenchRun, MetricSample } from '../model/bench.js';

/** A synthetic run for store tests: `n` samples of cpu and disk metrics. Not a measurement: only storage is tested. */
export function storeTestRun(id: string, startedAt: string, n = 3): BenchRun {
  const samples: MetricSample[] = [];
  for (let repeat = 0; repeat < n; repeat++)
    samples.push({
      metric: 'cpu.bogo-ops-per-cpu-second',
      subject: 'local',
      repeat,
      value: 1000 + repeat,
      unit: 'ops/s',
      direction: 'higher',
    });
  for (let repeat = 0; repeat < n; repeat++)
    samples.push({
      metric: 'disk.fdatasync-p99',
      subject: '/var/lib/etcd',
      repeat,
      value: 2.5 + repeat / 10,
      unit: 'ms',
      direction: 'lower',
    });
  return {
    id,
    startedAt,
    finishedAt: startedAt,
    suite: 'quick',
    repeats: n,
    environment: {
      target: 'local',
      kernel: '6.1.0',
      cpuModel: 'Test CPU',
      cpus: 2,
      hostname: 'h1',
      tools: { fio: 'fio-3.33' },
    },
    samples,
    failures: [{ test: 'net-udp', repeat: 0, reason: 'iperf3 is not installed' }],
    labels: { commit: 'abc123' },
  };
}

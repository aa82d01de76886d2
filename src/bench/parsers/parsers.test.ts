import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchOutputError } from '../errors.js';
import { parseFio } from './fio.js';
import { parseIperf3 } from './iperf3.js';
import { parseStressNg } from './stress-ng.js';

// Every fixture is real output of the Debian tool; fixtures/COMMANDS.md has the command that made it.
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const cut = (text: string, fraction: number): string => text.slice(0, Math.floor(text.length * fraction));

describe('stress-ng --metrics --yaml', () => {
  it('reads the bogo-ops rates of each stressor', () => {
    const r = parseStressNg(fixture('stress-ng-cpu.yaml'), 'cpu.yaml');
    expect(r.version).toBe('0.15.06');
    expect(r.stressors).toEqual([
      {
        stressor: 'cpu',
        bogoOps: 545,
        bogoOpsPerSecReal: 182.078796,
        bogoOpsPerSecCpu: 1066.609259,
        wallClockSec: 2.99321,
      },
    ]);
    expect(parseStressNg(fixture('stress-ng-vm.yaml'), 'vm.yaml').stressors[0]?.stressor).toBe('vm');
  });
  it('rejects truncated output, naming the file and line', () => {
    const text = fixture('stress-ng-cpu.yaml');
    const cutAtMetrics = text.slice(0, text.indexOf('metrics:'));
    expect(() => parseStressNg(cutAtMetrics, 'cpu.yaml')).toThrow(
      /cpu\.yaml: truncated stress-ng YAML \(no end marker "\.\.\." after line \d+\)/,
    );
    expect(() => parseStressNg(cut(text, 0.97), 'cpu.yaml')).toThrow(BenchOutputError);
    expect(() => parseStressNg('', 'cpu.yaml')).toThrow(/empty output/);
  });
  it('rejects foreign YAML and JSON', () => {
    expect(() => parseStressNg('a: 1\n...\n', 'x.yaml')).toThrow(/not stress-ng YAML/);
    expect(() => parseStressNg(fixture('fio-randread.json'), 'fio.json')).toThrow(/not stress-ng YAML/);
  });
});

describe('fio --output-format=json', () => {
  it('reads IOPS, bandwidth and clat p99 of random and sequential jobs', () => {
    const rr = parseFio(fixture('fio-randread.json'), 'randread.json');
    expect(rr.version).toBe('fio-3.33');
    expect(rr.jobs[0]?.read.iops).toBeCloseTo(19926.886009, 5);
    expect(rr.jobs[0]?.read.clatP99Ms).toBeCloseTo(16.318464, 6);
    expect(rr.jobs[0]?.write.ios).toBe(0);
    expect(rr.jobs[0]?.write.clatP99Ms).toBeUndefined();
    expect(parseFio(fixture('fio-randwrite.json'), 'w').jobs[0]?.write.clatP99Ms).toBeCloseTo(9.633792, 6);
    expect(parseFio(fixture('fio-seqread.json'), 's').jobs[0]?.read.bandwidthBytesPerSec).toBe(3244261299);
  });
  it('reads the fdatasync p99 of the etcd test', () => {
    const j = parseFio(fixture('fio-etcd-fdatasync.json'), 'etcd.json').jobs[0];
    expect(j?.syncP99Ms).toBeCloseTo(16.05632, 5);
    expect(j?.syncCount).toBeGreaterThan(0);
    expect(parseFio(fixture('fio-randread.json'), 'r').jobs[0]?.syncP99Ms).toBeUndefined();
  });
  it('rejects truncated output with the line it ends at', () => {
    expect(() => parseFio(cut(fixture('fio-randread.json'), 0.5), 'randread.json')).toThrow(
      /randread\.json: truncated fio JSON \(ends early at line \d+\)/,
    );
  });
  it("rejects other tools' JSON and a failed job", () => {
    expect(() => parseFio(fixture('iperf3-tcp.json'), 'x.json')).toThrow(/not fio JSON output/);
    const failed = JSON.parse(fixture('fio-randread.json')) as { jobs: { error: number }[] };
    (failed.jobs[0] as { error: number }).error = 5;
    expect(() => parseFio(JSON.stringify(failed), 'x.json')).toThrow(/fio job "randread" failed with error 5/);
  });
});

describe('iperf3 -J', () => {
  it('reads TCP throughput and retransmits', () => {
    const r = parseIperf3(fixture('iperf3-tcp.json'), 'tcp.json');
    expect(r).toMatchObject({ version: 'iperf 3.12', protocol: 'tcp', retransmits: 28 });
    expect(r.bitsPerSecond).toBeCloseTo(2746488587.3191857, 3);
  });
  it('reads UDP jitter and loss', () => {
    const r = parseIperf3(fixture('iperf3-udp.json'), 'udp.json');
    expect(r).toMatchObject({ protocol: 'udp', lostPercent: 0 });
    expect(r.jitterMs).toBeCloseTo(0.015419620223368543, 12);
  });
  it("reports iperf3's own error document", () => {
    expect(() => parseIperf3(fixture('iperf3-refused.json'), 'c.json')).toThrow(
      'c.json: iperf3 failed: unable to connect to server: Connection refused',
    );
  });
  it('rejects truncated and foreign output', () => {
    expect(() => parseIperf3(cut(fixture('iperf3-udp.json'), 0.8), 'u.json')).toThrow(/truncated iperf3 JSON/);
    expect(() => parseIperf3(fixture('fio-seqwrite.json'), 'f.json')).toThrow(/not iperf3 JSON/);
    expect(() => parseIperf3('garbage', 'g.json')).toThrow(/not iperf3 JSON \(line 1/);
  });
});

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { freePort, spawnService, type ProcessHandle } from '../support/processes.js';

const BIN = '/usr/bin/prometheus-pushgateway';
const dir = mkdtempSync(join(tmpdir(), 'kubetune-bench-push-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(BIN))(
  `bench run --pushgateway${existsSync(BIN) ? '' : ' (MISSING: prometheus-pushgateway not installed)'}`,
  () => {
    let pg: ProcessHandle;
    beforeAll(async () => {
      const port = await freePort();
      pg = await spawnService({
        command: BIN,
        args: [`--web.listen-address=127.0.0.1:${port}`],
        port,
        readyPath: '/-/ready',
      });
    }, 60_000);
    afterAll(() => pg?.stop());

    it('pushes the medians, gates and counts of a real run to a real Pushgateway', async () => {
      writeFileSync(join(dir, 'bench.yaml'), 'local:\n  iperfSeconds: 1\n  dnsLookups: 20\n');
      const r = await runCli(
        ['bench', 'run', '--local', '--suite', 'network', '--no-history', '--format', 'json', '--pushgateway', pg.url],
        { cwd: dir },
      );
      expect(r.stderr).toContain(`pushed to ${pg.url}/metrics/job/kubetune-bench/instance/`);
      const doc = JSON.parse(r.stdout) as { run: { samples: { metric: string; value: number }[] } };
      const tcp = doc.run.samples.find((s) => s.metric === 'net.tcp-throughput');
      expect(tcp).toBeDefined();
      const text = await (await fetch(`${pg.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => l.startsWith('kubetune_bench_median{') && l.includes('metric="net.tcp-throughput"'));
      expect(line).toContain('job="kubetune-bench"');
      expect(line).toContain('suite="network"');
      expect(line).toContain('unit="bits/s"');
      expect(Number(line?.split(' ').pop())).toBeCloseTo(tcp?.value ?? -1, 0);
      expect(text).toMatch(/^kubetune_bench_failed_tests\{.*\} 0$/m);
    }, 90_000);
  },
);

/**
 * `kubetune rightsize` on kubetune's own recording rules: the rightsize cluster's raw cAdvisor history in a real
 * Prometheus, the `kubetune.rightsize.rules` group that `generate rules` writes for it evaluated over that history by
 * `promtool tsdb create-blocks-from rules`; rightsize then reads CPU from the recorded rate and recommends exactly
 * what it recommends from the raw counters.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CPU_RECORDING_RULES } from '../../src/analyzers/rightsize/queries.js';
import { runCli } from '../support/cli.js';
import { dumpYaml } from '../../src/generate/monitoring/render-rules.js';
import { addRecordingRules, startScenario, type ScenarioProm } from './generate-scenarios-support.js';
import { END, families } from './rightsize-cluster-data.js';

let s: ScenarioProm | undefined;
afterAll(async () => {
  await s?.prom.stop();
  if (s) await rm(s.work, { recursive: true, force: true });
});

interface Report {
  sections: { rightsize: { recommendations: unknown[] } };
  diagnostics: { code: string; message: string }[];
}

describe('rightsize on the recording rules kubetune generates', { timeout: 600_000 }, () => {
  it('picks up kubetune:container_cpu_usage_seconds:irate5m and recommends the same as from raw counters', async () => {
    // raw counters only: no kube-prometheus recorded rate
    s = await startScenario(families().filter((f) => f.name !== CPU_RECORDING_RULES[0]));
    const gen = await runCli(['generate', 'rules', '--prometheus', s.prom.url]);
    expect(gen.code, gen.stderr).toBe(0);
    const doc = load(gen.stdout) as { groups: { name: string }[] };
    const group = doc.groups.find((g) => g.name === 'kubetune.rightsize.rules');
    expect(group).toBeDefined();
    const file = join(s.work, 'rightsize.rules.yaml');
    await writeFile(file, dumpYaml({ groups: [group] }));
    await addRecordingRules(s, file, { startSeconds: END - 2 * 86_400, endSeconds: END, stepSeconds: 60 });
    const run = (extra: string[]) =>
      runCli([
        'rightsize',
        '--prometheus',
        s!.prom.url,
        '--history',
        '2d',
        '--end',
        String(END),
        '-o',
        'json',
        ...extra,
      ]);
    const recorded = JSON.parse((await run([])).stdout) as Report;
    const raw = JSON.parse((await run(['--no-recording-rules'])).stdout) as Report;
    expect(recorded.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'source-info',
        message: expect.stringContaining('from the recorded rate kubetune:container_cpu_usage_seconds:irate5m'),
      }),
    );
    expect(recorded.sections.rightsize.recommendations.length).toBe(4);
    expect(recorded.sections.rightsize.recommendations).toEqual(raw.sections.rightsize.recommendations);
    expect(await readFile(file, 'utf8')).toContain('irate(container_cpu_usage_seconds_total');
  });
});

/**
 * `predict` on a real Prometheus backfilled with history generated from a known function
 * (test/support/predict-history.ts): the model recovers it, ranks the true drivers first, answers a what-if by the
 * right amount, is deterministic, and refuses on history where latency is noise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictWhatIf, trainLatencyModel } from '../../src/app/predict.js';
import type { LatencyModel } from '../../src/analyzers/predict/model.js';
import { PrometheusClient } from '../../src/sources/prometheus/client.js';
import { runCli } from '../support/cli.js';
import { predictHistory } from '../support/predict-history.js';
import { startBackfilledPrometheus, type BackfilledPrometheus } from '../support/prometheus.js';

const DAYS = 4;
const now = () => new Date('2026-12-01T00:00:00Z');

describe('predict on a backfilled Prometheus (known function)', () => {
  const history = predictHistory(DAYS);
  let prom: BackfilledPrometheus;
  let model: LatencyModel;

  beforeAll(async () => {
    prom = await startBackfilledPrometheus(history.families);
    const client = new PrometheusClient({ url: prom.url });
    model = (
      await trainLatencyModel({ prometheus: client, endSeconds: prom.endSeconds, windowSeconds: DAYS * 86_400, now })
    ).model;
  });
  afterAll(() => prom?.stop());

  it('learns LIST p99 from pods, LIST rate and fsync: test MAE within 15% of the mean latency, far below a constant', () => {
    const list = model.classes.find((c) => c.verbClass === 'read-list')!;
    expect(list.status).toBe('ok');
    if (list.status !== 'ok') return;
    const best = list.scores[list.selected];
    expect(best.mape).toBeLessThan(0.15);
    expect(best.mae).toBeLessThan(list.scores.constant.mae * 0.5);
    expect(best.r2).toBeGreaterThan(0.6);
    // The three true drivers before everything else.
    expect(
      list.importance
        .slice(0, 3)
        .map((i) => i.feature)
        .sort(),
    ).toEqual(['etcd_fsync_p99', 'list_qps', 'pods']);
  });

  it('GET p99 depends on fsync only; POST p99 is noise and is refused', () => {
    const get = model.classes.find((c) => c.verbClass === 'read-single')!;
    expect(get.status).toBe('ok');
    if (get.status === 'ok') expect(get.importance[0]!.feature).toBe('etcd_fsync_p99');
    const post = model.classes.find((c) => c.verbClass === 'mutating')!;
    expect(post.status).toBe('refused');
  });

  it('what-if list-qps=2x moves LIST p99 up by about 0.004 s × the added LIST rate, and GET barely', () => {
    const list = model.classes.find((c) => c.verbClass === 'read-list')!;
    if (list.status !== 'ok') throw new Error('LIST model refused');
    const listNow = list.current[model.features.indexOf('list_qps')]!;
    const result = predictWhatIf(model, ['list-qps=2x']);
    const l = result.classes.find((c) => c.verbClass === 'read-list')!;
    const expected = 0.004 * listNow;
    expect(l.predicted! - l.now!).toBeGreaterThan(expected * 0.6);
    expect(l.predicted! - l.now!).toBeLessThan(expected * 1.4);
    expect(l.driver?.change).toBe('list-qps=2x');
    const g = result.classes.find((c) => c.verbClass === 'read-single')!;
    expect(Math.abs(g.predicted! - g.now!)).toBeLessThan(expected * 0.2);
  });

  it('is deterministic: the same data and seed give the same model', async () => {
    const client = new PrometheusClient({ url: prom.url });
    const again = (
      await trainLatencyModel({ prometheus: client, endSeconds: prom.endSeconds, windowSeconds: DAYS * 86_400, now })
    ).model;
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
  });

  it('CLI: train stores the model, what-if and show read it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-models-'));
    try {
      const common = [
        '--prometheus',
        prom.url,
        '--window',
        `${DAYS}d`,
        '--time',
        String(prom.endSeconds),
        '--model-dir',
        dir,
      ];
      const trained = await runCli(['predict', 'train', ...common]);
      expect(trained.code, trained.stderr).toBe(0);
      expect(trained.stdout).toMatch(/read-list: \d+ rows/);
      expect(trained.stdout).toMatch(/mutating: REFUSED/);
      const answer = await runCli(['predict', 'what-if', 'list-qps=3x', 'pods=2x', '--model-dir', dir, '-o', 'json']);
      expect(answer.code, answer.stderr).toBe(0);
      const json = JSON.parse(answer.stdout) as { classes: { verbClass: string; predicted?: number; now?: number }[] };
      const list = json.classes.find((c) => c.verbClass === 'read-list')!;
      expect(list.predicted!).toBeGreaterThan(list.now!);
      const shown = await runCli(['predict', 'show', '--model-dir', dir]);
      expect(shown.stdout).toMatch(/usable: read-single, read-list/);
      const bad = await runCli(['predict', 'what-if', 'gpus=2x', '--model-dir', dir]);
      expect(bad.code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('predict refuses on noise', () => {
  let prom: BackfilledPrometheus;
  beforeAll(async () => {
    prom = await startBackfilledPrometheus(predictHistory(DAYS, { noiseOnly: true }).families);
  });
  afterAll(() => prom?.stop());

  it('every verb class is refused: latency does not depend on the features', async () => {
    const client = new PrometheusClient({ url: prom.url });
    const { model } = await trainLatencyModel({
      prometheus: client,
      endSeconds: prom.endSeconds,
      windowSeconds: DAYS * 86_400,
      now,
    });
    for (const c of model.classes) expect(c.status, c.verbClass).toBe('refused');
  });

  it('CLI: train exits 5 and stores nothing; what-if without a model is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-models-'));
    try {
      const run = await runCli([
        'predict',
        'train',
        '--prometheus',
        prom.url,
        '--window',
        `${DAYS}d`,
        '--time',
        String(prom.endSeconds),
        '--model-dir',
        dir,
      ]);
      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(/nothing stored/);
      const whatIf = await runCli(['predict', 'what-if', 'pods=2x', '--model-dir', dir]);
      expect(whatIf.code).toBe(2);
      expect(whatIf.stderr).toMatch(/no stored model/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses when the window holds too little data', async () => {
    const client = new PrometheusClient({ url: prom.url });
    const { model } = await trainLatencyModel({
      prometheus: client,
      endSeconds: prom.endSeconds - (DAYS - 0.1) * 86_400,
      windowSeconds: 14 * 86_400,
      now,
    });
    for (const c of model.classes) {
      expect(c.status).toBe('refused');
      if (c.status === 'refused') expect(c.reason).toMatch(/rows|coverage|feature/);
    }
  });
});

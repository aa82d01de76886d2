/**
 * Where measurements come from: a Prometheus-compatible API (through the PromApi port) or one offline scrape.
 * Both produce the same Measurement for a KPI, worst series first, at most `topk` of them.
 */
import { isKubetuneError } from '../core/errors.js';
import type { Kpi } from '../knowledge/kpis.js';
import { evaluateOnSamples, type EvalSeries, type SampleSet } from '../model/metric-eval.js';
import { groupingOf } from '../model/metric-expr.js';
import { toPromQL, topkPromQL } from '../model/metric-promql.js';
import type { PromApi } from '../model/prom-api.js';
import type { Measurement } from './types.js';

export interface MetricsBackend {
  readonly kind: 'prometheus' | 'scrape';
  measure(kpi: Kpi): Promise<Measurement>;
}

const worstFirst = (series: readonly EvalSeries[], k: number): EvalSeries[] =>
  [...series].sort((a, b) => b.value - a.value).slice(0, k);

const absent = (kpi: Kpi): string => `no ${kpi.metrics.join(' / ')} series (is ${kpi.component} scraped?)`;

export interface PromBackendOptions {
  readonly windowSeconds: number;
  /** Evaluation time (end of the window); the server's "now" when absent. */
  readonly timeSeconds?: number;
  readonly topk?: number;
  /** Errors with these codes abort the whole run instead of becoming one "error" measurement. */
  readonly fatalCodes?: readonly string[];
}

/** The PromQL a KPI runs: aggregated in PromQL and capped with topk, so its size does not grow with the cluster. */
export function kpiPromQL(kpi: Kpi, windowSeconds: number, topk = 5): string {
  const q = toPromQL(kpi.expr, windowSeconds);
  return groupingOf(kpi.expr).length > 0 ? topkPromQL(q, topk) : q;
}

export function prometheusBackend(api: PromApi, opts: PromBackendOptions): MetricsBackend {
  const topk = opts.topk ?? 5;
  const fatal = new Set(opts.fatalCodes ?? ['KT_PROM_UNAVAILABLE']);
  return {
    kind: 'prometheus',
    async measure(kpi) {
      const query = kpiPromQL(kpi, opts.windowSeconds, topk);
      try {
        const res = await api.instantQuery(
          query,
          opts.timeSeconds !== undefined ? { timeSeconds: opts.timeSeconds } : {},
        );
        const finite = res.series.filter((s) => Number.isFinite(s.value));
        if (finite.length === 0) {
          // NaN (histogram with no observations) means the metric exists but saw no traffic.
          if (res.series.length > 0) return { status: 'no-traffic', kpi, query };
          const why = res.partial ? `${absent(kpi)}; the response was partial` : absent(kpi);
          return { status: 'not-measured', kpi, query, reason: why };
        }
        return {
          status: 'measured',
          kpi,
          query,
          series: worstFirst(finite, topk),
          warnings: res.warnings,
          partial: res.partial,
        };
      } catch (e) {
        if (isKubetuneError(e) && fatal.has(e.code)) throw e;
        const reason = e instanceof Error ? e.message : String(e);
        const summary = e instanceof Error && 'summary' in e && typeof e.summary === 'string' ? e.summary : reason;
        return { status: 'error', kpi, query, reason, cause: summary };
      }
    },
  };
}

/** Offline: one scrape per component, cumulative since process start. */
export function scrapeBackend(samples: SampleSet, opts: { readonly topk?: number } = {}): MetricsBackend {
  const topk = opts.topk ?? 5;
  return {
    kind: 'scrape',
    async measure(kpi) {
      const r = evaluateOnSamples(kpi.expr, samples);
      const finite = r.series.filter((s) => Number.isFinite(s.value));
      if (finite.length === 0 && r.series.length > 0)
        return { status: 'no-traffic', kpi, query: 'lifetime totals of the scrape' };
      if (finite.length === 0)
        return { status: 'not-measured', kpi, reason: absent(kpi).replace('series', 'samples in the scrape') };
      if (r.timeDependent) {
        return {
          status: 'not-measured',
          kpi,
          reason: 'needs a time window: a single scrape only has totals since process start',
        };
      }
      return {
        status: 'measured',
        kpi,
        query: 'lifetime totals of the scrape',
        series: worstFirst(finite, topk),
        warnings: [],
        partial: false,
      };
    },
  };
}

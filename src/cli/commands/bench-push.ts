import { benchExposition } from '../../bench/report/exposition.js';
import type { BenchReport } from '../../bench/report/types.js';
import { SourceUnavailableError } from '../../core/errors.js';

/** PUTs the run's gauges to a Pushgateway, grouped by job, instance (host or cluster) and suite: a newer run replaces it. */
export async function pushBench(base: string, job: string, report: BenchReport): Promise<string> {
  const env = report.run.environment;
  const instance = env.hostname ?? env.nodeType ?? env.target;
  const url = `${base.replace(/\/+$/, '')}/metrics/job/${encodeURIComponent(job)}/instance/${encodeURIComponent(instance)}/suite/${encodeURIComponent(report.run.suite)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'PUT',
      body: benchExposition(report),
      headers: { 'content-type': 'text/plain; version=0.0.4' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new SourceUnavailableError(`Pushgateway ${url}`, e);
  }
  if (!res.ok)
    throw new SourceUnavailableError(
      `Pushgateway ${url}`,
      new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`),
    );
  return url;
}

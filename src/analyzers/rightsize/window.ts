/**
 * What makes a rightsizing window or a backtest meaningless, caught before a report can mislead: an `--end` in
 * milliseconds or in the future, a window without any usage series, and a learning part shorter than the coverage a
 * recommendation needs (which would report every container as "not enough data" with 0 OOM kills and 0 throttling).
 * All are usage errors (exit code 2) naming what was queried.
 */
import { UsageError } from '../../core/errors.js';
import type { RightsizeParams } from './params.js';

const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/** Later than this, a unix time is in milliseconds (1e11 s is the year 5138). */
const MILLISECONDS_FROM = 1e11;
/** Clock skew tolerated between kubetune and Prometheus. */
const FUTURE_SLACK_SECONDS = 300;

/** An `--end` that cannot be meant: milliseconds, or after now. */
export function checkWindowEnd(endSeconds: number, nowSeconds: number): void {
  if (endSeconds >= MILLISECONDS_FROM)
    throw new UsageError(
      `--end ${endSeconds} looks like milliseconds (${iso(Math.floor(endSeconds / 1000))}); give unix seconds (${Math.floor(endSeconds / 1000)}) or RFC 3339`,
    );
  if (endSeconds > nowSeconds + FUTURE_SLACK_SECONDS)
    throw new UsageError(`--end ${iso(endSeconds)} is in the future (now is ${iso(nowSeconds)}): no usage there yet`);
}

/** The usage series found no samples: name the selector, the window and what to check. */
export class EmptyWindowError extends UsageError {
  constructor(
    readonly selector: string,
    readonly window: { readonly startSeconds: number; readonly endSeconds: number },
    what = 'usage series',
  ) {
    super(
      `no ${what} in Prometheus for ${selector} between ${iso(window.startSeconds)} and ${iso(window.endSeconds)}: ` +
        'check --namespace, --end (the data may start later or end earlier) and --history',
    );
  }
}

/** The learning part of a backtest must give every container the coverage a recommendation needs. */
export function checkBacktestTraining(
  trainSeconds: number,
  p: Pick<RightsizeParams, 'minHours' | 'minPoints' | 'resolutionSeconds'>,
): void {
  const hours = trainSeconds / 3600;
  const points = Math.floor(trainSeconds / p.resolutionSeconds);
  if (hours >= p.minHours && points >= p.minPoints) return;
  const short = hours < p.minHours ? `${round1(hours)} h < --min-hours ${p.minHours}` : '';
  const few = points < p.minPoints ? `${points} points < --min-points ${p.minPoints}` : '';
  throw new UsageError(
    `--backtest: the learning part is ${round1(hours)} h (${[short, few].filter(Boolean).join(', ')}): every container ` +
      'would be "not enough data" and the replay would judge nothing; give a longer --history, a larger ' +
      '--train-fraction or a lower --min-hours/--min-points',
  );
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Rightsizing parameters and their defaults. The guide's numbers come from ../shared/design/GUIDE.md §2;
 * the compatible strategies use the defaults of the tools they mimic:
 * - krr-simple: robusta-dev/krr `simple` strategy (CPU request = p95, no CPU limit, memory = max + 15%, 100 points),
 *   https://github.com/robusta-dev/krr#algorithm
 * - vpa: kubernetes/autoscaler VPA recommender (target CPU p90, memory p90 of daily peaks, 15% safety margin,
 *   pod minimums 25m / 250MiB, OOM bump ×1.2 or +100MiB, limits kept proportional),
 *   https://github.com/kubernetes/autoscaler/blob/master/vertical-pod-autoscaler/docs/flags.md
 */
import type { Bytes, Millicores } from '../../core/units.js';
import { PROFILES, type Ceiling, type Range } from '../../knowledge/profiles.js';
import type { StrategyName } from './types.js';

const MiB = 2 ** 20;

/**
 * CPU limits: `strategy` as the strategy says (guide: no limit where the ratio cannot hold without inflating the
 * request), `keep-ratio` (guide: keep a limit and raise the request to fit the ratio), `none` (never a CPU limit).
 */
export type CpuLimitPolicy = 'strategy' | 'keep-ratio' | 'none';

export interface Prices {
  /** Cost of one core for one hour. */
  readonly cpuCoreHour: number;
  /** Cost of one GiB of memory for one hour. */
  readonly memoryGiBHour: number;
  readonly currency: string;
}

export interface RightsizeParams {
  readonly strategy: StrategyName;
  readonly historySeconds: number;
  /** Sample step for CPU rates and the usage series (the scrape interval or coarser). */
  readonly resolutionSeconds: number;
  readonly cpuPercentile: number;
  readonly cpuLimitFactor: number;
  readonly memoryRequestFactor: number;
  readonly memoryLimitFactor: number;
  readonly krrMemoryBuffer: number;
  readonly vpaMargin: number;
  readonly vpaPodMinCpu: Millicores;
  readonly vpaPodMinMemory: Bytes;
  readonly minCpu: Millicores;
  readonly minMemory: Bytes;
  /** Values are rounded up to these steps. */
  readonly cpuStep: Millicores;
  readonly memoryStep: Bytes;
  readonly minPoints: number;
  readonly minHours: number;
  /** Minimum points for init containers and short-lived pods (no hours requirement). */
  readonly minShortLivedPoints: number;
  /** Share of CFS periods throttled above which a CPU limit is treated as too low. */
  readonly throttlingBudget: number;
  readonly cpuLimitPolicy: CpuLimitPolicy;
  readonly oomBumpRatio: number;
  readonly oomMinBump: Bytes;
  /** Limit/request ratios kept by the guide strategy (the profile's; for memory only the maximum applies). */
  readonly cpuLimitToRequest: Range;
  readonly memoryLimitToRequest: Ceiling;
  readonly prices: Prices;
}

/** List prices of an on-demand general-purpose VM per vCPU-hour and GiB-hour (set yours with --price-*). */
export const DEFAULT_PRICES: Prices = { cpuCoreHour: 0.0316, memoryGiBHour: 0.0042, currency: 'USD' };
export const HOURS_PER_MONTH = 730;

export const DEFAULT_PARAMS: RightsizeParams = {
  strategy: 'guide',
  historySeconds: 14 * 86_400,
  resolutionSeconds: 60,
  cpuPercentile: 0.95,
  cpuLimitFactor: 1.5,
  memoryRequestFactor: 1.2,
  memoryLimitFactor: 1.5,
  krrMemoryBuffer: 0.15,
  vpaMargin: 0.15,
  vpaPodMinCpu: 25,
  vpaPodMinMemory: 250 * MiB,
  minCpu: 10,
  minMemory: 16 * MiB,
  cpuStep: 5,
  memoryStep: MiB,
  minPoints: 100,
  minHours: 12,
  minShortLivedPoints: 10,
  throttlingBudget: 0.05,
  cpuLimitPolicy: 'strategy',
  oomBumpRatio: 1.2,
  oomMinBump: 100 * MiB,
  // The audit's ratios (the threshold catalogue), so that a rightsized manifest passes the audit.
  cpuLimitToRequest: PROFILES.guide.cpuLimitToRequest,
  memoryLimitToRequest: PROFILES.guide.memoryLimitToRequest,
  prices: DEFAULT_PRICES,
};

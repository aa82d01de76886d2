/** The shape every rightsizing strategy has: a pure function of the evidence, the current spec and the parameters. */
import type { Millicores } from '../../core/units.js';
import type { RightsizeParams } from './params.js';
import type {
  ContainerEvidence,
  ContainerSpec,
  CpuBurstOption,
  Reason,
  ResourceValues,
  StatName,
  StrategyName,
} from './types.js';

/** A bursty container's two CPU options before minimums, rounding and prices (recommend.ts finishes them). */
export interface RawCpuTradeoff {
  readonly neededRatio: number;
  readonly maxRatio: number;
  readonly chosen: CpuBurstOption;
  readonly options: readonly {
    readonly option: CpuBurstOption;
    readonly cpuRequest: Millicores;
    readonly cpuLimit?: Millicores;
  }[];
}

export interface StrategyResult {
  readonly values: ResourceValues;
  readonly reasons: readonly Reason[];
  readonly tradeoff?: RawCpuTradeoff;
}

export interface Strategy {
  readonly name: StrategyName;
  readonly summary: string;
  /** Statistics the strategy reads; the collector queries only the union of what the chosen strategies need. */
  readonly needs: readonly StatName[];
  recommend(e: ContainerEvidence, spec: ContainerSpec, p: RightsizeParams): StrategyResult;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The pure entry point: current specs + measured evidence → ranked recommendations and totals for one strategy.
 */
import { containerKey } from './aggregate.js';
import type { RightsizeParams } from './params.js';
import { rankByDrift, recommendContainer, totalsOf, type Totals } from './recommend.js';
import { specFromEvidence } from './spec.js';
import type {
  ContainerEvidence,
  ContainerRecommendation,
  ContainerRole,
  ContainerSpec,
  HpaTarget,
  StrategyName,
} from './types.js';

export interface RightsizeInput {
  /** Containers described by manifests (may be empty: then kube-state-metrics describes them). */
  readonly specs: readonly ContainerSpec[];
  readonly evidence: ReadonlyMap<string, ContainerEvidence>;
  /** Roles of init containers and sidecars known from kube-state-metrics, for containers without a manifest. */
  readonly roles?: ReadonlyMap<string, ContainerRole>;
  /** HPA targets known from kube-state-metrics, by workload key, for workloads without a manifest. */
  readonly hpas?: ReadonlyMap<string, HpaTarget>;
  /** With manifests, measured containers of workloads not in them are left out unless this is set. */
  readonly includeUnmanaged?: boolean;
}

export interface RightsizeOutcome {
  readonly strategy: StrategyName;
  readonly recommendations: readonly ContainerRecommendation[];
  readonly totals: Totals;
}

/** Pairs every spec with its evidence (and, without manifests, every measured container with a derived spec). */
export function pairSpecs(input: RightsizeInput): { spec: ContainerSpec; evidence?: ContainerEvidence }[] {
  const pairs: { spec: ContainerSpec; evidence?: ContainerEvidence }[] = [];
  const seen = new Set<string>();
  for (const spec of input.specs) {
    const k = containerKey(spec.workload, spec.container);
    seen.add(k);
    const evidence = input.evidence.get(k);
    pairs.push(evidence ? { spec, evidence } : { spec });
  }
  if (input.specs.length === 0 || input.includeUnmanaged) {
    for (const [k, evidence] of input.evidence) {
      if (seen.has(k)) continue;
      pairs.push({ spec: specFromEvidence(evidence, input.roles ?? new Map(), input.hpas ?? new Map()), evidence });
    }
  }
  return pairs;
}

export function rightsize(input: RightsizeInput, strategy: StrategyName, params: RightsizeParams): RightsizeOutcome {
  const recommendations = rankByDrift(pairSpecs(input).map((p) => recommendContainer(p, strategy, params)));
  return { strategy, recommendations, totals: totalsOf(recommendations) };
}

import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';

/**
 * KubeSchedulerConfiguration API versions and in-tree plugins per extension point.
 * Sources: https://kubernetes.io/docs/reference/scheduling/config/ (plugins, extension points, API versions),
 * KEP-785 (https://github.com/kubernetes/enhancements/tree/master/keps/sig-scheduling/785-scheduler-component-config-api),
 * and the PRs cited per entry.
 */
export const SCHEDULER_CONFIG_DOCS = 'https://kubernetes.io/docs/reference/scheduling/config/';
const KEP_785 =
  'https://github.com/kubernetes/enhancements/tree/master/keps/sig-scheduling/785-scheduler-component-config-api';

export const SCHEDULER_GROUP = 'kubescheduler.config.k8s.io';

export interface SchedulerApiVersion {
  readonly apiVersion: string;
  readonly since?: string;
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  readonly source: string;
}

export const SCHEDULER_API_VERSIONS: readonly SchedulerApiVersion[] = [
  { apiVersion: `${SCHEDULER_GROUP}/v1alpha1`, deprecatedIn: '1.19', removedIn: '1.21', source: KEP_785 },
  { apiVersion: `${SCHEDULER_GROUP}/v1alpha2`, deprecatedIn: '1.19', removedIn: '1.21', source: KEP_785 },
  { apiVersion: `${SCHEDULER_GROUP}/v1beta1`, deprecatedIn: '1.22', removedIn: '1.23', source: KEP_785 },
  { apiVersion: `${SCHEDULER_GROUP}/v1beta2`, deprecatedIn: '1.25', removedIn: '1.28', source: SCHEDULER_CONFIG_DOCS },
  { apiVersion: `${SCHEDULER_GROUP}/v1beta3`, deprecatedIn: '1.26', removedIn: '1.29', source: SCHEDULER_CONFIG_DOCS },
  { apiVersion: `${SCHEDULER_GROUP}/v1`, since: '1.25', source: SCHEDULER_CONFIG_DOCS },
];

export const EXTENSION_POINTS = [
  'preEnqueue',
  'queueSort',
  'preFilter',
  'filter',
  'postFilter',
  'preScore',
  'score',
  'reserve',
  'permit',
  'preBind',
  'bind',
  'postBind',
  'multiPoint',
] as const;
export type ExtensionPoint = (typeof EXTENSION_POINTS)[number];

export interface SchedulerPlugin {
  readonly name: string;
  /** Extension points the plugin implements (multiPoint expands to these). */
  readonly points: readonly ExtensionPoint[];
  /** Enabled by the default profile. */
  readonly default: boolean;
  readonly since?: string;
  readonly deprecatedIn?: string;
  readonly removedIn?: string;
  /** Config API versions that no longer accept it even while the code exists. */
  readonly invalidIn?: readonly string[];
  readonly replacement?: string;
  readonly source: string;
}

const p = (
  name: string,
  points: readonly ExtensionPoint[],
  isDefault: boolean,
  extra: Partial<Omit<SchedulerPlugin, 'name' | 'points' | 'default'>> = {},
): SchedulerPlugin => ({ name, points, default: isDefault, source: SCHEDULER_CONFIG_DOCS, ...extra });

const VOLUME_LIMITS_PR = 'https://github.com/kubernetes/kubernetes/pull/124003';

export const SCHEDULER_PLUGINS: readonly SchedulerPlugin[] = [
  p('PrioritySort', ['queueSort'], true),
  p('SchedulingGates', ['preEnqueue'], true, { since: '1.26' }),
  p('NodeUnschedulable', ['filter'], true),
  p('NodeName', ['filter'], true),
  p('TaintToleration', ['filter', 'preScore', 'score'], true),
  p('NodeAffinity', ['preFilter', 'filter', 'preScore', 'score'], true),
  p('NodePorts', ['preFilter', 'filter'], true),
  p('NodeResourcesFit', ['preFilter', 'filter', 'preScore', 'score'], true),
  p('VolumeRestrictions', ['preFilter', 'filter'], true),
  p('NodeVolumeLimits', ['preFilter', 'filter'], true),
  p('VolumeBinding', ['preFilter', 'filter', 'reserve', 'preBind', 'score'], true),
  p('VolumeZone', ['preFilter', 'filter'], true),
  p('PodTopologySpread', ['preFilter', 'filter', 'preScore', 'score'], true),
  p('InterPodAffinity', ['preFilter', 'filter', 'preScore', 'score'], true),
  p('DefaultPreemption', ['postFilter'], true),
  p('NodeResourcesBalancedAllocation', ['preScore', 'score'], true),
  p('ImageLocality', ['score'], true),
  p('DefaultBinder', ['bind'], true),
  p('DynamicResources', ['preEnqueue', 'preFilter', 'filter', 'postFilter', 'reserve', 'preBind'], false, {
    since: '1.26',
  }),
  ...['EBSLimits', 'GCEPDLimits', 'AzureDiskLimits', 'CinderLimits'].map((name) =>
    p(name, ['preFilter', 'filter'], false, {
      deprecatedIn: '1.31',
      removedIn: '1.32',
      replacement: 'NodeVolumeLimits',
      source: VOLUME_LIMITS_PR,
    }),
  ),
  p('SelectorSpread', ['preScore', 'score'], false, {
    invalidIn: [`${SCHEDULER_GROUP}/v1`],
    removedIn: '1.29',
    replacement: 'PodTopologySpread (with default constraints)',
    source: 'https://github.com/kubernetes/kubernetes/pull/117720',
  }),
  p('NodePreferAvoidPods', ['score'], false, {
    removedIn: '1.24',
    replacement: 'taints and tolerations or node affinity',
    source: SCHEDULER_CONFIG_DOCS,
  }),
  ...['NodeResourcesLeastAllocated', 'NodeResourcesMostAllocated', 'RequestedToCapacityRatio'].map((name) =>
    p(name, ['score'], false, { removedIn: '1.23', replacement: 'NodeResourcesFit scoringStrategy', source: KEP_785 }),
  ),
  p('NodeLabel', ['filter', 'score'], false, { removedIn: '1.23', replacement: 'NodeAffinity', source: KEP_785 }),
  p('ServiceAffinity', ['preFilter', 'filter', 'preScore', 'score'], false, {
    removedIn: '1.23',
    replacement: 'InterPodAffinity',
    source: KEP_785,
  }),
];

/** Plugins whose removal makes the scheduler place pods where they cannot or must not run. */
export const SAFETY_FILTER_PLUGINS = ['NodeResourcesFit', 'TaintToleration', 'NodeUnschedulable'] as const;

const reached = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

export type VersionedState = 'valid' | 'deprecated' | 'removed' | 'not-yet' | 'unknown';

/** State of a KubeSchedulerConfiguration apiVersion in a release. */
export function schedulerApiState(
  apiVersion: string,
  v: KubeVersion,
): { state: VersionedState; fact?: SchedulerApiVersion } {
  const fact = SCHEDULER_API_VERSIONS.find((a) => a.apiVersion === apiVersion);
  if (!fact) return { state: 'unknown' };
  if (fact.since !== undefined && !reached(v, fact.since)) return { state: 'not-yet', fact };
  if (reached(v, fact.removedIn)) return { state: 'removed', fact };
  return { state: reached(v, fact.deprecatedIn) ? 'deprecated' : 'valid', fact };
}

/** State of an in-tree plugin for a release and config apiVersion; `unknown` = not in-tree (an out-of-tree plugin). */
export function pluginState(
  name: string,
  v: KubeVersion,
  apiVersion: string,
): { state: VersionedState; plugin?: SchedulerPlugin } {
  const plugin = SCHEDULER_PLUGINS.find((x) => x.name === name);
  if (!plugin) return { state: 'unknown' };
  if (plugin.since !== undefined && !reached(v, plugin.since)) return { state: 'not-yet', plugin };
  if (reached(v, plugin.removedIn) || plugin.invalidIn?.includes(apiVersion)) return { state: 'removed', plugin };
  return { state: reached(v, plugin.deprecatedIn) ? 'deprecated' : 'valid', plugin };
}

export const findPlugin = (name: string): SchedulerPlugin | undefined => SCHEDULER_PLUGINS.find((x) => x.name === name);

/**
 * The scheduler's own default for percentageOfNodesToScore when unset or 0: 50% minus 1% per 125 nodes,
 * never below 5% (pkg/scheduler/schedule_one.go numFeasibleNodesToFind), and at least 100 nodes are always scored.
 */
export function adaptivePercentageOfNodesToScore(nodes: number): number {
  return Math.max(5, 50 - Math.floor(nodes / 125));
}

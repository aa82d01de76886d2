import type { JsonPath } from '../../core/json-path.js';
import type { ComponentConfigBase } from '../component-config.js';

/** Components configured by command-line flags. */
export const FLAG_COMPONENTS = [
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'kube-proxy',
  'etcd',
] as const;
export type FlagComponent = (typeof FLAG_COMPONENTS)[number];
export const isFlagComponent = (s: string): s is FlagComponent => (FLAG_COMPONENTS as readonly string[]).includes(s);

/** Where flags were read from. */
export type FlagOrigin = 'static-pod' | 'kubeadm' | 'systemd' | 'flag-file' | 'env' | 'config-file';

export interface FlagValue {
  /** Name without leading dashes. */
  readonly name: string;
  /** As written; boolean flags given bare read as `true`. */
  readonly value: string;
  /** Path of the value in its source object (an args item, an extraArgs key or item, a config key). */
  readonly path: JsonPath;
  /** For list-form kubeadm extraArgs (`- name: x / value: y`), the path of `value` (fixes replace it). */
  readonly valuePath?: JsonPath;
  /** Position among the component's flags. */
  readonly index: number;
}

/** A component started with flags (static pod, kubeadm extraArgs, systemd unit, flag file, etcd env or config file). */
export interface FlagsConfig extends ComponentConfigBase {
  readonly component: FlagComponent;
  readonly origin: FlagOrigin;
  readonly flags: readonly FlagValue[];
  /** Path where new flags would be added (the args/command list or the extraArgs map/list), when there is one. */
  readonly argsPath?: JsonPath;
  /** For kubeadm: whether extraArgs is the v1beta4 list form. */
  readonly listForm?: boolean;
  /** Kubernetes version named by the source itself (kubeadm kubernetesVersion, image tag), if any. */
  readonly declaredVersion?: string;
}

/** A YAML/JSON config object of a component (KubeletConfiguration, KubeSchedulerConfiguration, ...). */
export interface ObjectConfig<C extends string> extends ComponentConfigBase {
  readonly component: C;
  readonly apiVersion: string;
  /** The configuration as read. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Path of the configuration inside its source object ([] for a standalone document). */
  readonly base: JsonPath;
  /** Set when the configuration is a string inside a ConfigMap: paths below it cannot be patched or located. */
  readonly embeddedIn?: JsonPath;
}

/** Whether JSON-Patch fixes can target paths under this config (not for configs embedded as strings). */
export const canPatch = (c: ComponentConfigBase): boolean =>
  !('embeddedIn' in c && (c as { embeddedIn?: unknown }).embeddedIn);

export type KubeletConfig = ObjectConfig<'kubelet-config'>;
export type KubeProxyConfig = ObjectConfig<'kube-proxy-config'>;

export interface SchedulerPluginRef {
  readonly name: string;
  readonly weight?: number;
  readonly path: JsonPath;
}

export interface SchedulerPluginSet {
  readonly enabled: readonly SchedulerPluginRef[];
  readonly disabled: readonly SchedulerPluginRef[];
}

export interface SchedulerProfile {
  readonly schedulerName: string;
  readonly index: number;
  readonly path: JsonPath;
  /** Extension point → enabled/disabled plugins, as written. */
  readonly plugins: Readonly<Record<string, SchedulerPluginSet>>;
  readonly percentageOfNodesToScore?: number;
}

export interface SchedulerConfig extends ObjectConfig<'scheduler-config'> {
  readonly profiles: readonly SchedulerProfile[];
  readonly percentageOfNodesToScore?: number;
}

/** containerd config.toml (version 2 or 3). */
export interface ContainerdConfig extends ObjectConfig<'containerd'> {
  readonly version: number;
  /** Path of the CRI plugin table that holds `containerd`/`registry` (v2: io.containerd.grpc.v1.cri; v3: io.containerd.cri.v1.runtime / images). */
  readonly criRuntimePath: JsonPath;
  readonly criImagesPath: JsonPath;
}

export type DockerConfig = ObjectConfig<'docker'>;

export interface SysctlEntry {
  readonly key: string;
  readonly value: string;
  readonly path: JsonPath;
}

/** sysctl.conf / sysctl.d file. */
export interface SysctlConfig extends ComponentConfigBase {
  readonly component: 'sysctl';
  readonly entries: readonly SysctlEntry[];
}

export type CalicoFelixConfig = ObjectConfig<'calico-felix'>;

/** cilium-config ConfigMap (`data`) or Cilium Helm values. */
export interface CiliumConfig extends ObjectConfig<'cilium'> {
  readonly form: 'configmap' | 'helm-values';
}

/** Every typed component config, told apart by `component`. */
export type ComponentConfig =
  | FlagsConfig
  | KubeletConfig
  | KubeProxyConfig
  | SchedulerConfig
  | ContainerdConfig
  | DockerConfig
  | SysctlConfig
  | CalicoFelixConfig
  | CiliumConfig;

export type ComponentKind = ComponentConfig['component'];

/** Narrows a subject of the engine's `component` target. */
export function asComponent<K extends ComponentKind>(
  c: ComponentConfigBase,
  kind: K,
): Extract<ComponentConfig, { component: K }> | undefined {
  return c.component === kind ? (c as Extract<ComponentConfig, { component: K }>) : undefined;
}

export const isFlagsConfig = (c: ComponentConfigBase): c is FlagsConfig => isFlagComponent(c.component) && 'flags' in c;

/** The last occurrence of a flag wins (pflag semantics). */
export function flagOf(c: FlagsConfig, name: string): FlagValue | undefined {
  for (let i = c.flags.length - 1; i >= 0; i--) if (c.flags[i]!.name === name) return c.flags[i];
  return undefined;
}

/** The longest prefix of `path` the source knows a line for: where a finding about a missing key should point. */
export function nearestPath(c: ComponentConfigBase, path: JsonPath): JsonPath {
  for (let n = path.length; n > 0; n--)
    if (c.source?.lines?.has(JSON.stringify(path.slice(0, n)))) return path.slice(0, n);
  return path;
}

import type { JsonPath } from '../../core/json-path.js';
import { asRecord, asString, type Resource } from '../object.js';
import { parseExtraArgs } from './flags.js';
import type { FlagComponent, FlagsConfig } from './types.js';

export const KUBEADM_GROUP = 'kubeadm.k8s.io';
export const KUBEADM_KINDS = ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration'] as const;

const CLUSTER_SECTIONS: readonly (readonly [FlagComponent, JsonPath])[] = [
  ['kube-apiserver', ['apiServer', 'extraArgs']],
  ['kube-controller-manager', ['controllerManager', 'extraArgs']],
  ['kube-scheduler', ['scheduler', 'extraArgs']],
  ['etcd', ['etcd', 'local', 'extraArgs']],
];

const at = (root: unknown, path: JsonPath): unknown => path.reduce<unknown>((cur, p) => asRecord(cur)[p], root);

/**
 * Component flags from kubeadm ClusterConfiguration / InitConfiguration / JoinConfiguration extraArgs.
 * A ClusterConfiguration always yields the four control-plane components (kubeadm runs them even without extraArgs);
 * etcd only when it is local (stacked).
 */
export function flagsFromKubeadm(r: Resource): FlagsConfig[] {
  const o = r.object;
  if (!o.apiVersion.startsWith(`${KUBEADM_GROUP}/`)) return [];
  const version = asString(o['kubernetesVersion']);
  const v1beta4 = o.apiVersion === `${KUBEADM_GROUP}/v1beta4`;
  const base = {
    origin: 'kubeadm' as const,
    ref: r.ref,
    ...(r.source ? { source: r.source } : {}),
    ...(version ? { declaredVersion: version } : {}),
  };
  if (o.kind === 'ClusterConfiguration') {
    return CLUSTER_SECTIONS.flatMap(([component, path]): FlagsConfig[] => {
      if (component === 'etcd' && asRecord(o['etcd'])['external'] !== undefined) return [];
      const { flags, listForm } = parseExtraArgs(at(o, path), path);
      return [{ component, ...base, flags, argsPath: path, listForm: listForm || v1beta4 }];
    });
  }
  if (o.kind === 'InitConfiguration' || o.kind === 'JoinConfiguration') {
    const path: JsonPath = ['nodeRegistration', 'kubeletExtraArgs'];
    const raw = at(o, path);
    if (raw === undefined) return [];
    const { flags, listForm } = parseExtraArgs(raw, path);
    return [{ component: 'kubelet', ...base, flags, argsPath: path, listForm: listForm || v1beta4 }];
  }
  return [];
}

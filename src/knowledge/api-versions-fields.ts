import { compareVersions, parseKubeVersion, type KubeVersion } from '../core/version.js';

/**
 * Fields, volume sources and annotations that were removed, or that the API server or kubelet
 * silently drops or ignores, per release. Paths are relative to the object (`spec.topologyKeys`)
 * or, for pod-level facts, to the pod spec (`volumes[].glusterfs`).
 */
export interface FieldFact {
  /** Kinds the fact applies to; `PodSpec` means every pod-owning kind's pod template. */
  readonly kind: string;
  /** Dotted path; `[]` marks a list item; for annotations, the annotation key (prefix when it ends with `/`). */
  readonly path: string;
  readonly type: 'field' | 'volume-plugin' | 'annotation';
  readonly deprecatedIn?: string;
  /** Release from which the API server drops the field / the plugin or annotation has no effect. */
  readonly removedIn?: string;
  /** What happens to objects that still use it. */
  readonly effect: 'dropped' | 'ignored' | 'rejected' | 'fails-at-runtime';
  readonly replacement: string;
  readonly source: string;
}

const VOLUMES = 'https://kubernetes.io/docs/concepts/storage/volumes/';
const SEC_CTX = 'https://kubernetes.io/docs/tutorials/security/seccomp/';

export const FIELD_FACTS: readonly FieldFact[] = [
  {
    kind: 'Service',
    path: 'spec.topologyKeys',
    type: 'field',
    deprecatedIn: '1.21',
    removedIn: '1.22',
    effect: 'dropped',
    replacement: 'spec.trafficDistribution (1.31+) or the service.kubernetes.io/topology-mode annotation',
    source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.22.md',
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].glusterfs',
    type: 'volume-plugin',
    deprecatedIn: '1.25',
    removedIn: '1.26',
    effect: 'fails-at-runtime',
    replacement: 'a CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].cephfs',
    type: 'volume-plugin',
    deprecatedIn: '1.28',
    removedIn: '1.31',
    effect: 'fails-at-runtime',
    replacement: 'the ceph-csi driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].rbd',
    type: 'volume-plugin',
    deprecatedIn: '1.28',
    removedIn: '1.31',
    effect: 'fails-at-runtime',
    replacement: 'the ceph-csi driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].flocker',
    type: 'volume-plugin',
    deprecatedIn: '1.22',
    removedIn: '1.25',
    effect: 'fails-at-runtime',
    replacement: 'a CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].quobyte',
    type: 'volume-plugin',
    deprecatedIn: '1.22',
    removedIn: '1.25',
    effect: 'fails-at-runtime',
    replacement: 'a CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].storageos',
    type: 'volume-plugin',
    deprecatedIn: '1.22',
    removedIn: '1.25',
    effect: 'fails-at-runtime',
    replacement: 'a CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].awsElasticBlockStore',
    type: 'volume-plugin',
    deprecatedIn: '1.19',
    removedIn: '1.27',
    effect: 'fails-at-runtime',
    replacement: 'the ebs.csi.aws.com CSI driver (CSI migration translates it only when the driver is installed)',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].azureDisk',
    type: 'volume-plugin',
    deprecatedIn: '1.19',
    removedIn: '1.27',
    effect: 'fails-at-runtime',
    replacement: 'the disk.csi.azure.com CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].cinder',
    type: 'volume-plugin',
    deprecatedIn: '1.18',
    removedIn: '1.26',
    effect: 'fails-at-runtime',
    replacement: 'the cinder.csi.openstack.org CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].gcePersistentDisk',
    type: 'volume-plugin',
    deprecatedIn: '1.17',
    removedIn: '1.28',
    effect: 'fails-at-runtime',
    replacement: 'the pd.csi.storage.gke.io CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].azureFile',
    type: 'volume-plugin',
    deprecatedIn: '1.21',
    removedIn: '1.30',
    effect: 'fails-at-runtime',
    replacement: 'the file.csi.azure.com CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].vsphereVolume',
    type: 'volume-plugin',
    deprecatedIn: '1.19',
    removedIn: '1.30',
    effect: 'fails-at-runtime',
    replacement: 'the csi.vsphere.vmware.com CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].portworxVolume',
    type: 'volume-plugin',
    deprecatedIn: '1.25',
    effect: 'fails-at-runtime',
    replacement: 'the pxd.portworx.com CSI driver',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'volumes[].gitRepo',
    type: 'volume-plugin',
    deprecatedIn: '1.11',
    effect: 'fails-at-runtime',
    replacement: 'an init container that runs git clone into an emptyDir',
    source: VOLUMES,
  },
  {
    kind: 'PodSpec',
    path: 'seccomp.security.alpha.kubernetes.io/pod',
    type: 'annotation',
    deprecatedIn: '1.19',
    removedIn: '1.27',
    effect: 'ignored',
    replacement: 'securityContext.seccompProfile',
    source: SEC_CTX,
  },
  {
    kind: 'PodSpec',
    path: 'container.seccomp.security.alpha.kubernetes.io/',
    type: 'annotation',
    deprecatedIn: '1.19',
    removedIn: '1.27',
    effect: 'ignored',
    replacement: 'securityContext.seccompProfile',
    source: SEC_CTX,
  },
  {
    kind: 'PodSpec',
    path: 'container.apparmor.security.beta.kubernetes.io/',
    type: 'annotation',
    deprecatedIn: '1.30',
    effect: 'ignored',
    replacement: 'securityContext.appArmorProfile',
    source: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
  },
  {
    kind: 'Ingress',
    path: 'kubernetes.io/ingress.class',
    type: 'annotation',
    deprecatedIn: '1.18',
    effect: 'ignored',
    replacement: 'spec.ingressClassName',
    source: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#deprecated-annotation',
  },
  {
    kind: 'PodSpec',
    path: 'scheduler.alpha.kubernetes.io/critical-pod',
    type: 'annotation',
    deprecatedIn: '1.13',
    removedIn: '1.16',
    effect: 'ignored',
    replacement: 'priorityClassName: system-cluster-critical or system-node-critical',
    source: 'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.16.md',
  },
];

export type FieldState = 'ok' | 'deprecated' | 'removed';

const at = (v: KubeVersion, release: string | undefined): boolean => {
  const r = release === undefined ? undefined : parseKubeVersion(release);
  return r !== undefined && compareVersions({ ...v, patch: 0 }, { ...r, patch: 0 }) >= 0;
};

/** The state of a field fact in a given release. */
export const fieldState = (fact: FieldFact, v: KubeVersion): FieldState =>
  at(v, fact.removedIn) ? 'removed' : at(v, fact.deprecatedIn) ? 'deprecated' : 'ok';

/** Facts for a kind (`PodSpec` facts are returned for `PodSpec`). */
export const fieldFactsFor = (kind: string): readonly FieldFact[] => FIELD_FACTS.filter((f) => f.kind === kind);

import { FIELD_FACTS } from './api-versions-fields.js';

/**
 * In-tree volume provisioners and their CSI replacements. CSI migration (GA in 1.25 for the core feature) translates
 * in-tree StorageClasses and PVs to the CSI driver, which must then be installed; the in-tree code was removed later
 * (removal releases come from api-versions-fields.ts, `volumes[].<plugin>`, so they are kept in one place).
 * Sources: https://kubernetes.io/blog/2022/09/26/storage-in-tree-to-csi-migration-status-update-1.25/ and
 * https://kubernetes.io/docs/concepts/storage/volumes/ (per-plugin removal notes).
 */
export interface InTreeProvisioner {
  readonly provisioner: string;
  /** The in-tree volume source name (PersistentVolume spec key / pod volume key). */
  readonly volumePlugin: string;
  /** CSI driver that replaces it; undefined when there is no migration path. */
  readonly csiDriver?: string;
  /** Release in which CSI migration for this plugin went GA (on by default, cannot be turned off). */
  readonly migrationGA?: string;
  readonly source: string;
}

const STATUS_1_25 = 'https://kubernetes.io/blog/2022/09/26/storage-in-tree-to-csi-migration-status-update-1.25/';
const VOLUMES = 'https://kubernetes.io/docs/concepts/storage/volumes/';

export const IN_TREE_PROVISIONERS: readonly InTreeProvisioner[] = [
  {
    provisioner: 'kubernetes.io/aws-ebs',
    volumePlugin: 'awsElasticBlockStore',
    csiDriver: 'ebs.csi.aws.com',
    migrationGA: '1.25',
    source: STATUS_1_25,
  },
  {
    provisioner: 'kubernetes.io/gce-pd',
    volumePlugin: 'gcePersistentDisk',
    csiDriver: 'pd.csi.storage.gke.io',
    migrationGA: '1.25',
    source: STATUS_1_25,
  },
  {
    provisioner: 'kubernetes.io/azure-disk',
    volumePlugin: 'azureDisk',
    csiDriver: 'disk.csi.azure.com',
    migrationGA: '1.24',
    source: STATUS_1_25,
  },
  {
    provisioner: 'kubernetes.io/azure-file',
    volumePlugin: 'azureFile',
    csiDriver: 'file.csi.azure.com',
    migrationGA: '1.26',
    source: STATUS_1_25,
  },
  {
    provisioner: 'kubernetes.io/cinder',
    volumePlugin: 'cinder',
    csiDriver: 'cinder.csi.openstack.org',
    migrationGA: '1.24',
    source: STATUS_1_25,
  },
  {
    provisioner: 'kubernetes.io/vsphere-volume',
    volumePlugin: 'vsphereVolume',
    csiDriver: 'csi.vsphere.vmware.com',
    migrationGA: '1.26',
    source: STATUS_1_25,
  },
  {
    provisioner: 'kubernetes.io/portworx-volume',
    volumePlugin: 'portworxVolume',
    csiDriver: 'pxd.portworx.com',
    source: STATUS_1_25,
  },
  { provisioner: 'kubernetes.io/rbd', volumePlugin: 'rbd', csiDriver: 'rbd.csi.ceph.com', source: VOLUMES },
  { provisioner: 'kubernetes.io/cephfs', volumePlugin: 'cephfs', csiDriver: 'cephfs.csi.ceph.com', source: VOLUMES },
  { provisioner: 'kubernetes.io/glusterfs', volumePlugin: 'glusterfs', source: VOLUMES },
  { provisioner: 'kubernetes.io/quobyte', volumePlugin: 'quobyte', source: VOLUMES },
  { provisioner: 'kubernetes.io/storageos', volumePlugin: 'storageos', source: VOLUMES },
];

/** Release from which the in-tree plugin code is gone (from api-versions-fields.ts). */
export const inTreeRemovedIn = (p: InTreeProvisioner): string | undefined =>
  FIELD_FACTS.find((f) => f.path === `volumes[].${p.volumePlugin}`)?.removedIn;

export const findInTreeProvisioner = (provisioner: string): InTreeProvisioner | undefined =>
  IN_TREE_PROVISIONERS.find((p) => p.provisioner === provisioner);

/**
 * Provisioners whose volumes live in one zone (cloud block disks) or on one node (local volumes): binding them before
 * the pod is scheduled (volumeBindingMode: Immediate) can put the volume where the pod cannot run.
 */
export const TOPOLOGY_BOUND_PROVISIONERS: ReadonlySet<string> = new Set([
  'kubernetes.io/aws-ebs',
  'ebs.csi.aws.com',
  'kubernetes.io/gce-pd',
  'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk',
  'disk.csi.azure.com',
  'kubernetes.io/cinder',
  'cinder.csi.openstack.org',
  'diskplugin.csi.alibabacloud.com',
  'kubernetes.io/no-provisioner',
  'rancher.io/local-path',
  'topolvm.io',
  'local.csi.openebs.io',
  'openebs.io/local',
]);

export interface EbsVolumeBounds {
  readonly iops: readonly [number, number];
  readonly iopsPerGiB: number;
  readonly throughputMiBs?: readonly [number, number];
  /** Max provisioned throughput per provisioned IOPS (gp3: 0.25 MiB/s). */
  readonly throughputPerIops?: number;
}

/**
 * AWS EBS provisioned-performance bounds (CreateVolume API and EBS volume types).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html
 * https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html
 */
export const EBS_VOLUME_BOUNDS: Readonly<Record<string, EbsVolumeBounds>> = {
  gp3: { iops: [3000, 16000], iopsPerGiB: 500, throughputMiBs: [125, 1000], throughputPerIops: 0.25 },
  io1: { iops: [100, 64000], iopsPerGiB: 50 },
  io2: { iops: [100, 256000], iopsPerGiB: 1000 },
};
export const EBS_BOUNDS_SOURCE = 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html';
export const EBS_PROVISIONERS: ReadonlySet<string> = new Set(['ebs.csi.aws.com', 'kubernetes.io/aws-ebs']);

/**
 * Deprecated and removed Kubernetes API versions, as data.
 *
 * Converted from FairwindsOps/pluto `versions.yaml` (Apache-2.0), Kubernetes entries only
 * (copy in ../shared/data/apis/pluto-versions.yaml; `api-versions.test.ts` checks this module still agrees with it).
 * Entries built with `fixed()` correct pluto against the official Deprecated API Migration Guide.
 * Versions are `MAJOR.MINOR` strings.
 */
export interface ApiVersionFact {
  readonly apiVersion: string;
  readonly kind: string;
  /** First release that marks the version deprecated. */
  readonly deprecatedIn?: string;
  /** First release that no longer serves it. */
  readonly removedIn?: string;
  /** The apiVersion to migrate to. */
  readonly replacement?: string;
  readonly source: string;
}

export const PLUTO_SOURCE = 'https://github.com/FairwindsOps/pluto/blob/master/versions.yaml';
export const DEPRECATION_GUIDE = 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/';

const fact =
  (source: string) =>
  (
    apiVersion: string,
    kind: string,
    deprecatedIn?: string,
    removedIn?: string,
    replacement?: string,
  ): ApiVersionFact => ({
    apiVersion,
    kind,
    ...(deprecatedIn !== undefined ? { deprecatedIn } : {}),
    ...(removedIn !== undefined ? { removedIn } : {}),
    ...(replacement !== undefined ? { replacement } : {}),
    source,
  });
const pluto = fact(PLUTO_SOURCE);
const fixed = fact(DEPRECATION_GUIDE);

export const API_VERSION_FACTS: readonly ApiVersionFact[] = [
  pluto('extensions/v1beta1', 'Deployment', '1.9', '1.16', 'apps/v1'),
  pluto('apps/v1beta2', 'Deployment', '1.9', '1.16', 'apps/v1'),
  pluto('apps/v1beta1', 'Deployment', '1.9', '1.16', 'apps/v1'),
  pluto('apps/v1beta1', 'StatefulSet', '1.9', '1.16', 'apps/v1'),
  pluto('apps/v1beta2', 'StatefulSet', '1.9', '1.16', 'apps/v1'),
  pluto('extensions/v1beta1', 'NetworkPolicy', '1.9', '1.16', 'networking.k8s.io/v1'),
  pluto('extensions/v1beta1', 'Ingress', '1.14', '1.22', 'networking.k8s.io/v1'),
  pluto('networking.k8s.io/v1beta1', 'Ingress', '1.19', '1.22', 'networking.k8s.io/v1'),
  pluto('networking.k8s.io/v1beta1', 'IngressClass', '1.19', '1.22', 'networking.k8s.io/v1'),
  pluto('apps/v1beta2', 'DaemonSet', '1.9', '1.16', 'apps/v1'),
  pluto('extensions/v1beta1', 'DaemonSet', '1.9', '1.16', 'apps/v1'),
  pluto('extensions/v1beta1', 'PodSecurityPolicy', '1.10', '1.16', 'policy/v1beta1'),
  pluto('policy/v1beta1', 'PodSecurityPolicy', '1.21', '1.25', undefined),
  pluto('extensions/v1beta1', 'ReplicaSet', undefined, '1.16', 'apps/v1'),
  pluto('apps/v1beta1', 'ReplicaSet', undefined, '1.16', 'apps/v1'),
  pluto('apps/v1beta2', 'ReplicaSet', undefined, '1.16', 'apps/v1'),
  pluto('scheduling.k8s.io/v1beta1', 'PriorityClass', '1.14', '1.22', 'scheduling.k8s.io/v1'),
  pluto('scheduling.k8s.io/v1alpha1', 'PriorityClass', '1.14', '1.17', 'scheduling.k8s.io/v1'),
  pluto('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.16', '1.22', 'apiextensions.k8s.io/v1'),
  pluto(
    'admissionregistration.k8s.io/v1beta1',
    'MutatingWebhookConfiguration',
    '1.16',
    '1.22',
    'admissionregistration.k8s.io/v1',
  ),
  pluto(
    'admissionregistration.k8s.io/v1beta1',
    'ValidatingWebhookConfiguration',
    '1.16',
    '1.22',
    'admissionregistration.k8s.io/v1',
  ),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'ClusterRoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'ClusterRole', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'ClusterRoleBindingList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'ClusterRoleList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'Role', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'RoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'RoleList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1alpha1', 'RoleBindingList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'ClusterRole', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBindingList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'Role', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'RoleBinding', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'RoleList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('rbac.authorization.k8s.io/v1beta1', 'RoleBindingList', '1.17', '1.22', 'rbac.authorization.k8s.io/v1'),
  pluto('node.k8s.io/v1beta1', 'RuntimeClass', '1.22', '1.25', 'node.k8s.io/v1'),
  pluto('policy/v1beta1', 'PodDisruptionBudget', '1.21', '1.25', 'policy/v1'),
  pluto('policy/v1beta1', 'PodDisruptionBudgetList', '1.21', '1.25', 'policy/v1'),
  pluto('autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.22', '1.25', 'autoscaling/v2'),
  pluto('autoscaling/v2beta1', 'HorizontalPodAutoscalerList', '1.22', '1.25', 'autoscaling/v2'),
  pluto('autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.23', '1.26', 'autoscaling/v2'),
  pluto('autoscaling/v2beta2', 'HorizontalPodAutoscalerList', '1.23', '1.26', 'autoscaling/v2'),
  pluto('batch/v1beta1', 'CronJob', '1.21', '1.25', 'batch/v1'),
  pluto('batch/v1beta1', 'CronJobList', '1.21', '1.25', 'batch/v1'),
  pluto('storage.k8s.io/v1beta1', 'CSINode', '1.17', '1.22', 'storage.k8s.io/v1'),
  pluto('storage.k8s.io/v1beta1', 'CSIDriver', '1.19', '1.22', 'storage.k8s.io/v1'),
  pluto('storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.24', '1.27', 'storage.k8s.io/v1'),
  pluto('storage.k8s.io/v1beta1', 'StorageClass', '1.6', '1.22', 'storage.k8s.io/v1'),
  pluto('storage.k8s.io/v1beta1', 'VolumeAttachment', '1.13', '1.22', 'storage.k8s.io/v1'),
  pluto('apiregistration.k8s.io/v1beta1', 'APIService', '1.10', '1.22', 'apiregistration.k8s.io/v1'),
  pluto('authentication.k8s.io/v1beta1', 'TokenReview', '1.6', '1.22', 'authentication.k8s.io/v1'),
  pluto('certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.19', '1.22', 'certificates.k8s.io/v1'),
  pluto('coordination.k8s.io/v1beta1', 'Lease', '1.14', '1.22', 'coordination.k8s.io/v1'),
  // Missing from pluto; the deprecation guide (#subjectaccessreview-resources-v122) lists them.
  ...['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview', 'SelfSubjectRulesReview'].map(
    (kind) => fixed('authorization.k8s.io/v1beta1', kind, undefined, '1.22', 'authorization.k8s.io/v1'),
  ),
  pluto('events.k8s.io/v1beta1', 'Event', '1.19', '1.25', 'events.k8s.io/v1'),
  pluto('discovery.k8s.io/v1beta1', 'EndpointSlice', '1.21', '1.25', 'discovery.k8s.io/v1'),
  fixed('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.26', '1.29', 'flowcontrol.apiserver.k8s.io/v1'),
  fixed(
    'flowcontrol.apiserver.k8s.io/v1beta2',
    'PriorityLevelConfiguration',
    '1.26',
    '1.29',
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  fixed(
    'flowcontrol.apiserver.k8s.io/v1beta1',
    'PriorityLevelConfiguration',
    '1.23',
    '1.26',
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  fixed('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1'),
  pluto('audit.k8s.io/v1alpha1', 'Policy', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1alpha1', 'PolicyList', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1alpha1', 'Event', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1alpha1', 'EventList', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1beta1', 'Policy', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1beta1', 'PolicyList', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1beta1', 'Event', '1.21', '1.24', 'audit.k8s.io/v1'),
  pluto('audit.k8s.io/v1beta1', 'EventList', '1.21', '1.24', 'audit.k8s.io/v1'),
  fixed('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1'),
  fixed(
    'flowcontrol.apiserver.k8s.io/v1beta3',
    'PriorityLevelConfiguration',
    '1.29',
    '1.32',
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  pluto(
    'admissionregistration.k8s.io/v1alpha1',
    'ValidatingAdmissionPolicy',
    '1.28',
    '1.33',
    'admissionregistration.k8s.io/v1',
  ),
  pluto(
    'admissionregistration.k8s.io/v1alpha1',
    'ValidatingAdmissionPolicyBinding',
    '1.28',
    '1.33',
    'admissionregistration.k8s.io/v1',
  ),
  pluto('resource.k8s.io/v1beta1', 'ResourceSlice', '1.33', '1.36', 'resource.k8s.io/v1beta2'),
  pluto('resource.k8s.io/v1beta1', 'ResourceClaim', '1.33', '1.36', 'resource.k8s.io/v1beta2'),
  pluto('resource.k8s.io/v1beta1', 'DeviceClass', '1.33', '1.36', 'resource.k8s.io/v1beta2'),
  pluto('resource.k8s.io/v1beta1', 'ResourceClaimTemplate', '1.33', '1.36', 'resource.k8s.io/v1beta2'),
  pluto('resource.k8s.io/v1alpha3', 'ResourceSlice', '1.32', '1.34', 'resource.k8s.io/v1'),
  pluto('resource.k8s.io/v1alpha3', 'ResourceClaim', '1.32', '1.34', 'resource.k8s.io/v1'),
  pluto('resource.k8s.io/v1alpha3', 'DeviceClass', '1.32', '1.34', 'resource.k8s.io/v1'),
  pluto('resource.k8s.io/v1alpha3', 'ResourceClaimTemplate', '1.32', '1.34', 'resource.k8s.io/v1'),
  pluto('storage.k8s.io/v1beta1', 'VolumeAttributesClass', '1.34', undefined, 'storage.k8s.io/v1'),
  pluto('storage.k8s.io/v1alpha1', 'VolumeAttributesClass', '1.31', '1.35', 'storage.k8s.io/v1'),
  pluto(
    'storagemigration.k8s.io/v1alpha1',
    'StorageVersionMigration',
    '1.35',
    '1.35',
    'storagemigration.k8s.io/v1beta1',
  ),
];

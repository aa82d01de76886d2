import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { apiStatus } from '../../knowledge/api-versions.js';

/**
 * Moves where the replacement apiVersion has the same schema for the kind, so rewriting apiVersion is safe.
 * (Not policy/v1beta1 PodDisruptionBudget: an empty selector means "no pods" there but "all pods" in policy/v1;
 * not autoscaling/v2beta1: its metric targets have another shape.)
 */
const SAME_SCHEMA: ReadonlySet<string> = new Set([
  'autoscaling/v2beta2 HorizontalPodAutoscaler',
  'batch/v1beta1 CronJob',
  'scheduling.k8s.io/v1beta1 PriorityClass',
  'rbac.authorization.k8s.io/v1beta1 Role',
  'rbac.authorization.k8s.io/v1beta1 RoleBinding',
  'rbac.authorization.k8s.io/v1beta1 ClusterRole',
  'rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding',
]);

export default defineRule({
  id: 'api-version-removed',
  area: 'deprecations',
  target: 'object',
  defaultSeverity: 'error',
  fixable: true,
  summary: 'Objects use apiVersions the target Kubernetes release still serves.',
  rationale:
    'The API server stops serving deprecated API versions at a fixed release: kubectl apply of a manifest with extensions/v1beta1 Ingress or policy/v1beta1 PodDisruptionBudget fails after the upgrade, and Helm releases holding them cannot be upgraded. Deprecated versions still work but warn. The target release is --kube-version. Where the replacement has the same schema (HPA autoscaling/v2beta2 → v2, CronJob batch/v1beta1 → v1, RBAC and PriorityClass v1beta1 → v1) the fix rewrites apiVersion; other moves need field changes. Data: knowledge/api-versions*.ts (from pluto, corrected against the Kubernetes deprecation guide).',
  messages: {
    removed: '{apiVersion} {kind} is no longer served since {removedIn} (target {version}): use {replacement}.',
    deprecated: '{apiVersion} {kind} is deprecated since {deprecatedIn}{removal}: use {replacement}.',
  },
  *check(resource, { kubeVersion }) {
    const { apiVersion, kind } = resource.object;
    const status = apiStatus(apiVersion, kind, kubeVersion);
    if (!status || status.status === 'ok') return;
    const replacement = status.replacement ?? 'the current version (see the deprecation guide)';
    const path = ['apiVersion'];
    const fix =
      status.replacement && SAME_SCHEMA.has(`${apiVersion} ${kind}`)
        ? [{ op: 'replace' as const, path, value: status.replacement }]
        : undefined;
    const base = { apiVersion, kind, replacement, version: formatKubeVersion(kubeVersion) };
    if (status.status === 'removed')
      yield { messageId: 'removed', path, data: { ...base, removedIn: status.removedIn! }, ...(fix ? { fix } : {}) };
    else
      yield {
        messageId: 'deprecated',
        path,
        data: {
          ...base,
          deprecatedIn: status.deprecatedIn!,
          removal: status.removedIn ? ` and removed in ${status.removedIn}` : '',
        },
        ...(fix ? { fix } : {}),
      };
  },
});

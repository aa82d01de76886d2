import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion, type KubeVersion } from '../../core/version.js';
import { upstreamFieldNames, upstreamFieldStatus } from '../../knowledge/config-fields-upstream.js';
import { nearestFlag } from '../../knowledge/flags-suggest.js';
import { configFieldState, KUBELET_CONFIG_FIELDS, type ConfigField } from '../../knowledge/kubelet-config.js';
import { KUBE_PROXY_CONFIG_FIELDS } from '../../knowledge/kube-proxy-config.js';
import { asComponent, type ObjectConfig } from '../../model/components/types.js';

/** Hand-kept facts with changelog sources; the generated upstream tables answer for everything they do not list. */
const CURATED: Readonly<Record<string, readonly ConfigField[]>> = {
  KubeletConfiguration: KUBELET_CONFIG_FIELDS,
  KubeProxyConfiguration: KUBE_PROXY_CONFIG_FIELDS,
};

type Verdict = {
  state: 'valid' | 'deprecated' | 'not-yet' | 'removed' | 'unknown';
  since?: string;
  removedIn?: string;
};

function verdictOf(c: ObjectConfig<string>, kind: string, field: string, v: KubeVersion): Verdict {
  if (field === 'apiVersion' || field === 'kind') return { state: 'valid' };
  const curated = configFieldState(CURATED[kind] ?? [], field, v);
  if (curated.state !== 'unknown')
    return {
      state: curated.state,
      ...(curated.field?.since ? { since: curated.field.since } : {}),
      ...(curated.field?.removedIn ? { removedIn: curated.field.removedIn } : {}),
    };
  return upstreamFieldStatus(c.apiVersion, kind, field, v) ?? { state: CURATED[kind] ? 'unknown' : 'valid' };
}

export default defineRule({
  id: 'component-config-field-unknown',
  area: 'node',
  target: 'component',
  components: ['kubelet-config', 'kube-proxy-config', 'scheduler-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary:
    'KubeletConfiguration, KubeProxyConfiguration and KubeSchedulerConfiguration only use fields of the target release.',
  rationale:
    "A misspelt or too-new top-level field (maxParallelImagePulls before 1.27, a flag name written as a field) is dropped by lenient decoding with at most a log line, or rejected by strict decoding: either way the setting the file promises is not in effect. kubetune checks top-level fields against tables generated from each release's config API reference (kubernetes/website, scripts/gen-config-fields.ts) plus hand-kept changelog facts, and names the nearest real field for a misspelling.",
  messages: {
    unknown: '{kind}: field {field} is not part of {kind} in Kubernetes {version}.{hint}',
    notYet: '{kind}: field {field} needs Kubernetes {since}.',
    removed: '{kind}: field {field} was removed in Kubernetes {removedIn}.',
  },
  *check(subject, { kubeVersion }) {
    const c: ObjectConfig<string> | undefined =
      asComponent(subject, 'kubelet-config') ??
      asComponent(subject, 'kube-proxy-config') ??
      asComponent(subject, 'scheduler-config');
    if (!c) return;
    const kind = String(c.raw['kind']);
    for (const field of Object.keys(c.raw)) {
      const verdict = verdictOf(c, kind, field, kubeVersion);
      const suggestion =
        verdict.state === 'unknown'
          ? nearestFlag(field, upstreamFieldNames(c.apiVersion, kind, kubeVersion))
          : undefined;
      const data = {
        kind,
        field,
        version: formatKubeVersion(kubeVersion),
        since: verdict.since ?? '?',
        removedIn: verdict.removedIn ?? '?',
        hint: suggestion === undefined ? '' : ` Did you mean ${suggestion}?`,
      };
      const path = [...c.base, field];
      if (verdict.state === 'unknown') yield { messageId: 'unknown', path, data };
      else if (verdict.state === 'not-yet') yield { messageId: 'notYet', path, data };
      else if (verdict.state === 'removed') yield { messageId: 'removed', path, data };
    }
  },
});

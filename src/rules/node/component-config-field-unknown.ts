import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { configFieldState, KUBELET_CONFIG_FIELDS, type ConfigField } from '../../knowledge/kubelet-config.js';
import { KUBE_PROXY_CONFIG_FIELDS } from '../../knowledge/kube-proxy-config.js';
import { asComponent, type KubeletConfig, type KubeProxyConfig } from '../../model/components/types.js';

const FIELDS: Readonly<Record<string, readonly ConfigField[]>> = {
  KubeletConfiguration: KUBELET_CONFIG_FIELDS,
  KubeProxyConfiguration: KUBE_PROXY_CONFIG_FIELDS,
};

export default defineRule({
  id: 'component-config-field-unknown',
  area: 'node',
  target: 'component',
  components: ['kubelet-config', 'kube-proxy-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'KubeletConfiguration and KubeProxyConfiguration only use fields of the target release.',
  rationale:
    'A misspelt or too-new top-level field (maxParallelImagePulls before 1.27, a flag name written as a field) is dropped by lenient decoding with at most a log line, or rejected by strict decoding: either way the setting the file promises is not in effect. kubetune checks top-level fields against the config API reference of the release.',
  messages: {
    unknown: '{kind}: field {field} is not part of {kind} in Kubernetes {version}.',
    notYet: '{kind}: field {field} needs Kubernetes {since}.',
    removed: '{kind}: field {field} was removed in Kubernetes {removedIn}.',
  },
  *check(subject, { kubeVersion }) {
    const c: KubeletConfig | KubeProxyConfig | undefined =
      asComponent(subject, 'kubelet-config') ?? asComponent(subject, 'kube-proxy-config');
    if (!c) return;
    const kind = String(c.raw['kind']);
    const fields = FIELDS[kind];
    if (!fields) return;
    for (const field of Object.keys(c.raw)) {
      const { state, field: fact } = configFieldState(fields, field, kubeVersion);
      const data = {
        kind,
        field,
        version: formatKubeVersion(kubeVersion),
        since: fact?.since ?? '?',
        removedIn: fact?.removedIn ?? '?',
      };
      const path = [...c.base, field];
      if (state === 'unknown') yield { messageId: 'unknown', path, data };
      else if (state === 'not-yet') yield { messageId: 'notYet', path, data };
      else if (state === 'removed') yield { messageId: 'removed', path, data };
    }
  },
});

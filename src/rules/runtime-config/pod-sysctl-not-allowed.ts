import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { classifySysctl } from '../../knowledge/sysctls.js';
import { asArray, asRecord, asString } from '../../model/object.js';
import { asComponent, type KubeletConfig } from '../../model/components/types.js';
import { allowedUnsafeSysctls } from '../../model/components/kubelet.js';

const matches = (pattern: string, name: string) =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;

export default defineRule({
  id: 'pod-sysctl-not-allowed',
  area: 'runtime-config',
  target: 'workload',
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'Pods only request sysctls the kubelet will allow, in the pod securityContext.',
  rationale:
    "Pods may set namespaced sysctls only. Node-level ones (vm.*, fs.file-max, net.core.rmem_max, net.netfilter.nf_conntrack_max) are rejected by the kubelet (SysctlForbidden) and the pod never starts; they belong in the node's sysctl.d. Namespaced sysctls outside the safe set need every target node's kubelet to list them in allowedUnsafeSysctls. sysctls is a field of the pod securityContext only: under a container securityContext it is not part of the API and is rejected or dropped.",
  messages: {
    nodeLevel:
      "sysctl {name} is node-level: the kubelet rejects the pod (SysctlForbidden); set it in the node's sysctl.d.",
    unsafe: 'sysctl {name} is not in the safe set of Kubernetes {version}; nodes need allowedUnsafeSysctls: [{name}].',
    inContainer: '{container}: securityContext.sysctls is not a container field; move it to the pod securityContext.',
  },
  *check(workload, { kubeVersion, snapshot }) {
    const kubelets = snapshot.components
      .map((c) => asComponent(c, 'kubelet-config'))
      .filter((k): k is KubeletConfig => k !== undefined);
    const allowed = kubelets.flatMap(allowedUnsafeSysctls);
    const base = [...workload.podSpecPath, 'securityContext', 'sysctls'];
    for (const [i, s] of asArray(asRecord(workload.podSpec['securityContext'])['sysctls']).entries()) {
      const name = asString(asRecord(s)['name']);
      if (!name) continue;
      const cls = classifySysctl(name, kubeVersion);
      const path = [...base, i, 'name'];
      if (cls === 'node') yield { messageId: 'nodeLevel', path, data: { name } };
      else if (cls === 'unsafe' && !allowed.some((p) => matches(p, name)))
        yield { messageId: 'unsafe', path, data: { name, version: formatKubeVersion(kubeVersion) } };
    }
    for (const c of [...workload.containers, ...workload.initContainers]) {
      if (asRecord(c.raw['securityContext'])['sysctls'] !== undefined)
        yield {
          messageId: 'inContainer',
          path: [...c.path, 'securityContext', 'sysctls'],
          data: { container: c.name },
        };
    }
  },
});

import { defineRule } from '../../engine/define-rule.js';
import { getAt } from '../../core/json-path.js';
import { asArray } from '../../model/object.js';
import {
  asComponent,
  nearestPath,
  type ContainerdConfig,
  type DockerConfig,
  type KubeletConfig,
} from '../../model/components/types.js';
import { kubeletView } from '../../model/components/kubelet.js';
import type { ComponentConfigBase } from '../../model/component-config.js';

const runcOptions = (c: ContainerdConfig) => [
  ...c.criRuntimePath,
  'containerd',
  'runtimes',
  'runc',
  'options',
  'SystemdCgroup',
];

/** The cgroup driver a runtime config selects, with the path that says so. */
function runtimeDriver(
  c: ComponentConfigBase,
): { driver: string; path: readonly (string | number)[]; at: ComponentConfigBase } | undefined {
  const containerd = asComponent(c, 'containerd');
  if (containerd) {
    const path = runcOptions(containerd);
    return { driver: getAt(containerd.raw, path) === true ? 'systemd' : 'cgroupfs', path: nearestPath(c, path), at: c };
  }
  const docker = asComponent(c, 'docker') as DockerConfig | undefined;
  if (docker) {
    const opt = asArray(docker.raw['exec-opts'])
      .map(String)
      .find((o) => o.startsWith('native.cgroupdriver='));
    return { driver: opt ? opt.split('=')[1]! : 'cgroupfs', path: ['exec-opts'], at: c };
  }
  return undefined;
}

export default defineRule({
  id: 'kubelet-cgroup-driver-mismatch',
  area: 'node',
  target: 'cluster',
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'The kubelet and the container runtime use the same cgroup driver.',
  rationale:
    "The kubelet (cgroupDriver) and containerd (runc SystemdCgroup) or Docker (native.cgroupdriver) must agree. On a systemd host with cgroup v2 a mismatch makes pod sandboxes fail to start or leaves two managers fighting over the same cgroups: pods are not throttled or accounted as their limits say and nodes become unstable under pressure. kubeadm writes cgroupDriver: systemd since 1.22; containerd's SystemdCgroup defaults to false.",
  messages: {
    mismatch: 'kubelet cgroupDriver is {kubelet} ({kubeletFile}) but {runtime} uses {runtimeDriver}.',
  },
  *check(snapshot) {
    const kubelets = snapshot.components
      .map((c) => asComponent(c, 'kubelet-config'))
      .filter((c): c is KubeletConfig => c !== undefined);
    const runtimes = snapshot.components.map(runtimeDriver).filter((r) => r !== undefined);
    for (const k of kubelets) {
      const driver = kubeletView(k).cgroupDriver ?? 'cgroupfs';
      for (const r of runtimes) {
        if (r.driver === driver) continue;
        yield {
          messageId: 'mismatch',
          path: r.path,
          at: { ref: r.at.ref, ...(r.at.source ? { source: r.at.source } : {}) },
          data: {
            kubelet: driver,
            kubeletFile: k.source?.file ?? k.ref.name,
            runtime: r.at.component,
            runtimeDriver: r.driver,
          },
        };
      }
    }
  },
});

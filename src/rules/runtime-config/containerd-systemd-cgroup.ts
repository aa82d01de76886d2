import { defineRule } from '../../engine/define-rule.js';
import { getAt } from '../../core/json-path.js';
import { asComponent, nearestPath } from '../../model/components/types.js';

export default defineRule({
  id: 'containerd-systemd-cgroup',
  area: 'runtime-config',
  target: 'component',
  components: ['containerd'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: "containerd's runc runtime uses the systemd cgroup driver.",
  rationale:
    "On systemd hosts (every mainstream distribution, and required with cgroup v2) the runtime and the kubelet should both delegate cgroups to systemd; kubeadm configures the kubelet with cgroupDriver: systemd. containerd's runc SystemdCgroup defaults to false, so a stock config.toml runs pods under a second cgroup manager. The guide sets SystemdCgroup = true; kubelet-cgroup-driver-mismatch checks both sides when both files are audited.",
  messages: { off: 'runc SystemdCgroup is {value}: containers are managed by cgroupfs beside systemd.' },
  *check(subject) {
    const c = asComponent(subject, 'containerd');
    if (!c) return;
    const runc = [...c.criRuntimePath, 'containerd', 'runtimes', 'runc'];
    const value = getAt(c.raw, [...runc, 'options', 'SystemdCgroup']);
    if (value === true) return;
    const path = nearestPath(c, [...runc, 'options', 'SystemdCgroup']);
    yield { messageId: 'off', path, data: { value: value === undefined ? 'not set (default false)' : String(value) } };
  },
});

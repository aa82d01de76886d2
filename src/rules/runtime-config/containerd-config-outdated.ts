import { FIXED_DEFAULTS } from '../../knowledge/thresholds/component-defaults.js';
import { defineRule } from '../../engine/define-rule.js';
import { getAt, type JsonPath } from '../../core/json-path.js';
import { asComponent, type ContainerdConfig } from '../../model/components/types.js';

/** Keys containerd 2.0 removed (https://github.com/containerd/containerd/blob/main/RELEASES.md#deprecated-config-properties). */
/** Removed-key paths start with ['plugins', '<plugin id>']; messages name the key below the plugin. */
const PLUGIN_PREFIX = 2;

const REMOVED_KEYS = (c: ContainerdConfig): readonly (readonly [JsonPath, string])[] => [
  [[...c.criRuntimePath, 'systemd_cgroup'], 'runc options SystemdCgroup = true'],
  [[...c.criRuntimePath, 'containerd', 'default_runtime'], 'default_runtime_name and runtimes.<name>'],
  [[...c.criRuntimePath, 'containerd', 'untrusted_workload_runtime'], 'a RuntimeClass'],
  [[...c.criRuntimePath, 'containerd', 'runtimes', 'runc', 'runtime_engine'], 'runtime_type = "io.containerd.runc.v2"'],
  [[...c.criRuntimePath, 'containerd', 'runtimes', 'runc', 'runtime_root'], 'runc options Root'],
];

export default defineRule({
  id: 'containerd-config-outdated',
  area: 'runtime-config',
  target: 'component',
  components: ['containerd'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'containerd config.toml uses a current schema and no removed keys.',
  rationale:
    'containerd 2.x reads config version 2 and 3 only; a file without `version` is version 1 and its CRI plugin section is not applied, so the node runs with defaults (cgroupfs, no mirrors) without an error the kubelet would show. Keys removed in 2.0 (systemd_cgroup, default_runtime, untrusted_workload_runtime, runtime_engine, runtime_root) are rejected.',
  messages: {
    versionOne: 'config.toml has no `version = 2` (or 3): containerd 2.x does not apply it.',
    removedKey: '{key} was removed in containerd 2.0; use {replacement}.',
  },
  *check(subject) {
    const c = asComponent(subject, 'containerd');
    if (!c) return;
    if (c.version < FIXED_DEFAULTS.containerdMinConfigVersion) yield { messageId: 'versionOne', path: ['version'] };
    for (const [path, replacement] of REMOVED_KEYS(c)) {
      if (getAt(c.raw, path) === undefined) continue;
      yield { messageId: 'removedKey', path, data: { key: path.slice(PLUGIN_PREFIX).join('.'), replacement } };
    }
  },
});

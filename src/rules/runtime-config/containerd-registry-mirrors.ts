import { defineRule } from '../../engine/define-rule.js';
import { getAt } from '../../core/json-path.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'containerd-registry-mirrors',
  area: 'runtime-config',
  target: 'component',
  components: ['containerd'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'containerd registry settings use config_path (hosts.toml), not registry.mirrors/configs.',
  rationale:
    "The CRI plugin's registry.mirrors, registry.configs and registry.auths tables are deprecated since containerd 1.5 in favour of registry.config_path with one hosts.toml per registry, and are ignored once config_path is set. containerd 2.x configs (version 3) no longer accept them: mirrors silently stop applying, every pull goes to the upstream registry and hits its rate limits.",
  messages: {
    deprecated:
      'registry.{table} is deprecated; configure registries with registry.config_path and certs.d/<host>/hosts.toml.',
    ignored: 'registry.{table} is ignored because registry.config_path is set.',
  },
  *check(subject) {
    const c = asComponent(subject, 'containerd');
    if (!c) return;
    const registry = [...c.criImagesPath, 'registry'];
    const configPath = getAt(c.raw, [...registry, 'config_path']);
    for (const table of ['mirrors', 'configs', 'auths']) {
      const path = [...registry, table];
      if (getAt(c.raw, path) === undefined) continue;
      yield { messageId: configPath ? 'ignored' : 'deprecated', path, data: { table } };
    }
  },
});

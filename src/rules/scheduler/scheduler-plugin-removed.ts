import { defineRule } from '../../engine/define-rule.js';
import { formatKubeVersion } from '../../core/version.js';
import { pluginState } from '../../knowledge/scheduler.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'scheduler-plugin-removed',
  area: 'scheduler',
  target: 'component',
  components: ['scheduler-config'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'Scheduler profiles only enable plugins that exist in the target release.',
  rationale:
    'kube-scheduler validates every plugin name of every profile at start-up: a removed plugin (NodeResourcesLeastAllocated, NodeLabel, ServiceAffinity, SelectorSpread in v1, the non-CSI volume limit plugins in 1.32) stops the scheduler. Guides written for 1.20-era schedulers still list them.',
  messages: {
    removed:
      'profile {profile}: plugin {plugin} ({point}) no longer exists in Kubernetes {version}; use {replacement}.',
    deprecated: 'profile {profile}: plugin {plugin} ({point}) is deprecated since {deprecatedIn}; use {replacement}.',
    notYet: 'profile {profile}: plugin {plugin} ({point}) needs Kubernetes {since}.',
  },
  *check(subject, { kubeVersion }) {
    const c = asComponent(subject, 'scheduler-config');
    if (!c) return;
    for (const profile of c.profiles) {
      for (const [point, set] of Object.entries(profile.plugins)) {
        for (const ref of set.enabled) {
          const { state, plugin } = pluginState(ref.name, kubeVersion, c.apiVersion);
          if (!plugin || state === 'valid') continue;
          const data = {
            profile: profile.schedulerName,
            plugin: ref.name,
            point,
            version: formatKubeVersion(kubeVersion),
            replacement: plugin.replacement ?? 'its documented replacement',
            deprecatedIn: plugin.deprecatedIn ?? '?',
            since: plugin.since ?? '?',
          };
          const messageId = state === 'removed' ? 'removed' : state === 'deprecated' ? 'deprecated' : 'notYet';
          yield { messageId, path: ref.path, data };
        }
      }
    }
  },
});

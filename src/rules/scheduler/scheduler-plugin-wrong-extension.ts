import { defineRule } from '../../engine/define-rule.js';
import { findPlugin, type ExtensionPoint } from '../../knowledge/scheduler.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'scheduler-plugin-wrong-extension',
  area: 'scheduler',
  target: 'component',
  components: ['scheduler-config'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'Plugins are enabled only at extension points they implement.',
  rationale:
    'Enabling a plugin at an extension point it does not implement (a score-only plugin such as ImageLocality or NodeResourcesBalancedAllocation under filter, a filter-only plugin under score) makes kube-scheduler fail at start-up with "plugin does not extend filter plugin". Use multiPoint to enable a plugin everywhere it applies.',
  messages: {
    wrongPoint: 'profile {profile}: {plugin} does not implement {point} (it implements {points}).',
  },
  *check(subject) {
    const c = asComponent(subject, 'scheduler-config');
    if (!c) return;
    for (const profile of c.profiles) {
      for (const [point, set] of Object.entries(profile.plugins)) {
        if (point === 'multiPoint') continue;
        for (const ref of set.enabled) {
          const plugin = findPlugin(ref.name);
          if (!plugin || plugin.points.includes(point as ExtensionPoint)) continue;
          yield {
            messageId: 'wrongPoint',
            path: ref.path,
            data: { profile: profile.schedulerName, plugin: ref.name, point, points: plugin.points.join(', ') },
          };
        }
      }
    }
  },
});

import { defineRule } from '../../engine/define-rule.js';
import { asComponent, canPatch } from '../../model/components/types.js';

export default defineRule({
  id: 'scheduler-weight-outside-score',
  area: 'scheduler',
  target: 'component',
  components: ['scheduler-config'],
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Plugin weights are set only under score (or multiPoint).',
  rationale:
    "Only score plugins have a weight. A weight under filter, preFilter or any other extension point is ignored: the author believes a preference is tuned while scoring uses the default weight. Move the weight to the plugin's score (or multiPoint) entry.",
  messages: {
    ignored: 'profile {profile}: weight {weight} of {plugin} under {point} is ignored; weights only apply to score.',
  },
  *check(subject) {
    const c = asComponent(subject, 'scheduler-config');
    if (!c) return;
    for (const profile of c.profiles) {
      for (const [point, set] of Object.entries(profile.plugins)) {
        if (point === 'score' || point === 'multiPoint') continue;
        for (const ref of set.enabled) {
          if (ref.weight === undefined) continue;
          const fix = canPatch(c) ? [{ op: 'remove' as const, path: [...ref.path, 'weight'] }] : undefined;
          yield {
            messageId: 'ignored',
            path: [...ref.path, 'weight'],
            data: { profile: profile.schedulerName, weight: ref.weight, plugin: ref.name, point },
            ...(fix ? { fix } : {}),
          };
        }
      }
    }
  },
});

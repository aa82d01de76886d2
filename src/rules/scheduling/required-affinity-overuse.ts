import { defineRule } from '../../engine/define-rule.js';
import { nodeSelector, podAffinityTerms, requiredNodeTerms, spreadConstraints } from './pod-scheduling.js';

export default defineRule({
  id: 'required-affinity-overuse',
  area: 'scheduling',
  target: 'workload',
  defaultSeverity: 'info',
  summary: 'Pods do not pile up hard scheduling constraints.',
  rationale:
    'Each hard constraint (nodeSelector label, required node affinity expression, required pod affinity or anti-affinity term, DoNotSchedule spread constraint) removes nodes from the candidates; together they leave pods Pending as soon as the cluster is slightly unbalanced, during node upgrades or after a zone failure. The guide prefers soft constraints (preferredDuringScheduling, ScheduleAnyway) and keeps hard ones for real requirements. Rule option `max` (default 3) sets how many hard constraints are tolerated.',
  messages: {
    tooMany:
      '{count} hard scheduling constraints ({kinds}); max {max}: prefer preferredDuringScheduling or ScheduleAnyway where placement is a wish.',
  },
  *check(workload, { options, thresholds }) {
    const max = typeof options['max'] === 'number' ? options['max'] : thresholds.requiredAffinityMax;
    const parts: [string, number][] = [
      ['nodeSelector', Object.keys(nodeSelector(workload)).length],
      ['node affinity', Math.max(0, ...requiredNodeTerms(workload).map((t) => t.length))],
      ['pod affinity', podAffinityTerms(workload, 'podAffinity', true).length],
      ['pod anti-affinity', podAffinityTerms(workload, 'podAntiAffinity', true).length],
      [
        'DoNotSchedule spread',
        spreadConstraints(workload).filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').length,
      ],
    ];
    const count = parts.reduce((s, [, n]) => s + n, 0);
    if (count <= max) return;
    const kinds = parts
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    yield { messageId: 'tooMany', path: [...workload.podSpecPath, 'affinity'], data: { count, kinds, max } };
  },
});

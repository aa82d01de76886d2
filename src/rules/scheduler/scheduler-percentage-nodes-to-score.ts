import { defineRule } from '../../engine/define-rule.js';
import { adaptivePercentageOfNodesToScore } from '../../knowledge/scheduler.js';
import { FIXED_DEFAULTS } from '../../knowledge/thresholds/component-defaults.js';
import { PERCENT } from '../../core/numbers.js';
import { asComponent } from '../../model/components/types.js';
import { clusterNodes } from '../control-plane/cluster-size.js';

export default defineRule({
  id: 'scheduler-percentage-nodes-to-score',
  area: 'scheduler',
  target: 'component',
  components: ['scheduler-config'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'percentageOfNodesToScore suits the cluster size.',
  rationale:
    'The scheduler stops filtering once it found this share of feasible nodes (never fewer than 100). 100% on a large cluster makes every scheduling cycle visit every node: throughput drops well below the 100 pods/s target. A very low value on a mid-size cluster trades placement quality for nothing. The guide uses 50 for large and 30 for very large clusters; unset (0) keeps the adaptive default (50% minus 1% per 125 nodes, at least 5%). The node count comes from Node objects or the rule option `nodes`.',
  messages: {
    tooHigh:
      '{where}: percentageOfNodesToScore {value} scores {value}% of {nodes} nodes; use 50 or less (adaptive default: {adaptive}).',
    tooLow:
      '{where}: percentageOfNodesToScore {value} on {nodes} nodes scores only about {scored} nodes; leave it unset below 1000 nodes.',
  },
  *check(subject, ctx) {
    const c = asComponent(subject, 'scheduler-config');
    const nodes = clusterNodes(ctx);
    if (!c || nodes === undefined) return;
    const entries = [
      ...(c.percentageOfNodesToScore !== undefined
        ? [{ where: 'global', value: c.percentageOfNodesToScore, path: [...c.base, 'percentageOfNodesToScore'] }]
        : []),
      ...c.profiles.flatMap((p) =>
        p.percentageOfNodesToScore !== undefined
          ? [
              {
                where: `profile ${p.schedulerName}`,
                value: p.percentageOfNodesToScore,
                path: [...p.path, 'percentageOfNodesToScore'],
              },
            ]
          : [],
      ),
    ];
    const { thresholds } = ctx;
    for (const e of entries) {
      if (e.value === 0) continue;
      const scored = Math.max(FIXED_DEFAULTS.schedulerMinFeasibleNodes, Math.round((nodes * e.value) / PERCENT));
      if (nodes >= thresholds.schedulerScoreHighMinNodes && e.value > thresholds.schedulerScoreMaxPercent)
        yield {
          messageId: 'tooHigh',
          path: e.path,
          data: { where: e.where, value: e.value, nodes, adaptive: adaptivePercentageOfNodesToScore(nodes) },
        };
      else if (
        nodes > thresholds.schedulerScoreLowNodes.min &&
        nodes < thresholds.schedulerScoreLowNodes.max &&
        e.value < thresholds.schedulerScoreMinPercent
      )
        yield { messageId: 'tooLow', path: e.path, data: { where: e.where, value: e.value, nodes, scored } };
    }
  },
});

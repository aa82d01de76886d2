import type { RuleContext } from '../../engine/types.js';

/**
 * Node count the rules size against: the `nodes` rule option (for configs audited without the cluster's objects),
 * else the Node objects in the snapshot. Undefined when neither says.
 */
export function clusterNodes(ctx: RuleContext): number | undefined {
  const opt = ctx.options['nodes'];
  if (typeof opt === 'number' && opt > 0) return opt;
  const n = ctx.snapshot.byKind('Node').length;
  return n > 0 ? n : undefined;
}

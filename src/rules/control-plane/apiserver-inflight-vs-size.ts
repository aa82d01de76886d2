import { defineRule } from '../../engine/define-rule.js';
import { tierFor } from '../../knowledge/capacity.js';
import { apiServerDefaultsFor } from '../../knowledge/thresholds/component-defaults.js';
import { apiServerFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { clusterNodes } from './cluster-size.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'apiserver-inflight-vs-size',
  area: 'control-plane',
  target: 'component',
  components: ['kube-apiserver'],
  defaultSeverity: 'warning',
  priority: 'P0',
  fixable: true,
  summary: 'max-requests-inflight and max-mutating-requests-inflight fit the cluster size.',
  rationale:
    "The two limits (defaults 400 and 200) cap the API server's concurrency; with APF they are summed into the total shared by all priority levels. Past ~10 nodes the default is reached by kubelets, controllers and operators alone and clients get 429s and retry. The capacity matrix of the guide raises them per tier (medium 800/400, large 1200/600, 1000+ nodes 3000/1000). The node count comes from the Node objects audited or the rule option `nodes`.",
  messages: {
    tooLow: 'kube-apiserver: --{flag}={value} is below {recommended} recommended for {nodes} nodes ({tier} tier).',
  },
  *check(component, ctx) {
    if (!isFlagsConfig(component)) return;
    const nodes = clusterNodes(ctx);
    if (nodes === undefined) return;
    const tier = tierFor(nodes);
    const wanted = {
      'max-requests-inflight': tier.maxRequestsInflight,
      'max-mutating-requests-inflight': tier.maxMutatingRequestsInflight,
    };
    const object = objectOfComponent(component, ctx.snapshot.resources);
    const flags = apiServerFlags(component);
    const defaults = apiServerDefaultsFor(ctx.kubeVersion);
    const current = {
      'max-requests-inflight': flags.maxRequestsInflight ?? defaults.maxRequestsInflight,
      'max-mutating-requests-inflight': flags.maxMutatingRequestsInflight ?? defaults.maxMutatingRequestsInflight,
    };
    for (const name of ['max-requests-inflight', 'max-mutating-requests-inflight'] as const) {
      const set = current[name];
      const flag = typeof set === 'number' ? undefined : set.flag;
      const value = typeof set === 'number' ? set : set.value;
      if (value === undefined || value === 0 || value >= wanted[name]) continue;
      const fix = setFlagFix(component, name, String(wanted[name]), object);
      yield {
        messageId: 'tooLow',
        path: flag?.path ?? component.argsPath ?? [],
        data: { flag: name, value, recommended: wanted[name], nodes, tier: tier.name },
        ...(fix ? { fix } : {}),
      };
    }
  },
});

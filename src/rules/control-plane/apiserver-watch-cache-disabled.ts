import { defineRule } from '../../engine/define-rule.js';
import { apiServerFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'apiserver-watch-cache-disabled',
  area: 'control-plane',
  target: 'component',
  components: ['kube-apiserver'],
  defaultSeverity: 'warning',
  priority: 'P0',
  fixable: true,
  summary: 'The API server keeps its watch cache.',
  rationale:
    'Without the watch cache every LIST and WATCH goes to etcd: etcd CPU, network and latency grow with every client (kubelets, controllers, operators), and a LIST of all pods becomes a full etcd range read. The guide tunes watch-cache sizes up for large clusters, never off. A resource size of 0 in --watch-cache-sizes disables the cache for that resource.',
  messages: {
    disabled: 'kube-apiserver: --watch-cache=false sends every LIST/WATCH to etcd.',
    zeroSize: 'kube-apiserver: {flag} sets a watch cache size of 0 for {resources}, which disables the cache for them.',
  },
  *check(component, { snapshot }) {
    if (!isFlagsConfig(component)) return;
    const flags = apiServerFlags(component);
    if (flags.watchCache?.value === false) {
      const fix = setFlagFix(component, 'watch-cache', 'true', objectOfComponent(component, snapshot.resources));
      yield { messageId: 'disabled', path: flags.watchCache.flag.path, ...(fix ? { fix } : {}) };
    }
    const sizes = flags.watchCacheSizes?.flag;
    const zero = (sizes?.value ?? '').split(',').filter((s) => /#0$/.test(s.trim()));
    if (sizes && zero.length > 0)
      yield {
        messageId: 'zeroSize',
        path: sizes.path,
        data: { flag: '--watch-cache-sizes', resources: zero.map((s) => s.split('#')[0]).join(', ') },
      };
    const def = flags.defaultWatchCacheSize?.value === 0 ? flags.defaultWatchCacheSize.flag : undefined;
    if (def)
      yield {
        messageId: 'zeroSize',
        path: def.path,
        data: { flag: '--default-watch-cache-size=0', resources: 'every resource without an explicit size' },
      };
  },
});

import { defineRule } from '../../engine/define-rule.js';
import { GUIDE_SYSCTLS } from '../../knowledge/sysctls.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'sysctl-guide-values',
  area: 'runtime-config',
  target: 'component',
  components: ['sysctl'],
  defaultSeverity: 'warning',
  priority: 'P2',
  summary: "Node sysctl files use the guide's values for busy Kubernetes nodes.",
  rationale:
    "Kernel defaults are sized for a single-purpose host: a listen backlog of 4096, 8192 inotify watches, vm.swappiness 60, a max_map_count too small for Elasticsearch. A node running dozens of pods needs the guide's values (section 8): somaxconn 32768-65535, tcp_tw_reuse 1, fin_timeout 30, swappiness 1, dirty ratios 10/5, inotify 1048576/8192, max_map_count 262144.",
  messages: {
    tooLow: "{key} = {value} is below the guide's {min} ({why}).",
    tooHigh: "{key} = {value} is above the guide's {max} ({why}).",
    notEqual: '{key} = {value}; the guide uses {expected} ({why}).',
  },
  *check(subject) {
    const c = asComponent(subject, 'sysctl');
    if (!c) return;
    for (const e of c.entries) {
      const r = GUIDE_SYSCTLS.find((g) => g.name === e.key);
      if (!r) continue;
      const n = Number(e.value.split(' ')[0]);
      const data = { key: e.key, value: e.value, why: r.why };
      if (r.equals !== undefined && e.value !== r.equals)
        yield { messageId: 'notEqual', path: e.path, data: { ...data, expected: r.equals } };
      else if (r.min !== undefined && Number.isFinite(n) && n < r.min)
        yield { messageId: 'tooLow', path: e.path, data: { ...data, min: r.min } };
      else if (r.max !== undefined && Number.isFinite(n) && n > r.max)
        yield { messageId: 'tooHigh', path: e.path, data: { ...data, max: r.max } };
    }
  },
});

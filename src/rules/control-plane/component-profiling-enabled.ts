import { defineRule } from '../../engine/define-rule.js';
import { profilingFlag } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'component-profiling-enabled',
  area: 'control-plane',
  target: 'component',
  components: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Control-plane components run with --profiling=false in production.',
  rationale:
    '--profiling defaults to true on kube-apiserver, kube-controller-manager and kube-scheduler: /debug/pprof is served to anyone allowed to GET it, and a CPU or heap profile taken under load costs the component real time. The guide (section 8) and the CIS benchmark turn it off; enable it on demand when profiling an incident.',
  messages: {
    defaulted: '{component}: --profiling is not set and defaults to true.',
    enabled: '{component}: --profiling={value} serves /debug/pprof.',
  },
  *check(component, { snapshot }) {
    if (!isFlagsConfig(component)) return;
    const profiling = profilingFlag(component);
    if (profiling?.value === false) return;
    const flag = profiling?.flag;
    const fix = setFlagFix(component, 'profiling', 'false', objectOfComponent(component, snapshot.resources));
    const data = { component: component.component, value: flag?.value ?? 'true' };
    const path = flag?.path ?? component.argsPath ?? [];
    yield { messageId: flag ? 'enabled' : 'defaulted', path, data, ...(fix ? { fix } : {}) };
  },
});

import { defineRule } from '../../engine/define-rule.js';
import { SAFETY_FILTER_PLUGINS } from '../../knowledge/scheduler.js';
import { asComponent, type SchedulerPluginSet } from '../../model/components/types.js';

const CONSEQUENCE: Readonly<Record<string, string>> = {
  NodeResourcesFit:
    'pods land on nodes without room for their requests and are rejected by the kubelet (OutOfcpu/OutOfmemory)',
  TaintToleration: 'pods land on tainted nodes (control plane, dedicated, NoSchedule)',
  NodeUnschedulable: 'pods land on cordoned nodes being drained',
};

const mentions = (set: SchedulerPluginSet | undefined, key: 'enabled' | 'disabled', name: string) =>
  set?.[key].find((p) => p.name === name || p.name === '*');

export default defineRule({
  id: 'scheduler-safety-filter-disabled',
  area: 'scheduler',
  target: 'component',
  components: ['scheduler-config'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'NodeResourcesFit, TaintToleration and NodeUnschedulable stay enabled as filters.',
  rationale:
    'These three filters keep pods off full, tainted and cordoned nodes. Disabling them, by name or with "*" under filter or multiPoint without enabling them again, is a common way to "speed up" scheduling copied from benchmarks; the scheduler then binds pods the kubelet rejects or that run on nodes being drained.',
  messages: { disabled: 'profile {profile}: {plugin} is disabled at {point}{how}; {consequence}.' },
  *check(subject) {
    const c = asComponent(subject, 'scheduler-config');
    if (!c) return;
    for (const profile of c.profiles) {
      for (const plugin of SAFETY_FILTER_PLUGINS) {
        for (const point of ['filter', 'multiPoint'] as const) {
          const set = profile.plugins[point];
          const off = mentions(set, 'disabled', plugin);
          if (!off) continue;
          const back =
            set?.enabled.find((p) => p.name === plugin) ??
            (point === 'filter' ? mentions(profile.plugins['multiPoint'], 'enabled', plugin) : undefined);
          if (back && back.name === plugin) continue;
          yield {
            messageId: 'disabled',
            path: off.path,
            data: {
              profile: profile.schedulerName,
              plugin,
              point,
              how: off.name === '*' ? ' (via "*")' : '',
              consequence: CONSEQUENCE[plugin]!,
            },
          };
        }
      }
    }
  },
});

import { roundTo } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { etcdDefaultsFor } from '../../knowledge/thresholds/component-defaults.js';
import { etcdFlags } from '../../model/components/flag-views.js';
import { isFlagsConfig } from '../../model/components/types.js';
import { objectOfComponent, setFlagFix } from './flag-fix.js';

export default defineRule({
  id: 'etcd-election-timeout',
  area: 'control-plane',
  target: 'component',
  components: ['etcd'],
  defaultSeverity: 'warning',
  priority: 'P0',
  fixable: true,
  summary: 'etcd election timeout is at least 10 times the heartbeat interval.',
  rationale:
    'A follower starts an election when it misses heartbeats for --election-timeout. etcd refuses to start below 5x --heartbeat-interval, and its tuning guide (and the guide, 100 ms / 1000 ms) keeps 10x: below that a single slow fsync or network hiccup causes leader changes, every write in flight fails and the API server retries.',
  messages: {
    tooShort: 'etcd: --election-timeout={election} ms is {ratio}x --heartbeat-interval={heartbeat} ms (minimum 10x).',
  },
  *check(component, { kubeVersion, snapshot, thresholds }) {
    if (!isFlagsConfig(component)) return;
    const { heartbeatIntervalMs: hb, electionTimeoutMs: el } = etcdFlags(component);
    if (!hb && !el) return;
    const defaults = etcdDefaultsFor(kubeVersion);
    const heartbeat = hb ? hb.value : defaults.heartbeatIntervalMs;
    const election = el ? el.value : defaults.electionTimeoutMs;
    const min = thresholds.etcdElectionToHeartbeatMin;
    if (heartbeat === undefined || election === undefined || election >= min * heartbeat) return;
    const fix = setFlagFix(
      component,
      'election-timeout',
      String(min * heartbeat),
      objectOfComponent(component, snapshot.resources),
    );
    yield {
      messageId: 'tooShort',
      path: (el ?? hb)!.flag.path,
      data: { election, heartbeat, ratio: roundTo(election / heartbeat, 1) },
      ...(fix ? { fix } : {}),
    };
  },
});

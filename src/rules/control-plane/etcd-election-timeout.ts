import { defineRule } from '../../engine/define-rule.js';
import { flagOf, isFlagsConfig } from '../../model/components/types.js';
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
  *check(component, { snapshot }) {
    if (!isFlagsConfig(component)) return;
    const hb = flagOf(component, 'heartbeat-interval');
    const el = flagOf(component, 'election-timeout');
    if (!hb && !el) return;
    const heartbeat = Number(hb?.value ?? 100);
    const election = Number(el?.value ?? 1000);
    if (!Number.isFinite(heartbeat) || !Number.isFinite(election) || election >= 10 * heartbeat) return;
    const fix = setFlagFix(
      component,
      'election-timeout',
      String(10 * heartbeat),
      objectOfComponent(component, snapshot.resources),
    );
    yield {
      messageId: 'tooShort',
      path: (el ?? hb)!.path,
      data: { election, heartbeat, ratio: Math.round((election / heartbeat) * 10) / 10 },
      ...(fix ? { fix } : {}),
    };
  },
});

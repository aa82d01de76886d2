import { defineRule } from '../../engine/define-rule.js';
import { asString } from '../../model/object.js';
import { asComponent } from '../../model/components/types.js';

const RELEASES = 'https://docs.docker.com/engine/deprecated/';
const REMOVED: Readonly<Record<string, string>> = {
  graph: 'data-root',
  'cluster-store': 'nothing (legacy overlay networking was removed)',
  'cluster-advertise': 'nothing (legacy overlay networking was removed)',
  'cluster-store-opts': 'nothing (legacy overlay networking was removed)',
};
const REMOVED_DRIVERS: Readonly<Record<string, string>> = { aufs: '24.0', overlay: '24.0', devicemapper: '25.0' };

export default defineRule({
  id: 'docker-option-unsafe',
  area: 'runtime-config',
  target: 'component',
  components: ['docker'],
  defaultSeverity: 'error',
  priority: 'P0',
  summary: 'Docker daemon.json has no removed options and nothing that breaks pod networking.',
  rationale: `dockerd refuses to start with options removed from the engine (graph, cluster-store, storage drivers aufs/overlay/devicemapper; see ${RELEASES}). "iptables": false or "ip-forward": false stop the NAT and forwarding pods and Services rely on: traffic between nodes and to the outside silently drops.`,
  messages: {
    removed: '{key} was removed from Docker Engine; use {replacement}.',
    driverRemoved: 'storage-driver {driver} was removed in Docker Engine {version}; use overlay2.',
    breaksNetworking:
      '"{key}": false disables what pod networking needs (NAT and forwarding between pods, nodes and Services).',
  },
  *check(subject) {
    const c = asComponent(subject, 'docker');
    if (!c) return;
    for (const [key, replacement] of Object.entries(REMOVED))
      if (key in c.raw) yield { messageId: 'removed', path: [key], data: { key, replacement } };
    const driver = asString(c.raw['storage-driver']);
    if (driver && REMOVED_DRIVERS[driver])
      yield {
        messageId: 'driverRemoved',
        path: ['storage-driver'],
        data: { driver, version: REMOVED_DRIVERS[driver]! },
      };
    for (const key of ['iptables', 'ip-forward'])
      if (c.raw[key] === false) yield { messageId: 'breaksNetworking', path: [key], data: { key } };
  },
});

import { defineRule } from '../../engine/define-rule.js';
import { asRecord, asString } from '../../model/object.js';
import { asComponent } from '../../model/components/types.js';

export default defineRule({
  id: 'docker-log-rotation-missing',
  area: 'runtime-config',
  target: 'component',
  components: ['docker'],
  defaultSeverity: 'warning',
  priority: 'P1',
  summary: 'Docker rotates json-file container logs.',
  rationale:
    "Docker's default json-file log driver never rotates: one chatty container fills /var/lib/docker and the node goes DiskPressure, evicting every pod on it. The guide sets log-opts max-size and max-file (e.g. 100m x 3) or the local driver, which rotates by default.",
  messages: { unbounded: 'log-driver {driver} without log-opts.max-size: container logs grow until the disk is full.' },
  *check(subject) {
    const c = asComponent(subject, 'docker');
    if (!c) return;
    const driver = asString(c.raw['log-driver']) ?? 'json-file';
    if (driver !== 'json-file') return;
    if (asRecord(c.raw['log-opts'])['max-size'] !== undefined) return;
    yield {
      messageId: 'unbounded',
      path: [c.raw['log-driver'] !== undefined ? 'log-driver' : 'log-opts'],
      data: { driver },
    };
  },
});

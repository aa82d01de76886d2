import { defineRule } from '../../engine/define-rule.js';
import { asArray, asRecord } from '../../model/object.js';

export default defineRule({
  id: 'local-pv-without-node-affinity',
  area: 'storage',
  target: 'object',
  kinds: ['PersistentVolume'],
  defaultSeverity: 'error',
  summary: 'Local and hostPath PersistentVolumes are pinned to their node with nodeAffinity.',
  rationale:
    'A local (or hostPath) PersistentVolume is a directory on one node. The scheduler only knows which node through spec.nodeAffinity: without it the API server rejects a local PV, and a hostPath PV lets the pod start on any node, where it finds an empty directory instead of its data. The guide recommends local PVs for databases; they must carry required nodeAffinity on kubernetes.io/hostname and a StorageClass with WaitForFirstConsumer.',
  messages: {
    missing: '{source} PersistentVolume without required nodeAffinity: {consequence}.',
  },
  *check(resource) {
    const spec = asRecord(resource.object['spec']);
    const source = spec['local'] !== undefined ? 'local' : spec['hostPath'] !== undefined ? 'hostPath' : undefined;
    if (!source) return;
    const terms = asArray(asRecord(asRecord(asRecord(spec['nodeAffinity'])['required']))['nodeSelectorTerms']);
    if (terms.length > 0) return;
    const consequence =
      source === 'local' ? 'the API server rejects it' : 'pods may start on another node and see an empty directory';
    yield { messageId: 'missing', path: ['spec', 'nodeAffinity'], data: { source, consequence } };
  },
});

import { defineRule } from '../../engine/define-rule.js';
import { allClaims } from './storage-claims.js';

/** How many class names a message lists. */
const LISTED = 6;

export default defineRule({
  id: 'pvc-storageclass-missing',
  area: 'storage',
  target: 'cluster',
  defaultSeverity: 'error',
  summary: 'PersistentVolumeClaims name a StorageClass that exists.',
  rationale:
    'A claim whose storageClassName names no StorageClass is never provisioned: it stays Pending, and so does every pod that mounts it (a StatefulSet stops at its first replica). There is no error on the claim itself beyond an event. Checked against the StorageClasses in the input (a live audit has them all); when the input defines none the rule stays silent. An empty storageClassName ("") deliberately disables dynamic provisioning and is not flagged.',
  messages: {
    missing:
      'claim {claim} asks for StorageClass {storageClass}, which does not exist (known: {known}): it stays Pending.',
  },
  *check(snapshot) {
    const classes = [...new Set(snapshot.byKind('StorageClass').map((r) => r.ref.name))].sort();
    if (classes.length === 0) return;
    for (const c of allClaims(snapshot)) {
      if (c.storageClassName === undefined || c.storageClassName === '' || classes.includes(c.storageClassName))
        continue;
      yield {
        messageId: 'missing',
        path: c.path,
        at: c.at,
        data: {
          claim: c.name,
          storageClass: c.storageClassName,
          known: classes.length > LISTED ? `${classes.slice(0, LISTED).join(', ')}, …` : classes.join(', '),
        },
      };
    }
  },
});

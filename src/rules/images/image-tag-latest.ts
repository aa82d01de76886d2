import { defineRule } from '../../engine/define-rule.js';
import { parseImage } from '../../knowledge/images.js';

export default defineRule({
  id: 'image-tag-latest',
  area: 'images',
  target: 'workload',
  defaultSeverity: 'warning',
  summary: 'Images are pinned to a tag other than latest (or a digest).',
  rationale:
    'With `latest` or no tag, every node may run a different build, rollbacks do nothing, and imagePullPolicy defaults to Always: every pod start waits for a registry round-trip, slowing scale-out and making pod start-up depend on the registry.',
  messages: {
    latest: '{container}: image {image} uses the latest tag.',
    untagged: '{container}: image {image} has no tag (means latest).',
  },
  *check(workload) {
    for (const c of [...workload.containers, ...workload.initContainers]) {
      if (!c.image) continue;
      const ref = parseImage(c.image);
      if (ref.digest) continue;
      const path = [...c.path, 'image'];
      if (ref.tag === undefined) yield { messageId: 'untagged', path, data: { container: c.name, image: c.image } };
      else if (ref.tag === 'latest') yield { messageId: 'latest', path, data: { container: c.name, image: c.image } };
    }
  },
});

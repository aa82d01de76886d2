import { defineRule } from '../../engine/define-rule.js';
import { FROZEN_REGISTRIES, parseImage } from '../../knowledge/images.js';

export default defineRule({
  id: 'image-registry-frozen',
  area: 'images',
  target: 'workload',
  defaultSeverity: 'warning',
  fixable: true,
  summary: 'Images do not come from a frozen registry such as k8s.gcr.io.',
  rationale:
    'k8s.gcr.io was frozen on 2023-04-03: it receives no new images or patches and only redirects to registry.k8s.io, which may stop. Pulls through the redirect are slower and fail in air-gapped or allow-listed networks.',
  messages: { frozen: '{container}: image {image} comes from {registry}, frozen since {since}; use {replacement}.' },
  *check(workload) {
    for (const c of [...workload.containers, ...workload.initContainers]) {
      if (!c.image) continue;
      const ref = parseImage(c.image);
      const frozen = FROZEN_REGISTRIES.find((r) => r.registry === ref.registry);
      if (!frozen) continue;
      const path = [...c.path, 'image'];
      yield {
        messageId: 'frozen',
        path,
        data: {
          container: c.name,
          image: c.image,
          registry: frozen.registry,
          since: frozen.frozenSince,
          replacement: frozen.replacement,
        },
        fix: [{ op: 'replace', path, value: frozen.replacement + c.image.slice(frozen.registry.length) }],
      };
    }
  },
});

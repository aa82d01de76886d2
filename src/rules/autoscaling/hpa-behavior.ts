import { defineRule } from '../../engine/define-rule.js';
import { asNumber, asRecord } from '../../model/object.js';
import { hpaView } from './hpa-view.js';

export default defineRule({
  id: 'hpa-behavior',
  area: 'autoscaling',
  target: 'object',
  kinds: ['HorizontalPodAutoscaler'],
  defaultSeverity: 'info',
  summary: 'HPAs state their scaling behavior, with a scale-down stabilization window that prevents flapping.',
  rationale:
    'Without spec.behavior an HPA scales up immediately to whatever a single metric sample says (up to doubling, or +4 pods, every 15 s) and scales down after the default 300 s window: bursty metrics make replica counts saw-tooth, with cold starts on every step up. Explicit behavior documents the intent: a scale-up policy that matches start-up time and a scale-down stabilization window (the default 300 s is a good start). A window below 60 s makes the HPA flap. autoscaling/v1 HPAs cannot express behavior at all: move to autoscaling/v2.',
  messages: {
    noBehavior:
      'no spec.behavior: scale-up reacts to every metric spike and the policy is implicit; state scaleUp and scaleDown behavior.',
    v1: 'autoscaling/v1 cannot express scaling behavior (or memory and custom metrics); use autoscaling/v2.',
    shortScaleDown:
      'scaleDown stabilizationWindowSeconds is {window}s (min {min}s): the HPA will flap on noisy metrics.',
  },
  *check(resource, { thresholds }) {
    const hpa = hpaView(resource);
    if (hpa.isV1) {
      yield { messageId: 'v1', path: ['apiVersion'], data: {} };
      return;
    }
    if (!hpa.behavior) {
      yield { messageId: 'noBehavior', path: ['spec'], data: {} };
      return;
    }
    const window = asNumber(asRecord(hpa.behavior['scaleDown'])['stabilizationWindowSeconds']);
    const min = thresholds.hpaScaleDownWindowMinSeconds;
    if (window !== undefined && window < min)
      yield {
        messageId: 'shortScaleDown',
        path: ['spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds'],
        data: { window, min },
      };
  },
});

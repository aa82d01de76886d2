/** The guide profile's runtime targets in the shape rightsizing reads (values: ./runtime.ts). */
import { PROFILES } from './catalogue.js';

const guide = PROFILES.guide;

export const RUNTIME_GUIDE = {
  jvmHeapShare: guide.jvmHeapShare,
  jvmHeapShareMax: guide.jvmHeapShareRange.max,
  jvmHeapShareMin: guide.jvmHeapShareRange.min,
  goMemLimitShare: guide.goMemLimitShare,
  goMemLimitShareMax: guide.goMemLimitShareMax,
  nodeHeapShare: guide.nodeHeapShare,
  nodeHeapShareMax: guide.nodeHeapShareMax,
} as const;

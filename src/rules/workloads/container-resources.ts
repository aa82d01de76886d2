import { roundTo } from '../../core/numbers.js';
import { formatBytes, formatCpu } from '../../core/units.js';
import type { Ceiling, Range } from '../../knowledge/profiles.js';
import type { JsonPath } from '../../core/json-path.js';
import type { ContainerView, Workload } from '../../model/workload.js';

/**
 * Containers whose resources count for scheduling and the node's cgroups: app containers, native
 * sidecars, and init containers (their requests set the pod's effective request while they run).
 * Ephemeral containers cannot declare resources and are left out.
 */
export const sizedContainers = (w: Workload): readonly ContainerView[] => [...w.containers, ...w.initContainers];

export const resourcePath = (c: ContainerView, kind: 'requests' | 'limits', name: 'cpu' | 'memory'): JsonPath => [
  ...c.path,
  'resources',
  kind,
  name,
];

export const containerLabel = (c: ContainerView): string =>
  c.kind === 'container' ? c.name : c.isSidecar ? `${c.name} (sidecar)` : `${c.name} (init)`;

/** Violations for containers that do not declare `kind` of `resource` (a request defaulted from a limit counts as declared). */
export function* missingResource(w: Workload, resource: 'cpu' | 'memory', kind: 'request' | 'limit') {
  for (const c of sizedContainers(w)) {
    const pair = c[resource];
    if ((kind === 'request' ? pair.effectiveRequest : pair.limit) !== undefined) continue;
    yield {
      messageId: 'missing' as const,
      path: resourcePath(c, kind === 'request' ? 'requests' : 'limits', resource),
      data: { container: containerLabel(c) },
    };
  }
}

/**
 * Limit/request ratio above the profile's maximum (or below the request), with a fix that lowers the limit to the
 * maximum. Memory stops here: it has no minimum ratio.
 */
export function* ceilingViolations(w: Workload, resource: 'cpu' | 'memory', ceiling: Ceiling) {
  for (const c of sizedContainers(w)) {
    const { request, limit } = c[resource];
    if (request === undefined || limit === undefined || request <= 0) continue;
    const ratio = roundTo(limit / request, 6); // 300m / 200m is 1.4999999999999998 in floats
    const path = resourcePath(c, 'limits', resource);
    const data = { container: containerLabel(c), ratio: round(ratio), max: ceiling.max };
    const format = resource === 'cpu' ? formatCpu : formatBytes;
    if (ratio < 1) yield { messageId: 'belowRequest' as const, path, data };
    else if (ratio > ceiling.max)
      yield {
        messageId: 'tooHigh' as const,
        path,
        data,
        fix: [{ op: 'replace' as const, path, value: format(request * ceiling.max) }],
      };
  }
}

/** Limit/request ratio outside the profile's range (CPU), with a fix that moves the limit into the range. */
export function* ratioViolations(w: Workload, resource: 'cpu' | 'memory', range: Range) {
  yield* ceilingViolations(w, resource, range);
  for (const c of sizedContainers(w)) {
    const { request, limit } = c[resource];
    if (request === undefined || limit === undefined || request <= 0) continue;
    const ratio = roundTo(limit / request, 6);
    if (!(ratio > 1 && ratio < range.min)) continue;
    const path = resourcePath(c, 'limits', resource);
    const data = { container: containerLabel(c), ratio: round(ratio), min: range.min, max: range.max };
    const value = (resource === 'cpu' ? formatCpu : formatBytes)(request * range.min);
    yield { messageId: 'tooLow' as const, path, data, fix: [{ op: 'replace' as const, path, value }] };
  }
}

const round = (n: number): number => roundTo(n, 2);

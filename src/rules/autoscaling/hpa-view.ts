import type { JsonPath } from '../../core/json-path.js';
import { asArray, asNumber, asRecord, asString, namespaceOf, type Resource } from '../../model/object.js';
import type { Snapshot } from '../../model/snapshot.js';
import { toWorkload, type Workload } from '../../model/workload.js';

export interface HpaMetric {
  readonly type: string;
  /** cpu / memory for Resource and ContainerResource metrics. */
  readonly resource?: string;
  readonly container?: string;
  /** Utilization, AverageValue, Value. */
  readonly targetType?: string;
  readonly path: JsonPath;
}

export interface HpaView {
  readonly resource: Resource;
  readonly namespace: string;
  readonly minReplicas: number;
  readonly maxReplicas?: number;
  readonly target: { readonly kind: string; readonly name: string };
  readonly metrics: readonly HpaMetric[];
  readonly behavior?: Readonly<Record<string, unknown>>;
  readonly isV1: boolean;
}

/** One view over autoscaling/v1, v2beta1, v2beta2 and v2 HorizontalPodAutoscalers. */
export function hpaView(resource: Resource): HpaView {
  const spec = asRecord(resource.object['spec']);
  const ref = asRecord(spec['scaleTargetRef']);
  const isV1 = resource.object.apiVersion === 'autoscaling/v1';
  const metrics: HpaMetric[] = isV1
    ? spec['targetCPUUtilizationPercentage'] !== undefined
      ? [
          {
            type: 'Resource',
            resource: 'cpu',
            targetType: 'Utilization',
            path: ['spec', 'targetCPUUtilizationPercentage'],
          },
        ]
      : []
    : asArray(spec['metrics']).map((m, i) => {
        const rec = asRecord(m);
        const type = asString(rec['type']) ?? '';
        const body = asRecord(type === 'ContainerResource' ? rec['containerResource'] : rec['resource']);
        const target = asRecord(body['target']);
        const targetType =
          asString(target['type']) ?? (body['targetAverageUtilization'] !== undefined ? 'Utilization' : undefined);
        const resourceName = asString(body['name']);
        const container = asString(body['container']);
        return {
          type,
          ...(resourceName ? { resource: resourceName } : {}),
          ...(container ? { container } : {}),
          ...(targetType ? { targetType } : {}),
          path: ['spec', 'metrics', i],
        };
      });
  const max = asNumber(spec['maxReplicas']);
  const behavior = spec['behavior'];
  return {
    resource,
    namespace: namespaceOf(resource.object) ?? 'default',
    minReplicas: asNumber(spec['minReplicas']) ?? 1,
    ...(max !== undefined ? { maxReplicas: max } : {}),
    target: { kind: asString(ref['kind']) ?? '', name: asString(ref['name']) ?? '' },
    metrics,
    ...(behavior && typeof behavior === 'object' ? { behavior: behavior as Record<string, unknown> } : {}),
    isV1,
  };
}

/** The workload an HPA scales, when it is in the snapshot. */
export function hpaTarget(snapshot: Snapshot, hpa: HpaView): Workload | undefined {
  const r = snapshot.get(hpa.target.kind, hpa.namespace, hpa.target.name);
  return r ? toWorkload(r) : undefined;
}

/** Every HPA of the snapshot, as views. */
export const allHpas = (snapshot: Snapshot): HpaView[] => snapshot.byKind('HorizontalPodAutoscaler').map(hpaView);

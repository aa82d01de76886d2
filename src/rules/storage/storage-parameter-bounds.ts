import { GIB, roundTo } from '../../core/numbers.js';
import { defineRule } from '../../engine/define-rule.js';
import { tryParseQuantity } from '../../core/units.js';
import { EBS_PROVISIONERS, EBS_VOLUME_BOUNDS, type EbsVolumeBounds } from '../../knowledge/storage.js';
import { asRecord, asString } from '../../model/object.js';
import { claimsOfClass } from './storage-claims.js';

const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));

const outside = (v: number, [min, max]: readonly [number, number]): boolean => v < min || v > max;

/** Violations of one class's own parameters: IOPS and throughput ranges, throughput per IOPS. */
function* parameterViolations(
  type: string,
  b: EbsVolumeBounds,
  iops: number | undefined,
  throughput: number | undefined,
) {
  if (iops !== undefined && outside(iops, b.iops))
    yield {
      messageId: 'iopsRange' as const,
      path: ['parameters', 'iops'],
      data: { type, iops, min: b.iops[0], max: b.iops[1] },
    };
  if (throughput === undefined) return;
  const path = ['parameters', 'throughput'];
  if (b.throughputMiBs && outside(throughput, b.throughputMiBs))
    yield {
      messageId: 'throughputRange' as const,
      path,
      data: { type, throughput, min: b.throughputMiBs[0], max: b.throughputMiBs[1] },
    };
  const effectiveIops = iops ?? b.iops[0];
  if (b.throughputPerIops && throughput > effectiveIops * b.throughputPerIops) {
    const needed = Math.ceil(throughput / b.throughputPerIops);
    yield {
      messageId: 'throughputPerIops' as const,
      path,
      data: { type, throughput, needed, ratio: b.throughputPerIops, iops: effectiveIops },
    };
  }
}

export default defineRule({
  id: 'storage-parameter-bounds',
  area: 'storage',
  target: 'object',
  kinds: ['StorageClass'],
  defaultSeverity: 'error',
  summary: 'Provisioned IOPS and throughput of cloud volumes stay within what the provider accepts.',
  rationale:
    'The CSI driver passes StorageClass parameters straight to the cloud API, which rejects out-of-range values: the PVC stays Pending with a ProvisioningFailed event only visible in kubectl describe. AWS EBS gp3 accepts 3000-16000 IOPS, at most 500 IOPS per GiB and 125-1000 MiB/s with at most 0.25 MiB/s per IOPS; io1 100-64000 IOPS (50 per GiB); io2 100-256000 IOPS (1000 per GiB). The per-GiB bound is checked against the PVCs of the class in the input. Data: knowledge/storage.ts.',
  messages: {
    iopsRange: '{type}: iops {iops} is outside {min}-{max}.',
    throughputRange: '{type}: throughput {throughput} MiB/s is outside {min}-{max} MiB/s.',
    throughputPerIops:
      '{type}: throughput {throughput} MiB/s needs at least {needed} IOPS (max {ratio} MiB/s per IOPS); iops is {iops}.',
    iopsPerGiB: '{type}: claim {claim} of {size} GiB gets {iops} IOPS, above {max} IOPS per GiB: provisioning fails.',
  },
  *check(resource, { snapshot }) {
    if (!EBS_PROVISIONERS.has(asString(resource.object['provisioner']) ?? '')) return;
    const params = asRecord(resource.object['parameters']);
    const type = (asString(params['type']) ?? 'gp3').toLowerCase();
    const b = EBS_VOLUME_BOUNDS[type];
    if (!b) return;
    const iops = num(params['iops']);
    yield* parameterViolations(type, b, iops, num(params['throughput']));
    if (iops === undefined) return;
    for (const claim of claimsOfClass(snapshot, resource.ref.name)) {
      const gib = (tryParseQuantity(claim.storage) ?? 0) / GIB;
      if (gib <= 0 || iops / gib <= b.iopsPerGiB) continue;
      const data = { type, claim: claim.name, size: roundTo(gib, 2), iops, max: b.iopsPerGiB };
      yield { messageId: 'iopsPerGiB' as const, path: claim.path, at: claim.at, data };
    }
  },
});

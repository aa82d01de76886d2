import { Job } from 'kubernetes-models/batch/v1';
import { PersistentVolumeClaim, Pod, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { QUICK_PROFILE } from '../local-suites.js';
import { benchSelector, BENCH_LABELS } from './labels.js';
import { clusterPlan, DEFAULT_IMAGES, type ClusterPlanOptions } from './manifests.js';

const base: ClusterPlanOptions = {
  runId: '20260101-000000-abcd',
  namespace: 'kubetune-bench',
  suite: 'quick',
  profile: QUICK_PROFILE,
  images: DEFAULT_IMAGES,
  storageClasses: ['gp3', 'local-path'],
  nodeSelector: { 'node.kubernetes.io/instance-type': 'm6i.large' },
};

type Obj = {
  kind: string;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: Record<string, unknown>;
};
const objects = (o: ClusterPlanOptions = base): Obj[] => clusterPlan(o).objects as Obj[];
const VALIDATORS: Record<string, (o: unknown) => void> = {
  Job: (o) => new Job(o as never).validate(),
  Pod: (o) => new Pod(o as never).validate(),
  Service: (o) => new Service(o as never).validate(),
  PersistentVolumeClaim: (o) => new PersistentVolumeClaim(o as never).validate(),
};

describe('cluster plan', () => {
  it('every object is schema-valid, in the bench namespace, labelled with the run id', () => {
    for (const o of objects()) {
      expect(VALIDATORS[o.kind], o.kind).toBeDefined();
      expect(() => VALIDATORS[o.kind]?.(o), o.metadata.name).not.toThrow();
      expect(o.metadata.namespace).toBe('kubetune-bench');
      expect(o.metadata.labels).toMatchObject({ [BENCH_LABELS.managedBy]: 'kubetune', [BENCH_LABELS.run]: base.runId });
      expect(o.metadata.name.length).toBeLessThanOrEqual(63);
    }
    expect(benchSelector(base.runId)).toBe(
      `app.kubernetes.io/managed-by=kubetune,app.kubernetes.io/component=bench,kubetune.io/bench-run=${base.runId}`,
    );
  });
  it('every Job has a deadline, a TTL, no retries, Guaranteed resources and the node selection', () => {
    const jobs = objects().filter((o) => o.kind === 'Job');
    expect(jobs.length).toBe(2 + 5 * 2 + 2); // cpu, memory; 5 fio tests per class; iperf3 tcp, udp
    for (const j of jobs) {
      const spec = j.spec as {
        activeDeadlineSeconds: number;
        ttlSecondsAfterFinished: number;
        backoffLimit: number;
        template: {
          spec: {
            nodeSelector: unknown;
            restartPolicy: string;
            containers: { resources: { requests: unknown; limits: unknown } }[];
          };
        };
      };
      expect(spec.activeDeadlineSeconds).toBeGreaterThan(0);
      expect(spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
      expect(spec.backoffLimit).toBe(0);
      expect(spec.template.spec.restartPolicy).toBe('Never');
      expect(spec.template.spec.nodeSelector).toEqual(base.nodeSelector);
      const c = spec.template.spec.containers[0];
      expect(c?.resources.requests).toEqual(c?.resources.limits);
    }
  });
  it("one PVC per StorageClass, mounted by that class's fio Jobs; the etcd test is among them", () => {
    const pvcs = objects().filter((o) => o.kind === 'PersistentVolumeClaim');
    expect(pvcs.map((p) => p.spec['storageClassName'])).toEqual(['gp3', 'local-path']);
    const plan = clusterPlan(base);
    const etcd = plan.jobs.filter((j) => j.test.id === 'disk-fdatasync');
    expect(etcd.map((j) => j.subject)).toEqual(['storageclass/gp3', 'storageclass/local-path']);
    const etcdJob = plan.objects.find((o) => (o as Obj).metadata.name === etcd[0]?.name) as Obj;
    expect(JSON.stringify(etcdJob)).toContain('"--fdatasync=1"');
    expect(JSON.stringify(etcdJob)).toContain('"claimName":"bench-20260101-000000-abcd-gp3"');
  });
  it("without StorageClasses the disk tests use the node's own disk", () => {
    const plan = clusterPlan({ ...base, storageClasses: [] });
    expect(plan.objects.some((o) => (o as Obj).kind === 'PersistentVolumeClaim')).toBe(false);
    expect(new Set(plan.jobs.filter((j) => j.test.tool === 'fio').map((j) => j.subject))).toEqual(
      new Set(['emptyDir']),
    );
  });
  it('iperf3 clients reach the server through its Service from another node', () => {
    const plan = clusterPlan(base);
    const svc = plan.objects.find((o) => (o as Obj).kind === 'Service') as Obj;
    const client = plan.objects.find((o) => (o as Obj).metadata.name.endsWith('net-tcp-cross-node')) as Obj;
    expect(JSON.stringify(client)).toContain(`"-c","${svc.metadata.name}.kubetune-bench.svc"`);
    expect(JSON.stringify(client)).toContain('"topologyKey":"kubernetes.io/hostname"');
  });
  it('images come from the options (--image / bench.yaml), for a mirror', () => {
    const plan = clusterPlan({ ...base, images: { ...DEFAULT_IMAGES, fio: 'mirror.example/fio:3.33' } });
    expect(JSON.stringify(plan.objects)).toContain('"image":"mirror.example/fio:3.33"');
  });
  it('the network suite creates only the iperf3 objects, the storage suite only disk ones', () => {
    expect(new Set(objects({ ...base, suite: 'network' }).map((o) => o.metadata.labels[BENCH_LABELS.test]))).toEqual(
      new Set(['iperf3-server', 'net-tcp', 'net-udp']),
    );
    expect(
      objects({ ...base, suite: 'storage' }).every(
        (o) => o.kind === 'PersistentVolumeClaim' || o.metadata.labels[BENCH_LABELS.test]?.startsWith('disk'),
      ),
    ).toBe(true);
  });
  it('stress-ng writes its YAML metrics to stdout, where the runner reads the pod log', () => {
    const cpu = clusterPlan(base).objects.find((o) => (o as Obj).metadata.labels[BENCH_LABELS.test] === 'cpu');
    expect(JSON.stringify(cpu)).toContain('"--metrics","--yaml","/dev/stdout"');
  });
});

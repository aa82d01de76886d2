import { parseBytes } from '../../core/units.js';
import { localTests, type LocalProfile, type LocalTest } from '../local-suites.js';
import type { SuiteName } from '../../model/bench.js';
import { benchLabels, BENCH_LABELS, objectName } from './labels.js';

export type BenchImage = 'stress-ng' | 'fio' | 'iperf3';

/** Default images: the tool as entrypoint. Pin a digest or point at a mirror with `--image stress-ng=…` / bench.yaml. */
export const DEFAULT_IMAGES: Readonly<Record<BenchImage, string>> = {
  'stress-ng': 'ghcr.io/colinianking/stress-ng:latest',
  fio: 'docker.io/ljishen/fio:latest',
  iperf3: 'docker.io/networkstatic/iperf3:latest',
};

export interface ClusterPlanOptions {
  readonly runId: string;
  readonly namespace: string;
  readonly suite: SuiteName;
  readonly profile: LocalProfile;
  readonly images: Readonly<Record<BenchImage, string>>;
  /** Node selection for every benchmark pod (a node pool, a zone). */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /** StorageClasses to measure, one PVC each; empty measures the node's own disk (emptyDir). */
  readonly storageClasses: readonly string[];
  /** Size of each PVC (default 2Gi: fio's files plus the etcd test's). */
  readonly volumeSize?: string;
}

type Obj = Record<string, unknown>;

/** Where one benchmark's output comes from, for the runner: the Job, its test, and its subject. */
export interface PlannedJob {
  readonly name: string;
  readonly test: LocalTest;
  readonly subject: string;
}

export interface ClusterPlan {
  /** Objects in creation order (PVCs and the iperf3 server before the Jobs that use them). */
  readonly objects: readonly Obj[];
  readonly jobs: readonly PlannedJob[];
}

const IPERF_PORT = 5201;
const TTL_SECONDS = 600;
const MI = 2 ** 20;

/** stress-ng's vm size (binary suffixes) plus 25 % and 128 MiB of headroom, as a memory limit. */
function vmLimit(vmBytes: string): string {
  const bytes = parseBytes(vmBytes.replace(/([kmgt])$/i, (u) => `${u.toUpperCase()}i`));
  return `${Math.ceil((bytes * 1.25) / MI) + 128}Mi`;
}

const meta = (o: ClusterPlanOptions, name: string, test: string): Obj => ({
  name,
  namespace: o.namespace,
  labels: benchLabels(o.runId, test),
});

function resources(test: LocalTest, o: ClusterPlanOptions): Obj {
  const memory = test.id === 'memory' ? vmLimit(o.profile.vmBytes) : test.tool === 'fio' ? '512Mi' : '256Mi';
  const r = { cpu: '1', memory };
  return { requests: r, limits: r }; // Guaranteed: the benchmark is not squeezed by its own QoS class
}

function podSpec(o: ClusterPlanOptions, container: Obj, extra: Obj = {}): Obj {
  return {
    restartPolicy: 'Never',
    terminationGracePeriodSeconds: 5,
    automountServiceAccountToken: false,
    ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
    containers: [container],
    ...extra,
  };
}

function job(o: ClusterPlanOptions, name: string, test: LocalTest, pod: Obj): Obj {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(o, name, test.id),
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: test.deadlineSeconds,
      ttlSecondsAfterFinished: TTL_SECONDS,
      template: { metadata: { labels: benchLabels(o.runId, test.id) }, spec: pod },
    },
  };
}

function container(o: ClusterPlanOptions, test: LocalTest, args: readonly string[], mounts: readonly Obj[] = []): Obj {
  return {
    name: test.tool,
    image: o.images[test.tool],
    command: [test.tool],
    args,
    resources: resources(test, o),
    ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
  };
}

function diskObjects(o: ClusterPlanOptions, tests: readonly LocalTest[]): { objects: Obj[]; jobs: PlannedJob[] } {
  if (tests.length === 0) return { objects: [], jobs: [] };
  const targets =
    o.storageClasses.length > 0
      ? o.storageClasses.map((c) => ({ subject: `storageclass/${c}`, cls: c }))
      : [{ subject: 'emptyDir', cls: undefined }];
  const objects: Obj[] = [];
  const jobs: PlannedJob[] = [];
  for (const t of targets) {
    const claim = t.cls ? objectName('bench', o.runId, t.cls) : undefined;
    // With volumeBindingMode WaitForFirstConsumer the claim stays Pending until the first Job's pod is scheduled:
    // the runner creates the claim and the Jobs together and never waits for Bound on its own.
    if (claim)
      objects.push({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(o, claim, 'disk'),
        spec: {
          storageClassName: t.cls,
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: o.volumeSize ?? '2Gi' } },
        },
      });
    const volume = claim
      ? { name: 'data', persistentVolumeClaim: { claimName: claim } }
      : { name: 'data', emptyDir: {} };
    for (const test of tests) {
      const name = objectName('bench', o.runId, test.id, t.cls ?? 'node');
      const args = test.args({ dir: '/data', outFile: '/dev/stdout', port: 0, host: '' });
      jobs.push({ name, test, subject: t.subject });
      objects.push(
        job(
          o,
          name,
          test,
          podSpec(o, container(o, test, args, [{ name: 'data', mountPath: '/data' }]), { volumes: [volume] }),
        ),
      );
    }
  }
  return { objects, jobs };
}

/** The iperf3 server pod and its Service, then a client Job per protocol on another node (pod anti-affinity). */
function networkObjects(o: ClusterPlanOptions, tests: readonly LocalTest[]): { objects: Obj[]; jobs: PlannedJob[] } {
  const server = objectName('bench', o.runId, 'iperf3-server');
  const serverLabels = benchLabels(o.runId, 'iperf3-server');
  const objects: Obj[] = [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta(o, server, 'iperf3-server'),
      spec: podSpec(
        o,
        {
          name: 'iperf3',
          image: o.images.iperf3,
          command: ['iperf3'],
          args: ['-s', '-p', String(IPERF_PORT)],
          ports: [
            { containerPort: IPERF_PORT, protocol: 'TCP' },
            { containerPort: IPERF_PORT, protocol: 'UDP' },
          ],
          resources: { requests: { cpu: '1', memory: '256Mi' }, limits: { cpu: '1', memory: '256Mi' } },
        },
        { activeDeadlineSeconds: 3600 },
      ),
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(o, server, 'iperf3-server'),
      spec: {
        selector: { [BENCH_LABELS.run]: o.runId, [BENCH_LABELS.test]: 'iperf3-server' },
        ports: [
          { name: 'tcp', port: IPERF_PORT, protocol: 'TCP' },
          { name: 'udp', port: IPERF_PORT, protocol: 'UDP' },
        ],
      },
    },
  ];
  const crossNode = {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        { labelSelector: { matchLabels: serverLabels }, topologyKey: 'kubernetes.io/hostname' },
      ],
    },
  };
  const jobs: PlannedJob[] = [];
  for (const test of tests) {
    const name = objectName('bench', o.runId, test.id, 'cross-node');
    const args = test.args({ dir: '', outFile: '', port: IPERF_PORT, host: `${server}.${o.namespace}.svc` });
    jobs.push({ name, test, subject: 'pod-to-service/cross-node' });
    objects.push(job(o, name, test, podSpec(o, container(o, test, args), { affinity: crossNode })));
  }
  return { objects, jobs };
}

/** Every object a cluster run of `suite` creates, in order; pure, so `--dry-run` prints exactly what would be created. */
export function clusterPlan(o: ClusterPlanOptions): ClusterPlan {
  const { tests } = localTests(o.suite, o.profile);
  const node = tests.filter((t) => t.tool === 'stress-ng');
  const disk = diskObjects(
    o,
    tests.filter((t) => t.tool === 'fio'),
  );
  const net = networkObjects(
    o,
    tests.filter((t) => t.tool === 'iperf3'),
  );
  const nodeJobs = node.map((test) => ({
    name: objectName('bench', o.runId, test.id),
    test,
    subject: o.nodeSelector
      ? Object.entries(o.nodeSelector)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : 'any-node',
  }));
  const nodeObjects = nodeJobs.map((j) =>
    job(
      o,
      j.name,
      j.test,
      podSpec(o, container(o, j.test, j.test.args({ dir: '/tmp', outFile: '/dev/stdout', port: 0, host: '' }))),
    ),
  );
  return {
    objects: [...nodeObjects, ...disk.objects, ...(net.jobs.length > 0 ? net.objects : [])],
    jobs: [...nodeJobs, ...disk.jobs, ...net.jobs],
  };
}

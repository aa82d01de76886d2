/**
 * Writes a synthetic cluster snapshot (Namespaces, Nodes, Deployments, ReplicaSets, Services, Pods) as
 * one `kubectl get -o json`-style List and as multi-document YAML. Streams: one object is serialised at a
 * time and written in ~4 MiB batches, so the ~1 GB output is never one string.
 *
 *   npx tsx bench/generate-cluster.ts [--pods 150000] [--nodes 5000] [--out DIR]
 */
import { mkdir, mkdtemp, open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { deployment, planDeployments, rand, replicaSet, service, type Obj } from './cluster-objects.js';
import { pod } from './cluster-pods.js';
import { namespace, node, nodeName } from './cluster-nodes.js';

export interface ClusterSize {
  readonly pods: number;
  readonly nodes: number;
  readonly seed?: number;
}

export interface GeneratedCluster {
  readonly dir: string;
  readonly jsonFile: string;
  readonly yamlFile: string;
  readonly jsonBytes: number;
  readonly yamlBytes: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** Every object of the snapshot, grouped by kind as `kubectl get ns,nodes,deploy,rs,svc,pods -A` prints them. */
export function* clusterObjects(size: ClusterSize): Generator<Obj> {
  const r = rand(size.seed ?? 42);
  const plans = planDeployments(size.pods, r);
  for (const ns of [...new Set(plans.map((p) => p.namespace))].sort()) yield namespace(ns, r);
  for (let i = 0; i < size.nodes; i++) yield node(i, r);
  for (const p of plans) yield deployment(p);
  for (const p of plans) yield replicaSet(p);
  for (const p of plans) yield service(p, r);
  let n = 0;
  for (const p of plans)
    for (let i = 0; i < p.replicas; i++) yield pod(p, i, nodeName(n++ % Math.max(1, size.nodes)), r);
}

const BATCH_CHARS = 4 << 20;

/** Buffers strings and writes them in large batches (awaiting each write: backpressure). */
class BatchWriter {
  private parts: string[] = [];
  private chars = 0;
  bytes = 0;
  constructor(private readonly handle: FileHandle) {}

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.chars += s.length;
    if (this.chars >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.chars = 0;
    this.bytes += buf.length;
    await this.handle.write(buf);
  }
}

const ITEM_INDENT = '        ';

/** kubectl's JSON for a List item: 4-space indentation, nested two levels under `items`. */
export const kubectlJsonItem = (o: Obj): string =>
  ITEM_INDENT + JSON.stringify(o, null, 4).replace(/\n/g, `\n${ITEM_INDENT}`);

export async function generateCluster(size: ClusterSize, dir?: string): Promise<GeneratedCluster> {
  const out = dir ?? (await mkdtemp(join(tmpdir(), 'kubetune-bench-')));
  await mkdir(out, { recursive: true });
  const jsonFile = join(out, `cluster-${size.pods}-${size.nodes}.json`);
  const yamlFile = join(out, `cluster-${size.pods}-${size.nodes}.yaml`);
  const jh = await open(jsonFile, 'w');
  const yh = await open(yamlFile, 'w');
  const counts: Record<string, number> = {};
  try {
    const json = new BatchWriter(jh);
    const yml = new BatchWriter(yh);
    await json.write('{\n    "apiVersion": "v1",\n    "items": [\n');
    let first = true;
    for (const o of clusterObjects(size)) {
      const kind = String(o['kind']);
      counts[kind] = (counts[kind] ?? 0) + 1;
      await json.write(first ? kubectlJsonItem(o) : `,\n${kubectlJsonItem(o)}`);
      await yml.write(`---\n${yaml.dump(o, { lineWidth: -1, noRefs: true, schema: yaml.CORE_SCHEMA })}`);
      first = false;
    }
    await json.write('\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    await json.flush();
    await yml.flush();
    return { dir: out, jsonFile, yamlFile, jsonBytes: json.bytes, yamlBytes: yml.bytes, counts };
  } finally {
    await jh.close();
    await yh.close();
  }
}

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const size = { pods: Number(flag(args, 'pods') ?? 150_000), nodes: Number(flag(args, 'nodes') ?? 5_000) };
  const started = performance.now();
  const g = await generateCluster(size, flag(args, 'out'));
  const mb = (b: number) => (b / 1e6).toFixed(0);
  console.log(`${g.jsonFile}: ${mb(g.jsonBytes)} MB; ${g.yamlFile}: ${mb(g.yamlBytes)} MB`);
  console.log(`objects: ${JSON.stringify(g.counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

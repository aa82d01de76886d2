/**
 * `npm run bench:components`: cost of reading component configs with per-value lines, as ratios measured in one run.
 *
 * - line maps: `yamlLineMap` (yaml Document API + LineCounter) on the 1.35 capture's pods.yaml, whole and per
 *   kube-system item as the reader does, against the js-yaml load the file source does anyway (baseline);
 * - TOML: kubetune's TOML reader (with lines) on a generated containerd config, against JSON.parse of the same data;
 * - audit: `auditFiles` on every minikube kubeadm version plus both captures with every rule, against the same audit
 *   with only the manifest rules (baseline).
 *
 *   npx tsx bench/components.ts [--rounds 20]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { auditFiles } from '../src/app/audit.js';
import { RULES } from '../src/rules/index.js';
import { componentLineMaps, yamlLineMap } from '../src/sources/files/configs/line-map.js';
import { parseToml } from '../src/sources/files/configs/toml.js';

const COMPONENT_AREAS = new Set(['control-plane', 'scheduler', 'node', 'runtime-config', 'cni']);
const data = new URL('../../shared/data/', import.meta.url).pathname;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 20;

function time(fn: () => unknown): number {
  fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - t0) / rounds;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await fn();
  return (performance.now() - t0) / rounds;
}

const pods = readFileSync(join(data, 'metrics/k8s-1.35/pods.yaml'), 'utf8');
const load = time(() => yaml.load(pods, { schema: yaml.CORE_SCHEMA }));
const lines = time(() => yamlLineMap(pods, 1));
const podList = yaml.load(pods, { schema: yaml.CORE_SCHEMA }) as { items: unknown[] };
const perItem = time(() => {
  const maps = componentLineMaps(podList, pods, 1)!;
  return podList.items.map((_, i) => maps(['items', i]));
});

const sections = Array.from({ length: 200 }, (_, i) =>
  [
    `[plugins."io.containerd.grpc.v1.cri".registry.mirrors."r${i}.example.com"]`,
    `  endpoint = ["https://m${i}.example.com", "https://r${i}.example.com"]`,
  ].join('\n'),
);
const toml = ['version = 2', ...sections].join('\n');
const asJson = JSON.stringify(parseToml(toml).value);
const tomlMs = time(() => parseToml(toml));
const jsonMs = time(() => JSON.parse(asJson));

const minikube = join(data, 'configs/minikube-kubeadm');
const inputs = [
  ...readdirSync(minikube).map((d) => join(minikube, d)),
  join(data, 'metrics/k8s-1.33'),
  join(data, 'metrics/k8s-1.35'),
];
const manifestRules = RULES.filter((r) => !COMPONENT_AREAS.has(r.area));
const base = await timeAsync(() => auditFiles(inputs, { kubeVersion: '1.33', rules: manifestRules }));
const all = await timeAsync(() => auditFiles(inputs, { kubeVersion: '1.33' }));
const result = await auditFiles(inputs, { kubeVersion: '1.33' });

const rows = [
  ['line map of the whole pods.yaml (3.6k lines, 27 pods) vs js-yaml load', lines, load],
  ['line maps of its kube-system items only, as the reader does, vs js-yaml load', perItem, load],
  ['TOML with lines (200 tables) vs JSON.parse', tomlMs, jsonMs],
  [`audit of ${inputs.length} inputs, all ${RULES.length} rules vs ${manifestRules.length} manifest rules`, all, base],
] as const;
for (const [what, ms, baseline] of rows)
  console.log(`${what}: ${ms.toFixed(2)} ms vs ${baseline.toFixed(2)} ms = ${(ms / baseline).toFixed(2)}x`);
console.log(`${result.snapshot.components.length} component configs, ${result.run.findings.length} findings`);

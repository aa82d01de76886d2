import type { JsonPath } from '../core/json-path.js';
import type { Bytes, Millicores } from '../core/units.js';
import type { RuntimeSettings, Setting } from './runtime-settings.js';
import { rewriteToken, type SettingSite } from './runtime-tokens.js';

/**
 * Runtime sizing targets (the values live in the threshold catalogue, knowledge/thresholds/runtime.ts; callers pass
 * the run's profile values): JVM heap and Node.js old space as a share of the memory limit, GOMEMLIMIT as a share,
 * the JVM share range outside which MaxRAMPercentage is rewritten, gunicorn sync workers per core (plus one).
 * GOMAXPROCS and ActiveProcessorCount follow the CPU limit.
 */
export interface RuntimeTargets {
  readonly jvmHeapShare: number;
  readonly jvmHeapShareRange: { readonly min: number; readonly max: number };
  readonly goMemLimitShare: number;
  readonly nodeHeapShare: number;
  readonly gunicornWorkersPerCore: number;
}

export interface RuntimeLimits {
  readonly cpuLimit?: Millicores;
  readonly memoryLimit?: Bytes;
}

/** A structural JSON-Patch op on the container's object (the engine's PatchOp has the same shape). */
export type FieldEdit =
  | { readonly op: 'replace'; readonly path: JsonPath; readonly value: string }
  | { readonly op: 'add'; readonly path: JsonPath; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: JsonPath };

export interface RuntimeRecommendation {
  readonly runtime: 'jvm' | 'go' | 'node' | 'python';
  /** `-Xmx`, `-XX:MaxRAMPercentage`, `-XX:ActiveProcessorCount`, `GOMAXPROCS`, `GOMEMLIMIT`, `--max-old-space-size`, `workers`. */
  readonly setting: string;
  readonly current?: string;
  readonly recommended: string;
  readonly edits: readonly FieldEdit[];
}

const MIB = 2 ** 20;
const mib = (b: Bytes): number => Math.max(1, Math.floor(b / MIB));
export const cpuCount = (m: Millicores): number => Math.max(1, Math.ceil(m / 1000 - 1e-9));

/** Edit that replaces one token of a setting's field. */
export const replaceToken = (s: Setting<unknown>, token: string): FieldEdit => ({
  op: 'replace',
  path: s.site.path,
  value: rewriteToken(s.site, token),
});

/**
 * Edits that replace (`token`) or remove (no `token`) several tokens at once. Tokens inside one string field are
 * rewritten together (last first, so spans stay valid), one replace per field; a removed token that is a whole
 * command/args element removes the element (highest index first, so earlier indexes stay valid).
 */
export function editTokens(changes: readonly { readonly site: SettingSite; readonly token?: string }[]): FieldEdit[] {
  const isWhole = (s: SettingSite) =>
    (s.origin === 'command' || s.origin === 'args') && s.start === 0 && s.end === s.text.length;
  const removals = changes.filter((c) => c.token === undefined && isWhole(c.site)).map((c) => c.site);
  const byPath = new Map<string, { site: SettingSite; token?: string }[]>();
  for (const c of changes) {
    if (c.token === undefined && isWhole(c.site)) continue;
    const k = JSON.stringify(c.site.path);
    byPath.set(k, [...(byPath.get(k) ?? []), c]);
  }
  const edits: FieldEdit[] = [...byPath.values()].map((list) => {
    const sorted = [...list].sort((a, b) => b.site.start - a.site.start);
    let text = sorted[0]!.site.text;
    for (const c of sorted) text = rewriteToken({ ...c.site, text }, c.token);
    return { op: 'replace', path: sorted[0]!.site.path, value: text };
  });
  const index = (s: SettingSite) => Number(s.path[s.path.length - 1]);
  const key = (s: SettingSite) => String(s.path[s.path.length - 2]);
  removals.sort((a, b) => key(a).localeCompare(key(b)) || index(b) - index(a));
  return [...edits, ...removals.map((site): FieldEdit => ({ op: 'remove', path: site.path }))];
}

export const removeTokens = (sites: readonly SettingSite[]): FieldEdit[] => editTokens(sites.map((site) => ({ site })));

/** Appends a token to an options env var (adding the variable when the container has none). */
export function appendEnvToken(
  r: RuntimeSettings,
  env: { name: string; index: number; value: string } | undefined,
  name: string,
  token: string,
): FieldEdit {
  if (env)
    return {
      op: 'replace',
      path: [...r.containerPath, 'env', env.index, 'value'],
      value: `${env.value} ${token}`.trim(),
    };
  return addEnv(r, name, token);
}

function addEnv(r: RuntimeSettings, name: string, value: string): FieldEdit {
  if (r.envCount === 0) return { op: 'add', path: [...r.containerPath, 'env'], value: [{ name, value }] };
  return { op: 'add', path: [...r.containerPath, 'env', r.envCount], value: { name, value } };
}

function jvm(r: RuntimeSettings, l: RuntimeLimits, t: RuntimeTargets): RuntimeRecommendation[] {
  const j = r.jvm;
  if (!j) return [];
  const out: RuntimeRecommendation[] = [];
  if (l.memoryLimit !== undefined && j.maxHeap) {
    const token = `-Xmx${mib(l.memoryLimit * t.jvmHeapShare)}m`;
    if (token !== j.maxHeap.raw)
      out.push({
        runtime: 'jvm',
        setting: '-Xmx',
        current: j.maxHeap.raw,
        recommended: token,
        edits: [replaceToken(j.maxHeap, token)],
      });
  } else if (j.maxRamPercentage) {
    const p = j.maxRamPercentage.value / 100;
    if (p > t.jvmHeapShareRange.max || p < t.jvmHeapShareRange.min) {
      const token = `-XX:MaxRAMPercentage=${(t.jvmHeapShare * 100).toFixed(1)}`;
      out.push({
        runtime: 'jvm',
        setting: '-XX:MaxRAMPercentage',
        current: j.maxRamPercentage.raw,
        recommended: token,
        edits: [replaceToken(j.maxRamPercentage, token)],
      });
    }
  }
  if (l.cpuLimit !== undefined && j.activeProcessorCount) {
    const token = `-XX:ActiveProcessorCount=${cpuCount(l.cpuLimit)}`;
    if (token !== j.activeProcessorCount.raw)
      out.push({
        runtime: 'jvm',
        setting: '-XX:ActiveProcessorCount',
        current: j.activeProcessorCount.raw,
        recommended: token,
        edits: [replaceToken(j.activeProcessorCount, token)],
      });
  }
  return out;
}

function go(r: RuntimeSettings, l: RuntimeLimits, t: RuntimeTargets): RuntimeRecommendation[] {
  const g = r.go;
  if (!g) return [];
  const out: RuntimeRecommendation[] = [];
  if (l.cpuLimit !== undefined && g.gomaxprocs) {
    const v = String(cpuCount(l.cpuLimit));
    if (v !== g.gomaxprocs.raw)
      out.push({
        runtime: 'go',
        setting: 'GOMAXPROCS',
        current: g.gomaxprocs.raw,
        recommended: v,
        edits: [replaceToken(g.gomaxprocs, v)],
      });
  }
  if (l.memoryLimit !== undefined) {
    const v = `${mib(l.memoryLimit * t.goMemLimitShare)}MiB`;
    if (!g.gomemlimit)
      out.push({ runtime: 'go', setting: 'GOMEMLIMIT', recommended: v, edits: [addEnv(r, 'GOMEMLIMIT', v)] });
    else if (g.gomemlimit.value !== 'off' && v !== g.gomemlimit.raw)
      out.push({
        runtime: 'go',
        setting: 'GOMEMLIMIT',
        current: g.gomemlimit.raw,
        recommended: v,
        edits: [replaceToken(g.gomemlimit, v)],
      });
  }
  return out;
}

function node(r: RuntimeSettings, l: RuntimeLimits, t: RuntimeTargets): RuntimeRecommendation[] {
  const s = r.node?.maxOldSpace;
  if (!s || l.memoryLimit === undefined) return [];
  const token = `--max-old-space-size=${mib(l.memoryLimit * t.nodeHeapShare)}`;
  return token === s.raw
    ? []
    : [
        {
          runtime: 'node',
          setting: '--max-old-space-size',
          current: s.raw,
          recommended: token,
          edits: [replaceToken(s, token)],
        },
      ];
}

/** Recommended worker count: gunicorn (sync workers) perCore × cores + 1; uvicorn and WEB_CONCURRENCY one per core. */
export const recommendedWorkers = (server: string, cpuLimit: Millicores, gunicornPerCore: number): number =>
  server === 'gunicorn' ? gunicornPerCore * cpuCount(cpuLimit) + 1 : cpuCount(cpuLimit);

function python(r: RuntimeSettings, l: RuntimeLimits, t: RuntimeTargets): RuntimeRecommendation[] {
  const p = r.python;
  if (!p || l.cpuLimit === undefined) return [];
  const n = recommendedWorkers(p.server, l.cpuLimit, t.gunicornWorkersPerCore);
  if (n === p.workers.value) return [];
  const raw = p.workers.raw;
  const token = raw.replace(/\d+$/, String(n));
  return [
    {
      runtime: 'python',
      setting: 'workers',
      current: raw,
      recommended: token,
      edits: [replaceToken(p.workers, token)],
    },
  ];
}

/**
 * Runtime settings recomputed for the given limits: only settings the container already has are rewritten
 * (plus GOMEMLIMIT, added when a Go runtime is recognised without one). Pure; used by rules and rightsizing.
 */
export function recommendRuntimeSettings(
  runtime: RuntimeSettings,
  limits: RuntimeLimits,
  targets: RuntimeTargets,
): RuntimeRecommendation[] {
  return [
    ...jvm(runtime, limits, targets),
    ...go(runtime, limits, targets),
    ...node(runtime, limits, targets),
    ...python(runtime, limits, targets),
  ];
}

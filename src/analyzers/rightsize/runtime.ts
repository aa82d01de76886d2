/**
 * Runtime settings recomputed for the new limits (GUIDE.md §6): GOMAXPROCS = CPU limit in whole cores (min 1),
 * GOMEMLIMIT ≈ 90% of the memory limit, -Xmx ≈ 75% of the memory limit, -XX:ActiveProcessorCount = CPU limit,
 * worker counts = cores. Only settings the container already sets are changed (an unset GOMAXPROCS is the
 * runtime audit's business, not rightsizing's).
 *
 * The shares and the core count come from model/runtime-recommend.ts, the knowledge the runtime audit rules use.
 */
import type { Bytes, Millicores } from '../../core/units.js';
import { RUNTIME_GUIDE } from '../../knowledge/thresholds/runtime-guide.js';
import { cpuCount } from '../../model/runtime-recommend.js';
import type { ContainerSpec, ResourceValues, RuntimeChange } from './types.js';

const MiB = 2 ** 20;
const JAVA_ENV = ['JAVA_TOOL_OPTIONS', 'JAVA_OPTS', 'JDK_JAVA_OPTIONS', '_JAVA_OPTIONS'];
const WORKER_ENV = ['WEB_CONCURRENCY', 'GUNICORN_WORKERS', 'UVICORN_WORKERS', 'WORKERS'];

/**
 * Cores a runtime should use: the CPU limit, else the request, counted as the runtime audit rules count them
 * (model/runtime-recommend `cpuCount`), so a rightsized container never fails `gomaxprocs-vs-cpu-limit`.
 */
const cores = (v: ResourceValues): number | undefined => {
  const m: Millicores | undefined = v.cpuLimit ?? v.cpuRequest;
  return m === undefined ? undefined : cpuCount(m);
};

function goMemLimit(limit: Bytes): string {
  return `${Math.floor((limit * RUNTIME_GUIDE.goMemLimitShare) / MiB)}MiB`;
}

function javaFlags(text: string, v: ResourceValues): string {
  let out = text;
  if (v.memoryLimit !== undefined)
    out = out.replace(/-Xmx\d+[kKmMgGtT]?/g, `-Xmx${Math.floor((v.memoryLimit * RUNTIME_GUIDE.jvmHeapShare) / MiB)}m`);
  const c = cores(v);
  if (c !== undefined) out = out.replace(/-XX:ActiveProcessorCount=\d+/g, `-XX:ActiveProcessorCount=${c}`);
  return out;
}

function settingOf(before: string, after: string): RuntimeChange['setting'] {
  const xmx = (s: string) => /-Xmx\S+/.exec(s)?.[0];
  return xmx(before) !== xmx(after) ? 'Xmx' : 'ActiveProcessorCount';
}

export function recomputeRuntime(spec: ContainerSpec, v: ResourceValues): readonly RuntimeChange[] {
  const changes: RuntimeChange[] = [];
  const c = cores(v);
  for (const e of spec.env) {
    if (e.value === undefined) continue;
    let to: string | undefined;
    let setting: RuntimeChange['setting'] | undefined;
    if (e.name === 'GOMAXPROCS' && c !== undefined) [to, setting] = [String(c), 'GOMAXPROCS'];
    else if (e.name === 'GOMEMLIMIT' && v.memoryLimit !== undefined)
      [to, setting] = [goMemLimit(v.memoryLimit), 'GOMEMLIMIT'];
    else if (WORKER_ENV.includes(e.name) && c !== undefined) [to, setting] = [String(c), 'workers'];
    else if (JAVA_ENV.includes(e.name))
      [to, setting] = [javaFlags(e.value, v), settingOf(e.value, javaFlags(e.value, v))];
    if (to !== undefined && setting && to !== e.value) changes.push({ setting, where: e.name, from: e.value, to });
  }
  for (const where of ['command', 'args'] as const) {
    const list = spec[where];
    const next = list.map((a) => javaFlags(a, v));
    list.forEach((arg, i) => {
      const to = next[i]!;
      if (to !== arg) changes.push({ setting: settingOf(arg, to), where, from: arg, to, list: next });
    });
  }
  return changes;
}

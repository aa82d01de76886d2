import type { JsonPath } from '../../core/json-path.js';
import { asArray, asRecord, asString, isRecord, type Resource } from '../object.js';
import { isWorkloadKind } from '../workload.js';
import { componentOfContainer, etcdEnvToFlag, parseArgs } from './flags.js';
import type { FlagsConfig, FlagValue } from './types.js';

const POD_SPEC: Readonly<Record<string, JsonPath>> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Flags of control-plane and node components run as containers (static pods, kube-proxy DaemonSet, ...). */
export function flagsFromWorkload(r: Resource): FlagsConfig[] {
  if (!isWorkloadKind(r.object.kind)) return [];
  const specPath = POD_SPEC[r.object.kind] ?? ['spec', 'template', 'spec'];
  let spec: unknown = r.object;
  for (const p of specPath) spec = asRecord(spec)[p];
  const out: FlagsConfig[] = [];
  asArray(asRecord(spec)['containers']).forEach((c, i) => {
    if (!isRecord(c)) return;
    const component = componentOfContainer(c);
    if (!component) return;
    const cpath: JsonPath = [...specPath, 'containers', i];
    const command = asArray(c['command']).map(String);
    const args = asArray(c['args']).map(String);
    const flags: FlagValue[] = [
      ...parseArgs(command, (j) => [...cpath, 'command', j]),
      ...parseArgs(args, (j) => [...cpath, 'args', j], 0),
      ...(component === 'etcd' ? etcdEnv(c, cpath) : []),
    ].map((f, index) => ({ ...f, index }));
    const argsPath: JsonPath = args.length > 0 || command.length === 0 ? [...cpath, 'args'] : [...cpath, 'command'];
    const image = asString(c['image']);
    const tag = image ? /:(v?\d+\.\d+[^@]*)/.exec(image)?.[1] : undefined;
    out.push({
      component,
      origin: 'static-pod',
      ref: r.ref,
      ...(r.source ? { source: r.source } : {}),
      flags,
      argsPath,
      ...(tag && component !== 'etcd' ? { declaredVersion: tag } : {}),
    });
  });
  return out;
}

function etcdEnv(c: Readonly<Record<string, unknown>>, cpath: JsonPath): FlagValue[] {
  return asArray(c['env']).flatMap((e, i): FlagValue[] => {
    const name = isRecord(e) ? asString(e['name']) : undefined;
    const flag = name ? etcdEnvToFlag(name) : undefined;
    const value = isRecord(e) ? asString(e['value']) : undefined;
    return flag && value !== undefined ? [{ name: flag, value, path: [...cpath, 'env', i, 'value'], index: 0 }] : [];
  });
}

import yaml from 'js-yaml';
import type { JsonPath } from '../../core/json-path.js';
import type { Diagnostic } from '../diagnostic.js';
import { asArray, asNumber, asRecord, asString, isKubeObject, isRecord, type Resource } from '../object.js';
import type {
  CalicoFelixConfig,
  CiliumConfig,
  ComponentConfig,
  KubeProxyConfig,
  KubeletConfig,
  SchedulerConfig,
  SchedulerPluginRef,
  SchedulerPluginSet,
  SchedulerProfile,
} from './types.js';

type Out = { components: ComponentConfig[]; diagnostics: Diagnostic[] };

const loc = (r: Resource) => ({ ref: r.ref, ...(r.source ? { source: r.source } : {}) });

/** Builds the typed config for a component-config document (standalone or embedded in a ConfigMap). */
export function configFromObject(
  r: Resource,
  raw: Readonly<Record<string, unknown>>,
  base: JsonPath,
  embeddedIn?: JsonPath,
): ComponentConfig | undefined {
  const kind = raw['kind'];
  // Called for every object of a snapshot: return before allocating for the (many) objects that are not configs.
  if (kind !== 'KubeletConfiguration' && kind !== 'KubeProxyConfiguration' && kind !== 'KubeSchedulerConfiguration')
    return undefined;
  const apiVersion = asString(raw['apiVersion']) ?? '';
  const common = { ...loc(r), apiVersion, raw, base, ...(embeddedIn ? { embeddedIn } : {}) };
  switch (kind) {
    case 'KubeletConfiguration':
      return { component: 'kubelet-config', ...common } satisfies KubeletConfig;
    case 'KubeProxyConfiguration':
      return { component: 'kube-proxy-config', ...common } satisfies KubeProxyConfig;
    default:
      return schedulerConfig(common, raw, base);
  }
}

function schedulerConfig(
  common: Omit<SchedulerConfig, 'component' | 'profiles'>,
  raw: Readonly<Record<string, unknown>>,
  base: JsonPath,
): SchedulerConfig {
  const profiles = asArray(raw['profiles']).flatMap((p, index): SchedulerProfile[] => {
    if (!isRecord(p)) return [];
    const path: JsonPath = [...base, 'profiles', index];
    const plugins: Record<string, SchedulerPluginSet> = {};
    for (const [point, set] of Object.entries(asRecord(p['plugins']))) {
      const refs = (key: 'enabled' | 'disabled'): SchedulerPluginRef[] =>
        asArray(asRecord(set)[key]).flatMap((x, i): SchedulerPluginRef[] => {
          const name = isRecord(x) ? asString(x['name']) : undefined;
          const weight = isRecord(x) ? asNumber(x['weight']) : undefined;
          return name
            ? [{ name, path: [...path, 'plugins', point, key, i], ...(weight !== undefined ? { weight } : {}) }]
            : [];
        });
      plugins[point] = { enabled: refs('enabled'), disabled: refs('disabled') };
    }
    const pct = asNumber(p['percentageOfNodesToScore']);
    return [
      {
        schedulerName: asString(p['schedulerName']) ?? 'default-scheduler',
        index,
        path,
        plugins,
        ...(pct !== undefined ? { percentageOfNodesToScore: pct } : {}),
      },
    ];
  });
  const pct = asNumber(raw['percentageOfNodesToScore']);
  return {
    component: 'scheduler-config',
    ...common,
    profiles,
    ...(pct !== undefined ? { percentageOfNodesToScore: pct } : {}),
  };
}

const FELIX_GROUPS = new Set(['crd.projectcalico.org/v1', 'projectcalico.org/v3']);

/** Component configs that are Kubernetes objects (or ConfigMaps that embed one). */
export function configsFromResource(r: Resource, out: Out): void {
  const o = r.object;
  if (o.kind === 'FelixConfiguration' && FELIX_GROUPS.has(o.apiVersion)) {
    out.components.push({
      component: 'calico-felix',
      ...loc(r),
      apiVersion: o.apiVersion,
      raw: asRecord(o['spec']),
      base: ['spec'],
    } satisfies CalicoFelixConfig);
    return;
  }
  if (o.kind === 'ConfigMap') return configMap(r, out);
  const c = configFromObject(r, o, []);
  if (c) out.components.push(c);
}

/** ConfigMaps: cilium-config (data), and kubelet-config / kube-proxy / kubeadm-config that embed a config document. */
function configMap(r: Resource, out: Out): void {
  const data = asRecord(r.object['data']);
  if (r.ref.name === 'cilium-config') {
    out.components.push({
      component: 'cilium',
      form: 'configmap',
      ...loc(r),
      apiVersion: 'v1',
      raw: data,
      base: ['data'],
    } satisfies CiliumConfig);
    return;
  }
  for (const [key, text] of Object.entries(data)) {
    if (
      typeof text !== 'string' ||
      !/^\s*(apiVersion|kind):/m.test(text) ||
      !/kind:\s*(Kubelet|KubeProxy|KubeScheduler)Configuration/.test(text)
    )
      continue;
    let parsed: unknown;
    try {
      parsed = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (e) {
      out.diagnostics.push({
        code: 'parse-error',
        severity: 'error',
        object: r.ref,
        ...(r.source ? { file: r.source.file, line: r.source.line } : {}),
        message: `${r.ref.name}: data.${key} is not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      });
      continue;
    }
    if (!isKubeObject(parsed)) continue;
    const c = configFromObject(r, parsed, ['data', key], ['data', key]);
    if (c) out.components.push(c);
  }
}

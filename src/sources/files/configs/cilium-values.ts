import yaml from 'js-yaml';
import type { CiliumConfig } from '../../../model/components/types.js';
import { isRecord } from '../../../model/object.js';
import type { ComponentFileReader } from '../component-readers.js';
import { fileRef, fileSource, parseProblem } from './common.js';
import { yamlLineMap } from './line-map.js';

const CILIUM_KEYS =
  /^(kubeProxyReplacement|routingMode|tunnelProtocol|tunnel|autoDirectNodeRoutes|hubble|ipam|bpf|k8sServiceHost|ipv4NativeRoutingCIDR|bandwidthManager|enableIPv4Masquerade):/gm;

/** Cilium Helm values (a values.yaml with several top-level Cilium keys). */
export const CILIUM_VALUES_READER: ComponentFileReader = {
  name: 'cilium-values',
  matches: (file, head) =>
    head !== '' && new Set([...head.matchAll(CILIUM_KEYS)].map((m) => m[1])).size >= 2 && /\.ya?ml$/i.test(file),
  read(text, file, firstLine = 1) {
    let value: unknown;
    try {
      value = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (e) {
      return {
        components: [],
        diagnostics: [
          parseProblem(file, firstLine, `invalid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`),
        ],
      };
    }
    if (!isRecord(value)) return { components: [], diagnostics: [] };
    const cfg: CiliumConfig = {
      component: 'cilium',
      form: 'helm-values',
      ref: fileRef('CiliumHelmValues', file),
      source: fileSource(file, firstLine, yamlLineMap(text, firstLine)),
      apiVersion: 'cilium/helm-values',
      raw: value,
      base: [],
    };
    return { components: [cfg], diagnostics: [] };
  },
};

/** Last resort for `.conf`/`.toml`/`.env`/`.service` files no reader recognised: say so instead of a YAML parse error. */
export const UNRECOGNISED_READER: ComponentFileReader = {
  name: 'unrecognised-config',
  matches: (file) => /\.(conf|toml|env|service|sysctl)$/i.test(file),
  read: (_text, file) => ({
    components: [],
    diagnostics: [
      {
        code: 'skipped-input',
        severity: 'info',
        file,
        message: `${file}: not a component config kubetune recognises; skipped`,
      },
    ],
  }),
};

import { basename } from 'node:path';
import yaml from 'js-yaml';
import { etcdEnvToFlag } from '../../../model/components/flags.js';
import type { FlagsConfig, FlagValue } from '../../../model/components/types.js';
import { isRecord } from '../../../model/object.js';
import type { ComponentFileReader } from '../component-readers.js';
import { contentLines, ext, fileRef, fileSource, lineKey, parseProblem } from './common.js';
import { yamlLineMap } from './line-map.js';

/** etcd environment files (`ETCD_QUOTA_BACKEND_BYTES=8589934592`, e.g. /etc/etcd/etcd.conf or etcd.env). */
export const ETCD_ENV_READER: ComponentFileReader = {
  name: 'etcd-env',
  matches: (file, head) =>
    head === '' ? /^etcd.*\.(conf|env)$/.test(basename(file)) : /^\s*(export\s+)?ETCD_[A-Z0-9_]+=/m.test(head),
  read(text, file, firstLine = 1) {
    const lines = new Map<string, number>();
    const flags: FlagValue[] = [];
    for (const l of contentLines(text, firstLine)) {
      const m = /^(?:export\s+)?(ETCD_[A-Z0-9_]+)=(["']?)(.*)\2$/.exec(l.text);
      const name = m ? etcdEnvToFlag(m[1]!) : undefined;
      if (!m || !name) continue;
      const path = [m[1]!];
      lines.set(lineKey(path), l.line);
      flags.push({ name, value: m[3]!, path, index: flags.length });
    }
    const cfg: FlagsConfig = {
      component: 'etcd',
      origin: 'env',
      ref: fileRef('EtcdConfig', file),
      source: fileSource(file, firstLine, lines),
      flags,
    };
    return { components: [cfg], diagnostics: [] };
  },
};

/** etcd's YAML config file (`--config-file`): the same names as its flags. */
export const ETCD_CONFIG_READER: ComponentFileReader = {
  name: 'etcd-config',
  matches: (file, head) =>
    (ext(file) === '.yaml' || ext(file) === '.yml') &&
    (head === ''
      ? /etcd/.test(basename(file))
      : /^(data-dir|listen-client-urls|initial-cluster|quota-backend-bytes):/m.test(head)),
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
    if (
      !isRecord(value) ||
      !(
        'data-dir' in value ||
        'listen-client-urls' in value ||
        'initial-cluster' in value ||
        'quota-backend-bytes' in value
      )
    )
      return { components: [], diagnostics: [] };
    const flags: FlagValue[] = Object.entries(value)
      .filter(([, v]) => v === null || typeof v !== 'object')
      .map(([name, v], index) => ({ name, value: v === null ? '' : String(v), path: [name], index }));
    const cfg: FlagsConfig = {
      component: 'etcd',
      origin: 'config-file',
      ref: fileRef('EtcdConfig', file),
      source: fileSource(file, firstLine, yamlLineMap(text, firstLine)),
      flags,
    };
    return { components: [cfg], diagnostics: [] };
  },
};

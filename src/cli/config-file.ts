import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ConfigError, isKubetuneError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';
import { EMPTY_CONFIG, parseConfig, type KubetuneConfig } from '../engine/config.js';
import { RULES } from '../rules/index.js';
import { parseValue } from './options.js';
import { OPTIONS } from './options-all.js';

export const CONFIG_FILE = '.kubetune.yaml';

/**
 * The keys that set a flag (profile, kubeVersion, failOn) are checked by that flag's row of the option table, so the
 * file accepts exactly what the command line does; rule ids must name a rule (nearest id suggested).
 */
function checkWithTable(raw: unknown, file: string): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  const record = raw as Record<string, unknown>;
  for (const o of OPTIONS) {
    if (!o.config || record[o.config] === undefined || record[o.config] === null) continue;
    try {
      parseValue(o, String(record[o.config]));
    } catch (e) {
      if (!isKubetuneError(e)) throw e;
      throw new ConfigError(`${o.config}: ${e.message.replace(`--${o.name}: `, '')}`, file, undefined, { cause: e });
    }
  }
  const rules = record['rules'];
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return;
  const ids = RULES.map((r) => r.id);
  for (const id of Object.keys(rules))
    if (!ids.includes(id)) throw new ConfigError(`rules: unknown rule id "${id}"${didYouMean(id, ids)}`, file);
}

/** Loads `--config FILE`, or `.kubetune.yaml` from the working directory when present. */
export function loadConfig(explicit: string | undefined, cwd: string): KubetuneConfig {
  const file = explicit ?? join(cwd, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError('config file not found', explicit);
    return EMPTY_CONFIG;
  }
  let raw: unknown;
  try {
    raw = yaml.load(readFileSync(file, 'utf8'), { filename: file, schema: yaml.CORE_SCHEMA });
  } catch (e) {
    if (e instanceof yaml.YAMLException)
      throw new ConfigError(e.reason || e.message, file, (e.mark?.line ?? 0) + 1, { cause: e });
    throw new ConfigError(e instanceof Error ? e.message : String(e), file, undefined, { cause: e });
  }
  const config = parseConfig(raw, file);
  checkWithTable(raw, file);
  return config;
}

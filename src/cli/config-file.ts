import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ConfigError } from '../core/errors.js';
import { EMPTY_CONFIG, parseConfig, type KubetuneConfig } from '../engine/config.js';

export const CONFIG_FILE = '.kubetune.yaml';

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
  return parseConfig(raw, file);
}

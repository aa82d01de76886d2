import { ConfigError } from '../core/errors.js';
import { isProfileName, type ProfileName } from '../knowledge/profiles.js';
import { asArray, asString, isRecord, type ObjectRef } from '../model/object.js';
import { FAIL_ON_LEVELS, isFailOn, type FailOn } from './fail-on.js';
import { SEVERITIES, type Severity } from './types.js';

export type RuleSetting = Severity | 'off';

export interface Exemption {
  readonly namespace?: string;
  readonly name?: string;
  readonly kind?: string;
  /** Rule ids; empty or absent means every rule. */
  readonly rules?: readonly string[];
}

export interface KubetuneConfig {
  readonly profile?: ProfileName;
  readonly kubeVersion?: string;
  readonly failOn?: FailOn;
  readonly rules: Readonly<
    Record<string, { readonly severity?: RuleSetting; readonly options?: Record<string, unknown> }>
  >;
  readonly exemptions: readonly Exemption[];
}

export const EMPTY_CONFIG: KubetuneConfig = { rules: {}, exemptions: [] };

/** The annotation that silences rules on one object: `kubetune.io/ignore: "rule-a,rule-b"` (or `"*"`). */
export const IGNORE_ANNOTATION = 'kubetune.io/ignore';

const isSetting = (v: unknown): v is RuleSetting => v === 'off' || SEVERITIES.includes(v as Severity);

/** Validates a parsed `.kubetune.yaml`; `file` names it in errors. */
export function parseConfig(raw: unknown, file = '.kubetune.yaml'): KubetuneConfig {
  if (raw === null || raw === undefined) return EMPTY_CONFIG;
  if (!isRecord(raw)) throw new ConfigError('the config must be a mapping', file);
  const known = new Set(['profile', 'kubeVersion', 'failOn', 'rules', 'exemptions']);
  for (const k of Object.keys(raw)) if (!known.has(k)) throw new ConfigError(`unknown key "${k}"`, file);
  const out: {
    profile?: ProfileName;
    kubeVersion?: string;
    failOn?: FailOn;
    rules: Record<string, { severity?: RuleSetting; options?: Record<string, unknown> }>;
    exemptions: Exemption[];
  } = { rules: {}, exemptions: [] };
  if (raw['profile'] !== undefined) {
    const p = asString(raw['profile']);
    if (!p || !isProfileName(p)) throw new ConfigError(`unknown profile ${JSON.stringify(raw['profile'])}`, file);
    out.profile = p;
  }
  if (raw['kubeVersion'] !== undefined) out.kubeVersion = String(raw['kubeVersion']);
  if (raw['failOn'] !== undefined) {
    if (!isFailOn(raw['failOn'])) throw new ConfigError(`failOn must be one of ${FAIL_ON_LEVELS.join(', ')}`, file);
    out.failOn = raw['failOn'];
  }
  if (raw['rules'] !== undefined) {
    if (!isRecord(raw['rules'])) throw new ConfigError('rules must be a mapping of rule id to setting', file);
    for (const [id, v] of Object.entries(raw['rules'])) {
      if (isSetting(v)) out.rules[id] = { severity: v };
      else if (isRecord(v)) {
        if (v['severity'] !== undefined && !isSetting(v['severity']))
          throw new ConfigError(`rules.${id}.severity must be off, error, warning or info`, file);
        out.rules[id] = {
          ...(v['severity'] !== undefined ? { severity: v['severity'] as RuleSetting } : {}),
          ...(isRecord(v['options']) ? { options: v['options'] } : {}),
        };
      } else throw new ConfigError(`rules.${id} must be off, error, warning, info or a mapping`, file);
    }
  }
  for (const e of asArray(raw['exemptions'])) {
    if (!isRecord(e)) throw new ConfigError('each exemption must be a mapping', file);
    const ex: { namespace?: string; name?: string; kind?: string; rules?: string[] } = {};
    for (const k of ['namespace', 'name', 'kind'] as const) {
      const s = asString(e[k]);
      if (s !== undefined) ex[k] = s;
    }
    if (e['rules'] !== undefined) ex.rules = asArray(e['rules']).map(String);
    out.exemptions.push(ex);
  }
  return out;
}

const globMatch = (pattern: string | undefined, value: string | undefined): boolean => {
  if (pattern === undefined || pattern === '*') return true;
  if (value === undefined) return false;
  const re = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
  return re.test(value);
};

export function isExempt(config: KubetuneConfig, ruleId: string, ref: ObjectRef): boolean {
  return config.exemptions.some(
    (e) =>
      globMatch(e.namespace, ref.namespace) &&
      globMatch(e.name, ref.name) &&
      globMatch(e.kind, ref.kind) &&
      (e.rules === undefined || e.rules.length === 0 || e.rules.includes(ruleId)),
  );
}

export function isIgnoredByAnnotation(
  annotations: Readonly<Record<string, string>> | undefined,
  ruleId: string,
): boolean {
  const v = annotations?.[IGNORE_ANNOTATION];
  if (v === undefined) return false;
  return v
    .split(',')
    .map((s) => s.trim())
    .some((s) => s === '*' || s === ruleId);
}

import { isRecord, type KubeObject } from '../../model/object.js';

/** What replaces a redacted value: keeps the fact a value was set, never the value. */
export const REDACTED = '<redacted by kubetune>';

/** Env var names whose value is a secret whatever it looks like. */
const SECRET_NAME =
  /(pass(word|wd)?|secret|token|api[_-]?key|apikey|private[_-]?key|credential|auth|access[_-]?key|session[_-]?key|signing[_-]?key|encryption[_-]?key|client[_-]?secret|dsn|connection[_-]?string|database[_-]?url|webhook[_-]?url|cookie|salt)/i;

/** Values that are secrets whatever their key: PEM blocks (also base64 of one), JWTs, well-known token formats, URL credentials. */
const SECRET_VALUE: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE|RSA|EC|OPENSSH)/,
  /^LS0tLS1CRUdJTi/, // base64 of "-----BEGIN" (caBundle, certificate-authority-data)
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/, // JWT
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\b(ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}/, // GitHub
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/, // Slack
  /\bglpat-[A-Za-z0-9_-]{20,}/, // GitLab
  /\bsk_(live|test)_[A-Za-z0-9]{16,}/, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, // scheme://user:password@host
];

/** `--token=…`, `--password …`-style flags in command lines. */
const SECRET_FLAG = /^(--?[\w-]*(password|passwd|secret|token|api-?key|private-?key|credential)[\w-]*)(=)(.+)$/i;

export const looksSecret = (value: string): boolean => SECRET_VALUE.some((re) => re.test(value));
export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

export interface RedactStats {
  values: number;
}

/**
 * Returns a copy of the object safe to attach to a ticket: env values with secret names or secret-looking values,
 * secret-looking strings anywhere (annotations, ConfigMap data, webhook caBundles, args), and the values of
 * `--password=`-style flags are replaced by {@link REDACTED}. Structure, keys and every other value are kept,
 * so an audit of the redacted object finds what an audit of the original finds.
 */
export function redactObject(object: KubeObject, stats: RedactStats = { values: 0 }): KubeObject {
  return redactValue(object, stats, undefined) as KubeObject;
}

function redactValue(value: unknown, stats: RedactStats, key: string | undefined): unknown {
  if (typeof value === 'string') return redactString(value, stats);
  if (Array.isArray(value)) {
    if (key === 'command' || key === 'args') return redactArgs(value, stats);
    return value.map((v) => redactValue(v, stats, undefined));
  }
  if (!isRecord(value)) return value;
  if (isEnvVar(value, key)) return redactEnv(value, stats);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, stats, k);
  return out;
}

/** An element of a container's `env` list: `{name, value}`. */
const isEnvVar = (v: Record<string, unknown>, key: string | undefined): boolean =>
  key === undefined &&
  typeof v['name'] === 'string' &&
  typeof v['value'] === 'string' &&
  Object.keys(v).every((k) => k === 'name' || k === 'value');

function redactEnv(env: Record<string, unknown>, stats: RedactStats): Record<string, unknown> {
  const name = env['name'] as string;
  const value = env['value'] as string;
  if (value !== '' && (isSecretName(name) || looksSecret(value))) {
    stats.values++;
    return { name, value: REDACTED };
  }
  return { name, value };
}

function redactString(value: string, stats: RedactStats): string {
  if (!looksSecret(value)) return value;
  stats.values++;
  return REDACTED;
}

/** A secret flag without `=` takes the next argument as its value. */
const SECRET_FLAG_ALONE = /^--?[\w-]*(password|passwd|secret|token|api-?key|private-?key|credential)[\w-]*$/i;

function redactArgs(args: readonly unknown[], stats: RedactStats): unknown[] {
  return args.map((a, i) => {
    if (typeof a !== 'string') return redactValue(a, stats, undefined);
    const prev = args[i - 1];
    if (typeof prev === 'string' && SECRET_FLAG_ALONE.test(prev) && !a.startsWith('-')) {
      stats.values++;
      return REDACTED;
    }
    return redactFlag(a, stats);
  });
}

function redactFlag(arg: string, stats: RedactStats): string {
  const m = SECRET_FLAG.exec(arg);
  if (m) {
    stats.values++;
    return `${m[1]}=${REDACTED}`;
  }
  return redactString(arg, stats);
}

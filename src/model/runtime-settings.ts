import type { JsonPath } from '../core/json-path.js';
import type { Bytes } from '../core/units.js';
import {
  commandTokens,
  isProgram,
  parseDotnetHex,
  parseGoBytes,
  parseInteger,
  parseJvmSize,
  tokensOf,
  type SettingSite,
  type Token,
} from './runtime-tokens.js';
import type { ContainerView, EnvVar } from './workload.js';

export type { SettingSite, Token } from './runtime-tokens.js';
export { recommendRuntimeSettings } from './runtime-recommend.js';
export type { RuntimeRecommendation, FieldEdit, RuntimeLimits, RuntimeTargets } from './runtime-recommend.js';

/** One parsed setting: its value, its text as written, and where it is written. */
export interface Setting<T> {
  readonly value: T;
  readonly raw: string;
  readonly site: SettingSite;
}

/** A `-X…` / `-XX:…` JVM option. `name` is `Xmx`, `UseG1GC`, `MaxRAMPercentage`…; `enabled` for `+`/`-` booleans. */
export interface JvmOption {
  readonly name: string;
  readonly raw: string;
  readonly value?: string;
  readonly enabled?: boolean;
  readonly site: SettingSite;
}

export interface JvmSettings {
  /** Every option in the order the JVM reads them: JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, JAVA_OPTS, command line. */
  readonly options: readonly JvmOption[];
  readonly maxHeap?: Setting<Bytes>;
  readonly initialHeap?: Setting<Bytes>;
  readonly maxRamPercentage?: Setting<number>;
  readonly initialRamPercentage?: Setting<number>;
  readonly activeProcessorCount?: Setting<number>;
  readonly parallelGcThreads?: Setting<number>;
  readonly concGcThreads?: Setting<number>;
  /** JDK feature release inferred from the image (eclipse-temurin:17-jre → 17). */
  readonly jdkVersion?: number;
  /** Whether the JVM was recognised from its options/command or only from the image. */
  readonly detectedBy: 'options' | 'image';
}

export interface GoSettings {
  readonly gomaxprocs?: Setting<number>;
  readonly gomemlimit?: Setting<Bytes | 'off'>;
  readonly gogc?: Setting<number | 'off'>;
}

export interface NodeSettings {
  readonly maxOldSpace?: Setting<Bytes>;
  readonly uvThreadpoolSize?: Setting<number>;
}

export interface PythonSettings {
  readonly workers: Setting<number>;
  readonly server: 'gunicorn' | 'uvicorn' | 'WEB_CONCURRENCY';
}

export interface DotnetSettings {
  readonly heapHardLimit?: Setting<Bytes>;
  readonly heapHardLimitPercent?: Setting<number>;
  readonly heapCount?: Setting<number>;
}

/** What a container tells its language runtime about memory and CPU, parsed once. */
export interface RuntimeSettings {
  readonly container: string;
  readonly containerPath: JsonPath;
  /** Number of env entries (where a new variable is appended). */
  readonly envCount: number;
  readonly jvm?: JvmSettings;
  readonly go?: GoSettings;
  readonly node?: NodeSettings;
  readonly python?: PythonSettings;
  readonly dotnet?: DotnetSettings;
}

const JVM_ENV = ['JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', 'JAVA_OPTS'] as const;

function envTokens(c: ContainerView, name: string): Token[] {
  const i = c.env.findIndex((e) => e.name === name);
  const e = c.env[i];
  return e?.value === undefined ? [] : tokensOf(e.value, [...c.path, 'env', i, 'value'], name);
}

function envSetting<T>(
  c: ContainerView,
  names: readonly string[],
  parse: (s: string) => T | undefined,
): Setting<T> | undefined {
  for (const name of names) {
    const i = c.env.findIndex((e: EnvVar) => e.name === name);
    const raw = c.env[i]?.value;
    if (raw === undefined) continue;
    const value = parse(raw);
    if (value === undefined) continue;
    return {
      value,
      raw,
      site: { path: [...c.path, 'env', i, 'value'], text: raw, start: 0, end: raw.length, origin: name },
    };
  }
  return undefined;
}

function parseJvmOption(t: Token): JvmOption | undefined {
  const s = t.text;
  const base = { raw: s, site: t.site };
  let m = /^-XX:([+-])(\w+)$/.exec(s);
  if (m) return { ...base, name: m[2]!, enabled: m[1] === '+' };
  m = /^-XX:(\w+)=(.*)$/.exec(s);
  if (m) return { ...base, name: m[1]!, value: m[2]! };
  m = /^-X(mx|ms|ss|mn)(.+)$/.exec(s);
  if (m) return { ...base, name: `X${m[1]}`, value: m[2]! };
  m = /^-X(loggc):(.*)$/.exec(s);
  if (m) return { ...base, name: 'Xloggc', value: m[2]! };
  m = /^-X(\w+)$/.exec(s);
  if (m) return { ...base, name: `X${m[1]}` };
  return undefined;
}

const JAVA_PROGRAMS = ['java', 'java.exe'];
const JAVA_IMAGE = /(openjdk|temurin|corretto|zulu|liberica|semeru|sapmachine|graalvm|jdk|jre|java)/i;

/** JDK feature release from an image reference, when the image says it (tag or repository). */
export function inferJdkVersion(image: string | undefined): number | undefined {
  if (!image || !JAVA_IMAGE.test(image)) return undefined;
  const name = image.replace(/@.*$/, '');
  const m = /(?:jdk|jre|java|openjdk|temurin|corretto|zulu|semeru|open)-?(\d{1,2})(?!\d)/i.exec(
    name.slice(name.lastIndexOf('/') + 1),
  );
  const tag = name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : '';
  const lead = /^(?:open-)?(\d{1,2})(?:u\d+)?(?=$|[._\-+])/.exec(tag);
  const n = Number(m?.[1] ?? lead?.[1] ?? NaN);
  return n >= 6 && n <= 40 ? n : undefined;
}

function last<T>(
  opts: readonly JvmOption[],
  names: readonly string[],
  parse: (s: string) => T | undefined,
): Setting<T> | undefined {
  for (let i = opts.length - 1; i >= 0; i--) {
    const o = opts[i]!;
    if (!names.includes(o.name) || o.value === undefined) continue;
    const value = parse(o.value);
    if (value !== undefined) return { value, raw: o.raw, site: o.site };
  }
  return undefined;
}

const parsePercent = (s: string): number | undefined => (/^\d+(\.\d+)?$/.test(s) ? Number(s) : undefined);

function parseJvm(c: ContainerView, cmd: readonly Token[]): JvmSettings | undefined {
  const javaAt = cmd.findIndex((t) => isProgram(t.text, JAVA_PROGRAMS));
  const fromCmd = javaAt >= 0 ? cmd.slice(javaAt + 1) : [];
  const tokens = [...JVM_ENV.flatMap((n) => envTokens(c, n)), ...fromCmd];
  const options = tokens.flatMap((t) => parseJvmOption(t) ?? []);
  const jdkVersion = inferJdkVersion(c.image);
  const hasEnv = JVM_ENV.some((n) => c.env.some((e) => e.name === n));
  if (javaAt < 0 && !hasEnv && jdkVersion === undefined) return undefined;
  const settings: { -readonly [K in keyof JvmSettings]?: JvmSettings[K] } = {
    options,
    detectedBy: javaAt >= 0 || options.length > 0 ? 'options' : 'image',
  };
  const put = <K extends keyof JvmSettings>(k: K, v: JvmSettings[K] | undefined) => {
    if (v !== undefined) settings[k] = v;
  };
  put('maxHeap', last(options, ['Xmx', 'MaxHeapSize'], parseJvmSize));
  put('initialHeap', last(options, ['Xms', 'InitialHeapSize'], parseJvmSize));
  put('maxRamPercentage', last(options, ['MaxRAMPercentage'], parsePercent));
  put('initialRamPercentage', last(options, ['InitialRAMPercentage'], parsePercent));
  put('activeProcessorCount', last(options, ['ActiveProcessorCount'], parseInteger));
  put('parallelGcThreads', last(options, ['ParallelGCThreads'], parseInteger));
  put('concGcThreads', last(options, ['ConcGCThreads'], parseInteger));
  put('jdkVersion', jdkVersion);
  return settings as JvmSettings;
}

function parseGo(c: ContainerView): GoSettings | undefined {
  const gomaxprocs = envSetting(c, ['GOMAXPROCS'], parseInteger);
  const gomemlimit = envSetting<Bytes | 'off'>(c, ['GOMEMLIMIT'], (s) =>
    s.trim() === 'off' ? 'off' : parseGoBytes(s),
  );
  const gogc = envSetting<number | 'off'>(c, ['GOGC'], (s) =>
    s.trim().toLowerCase() === 'off' ? 'off' : parseInteger(s),
  );
  if (!gomaxprocs && !gomemlimit && !gogc) return undefined;
  return { ...(gomaxprocs ? { gomaxprocs } : {}), ...(gomemlimit ? { gomemlimit } : {}), ...(gogc ? { gogc } : {}) };
}

const MIB = 2 ** 20;

function parseNode(c: ContainerView, cmd: readonly Token[]): NodeSettings | undefined {
  const nodeAt = cmd.findIndex((t) => isProgram(t.text, ['node', 'nodejs']));
  const tokens = [...envTokens(c, 'NODE_OPTIONS'), ...(nodeAt >= 0 ? cmd.slice(nodeAt + 1) : [])];
  let maxOldSpace: Setting<Bytes> | undefined;
  for (const t of tokens) {
    const m = /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(t.text);
    if (m) maxOldSpace = { value: Number(m[1]) * MIB, raw: t.text, site: t.site };
  }
  const uvThreadpoolSize = envSetting(c, ['UV_THREADPOOL_SIZE'], parseInteger);
  if (!maxOldSpace && !uvThreadpoolSize) return undefined;
  return { ...(maxOldSpace ? { maxOldSpace } : {}), ...(uvThreadpoolSize ? { uvThreadpoolSize } : {}) };
}

/** `-w 4`, `--workers 4`, `--workers=4`, `-w4` after a gunicorn/uvicorn program token. */
function workersFlag(tokens: readonly Token[], short: boolean): Setting<number> | undefined {
  let found: Setting<number> | undefined;
  tokens.forEach((t, i) => {
    const eq = /^--workers=(\d+)$/.exec(t.text) ?? (short ? /^-w(\d+)$/.exec(t.text) : null);
    if (eq) found = { value: Number(eq[1]), raw: t.text, site: t.site };
    const next = tokens[i + 1];
    if ((t.text === '--workers' || (short && t.text === '-w')) && next && /^\d+$/.test(next.text))
      found = { value: Number(next.text), raw: next.text, site: next.site };
  });
  return found;
}

function parsePython(c: ContainerView, cmd: readonly Token[]): PythonSettings | undefined {
  for (const server of ['gunicorn', 'uvicorn'] as const) {
    const at = cmd.findIndex((t) => isProgram(t.text, [server]) || t.text === server);
    if (at < 0) continue;
    const fromEnv = server === 'gunicorn' ? workersFlag(envTokens(c, 'GUNICORN_CMD_ARGS'), true) : undefined;
    const workers = workersFlag(cmd.slice(at + 1), server === 'gunicorn') ?? fromEnv;
    if (workers) return { workers, server };
  }
  const env = envSetting(c, ['WEB_CONCURRENCY'], parseInteger);
  return env ? { workers: env, server: 'WEB_CONCURRENCY' } : undefined;
}

function parseDotnet(c: ContainerView): DotnetSettings | undefined {
  const names = (n: string) => [`DOTNET_${n}`, `COMPlus_${n}`];
  const heapHardLimit = envSetting(c, names('GCHeapHardLimit'), parseDotnetHex);
  const heapHardLimitPercent = envSetting(c, names('GCHeapHardLimitPercent'), parseDotnetHex);
  const heapCount = envSetting(c, names('GCHeapCount'), parseDotnetHex);
  if (!heapHardLimit && !heapHardLimitPercent && !heapCount) return undefined;
  return {
    ...(heapHardLimit ? { heapHardLimit } : {}),
    ...(heapHardLimitPercent ? { heapHardLimitPercent } : {}),
    ...(heapCount ? { heapCount } : {}),
  };
}

const parsed = new WeakMap<ContainerView, RuntimeSettings>();

/**
 * Parses every runtime setting of one container (env, command, args, image), once per container view:
 * the ten runtime rules and rightsizing all ask for the same container.
 */
export function parseRuntimeSettings(container: ContainerView): RuntimeSettings {
  let settings = parsed.get(container);
  if (!settings) {
    settings = computeRuntimeSettings(container);
    parsed.set(container, settings);
  }
  return settings;
}

function computeRuntimeSettings(container: ContainerView): RuntimeSettings {
  const cmd = commandTokens(container.command, container.args, container.path);
  const out: { -readonly [K in keyof RuntimeSettings]?: RuntimeSettings[K] } = {
    container: container.name,
    containerPath: container.path,
    envCount: Array.isArray(container.raw['env']) ? container.raw['env'].length : 0,
  };
  const jvm = parseJvm(container, cmd);
  if (jvm) out.jvm = jvm;
  const go = parseGo(container);
  if (go) out.go = go;
  const node = parseNode(container, cmd);
  if (node) out.node = node;
  const python = parsePython(container, cmd);
  if (python) out.python = python;
  const dotnet = parseDotnet(container);
  if (dotnet) out.dotnet = dotnet;
  return out as RuntimeSettings;
}

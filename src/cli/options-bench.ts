/**
 * Option rows of `kubetune bench run|history|show|compare`. A row's `sub` names the subcommands it belongs to. The
 * choices and the namespace default are written here so `--help` loads no bench module; options.test.ts checks they
 * agree with BENCH_REPORTERS, SUITE_NAMES and BENCH_NAMESPACE.
 */
import type { OptionDef } from './options.js';

const B = ['bench'] as const;
const ALL = ['run', 'history', 'show', 'compare'] as const;
const RUN = ['run'] as const;

/** The bench subcommands, in help order. */
export const BENCH_SUBCOMMANDS = ALL;
/** bench/report/index.ts BENCH_REPORTERS. */
export const BENCH_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
/** model/bench.ts SUITE_NAMES. */
export const BENCH_SUITES = ['quick', 'full', 'network', 'storage', 'control-plane', 'all'] as const;
/** The bench config file read from the working directory when --config is not given. */
export const BENCH_CONFIG_FILE = 'bench.yaml';

export const BENCH: OptionDef[] = [
  {
    name: 'local',
    type: 'boolean',
    help: 'run the node-level suites on this machine with stress-ng, fio, iperf3 (no cluster)',
    commands: B,
    sub: RUN,
  },
  {
    name: 'suite',
    type: 'choice',
    value: '<name>',
    choices: BENCH_SUITES,
    default: 'quick',
    help: 'suite',
    commands: B,
    sub: RUN,
  },
  {
    name: 'repeat',
    type: 'int',
    value: '<n>',
    min: 1,
    default: '1',
    help: 'repeats of every test (5 or more for a noise-aware comparison)',
    commands: B,
    sub: RUN,
  },
  {
    name: 'dir',
    type: 'dir',
    value: '<path>',
    help: 'filesystem the local disk tests measure (default: the temp directory)',
    commands: B,
    sub: RUN,
  },
  {
    name: 'baseline',
    type: 'string',
    value: '<spec>',
    default: 'last',
    help: 'last | median:N | RUN-ID',
    commands: B,
    sub: ['run', 'compare'],
  },
  { name: 'no-history', type: 'boolean', help: 'do not read or write the history store', commands: B, sub: RUN },
  {
    name: 'pushgateway',
    type: 'url',
    value: '<url>',
    help: 'also push the medians, gates and counts as gauges to this Pushgateway',
    commands: B,
    sub: RUN,
  },
  {
    name: 'job',
    type: 'string',
    value: '<name>',
    default: 'kubetune-bench',
    help: 'Pushgateway job label',
    commands: B,
    sub: RUN,
  },
  {
    name: 'dry-run',
    type: 'boolean',
    help: 'print every object a cluster run would create (namespace, Jobs, PVCs, pods, Services)',
    commands: B,
    sub: RUN,
  },
  {
    name: 'namespace',
    type: 'string',
    value: '<ns>',
    default: 'kubetune-bench',
    help: 'namespace of the cluster benchmark objects',
    commands: B,
    sub: RUN,
  },
  {
    name: 'storage-class',
    type: 'string',
    value: '<names>',
    help: 'StorageClasses to measure, comma-separated (default: the node disk, emptyDir)',
    commands: B,
    sub: RUN,
  },
  {
    name: 'node-selector',
    type: 'string',
    value: '<k=v,...>',
    help: 'run benchmark pods on these nodes (a pool, a zone)',
    commands: B,
    sub: RUN,
  },
  {
    name: 'image',
    type: 'string',
    value: '<tool=image>',
    repeatable: true,
    help: 'image per tool (stress-ng, fio, iperf3), repeatable',
    commands: B,
    sub: RUN,
  },
  {
    name: 'limit',
    type: 'int',
    value: '<n>',
    min: 1,
    default: '20',
    help: 'runs to list',
    commands: B,
    sub: ['history'],
  },
  {
    name: 'store',
    type: 'string',
    value: '<file|url>',
    env: 'KUBETUNE_BENCH_STORE',
    help: 'history: an SQLite file, or postgres://user@host/db (default: ~/.local/share/kubetune/bench.sqlite)',
    commands: B,
    sub: ALL,
  },
  {
    name: 'config',
    type: 'file',
    value: '<file>',
    help: `bench profile, tolerances and gates (default: ./${BENCH_CONFIG_FILE} when present)`,
    commands: B,
    sub: ALL,
  },
  {
    name: 'format',
    short: 'f',
    type: 'choice',
    value: '<format>',
    choices: BENCH_FORMATS,
    default: 'text',
    help: 'report format',
    commands: B,
    sub: ALL,
  },
];

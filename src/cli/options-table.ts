/**
 * The rows of the option table (options.ts), grouped by what they configure. Choices that other modules own
 * (output formats, rule areas) are written here so `--help` loads nothing else; options.test.ts checks they agree.
 */
import { FAIL_ON_LEVELS } from '../engine/fail-on.js';
import { PROFILE_NAMES } from '../knowledge/profiles.js';
import type { CommandName, OptionDef } from './options.js';

/** The reporters' names (reporters/index.ts). */
export const OUTPUT_FORMATS = ['text', 'json', 'yaml', 'sarif', 'junit', 'markdown', 'html'] as const;
/** Every rule area (engine/types.ts Area). */
export const AREAS = [
  'workloads',
  'probes',
  'images',
  'schema',
  'namespaces',
  'control-plane',
  'scheduler',
  'node',
  'runtime-config',
  'cni',
  'runtime',
  'scheduling',
  'network',
  'storage',
  'autoscaling',
  'deprecations',
  'monitoring',
] as const;

const REPORTING: readonly CommandName[] = ['audit', 'diagnose', 'rightsize'];
const AUDITING: readonly CommandName[] = ['audit', 'fix'];
const CLUSTER: readonly CommandName[] = ['audit', 'snapshot', 'health'];
const KUBECONFIG_HELP = 'kubeconfig (default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account)';

/** Output of every command that prints a Report. */
const OUTPUT: OptionDef[] = [
  {
    name: 'output',
    short: 'o',
    type: 'choice',
    value: '<format>',
    choices: OUTPUT_FORMATS,
    default: 'text',
    help: 'output format',
    commands: REPORTING,
  },
  {
    name: 'output-file',
    type: 'file',
    value: '<file>',
    help: 'write the report to a file instead of stdout',
    commands: REPORTING,
  },
  {
    name: 'no-color',
    type: 'boolean',
    help: 'never colour the text output (also NO_COLOR, TERM=dumb)',
    commands: REPORTING,
  },
  {
    name: 'verbose',
    short: 'v',
    type: 'boolean',
    help: 'show every diagnostic, info-level ones included (skipped rules, notes)',
    commands: ['audit'],
  },
  {
    name: 'verbose',
    short: 'v',
    type: 'boolean',
    help: 'show every diagnostic, info-level ones included (KPIs without traffic, notes)',
    commands: ['diagnose', 'rightsize'],
  },
];

/** What to audit against, shared by audit and fix; profile also picks diagnose's and rightsize's thresholds. */
const AUDIT: OptionDef[] = [
  {
    name: 'fail-on',
    type: 'choice',
    value: '<level>',
    choices: FAIL_ON_LEVELS,
    default: 'error',
    config: 'failOn',
    help: 'exit 1 when a finding is at or above this severity or priority (README: Severity, priority and --fail-on)',
    commands: ['audit'],
  },
  {
    name: 'kube-version',
    type: 'kube-version',
    value: '<version>',
    config: 'kubeVersion',
    help: "Kubernetes version to check against (default: 1.35; live: the server's)",
    commands: [...AUDITING, 'plan', 'generate'],
  },
  {
    name: 'profile',
    type: 'choice',
    value: '<name>',
    choices: PROFILE_NAMES,
    config: 'profile',
    help: 'threshold profile (default: guide)',
    commands: [...AUDITING, 'diagnose', 'rightsize', 'generate'],
  },
  {
    name: 'config',
    type: 'file',
    value: '<file>',
    help: 'config file (default: ./.kubetune.yaml when present)',
    commands: AUDITING,
  },
  { name: 'rule', type: 'list', value: '<ids>', help: 'only these rules (comma list, repeatable)', commands: AUDITING },
  {
    name: 'area',
    type: 'list',
    value: '<areas>',
    choices: AREAS,
    help: 'only rules of these areas (comma list, repeatable)',
    commands: [...AUDITING, 'rules'],
  },
  {
    name: 'workers',
    type: 'int',
    value: '<n>',
    min: 0,
    max: 64,
    help: 'worker threads that parse large YAML files (default: the CPUs this process may use, within a container CPU limit, up to 4; 0: none)',
    commands: ['audit'],
  },
  { name: 'dry-run', type: 'boolean', help: 'print a unified diff instead of writing the files', commands: ['fix'] },
];

/** The cluster a live command reads. */
const CLUSTER_OPTIONS: OptionDef[] = [
  { name: 'kubeconfig', type: 'file', value: '<file>', help: KUBECONFIG_HELP, commands: [...CLUSTER, 'rightsize'] },
  {
    name: 'context',
    type: 'string',
    value: '<name>',
    help: 'kube context (default: current-context)',
    commands: [...CLUSTER, 'rightsize'],
  },
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    value: '<ns>',
    help: 'only this namespace (cluster-scoped kinds are still read)',
    commands: ['audit', 'snapshot'],
  },
  {
    name: 'all-namespaces',
    short: 'A',
    type: 'boolean',
    help: 'every namespace (the default)',
    commands: ['audit', 'snapshot'],
  },
  {
    name: 'concurrency',
    type: 'int',
    value: '<n>',
    min: 1,
    default: '4',
    help: 'lists in flight at once',
    commands: ['snapshot'],
  },
  {
    name: 'page-size',
    type: 'int',
    value: '<n>',
    min: 1,
    default: '500',
    help: 'objects per LIST page',
    commands: ['snapshot'],
  },
  {
    name: 'no-kubelet',
    type: 'boolean',
    help: 'do not read kubelet configz through the nodes proxy',
    commands: ['snapshot'],
  },
];

const DIAGNOSE: OptionDef[] = [
  {
    name: 'metrics-file',
    type: 'file',
    value: '<file...>',
    variadic: true,
    help: 'offline: raw /metrics scrapes (Prometheus text format), e.g. apiserver, etcd, cadvisor',
    commands: ['diagnose'],
  },
  {
    name: 'window',
    type: 'duration',
    value: '<duration>',
    default: '1h',
    help: 'analysed period ending at --time',
    commands: ['diagnose'],
  },
  {
    name: 'time',
    type: 'time',
    value: '<time>',
    help: 'end of the window: RFC 3339 or unix seconds (default: now)',
    commands: ['diagnose'],
  },
  {
    name: 'fail-on',
    type: 'choice',
    value: '<level>',
    choices: FAIL_ON_LEVELS,
    default: 'P0',
    help: 'exit 1 when a finding is at or above this priority or severity (README: Severity, priority and --fail-on)',
    commands: ['diagnose'],
  },
  {
    name: 'topk',
    type: 'int',
    value: '<n>',
    min: 1,
    default: '5',
    help: 'worst series kept per KPI as evidence',
    commands: ['diagnose'],
  },
  { name: 'no-summary', type: 'boolean', help: 'do not print the query/KPI summary on stderr', commands: ['diagnose'] },
];

export { OUTPUT, AUDIT, CLUSTER_OPTIONS, DIAGNOSE };

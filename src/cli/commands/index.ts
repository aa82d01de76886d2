import type { AnyCommandSpec } from '../command.js';

const PATHS = 'files, directories (recursive), globs, or - for stdin';

/** Every CLI command, in help order. Bodies load lazily: `kubetune --help` reads only this list. */
export const COMMANDS: readonly AnyCommandSpec[] = [
  {
    name: 'audit',
    description:
      'Audit manifests and component configs (files, directories, globs, - for stdin), or the current kube context when no path is given',
    args: [{ syntax: '[paths...]', help: PATHS }],
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    name: 'fix',
    description:
      'Apply the fixes of fixable findings to manifest files, keeping comments, key order and untouched lines',
    args: [{ syntax: '<paths...>', help: 'files, directories (recursive) or globs; stdin cannot be fixed' }],
    load: async () => (await import('./fix.js')).fixCommand,
  },
  {
    name: 'diagnose',
    description: 'Find bottlenecks (P0/P1/P2) and their root causes from Prometheus metrics or raw /metrics scrapes',
    load: async () => (await import('./diagnose.js')).diagnoseCommand,
  },
  {
    name: 'rightsize',
    description:
      'Recommend requests, limits and runtime settings from usage history in Prometheus; [paths] hold the current manifests',
    args: [
      {
        syntax: '[paths...]',
        help: 'manifests with the current spec (files, directories, globs, - for stdin); kube-state-metrics otherwise',
      },
    ],
    load: async () => (await import('./rightsize.js')).rightsizeCommand,
  },
  {
    name: 'snapshot',
    description:
      'Write what a live audit reads from the cluster (redacted) to a file, to audit offline or attach to a ticket',
    load: async () => (await import('./snapshot.js')).snapshotCommand,
  },
  {
    name: 'health',
    description: 'Print the cluster health record (CPU %, memory %, API p99, healthy/warning) as one JSON line',
    load: async () => (await import('./health.js')).healthCommand,
  },
  {
    name: 'plan',
    description:
      'Pick the capacity tier for a cluster size and write tuned control-plane, node and runtime configs plus a capacity plan',
    load: async () => (await import('./plan.js')).planCommand,
  },
  {
    name: 'bench',
    description: 'Benchmark this machine or the cluster, keep a history, catch regressions against a baseline',
    legacy: true,
    load: async () => (await import('./bench.js')).benchCommand,
  },
  {
    name: 'generate',
    description: 'Generate alerting/recording rules, Grafana dashboards and promtool tests from the KPI catalogue',
    args: [
      {
        syntax: '<what...>',
        help: 'what to generate: rules, dashboards, tests',
        choices: ['rules', 'dashboards', 'tests'],
      },
    ],
    load: async () => (await import('./generate.js')).generateCommand,
  },
  {
    name: 'predict',
    description: "Learn what drives API server latency from this cluster's Prometheus history; what-if and capacity",
    legacy: true,
    load: async () => (await import('./predict.js')).predictCommand,
  },
  {
    name: 'rules',
    description: 'List the rule catalogue',
    load: async () => (await import('./rules.js')).rulesCommand,
  },
  {
    name: 'explain',
    description: 'Explain a rule: why it matters, messages, thresholds per profile, how to configure it',
    args: [{ syntax: '<rule>', help: 'rule id' }],
    load: async () => (await import('./rules.js')).explainCommand,
  },
  {
    name: 'completion',
    description: 'Print a shell completion script: bash, zsh or fish (e.g. source <(kubetune completion bash))',
    args: [{ syntax: '<shell>', help: 'bash, zsh or fish', choices: ['bash', 'zsh', 'fish'] }],
    load: async () => (await import('./completion.js')).completionCommand,
  },
];

/** One connection option set for every command that talks to a Prometheus-compatible API (a row per flag). */
import { PROMETHEUS_FLAVORS } from '../knowledge/prometheus-flavors.js';
import type { CommandName, OptionDef } from './options.js';

/** The commands that query Prometheus; a new one adds its name here and gets every connection flag. */
export const PROMETHEUS_COMMANDS: readonly CommandName[] = ['diagnose', 'rightsize', 'health', 'generate'];
const PROMETHEUS = PROMETHEUS_COMMANDS;

export const PROMETHEUS_OPTIONS: OptionDef[] = [
  {
    name: 'prometheus',
    type: 'url',
    value: '<url>',
    env: 'KUBETUNE_PROMETHEUS_URL',
    help: 'Prometheus-compatible API base URL (Prometheus, Thanos, Mimir, VictoriaMetrics)',
    commands: PROMETHEUS,
  },
  {
    name: 'prometheus-flavor',
    type: 'choice',
    value: '<flavor>',
    choices: PROMETHEUS_FLAVORS.map((f) => f.name),
    default: 'prometheus',
    help: 'what serves the API: adds its path prefix when the URL has none (mimir: /prometheus)',
    commands: PROMETHEUS,
  },
  {
    name: 'prometheus-token',
    type: 'string',
    value: '<token>',
    env: 'KUBETUNE_PROMETHEUS_TOKEN',
    hidden: true,
    help: 'bearer token (kept for old scripts: a flag lands in shell history)',
    commands: PROMETHEUS,
  },
  {
    name: 'bearer-token-file',
    type: 'file',
    value: '<file>',
    help: 'file holding the bearer token (or $KUBETUNE_PROMETHEUS_TOKEN)',
    commands: PROMETHEUS,
  },
  {
    name: 'basic-auth-user',
    type: 'string',
    value: '<name>',
    help: 'basic auth user (password: --basic-auth-password-file or $KUBETUNE_PROMETHEUS_PASSWORD)',
    commands: PROMETHEUS,
  },
  {
    name: 'basic-auth-password-file',
    type: 'file',
    value: '<file>',
    help: 'file holding the basic auth password',
    commands: PROMETHEUS,
  },
  {
    name: 'header',
    short: 'H',
    type: 'string',
    value: '<header>',
    repeatable: true,
    help: 'extra HTTP header "Name: value", repeatable (e.g. "X-Scope-OrgID: tenant")',
    commands: PROMETHEUS,
  },
  {
    name: 'ca-file',
    type: 'file',
    value: '<file>',
    help: 'CA bundle (PEM) to verify the server',
    commands: PROMETHEUS,
  },
  {
    name: 'insecure-skip-tls-verify',
    type: 'boolean',
    help: 'do not verify the server certificate',
    commands: PROMETHEUS,
  },
  {
    name: 'timeout',
    type: 'duration',
    value: '<duration>',
    default: '30s',
    defaults: { generate: '60s' },
    help: 'per-request timeout',
    commands: PROMETHEUS,
  },
  {
    name: 'retries',
    type: 'int',
    value: '<n>',
    min: 0,
    default: '3',
    help: 'retries on 5xx/429/network errors (exponential backoff)',
    commands: PROMETHEUS,
  },
  {
    name: 'concurrency',
    type: 'int',
    value: '<n>',
    min: 1,
    default: '4',
    defaults: { generate: '2' },
    help: 'concurrent queries',
    commands: PROMETHEUS,
  },
  {
    name: 'max-queries',
    type: 'int',
    value: '<n>',
    min: 1,
    help: 'query budget: stop querying after n requests',
    commands: PROMETHEUS,
  },
];

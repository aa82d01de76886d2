import type { Readable } from 'node:stream';
import { DEFAULT_KUBE_VERSION, formatKubeVersion, parseKubeVersion, type KubeVersion } from '../core/version.js';
import { UsageError } from '../core/errors.js';
import type { KubetuneConfig } from '../engine/config.js';
import { mergeRuns, runRules, type FindingBudget, type RunOptions, type RunResult } from '../engine/run.js';
import type { AnyRule, Need } from '../engine/types.js';
import type { ProfileName } from '../knowledge/profiles.js';
import { extractComponents, type Extracted } from '../model/components/extract.js';
import { Snapshot } from '../model/snapshot.js';
import { buildReport, type Report } from '../reporters/report.js';
import { RULES } from '../rules/index.js';
import { readInputs, type ReadResult } from '../sources/files/read.js';
import type { ParallelOptions } from '../sources/files/parse-pool.js';
import { refineTableLines } from './refine-lines.js';
import { VERSION } from './version.js';

export interface AuditOptions {
  readonly kubeVersion?: string;
  readonly profile?: ProfileName;
  readonly config?: KubetuneConfig;
  /** Rules to run (default: every built-in rule). */
  readonly rules?: readonly AnyRule[];
  readonly available?: readonly Need[];
  readonly now?: Date;
  /** Worker threads for large input files (see ReadOptions.parallel). */
  readonly parallel?: ParallelOptions;
  /** Stops collecting findings before memory runs out (see heapBudget). */
  readonly budget?: FindingBudget;
}

export interface AuditResult {
  readonly report: Report;
  readonly snapshot: Snapshot;
  readonly read: ReadResult;
  readonly run: RunResult;
}

export function resolveKubeVersion(input: string | undefined): KubeVersion {
  const text = input ?? DEFAULT_KUBE_VERSION;
  const v = parseKubeVersion(text);
  if (!v)
    throw new UsageError(`--kube-version: not a Kubernetes version: ${JSON.stringify(text)} (expected e.g. 1.33)`);
  return v;
}

/** Builds the snapshot from what a source read (component configs included) and audits it. */
export function auditRead(read: ReadResult, options: AuditOptions = {}, command = 'audit'): AuditResult {
  const audit = prepareAudit(read, options);
  return finishAudit(audit, runRules(audit.rules, audit.snapshot, audit.runOptions), options, command);
}

/**
 * auditRead for a read whose worker still validates objects against the schema (`schemaValidated`): the other
 * rules run meanwhile, `schema-invalid` once the validation is in.
 */
export async function auditReadWhenValidated(
  read: ReadResult,
  options: AuditOptions = {},
  command = 'audit',
): Promise<AuditResult> {
  if (!read.schemaValidated) return auditRead(read, options, command);
  const audit = prepareAudit(read, options);
  const later = (r: AnyRule) => r.id === 'schema-invalid';
  const first = runRules(
    audit.rules.filter((r) => !later(r)),
    audit.snapshot,
    audit.runOptions,
  );
  await read.schemaValidated;
  const second = runRules(audit.rules.filter(later), audit.snapshot, audit.runOptions);
  return finishAudit(audit, mergeRuns(audit.rules, [first, second]), options, command);
}

interface PreparedAudit {
  readonly read: ReadResult;
  readonly kubeVersion: KubeVersion;
  readonly extracted: Extracted;
  readonly snapshot: Snapshot;
  readonly rules: readonly AnyRule[];
  readonly profile: ProfileName;
  readonly runOptions: RunOptions;
}

function prepareAudit(read: ReadResult, options: AuditOptions): PreparedAudit {
  const kubeVersion = resolveKubeVersion(options.kubeVersion ?? options.config?.kubeVersion);
  let extracted: Extracted = { components: [], diagnostics: [] };
  const snapshot = new Snapshot(read.resources, (indexed) => {
    extracted = extractComponents(read.resources, (r) => indexed.controllerOf(r));
    return [...read.components, ...extracted.components];
  });
  const profile = options.profile ?? options.config?.profile ?? 'guide';
  const runOptions: RunOptions = {
    kubeVersion,
    profile,
    ...(options.config ? { config: options.config } : {}),
    ...(options.available ? { available: options.available } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  };
  return { read, kubeVersion, extracted, snapshot, rules: options.rules ?? RULES, profile, runOptions };
}

function finishAudit(audit: PreparedAudit, run: RunResult, options: AuditOptions, command: string): AuditResult {
  const { read, extracted, snapshot, rules, kubeVersion, profile } = audit;
  const report = buildReport({
    command,
    version: VERSION,
    kubeVersion: formatKubeVersion(kubeVersion),
    profile,
    findings: run.table,
    diagnostics: [...read.diagnostics, ...extracted.diagnostics, ...run.diagnostics],
    rules,
    objects: read.stats.objects + snapshot.components.length,
    files: read.stats.files,
    skipped: read.stats.skipped,
    ...(options.now ? { generatedAt: options.now.toISOString() } : {}),
  });
  return { report, snapshot, read, run };
}

/** Reads manifests and component configs from paths (files, directories, globs, `-`) and audits them. */
export async function auditFiles(
  paths: readonly string[],
  options: AuditOptions & { stdin?: Readable; cwd?: string } = {},
): Promise<AuditResult> {
  const rules = options.rules ?? RULES;
  const read = await readInputs(paths, {
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.parallel ? { parallel: options.parallel } : {}),
    // Large files: the reader's worker threads validate objects against the schema while they parse.
    validateSchema: rules.some((r) => r.id === 'schema-invalid'),
  });
  const result = await auditReadWhenValidated(read, options);
  await refineTableLines(result.run.table, { stdin: read.stdin }); // the report reads the same table
  return result;
}

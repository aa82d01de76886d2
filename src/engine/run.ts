import { satisfies, type KubeVersion } from '../core/version.js';
import { PROFILES, type ProfileName } from '../knowledge/profiles.js';
import { formatRef } from '../model/object.js';
import type { Snapshot } from '../model/snapshot.js';
import { EMPTY_CONFIG, isExempt, isIgnoredByAnnotation, type KubetuneConfig } from './config.js';
import { FindingTable } from './finding-table.js';
import { SUBJECT_LOCATION, subjectsOf } from './subjects.js';
import type { AnyRule, Diagnostic, Finding, Located, Need, RuleContext, Severity, Target, Violation } from './types.js';

export interface RunOptions {
  readonly kubeVersion: KubeVersion;
  readonly profile?: ProfileName;
  readonly config?: KubetuneConfig;
  /** Inputs available to rules (`needs`); a rule whose needs are missing is reported as skipped. */
  readonly available?: readonly Need[];
  /** Collect into this table (a later run over the same snapshot) instead of a new one. */
  readonly into?: FindingTable;
  /** Asked every few thousand findings whether memory allows more; when not, the run stops with a diagnostic. */
  readonly budget?: FindingBudget;
}

/** A port over the process's memory: the shell watches the heap, the engine only asks. */
export interface FindingBudget {
  /** A reason to stop collecting (e.g. "the heap is 90% full"), or undefined to go on. */
  exhausted(): string | undefined;
}

/** How often (in findings) the budget is asked. */
const BUDGET_EVERY = 4096;

export interface RuleStat {
  readonly ruleId: string;
  readonly status: 'ran' | 'off' | 'not-applicable' | 'skipped' | 'error';
  readonly findings: number;
}

export interface RunResult {
  /** Every finding in order, as plain objects (materialised on first use from `table`). */
  readonly findings: readonly Finding[];
  /** The findings, compact and sorted: what streaming reporters read. */
  readonly table: FindingTable;
  readonly diagnostics: readonly Diagnostic[];
  readonly rules: readonly RuleStat[];
}

/** Runs rules over a snapshot. Pure: a rule that throws becomes a `rule-error` diagnostic, never a pass. */
export function runRules(rules: readonly AnyRule[], snapshot: Snapshot, options: RunOptions): RunResult {
  const config = options.config ?? EMPTY_CONFIG;
  const profile = options.profile ?? config.profile ?? 'guide';
  const available = new Set(options.available ?? []);
  const findings = options.into ?? new FindingTable();
  const diagnostics: Diagnostic[] = [];
  const stats: RuleStat[] = [];
  let stopped: string | undefined;
  let nextCheck = findings.length + BUDGET_EVERY;
  for (const rule of rules) {
    if (stopped) break;
    const setting = config.rules[rule.id];
    if (setting?.severity === 'off') {
      stats.push({ ruleId: rule.id, status: 'off', findings: 0 });
      continue;
    }
    if (rule.kubernetes && !satisfies(options.kubeVersion, rule.kubernetes)) {
      stats.push({ ruleId: rule.id, status: 'not-applicable', findings: 0 });
      continue;
    }
    const missing = (rule.needs ?? []).filter((n) => !available.has(n));
    if (missing.length > 0) {
      diagnostics.push({
        code: 'rule-skipped',
        severity: 'info',
        ruleId: rule.id,
        message: `${rule.id} skipped: no ${missing.join(', ')}`,
      });
      stats.push({ ruleId: rule.id, status: 'skipped', findings: 0 });
      continue;
    }
    const ctx: RuleContext = {
      profile,
      thresholds: PROFILES[profile],
      kubeVersion: options.kubeVersion,
      snapshot,
      options: setting?.options ?? {},
    };
    const severity: Severity = setting?.severity ?? rule.defaultSeverity;
    const before = findings.length;
    let errored = false;
    const locate = SUBJECT_LOCATION[rule.target as Target] as (subject: unknown) => Located;
    const filtered = rule.target !== 'object'; // object rules get only their kinds from subjectsOf
    for (const subject of subjectsOf(rule, snapshot)) {
      if (filtered && !appliesTo(rule, subject)) continue;
      if (findings.length >= nextCheck) {
        nextCheck = findings.length + BUDGET_EVERY;
        if ((stopped = options.budget?.exhausted())) break;
      }
      try {
        for (const v of rule.check(subject as never, ctx) as Iterable<Violation<string>>) {
          const at = v.at ?? locate(subject);
          const problem = validateViolation(rule, v);
          if (problem) throw new Error(problem);
          if (isExempt(config, rule.id, at.ref)) continue;
          if (isIgnoredByAnnotation((at.object ?? objectOf(at))?.metadata?.annotations, rule.id)) continue;
          findings.add(rule, severity, v, at);
        }
      } catch (e) {
        const where = locate(subject);
        errored = true;
        diagnostics.push({
          code: 'rule-error',
          severity: 'error',
          ruleId: rule.id,
          object: where.ref,
          message: `rule ${rule.id} failed on ${formatRef(where.ref)}: ${e instanceof Error ? e.message : String(e)}`,
          ...(where.source ? { file: where.source.file, line: where.source.line } : {}),
        });
      }
    }
    stats.push({ ruleId: rule.id, status: errored ? 'error' : 'ran', findings: findings.length - before });
  }
  if (stopped)
    diagnostics.push({
      code: 'findings-truncated',
      severity: 'error',
      message: `stopped collecting findings after ${findings.length}: ${stopped}; the report is partial (audit fewer files at a time, or fewer rules with --rule/--area)`,
    });
  findings.sort();
  return runResult(findings, diagnostics, stats);
}

/** A RunResult whose `findings` array is built from the table only when someone asks for it. */
function runResult(table: FindingTable, diagnostics: readonly Diagnostic[], rules: readonly RuleStat[]): RunResult {
  let findings: readonly Finding[] | undefined;
  return {
    get findings() {
      return (findings ??= table.toArray());
    },
    table,
    diagnostics,
    rules,
  };
}

function appliesTo(rule: AnyRule, subject: unknown): boolean {
  if (rule.kinds) return rule.kinds.includes((subject as { object?: { kind?: string } }).object?.kind ?? '');
  if (rule.components) return rule.components.includes((subject as { component?: string }).component ?? '');
  return true;
}

const objectOf = (at: Located) => ('object' in at && at.object ? at.object : undefined);

function validateViolation(rule: AnyRule, v: Violation<string>): string | undefined {
  if (!(v.messageId in rule.messages)) return `unknown messageId "${v.messageId}"`;
  if (v.fix && !rule.fixable) return 'yielded a fix but is not declared fixable';
  return undefined;
}

/** One result from runs of parts of `rules` (e.g. a rule run later, once its input was ready), in `rules` order. */
export function mergeRuns(rules: readonly AnyRule[], runs: readonly RunResult[]): RunResult {
  const order = new Map(rules.map((r, i) => [r.id, i]));
  const at = (id: string | undefined) => (id === undefined ? -1 : (order.get(id) ?? rules.length));
  const stable = <T>(items: readonly T[], id: (x: T) => string | undefined): T[] =>
    items
      .map((x, i) => [x, i] as const)
      .sort((a, b) => at(id(a[0])) - at(id(b[0])) || a[1] - b[1])
      .map(([x]) => x);
  const table = new FindingTable();
  for (const r of runs) table.append(r.table);
  table.sort();
  return runResult(
    table,
    stable(
      runs.flatMap((r) => r.diagnostics),
      (d) => d.ruleId,
    ),
    stable(
      runs.flatMap((r) => r.rules),
      (s) => s.ruleId,
    ),
  );
}

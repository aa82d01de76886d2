/**
 * How severity and priority combine for `--fail-on` (README "Severity, priority and --fail-on").
 *
 * Every finding has a severity (how wrong the object or setting is: error, warning, info). Some also have a priority
 * (the guide's bottleneck rank of what it affects: P0 first); a finding without one ranks by its severity, error as
 * P0, warning as P1, info as P2 — the same mapping diagnose uses to give its bottlenecks a severity.
 * - `--fail-on error|warning|info` fails on findings of that severity or worse, whatever their priority;
 * - `--fail-on P0|P1|P2` fails on findings of that priority or more urgent (their own, or their severity's);
 * - `--fail-on none` never fails on findings.
 */
import { SEVERITIES, severityRank, type Finding, type Priority, type Severity } from './types.js';

export const PRIORITIES: readonly Priority[] = ['P0', 'P1', 'P2'];
export type FailOn = Severity | Priority | 'none';
export const FAIL_ON_LEVELS: readonly FailOn[] = [...SEVERITIES, ...PRIORITIES, 'none'];

export const isFailOn = (s: unknown): s is FailOn => FAIL_ON_LEVELS.includes(s as FailOn);

const PRIORITY_OF: Readonly<Record<Severity, Priority>> = { error: 'P0', warning: 'P1', info: 'P2' };

/** The priority a finding ranks by: its own, else its severity's. */
export const effectivePriority = (f: Pick<Finding, 'severity' | 'priority'>): Priority =>
  f.priority ?? PRIORITY_OF[f.severity];

/** Whether the finding is at or above the `--fail-on` level. */
export function failsOn(f: Pick<Finding, 'severity' | 'priority'>, level: FailOn): boolean {
  if (level === 'none') return false;
  if (PRIORITIES.includes(level as Priority))
    return PRIORITIES.indexOf(effectivePriority(f)) <= PRIORITIES.indexOf(level as Priority);
  return severityRank(f.severity) <= severityRank(level as Severity);
}

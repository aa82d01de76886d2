import type { ObjectRef } from './object.js';

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export type DiagnosticCode =
  | 'parse-error'
  | 'not-kubernetes'
  | 'skipped-input'
  | 'rule-error'
  | 'rule-skipped'
  | 'source-error'
  | 'forbidden'
  | 'not-measured'
  | 'config'
  /** Where a source took its data from, when it chose among several (e.g. a recording rule). */
  | 'source-info'
  /** The engine stopped collecting findings before memory ran out: the report is partial. */
  | 'findings-truncated';

/** Something a source or the engine wants the user to know that is not a finding: never a silent drop. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly ruleId?: string;
  readonly object?: ObjectRef;
}

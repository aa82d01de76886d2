import type { JsonPath } from '../core/json-path.js';
import type { KubeVersion } from '../core/version.js';
import type { ProfileName, Thresholds } from '../knowledge/profiles.js';
import type { ComponentConfigBase } from '../model/component-config.js';
import type { ObjectRef, Resource, SourceLocation } from '../model/object.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Workload } from '../model/workload.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);
export type Priority = 'P0' | 'P1' | 'P2';

export type Area =
  | 'workloads'
  | 'probes'
  | 'images'
  | 'schema'
  | 'namespaces'
  | 'control-plane'
  | 'scheduler'
  | 'node'
  | 'runtime-config'
  | 'cni'
  | 'runtime'
  | 'scheduling'
  | 'network'
  | 'storage'
  | 'autoscaling'
  | 'deprecations'
  | 'monitoring';

export type RuleId = string & { readonly __brand?: 'RuleId' };

/** What a rule looks at. Providers for each live in engine/subjects.ts. */
export interface Subjects {
  object: Resource;
  workload: Workload;
  cluster: Snapshot;
  component: ComponentConfigBase;
}
export type Target = keyof Subjects;

/** Inputs a rule may need beyond manifests; the engine reports "skipped: no <need>" when absent. */
export type Need = 'metrics' | 'cluster';

export type PatchOp =
  | { readonly op: 'add' | 'replace'; readonly path: JsonPath; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: JsonPath };

/** The object and source a violation is about, when not the rule's subject itself (cluster rules). */
export interface Located {
  readonly ref: ObjectRef;
  readonly source?: SourceLocation;
  readonly object?: Resource['object'];
}

export interface Violation<M extends string> {
  readonly messageId: M;
  readonly path: JsonPath;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix?: readonly PatchOp[];
  readonly at?: Located;
  readonly evidence?: Readonly<Record<string, string | number>>;
  readonly priority?: Priority;
}

export interface RuleContext {
  readonly profile: ProfileName;
  readonly thresholds: Thresholds;
  readonly kubeVersion: KubeVersion;
  readonly snapshot: Snapshot;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface RuleDef<T extends Target, M extends string> {
  readonly id: string;
  readonly area: Area;
  readonly target: T;
  readonly defaultSeverity: Severity;
  readonly priority?: Priority;
  readonly summary: string;
  readonly rationale: string;
  readonly messages: Readonly<Record<M, string>>;
  readonly fixable?: boolean;
  /** Kubernetes versions the rule applies to, e.g. `>=1.27` or `>=1.25 <1.32`. */
  readonly kubernetes?: string;
  readonly needs?: readonly Need[];
  /** Object kinds an `object` rule applies to (the engine filters; absent means every kind). */
  readonly kinds?: readonly string[];
  /** Component kinds a `component` rule applies to. */
  readonly components?: readonly string[];
  readonly check: (subject: Subjects[T], ctx: RuleContext) => Iterable<Violation<NoInfer<M>>>;
}

export type Rule<T extends Target = Target, M extends string = string> = RuleDef<T, M> & {
  readonly id: RuleId;
  readonly docsUrl: string;
};

/** Any rule, whatever its target (used by registries and the engine). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly priority?: Priority;
  readonly area: Area | string;
  readonly object: ObjectRef;
  readonly source?: { readonly file: string; readonly line: number };
  readonly path: JsonPath;
  readonly messageId: string;
  readonly message: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly evidence?: Readonly<Record<string, string | number>>;
  readonly fix?: readonly PatchOp[];
  /** Where the object sits inside its file document when it came from a List. */
  readonly itemPath?: JsonPath;
  readonly doc?: number;
}

export type { Diagnostic, DiagnosticCode } from '../model/diagnostic.js';

export const DOCS_BASE = 'https://github.com/kubetune/kubetune/blob/main/docs';

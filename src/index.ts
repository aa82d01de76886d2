// kubetune's library entry: explicit named exports only (no `export *`).
// The application layer: one function per use case (typed options and ports in, typed results out).
export { auditFiles, auditRead, resolveKubeVersion } from './app/audit.js';
export type { AuditOptions, AuditResult } from './app/audit.js';
export { auditCluster } from './app/audit-live.js';
export type { ClusterTarget, ClusterPorts, ClusterProgress } from './app/cluster.js';
export { fixFiles } from './app/fix.js';
export type { FixOutcome, FixFileChange } from './app/fix.js';
export { selectRules } from './app/select-rules.js';
export { diagnose } from './app/diagnose.js';
export type { DiagnoseOptions, DiagnoseOutcome, DiagnoseSource } from './app/diagnose.js';
export type { PrometheusEndpoint } from './app/prometheus.js';
export { rightsize } from './app/rightsize.js';
export type { RightsizeOptions, RightsizePorts, RightsizeResult, SpecSource } from './app/rightsize.js';
export { plan, writePlanFiles } from './app/plan.js';
export type { PlanOptions, PlanResult } from './app/plan.js';
export { snapshot } from './app/snapshot.js';
export type { SnapshotOptions, SnapshotResult } from './app/snapshot.js';
export { health } from './app/health.js';
export type { HealthOptions, HealthRecord } from './app/health.js';
export { runBench, compareBench, showBench, reportFor } from './app/bench.js';
export type { BenchOutcome, BenchRunOptions, BenchRunPorts } from './app/bench.js';
export { runGenerate, GENERATE_KINDS } from './app/generate.js';
export type { GenerateOptions, GeneratePorts, GenerateResult, GeneratedFile } from './app/generate.js';
export { BENCH_REPORTERS } from './bench/report/index.js';
export type { BenchFormat } from './bench/report/index.js';
export type { BenchReport } from './bench/report/types.js';
export { METRICS as BENCH_METRICS } from './bench/metrics.js';
export { clusterPlan } from './bench/cluster/manifests.js';
export { openStore } from './store/open.js';
export type { BenchStore, RunSummary } from './store/bench-store.js';
export type { BenchRun, BenchEnvironment, MetricSample } from './model/bench.js';
export { systemClock } from './app/ports.js';
export type { Clock, Env, FilePorts, Log } from './app/ports.js';
export { VERSION } from './app/version.js';
export { main } from './cli/main.js';
export { EXIT } from './cli/exit-codes.js';

export {
  KubetuneError,
  UsageError,
  ConfigError,
  InputError,
  QuantityError,
  SourceUnavailableError,
  PrometheusUnavailableError,
} from './core/errors.js';
export { parseQuantity, parseCpu, parseBytes, formatBytes, formatCpu } from './core/units.js';
export type { Bytes, Millicores } from './core/units.js';
export { parseKubeVersion, satisfies, DEFAULT_KUBE_VERSION } from './core/version.js';
export type { KubeVersion } from './core/version.js';
export type { JsonPath } from './core/json-path.js';

export { defineRule, renderMessage } from './engine/define-rule.js';
export { runRules } from './engine/run.js';
export type { RunOptions, RunResult, RuleStat } from './engine/run.js';
export { parseConfig, IGNORE_ANNOTATION } from './engine/config.js';
export type { KubetuneConfig, Exemption } from './engine/config.js';
export { applyPatch } from './engine/patch.js';
export type {
  Area,
  AnyRule,
  Diagnostic,
  Finding,
  PatchOp,
  Priority,
  Rule,
  RuleContext,
  RuleDef,
  Severity,
  Target,
  Violation,
} from './engine/types.js';

export { PROFILES, PROFILE_NAMES } from './knowledge/profiles.js';
export type { ProfileName, Thresholds } from './knowledge/profiles.js';

export { Snapshot } from './model/snapshot.js';
export { toWorkload, computeQos } from './model/workload.js';
export type { Workload, ContainerView, QosClass } from './model/workload.js';
export type { KubeObject, ObjectRef, Resource, SourceLocation } from './model/object.js';

export { RULES } from './rules/index.js';
export { REPORTERS, REPORTER_NAMES } from './reporters/index.js';
export type { ReporterName } from './reporters/index.js';
export { buildReport, REPORT_SCHEMA_VERSION } from './reporters/report.js';
export type { Report } from './reporters/report.js';

export { readInputs } from './sources/files/read.js';
export type { ReadResult, ReadOptions } from './sources/files/read.js';

/** Runs the kubetune CLI in-process with captured output (black-box: argv in, exit code and text out). */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env,
    cwd: process.cwd(),
    now: () => new Date(),
  });
  return { code, stdout, stderr };
}

export interface DiagnoseJson {
  readonly kubeVersion: string;
  readonly findings: {
    ruleId: string;
    messageId: string;
    priority?: string;
    object: { kind: string; name: string; namespace?: string };
    evidence?: Record<string, string | number>;
  }[];
  readonly diagnostics: { code: string; severity: string; message: string; file?: string; line?: number }[];
  readonly sections: {
    readonly diagnose: {
      readonly period: string | null;
      readonly kpis: { kpi: string; status: string; value?: number; priority?: string }[];
      readonly rootCauses: { chain: string[]; because: string[] }[];
      readonly queries: { queries: number; retries: number; failures: number } | null;
    };
  };
}

/** KPI id → priority of every bottleneck finding (root-cause chains excluded). */
export const bottlenecksOf = (report: DiagnoseJson): Record<string, string> =>
  Object.fromEntries(
    report.findings.filter((f) => f.ruleId !== 'root-cause').map((f) => [f.messageId, f.priority ?? '']),
  );

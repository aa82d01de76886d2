import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKubeVersion, DEFAULT_KUBE_VERSION } from '../core/version.js';
import { runRules, type RunResult } from '../engine/run.js';
import type { AnyRule, Finding } from '../engine/types.js';
import { isProfileName, type ProfileName } from '../knowledge/profiles.js';
import { extractComponents } from '../model/components/extract.js';
import type { KubeObject } from '../model/object.js';
import { Snapshot } from '../model/snapshot.js';
import { readInputs } from '../sources/files/read.js';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'rules');

export type FixtureKind = 'pass' | 'fail' | 'fixed';

export interface Fixture {
  readonly kind: FixtureKind;
  /** Name without the kind prefix and extension: `fail.sidecar-unbounded.yaml` → `sidecar-unbounded`. */
  readonly name: string;
  readonly file: string;
  readonly options: FixtureOptions;
}

export interface FixtureOptions {
  readonly kubeVersion?: string;
  readonly profile?: ProfileName;
  readonly ruleOptions?: Record<string, unknown>;
}

export const fixturesDir = (rule: Pick<AnyRule, 'area' | 'id'>): string =>
  join(RULES_DIR, rule.area, 'fixtures', rule.id);

/** Reads `# kubetune-test: {...}` from a fixture's first lines (kubeVersion, profile, ruleOptions). */
function headerOptions(file: string): FixtureOptions {
  if (statSync(file).isDirectory()) return {}; // a fixture directory: several files read together (cross-file rules)
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  const m = /^#\s*kubetune-test:\s*(\{.*\})\s*$/m.exec(head);
  if (!m) return {};
  const raw = JSON.parse(m[1]!) as Record<string, unknown>;
  const profile = typeof raw['profile'] === 'string' && isProfileName(raw['profile']) ? raw['profile'] : undefined;
  return {
    ...(typeof raw['kubeVersion'] === 'string' ? { kubeVersion: raw['kubeVersion'] } : {}),
    ...(profile ? { profile } : {}),
    ...(typeof raw['ruleOptions'] === 'object' && raw['ruleOptions']
      ? { ruleOptions: raw['ruleOptions'] as Record<string, unknown> }
      : {}),
  };
}

export function listFixtures(rule: Pick<AnyRule, 'area' | 'id'>): Fixture[] {
  const dir = fixturesDir(rule);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f): Fixture[] => {
      const m = /^(pass|fail|fixed)\.([^.]+)\./.exec(f);
      if (!m) return [];
      const file = join(dir, f);
      return [{ kind: m[1] as FixtureKind, name: m[2]!, file, options: headerOptions(file) }];
    });
}

export interface FixtureRun {
  readonly run: RunResult;
  readonly snapshot: Snapshot;
  readonly objects: readonly KubeObject[];
  readonly findings: readonly Finding[];
}

/** Runs one rule over one fixture file, as `kubetune audit` would. */
export async function runFixture(rule: AnyRule, file: string, options: FixtureOptions = {}): Promise<FixtureRun> {
  const read = await readInputs([file]);
  const problems = read.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0)
    throw new Error(`fixture ${file} does not read cleanly: ${problems.map((d) => d.message).join('; ')}`);
  const extracted = extractComponents(read.resources);
  const snapshot = new Snapshot(read.resources, [...read.components, ...extracted.components]);
  const kubeVersion = parseKubeVersion(options.kubeVersion ?? DEFAULT_KUBE_VERSION)!;
  const run = runRules([rule], snapshot, {
    kubeVersion,
    profile: options.profile ?? 'guide',
    ...(options.ruleOptions
      ? { config: { rules: { [rule.id]: { options: options.ruleOptions } }, exemptions: [] } }
      : {}),
    available: ['cluster', 'metrics'],
  });
  return { run, snapshot, objects: read.resources.map((r) => r.object), findings: run.findings };
}

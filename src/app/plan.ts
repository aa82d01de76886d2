/** `plan`: the capacity tier for a cluster size, tuned configs for it and the capacity plan, as files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildPlan, type Plan } from '../generate/plan/plan.js';
import { renderPlanFiles } from '../generate/plan/render.js';
import { resolveKubeVersion } from './audit.js';

export interface PlanOptions {
  readonly nodes: number;
  readonly pods?: number;
  /** Kubernetes version the configs target (default: the latest supported). */
  readonly kubeVersion?: string;
}

/** A file of the plan, rendered. */
export interface RenderedFile {
  readonly path: string;
  readonly text: string;
}

export interface PlanResult {
  readonly plan: Plan;
  readonly files: readonly RenderedFile[];
  /** The capacity plan (capacity-plan.md) as Markdown. */
  readonly markdown: string;
}

export function plan(options: PlanOptions): PlanResult {
  const built = buildPlan({
    nodes: options.nodes,
    ...(options.pods !== undefined ? { pods: options.pods } : {}),
    kubeVersion: resolveKubeVersion(options.kubeVersion),
  });
  const files = renderPlanFiles(built);
  const markdown = files.find((f) => f.path === 'capacity-plan.md')!.text;
  return { plan: built, files, markdown };
}

/** Writes the plan's files under `dir`; returns the paths written. */
export function writePlanFiles(dir: string, files: readonly RenderedFile[]): string[] {
  return files.map((f) => {
    const target = join(dir, f.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, f.text);
    return target;
  });
}

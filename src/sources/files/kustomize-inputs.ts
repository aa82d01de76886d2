import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Collector } from './collector.js';
import type { FoundKustomization } from './discover.js';
import {
  applyKustomization,
  findKustomize,
  isUnder,
  kustomizationsFor,
  readKustomization,
  type Kustomization,
  type KustomizeRenderer,
} from './kustomize.js';

/** Directories holding a kustomization, read as kustomize would (rendered) or, without a renderer, as raw files. */
export interface KustomizePlan {
  /** The files to read raw (without those a rendered kustomization covers, and without patch files). */
  readonly files: string[];
  /** Rendered output to read instead, named after the command. */
  readonly rendered: { readonly name: string; readonly stream: () => Readable }[];
  /** Kustomizations whose raw files are read: their namespace and images are applied after reading. */
  readonly raw: Kustomization[];
}

/**
 * Renders each top-level kustomization directory when `kustomize` (or `kubectl kustomize`) is on PATH; without one
 * (or when rendering fails), says so and plans the raw read with its overrides.
 */
export async function planKustomize(
  found: readonly FoundKustomization[],
  files: readonly string[],
  out: Collector,
  { renderer, cwd }: { renderer?: KustomizeRenderer | null | undefined; cwd: string },
): Promise<KustomizePlan> {
  if (found.length === 0) return { files: [...files], rendered: [], raw: [] };
  const roots = found.filter((k) => !found.some((o) => o !== k && isUnder(k.dir, o.dir)));
  const render = renderer === undefined ? await findKustomize() : (renderer ?? undefined);
  const rendered: KustomizePlan['rendered'] = [];
  const rawRoots: FoundKustomization[] = [];
  for (const root of roots) {
    if (!render) {
      rawRoots.push(root);
      continue;
    }
    try {
      const text = await render.render(root.dir);
      rendered.push({ name: `${render.command} ${root.dir}`, stream: () => Readable.from([text]) });
    } catch (e) {
      out.diagnostics.push({
        code: 'skipped-input',
        severity: 'warning',
        file: root.file,
        message: `${root.dir}: ${e instanceof Error ? e.message : String(e)}; its raw files were audited instead`,
      });
      rawRoots.push(root);
    }
  }
  for (const root of rawRoots.filter(() => !render))
    out.diagnostics.push({
      code: 'skipped-input',
      severity: 'warning',
      file: root.file,
      message:
        `${root.dir}: kustomization not rendered (no kustomize or kubectl on PATH): its raw files were audited, ` +
        `with its namespace and image overrides applied. For the rendered result: kustomize build ${root.dir} | kubetune audit -`,
    });
  const renderedRoots = roots.filter((r) => !rawRoots.includes(r));
  const raw = await Promise.all(
    found.filter((k) => !renderedRoots.some((r) => isUnder(k.dir, r.dir))).map((k) => readKustomization(k.dir, k.file)),
  );
  const patches = new Set(raw.flatMap((k) => k.patchFiles));
  const abs = (f: string) => resolve(cwd, f);
  const kept = files.filter((f) => !renderedRoots.some((r) => isUnder(abs(f), r.dir)) && !patches.has(abs(f)));
  for (const f of files) if (patches.has(abs(f))) out.skip('kustomize patch');
  return { files: kept, rendered, raw };
}

/** Applies the raw kustomizations' namespace and images to the objects read from their files. */
export function applyRawKustomizations(out: Collector, raw: readonly Kustomization[], cwd: string): void {
  if (raw.length === 0) return;
  out.resources.forEach((r, i) => {
    if (!r.source) return;
    const chain = kustomizationsFor(resolve(cwd, r.source.file), raw);
    out.resources[i] = chain.reduce(applyKustomization, r);
  });
}

import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { CLUSTER_SCOPED_KINDS, isRecord, refOf, type KubeObject, type Resource } from '../../model/object.js';

/** The names kustomize looks for in a directory. */
export const KUSTOMIZATION_FILES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Renders a kustomization directory to a YAML stream (`kustomize build` / `kubectl kustomize`). */
export interface KustomizeRenderer {
  /** How the user would run it, for messages: `kustomize build`. */
  readonly command: string;
  render(dir: string): Promise<Buffer>;
}

/** A renderer from the first of `kustomize`, `kubectl` on PATH; undefined when neither is there. */
export async function findKustomize(
  path: string | undefined = process.env['PATH'],
): Promise<KustomizeRenderer | undefined> {
  for (const [bin, args] of [
    ['kustomize', ['build']],
    ['kubectl', ['kustomize']],
  ] as const) {
    for (const d of (path ?? '').split(delimiter).filter(Boolean)) {
      const exe = join(d, bin);
      if (
        !(await access(exe, constants.X_OK).then(
          () => true,
          () => false,
        ))
      )
        continue;
      return {
        command: `${bin} ${args.join(' ')}`,
        render: (dir) =>
          new Promise((ok, fail) =>
            execFile(
              exe,
              [...args, dir],
              { encoding: 'buffer', maxBuffer: 1 << 30, timeout: 120_000 },
              (e, out, err) =>
                e
                  ? fail(new Error(`${bin} ${args.join(' ')} ${dir} failed: ${err.toString().trim() || e.message}`))
                  : ok(out),
            ),
          ),
      };
    }
  }
  return undefined;
}

/** What a kustomization sets that changes how its raw files must be read: image overrides and the namespace. */
export interface Kustomization {
  readonly dir: string;
  readonly file: string;
  readonly namespace?: string;
  readonly images: readonly { name: string; newName?: string; newTag?: string; digest?: string }[];
  /** Resources it lists (files and directories), resolved against its directory. */
  readonly resources: readonly string[];
  /** Patch files it lists (partial objects: not audited as objects). */
  readonly patchFiles: readonly string[];
}

export async function readKustomization(dir: string, file: string): Promise<Kustomization> {
  const raw: unknown = parse(await readFile(file, 'utf8'));
  const k = isRecord(raw) ? raw : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const images = (Array.isArray(k['images']) ? k['images'] : []).filter(isRecord).flatMap((i) => {
    const name = str(i['name']);
    if (!name) return [];
    const [newName, newTag, digest] = [
      str(i['newName']),
      str(i['newTag']) ?? numberText(i['newTag']),
      str(i['digest']),
    ];
    return [{ name, ...(newName ? { newName } : {}), ...(newTag ? { newTag } : {}), ...(digest ? { digest } : {}) }];
  });
  const listed = [k['resources'], k['bases']].flatMap((l) => (Array.isArray(l) ? l : [])).flatMap((r) => str(r) ?? []);
  const patches = [k['patchesStrategicMerge'], k['patches'], k['patchesJson6902']]
    .flatMap((l) => (Array.isArray(l) ? l : []))
    .flatMap((p) => str(p) ?? (isRecord(p) ? (str(p['path']) ?? []) : []));
  const namespace = str(k['namespace']);
  return {
    dir,
    file,
    images,
    resources: listed.map((r) => resolve(dir, r)),
    patchFiles: patches.map((p) => resolve(dir, p)),
    ...(namespace ? { namespace } : {}),
  };
}

const numberText = (v: unknown) => (typeof v === 'number' ? String(v) : undefined);

/**
 * The kustomizations that apply to a raw file, innermost first: the one listing it (or its directory), then, while
 * exactly one kustomization lists that one's directory, the one above (several overlays of one base: ambiguous).
 */
export function kustomizationsFor(file: string, all: readonly Kustomization[]): Kustomization[] {
  const abs = resolve(file);
  const lists = (k: Kustomization, target: string) => k.resources.some((r) => r === target || r === dirname(target));
  let current = all.find((k) => lists(k, abs));
  const chain: Kustomization[] = [];
  while (current && !chain.includes(current)) {
    chain.push(current);
    const dir = resolve(current.dir);
    const above = all.filter((k) => k !== current && k.resources.some((r) => r === dir));
    current = above.length === 1 ? above[0] : undefined;
  }
  return chain;
}

/** Applies a kustomization's namespace and image overrides to an object read from one of its raw files. */
export function applyKustomization(resource: Resource, k: Kustomization): Resource {
  const object = resource.object as KubeObject & Record<string, unknown>;
  if (k.namespace && !CLUSTER_SCOPED_KINDS.has(object.kind)) {
    (object as { metadata?: unknown }).metadata = { ...(object.metadata ?? {}), namespace: k.namespace };
  }
  if (k.images.length > 0) rewriteImages(object, k.images);
  return { ...resource, object, ref: refOf(object) };
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

function rewriteImages(node: unknown, images: Kustomization['images']): void {
  if (Array.isArray(node)) return node.forEach((n) => rewriteImages(n, images));
  if (!isRecord(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (CONTAINER_LISTS.has(key) && Array.isArray(value))
      for (const c of value)
        if (isRecord(c) && typeof c['image'] === 'string') c['image'] = newImage(c['image'], images);
    rewriteImages(value, images);
  }
}

/** `nginx:1.25` with `{name: nginx, newTag: 1.27}` → `nginx:1.27` (kustomize's image transformer). */
export function newImage(image: string, images: Kustomization['images']): string {
  const at = image.indexOf('@');
  const beforeDigest = at === -1 ? image : image.slice(0, at);
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const rule = images.find((i) => i.name === name);
  if (!rule) return image;
  const suffix = rule.digest ? `@${rule.digest}` : rule.newTag ? `:${rule.newTag}` : image.slice(name.length);
  return `${rule.newName ?? name}${suffix}`;
}

/** Whether `file` lies in `dir` or below it. */
export const isUnder = (file: string, dir: string): boolean => {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
};

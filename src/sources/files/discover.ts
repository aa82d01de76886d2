import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { COMPONENT_READERS, type ComponentFileReader } from './component-readers.js';
import { KUSTOMIZATION_FILES } from './kustomize.js';

export const STDIN = '-';
export const MANIFEST_EXT = new Set(['.yaml', '.yml', '.json']);
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** A directory that could not be listed (permissions, a symlink loop, an I/O error): reported, the rest is read. */
export interface UnreadableDirectory {
  readonly path: string;
  readonly message: string;
}

/** A directory with a kustomization file (absolute paths): read as kustomize would, not as raw bases. */
export interface FoundKustomization {
  readonly dir: string;
  readonly file: string;
}

export interface DiscoveredInputs {
  readonly files: string[];
  readonly missing: string[];
  readonly unreadable: UnreadableDirectory[];
  readonly kustomizations: FoundKustomization[];
}

/** Lists a directory (the port tests replace to simulate errors the test user cannot cause, e.g. EACCES as root). */
export type ListDirectory = (path: string) => Promise<Dirent[]>;
const listDirectory: ListDirectory = (path) => readdir(path, { withFileTypes: true });

/** Expands paths (files, directories recursively, globs, `-`) into the list of inputs to read, in a stable order. */
export async function discoverInputs(
  paths: readonly string[],
  readers: readonly ComponentFileReader[] = COMPONENT_READERS,
  cwd: string = process.cwd(),
  list: ListDirectory = listDirectory,
): Promise<DiscoveredInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  const unreadable: UnreadableDirectory[] = [];
  const kustomizations: FoundKustomization[] = [];
  const walking: Walking = { readers, cwd, list, unreadable, kustomizations };
  for (const p of paths) {
    if (p === STDIN) {
      files.push(STDIN);
      continue;
    }
    if (/[*?[\]{}]/.test(p)) {
      const matched = (await glob(p, { dot: false, onlyFiles: true, cwd })).sort();
      if (matched.length === 0) missing.push(p);
      files.push(...matched);
      continue;
    }
    const st = await stat(resolve(cwd, p)).catch(() => undefined);
    if (!st) missing.push(p);
    else if (st.isDirectory()) files.push(...(await walk(p, walking)));
    else files.push(p);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = f === STDIN ? f : resolve(cwd, f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, missing, unreadable, kustomizations };
}

interface Walking {
  readonly readers: readonly ComponentFileReader[];
  readonly cwd: string;
  readonly list: ListDirectory;
  readonly unreadable: UnreadableDirectory[];
  readonly kustomizations: FoundKustomization[];
}

async function walk(dir: string, walking: Walking): Promise<string[]> {
  const { readers, cwd, list, unreadable } = walking;
  let entries: Dirent[];
  try {
    entries = (await list(resolve(cwd, dir))).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (e) {
    unreadable.push({ path: dir, message: e instanceof Error ? e.message : String(e) });
    return [];
  }
  const out: string[] = [];
  const kustomization = entries.find((e) => e.isFile() && KUSTOMIZATION_FILES.includes(e.name));
  if (kustomization)
    walking.kustomizations.push({ dir: resolve(cwd, dir), file: resolve(cwd, dir, kustomization.name) });
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e === kustomization) continue; // not an object: its directory is rendered (or its overrides applied)
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...(await walk(full, walking)));
    } else if (
      e.isFile() &&
      (MANIFEST_EXT.has(extname(e.name).toLowerCase()) || readers.some((r) => r.matches(full, '')))
    ) {
      out.push(full);
    }
  }
  return out;
}

import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { COMPONENT_READERS, type ComponentFileReader } from './component-readers.js';

export const STDIN = '-';
export const MANIFEST_EXT = new Set(['.yaml', '.yml', '.json']);
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Expands paths (files, directories recursively, globs, `-`) into the list of inputs to read, in a stable order. */
export async function discoverInputs(
  paths: readonly string[],
  readers: readonly ComponentFileReader[] = COMPONENT_READERS,
  cwd: string = process.cwd(),
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
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
    else if (st.isDirectory()) files.push(...(await walk(p, readers, cwd)));
    else files.push(p);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = f === STDIN ? f : resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, missing };
}

async function walk(dir: string, readers: readonly ComponentFileReader[], cwd: string): Promise<string[]> {
  const entries = (await readdir(resolve(cwd, dir), { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  );
  const out: string[] = [];
  for (const e of entries) {
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) out.push(...(await walk(full, readers, cwd)));
    } else if (
      e.isFile() &&
      (MANIFEST_EXT.has(extname(e.name).toLowerCase()) || readers.some((r) => r.matches(full, '')))
    ) {
      out.push(full);
    }
  }
  return out;
}

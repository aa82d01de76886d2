import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../engine/types.js';
import { patchFileText, type FileFix } from '../sources/files/patch-file.js';
import { discoverInputs, STDIN } from '../sources/files/read.js';
import { auditFiles, type AuditOptions } from './audit.js';

/** Passes of audit → apply → re-audit; a fix that overlaps another in the same pass waits for the next one (ESLint's approach). */
const MAX_PASSES = 10;

export interface FixFileChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
}

export interface FixOutcome {
  readonly changes: readonly FixFileChange[];
  /** Fixes applied, over all passes. */
  readonly applied: number;
  readonly passes: number;
  /** Findings left after fixing (fixable ones that could not be applied, and unfixable ones). */
  readonly remaining: readonly Finding[];
}

const toFileFix = (f: Finding): FileFix => ({
  ref: f.object,
  ...(f.doc !== undefined ? { doc: f.doc } : {}),
  ...(f.itemPath ? { itemPath: f.itemPath } : {}),
  ops: f.fix ?? [],
});

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix?.length || !f.source) continue;
    out.set(f.source.file, [...(out.get(f.source.file) ?? []), f]);
  }
  return out;
}

/**
 * Applies every fixable finding to the files under `paths`, working on a private copy until no fix applies any more,
 * so a dry run sees exactly what a real run would write. Never touches stdin input.
 */
export async function fixFiles(
  paths: readonly string[],
  options: AuditOptions & { dryRun?: boolean },
): Promise<FixOutcome> {
  if (paths.includes(STDIN))
    throw new UsageError(
      'fix cannot write back to standard input: pass files or directories (use `audit -` to check stdin)',
    );
  if (paths.length === 0) throw new UsageError('fix needs at least one file or directory');
  const { files, missing } = await discoverInputs(paths);
  if (missing.length) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  const work = mkdtempSync(join(tmpdir(), 'kubetune-fix-'));
  try {
    const copies = files.map((f, i) => {
      const copy = join(work, String(i), basename(f));
      mkdirSync(dirname(copy), { recursive: true });
      copyFileSync(f, copy);
      return copy;
    });
    let applied = 0;
    let passes = 0;
    let last = await auditFiles(copies, options);
    while (passes < MAX_PASSES) {
      let progress = 0;
      for (const [file, findings] of groupByFile(last.run.findings)) {
        const text = readFileSync(file, 'utf8');
        const r = patchFileText(file, text, findings.map(toFileFix));
        if (r.applied.length === 0 || r.text === text) continue;
        writeFileSync(file, r.text);
        progress += r.applied.length;
      }
      if (progress === 0) break;
      applied += progress;
      passes++;
      last = await auditFiles(copies, options);
    }
    const changes = files.flatMap((file, i): FixFileChange[] => {
      const before = readFileSync(file, 'utf8');
      const after = readFileSync(copies[i]!, 'utf8');
      return before === after ? [] : [{ file, before, after }];
    });
    if (!options.dryRun) for (const c of changes) writeFileSync(c.file, c.after);
    const back = new Map(copies.map((c, i) => [c, files[i]!]));
    const remaining = last.run.findings.map((f) =>
      f.source ? { ...f, source: { ...f.source, file: back.get(f.source.file) ?? f.source.file } } : f,
    );
    return { changes, applied, passes, remaining };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

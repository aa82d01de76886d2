/**
 * The write-or-check step every knowledge generator shares (gen-flags, gen-config-fields, gen-api-removals):
 * - without `--check`: render from the source repositories and write the data file (the sources must be present);
 * - with `--check` and the sources present: render and compare with the committed file (exit 1 when stale);
 * - with `--check` and the sources absent: verify the committed data against its own sha256 digest and say loudly
 *   that regeneration was skipped, so a test run never reports "reproduces" when it did not regenerate.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

export const digestOf = (json: string): string => createHash('sha256').update(json).digest('hex');

/** Formats generated TypeScript with the repository's prettier settings for that path. */
export async function formatGenerated(source: string, out: string): Promise<string> {
  return format(source, { ...(await resolveConfig(out)), filepath: out });
}

export interface GeneratedFile {
  /** The generated file (absolute path). */
  readonly out: string;
  /** Source repositories (git directories) the render reads. */
  readonly sources: readonly string[];
  /** Hint printed when the sources are absent and a write was asked for. */
  readonly sourcesHint: string;
  /** Renders the file's text from the sources. */
  readonly render: () => Promise<string>;
  /** Loads the committed data and its digest (the generated module's two exports). */
  readonly committed: () => Promise<{ data: unknown; digest: string }>;
  /** What "reproduces" means, e.g. "flag tables reproduce from the pinned sources". */
  readonly reproduces: string;
  /** Command that regenerates the file, for the stale message. */
  readonly regenerate: string;
}

export async function writeOrCheck(g: GeneratedFile, argv: readonly string[] = process.argv): Promise<never> {
  const check = argv.includes('--check');
  const missing = g.sources.filter((d) => !existsSync(d));
  if (missing.length > 0) {
    if (!check) throw new Error(`source repositories absent: ${missing.join(', ')} (${g.sourcesHint})`);
    const { data, digest } = await g.committed();
    const ok = digest === digestOf(JSON.stringify(data));
    console.log(
      `REGENERATION SKIPPED: ${missing.join(', ')} not present; committed data digest ${ok ? 'verified' : 'MISMATCH'}`,
    );
    process.exit(ok ? 0 : 1);
  }
  const text = await g.render();
  if (check) {
    const same = readFileSync(g.out, 'utf8') === text;
    console.log(same ? g.reproduces : `${g.out} is stale: run ${g.regenerate}`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(g.out, text);
  console.log(`wrote ${g.out}`);
  process.exit(0);
}

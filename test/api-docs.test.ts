/** docs/api.md: every ```ts example runs against the library entry (src/index.ts) and its assertions hold. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const doc = readFileSync(join(root, 'docs/api.md'), 'utf8');
const examples = [...doc.matchAll(/^## (.+)\n\n```ts\n([\s\S]*?)```/gm)].map((m) => ({ title: m[1]!, code: m[2]! }));
const dir = mkdtempSync(join(tmpdir(), 'kubetune-api-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docs/api.md examples', { timeout: 120_000 }, () => {
  it('has examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));
  for (const [i, ex] of examples.entries())
    it(ex.title, () => {
      const file = join(dir, `example-${i}.mts`);
      writeFileSync(file, ex.code.replaceAll("from 'kubetune'", `from '${join(root, 'src/index.ts')}'`));
      const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [file], { cwd: root, encoding: 'utf8' });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    });
});

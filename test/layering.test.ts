import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hiddenRequires } from './support/layering.js';

const ROOT = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const TESTS_CONFIG = join(ROOT, '.dependency-cruiser.tests.cjs');
const NAMES = (require(CONFIG) as { options: { exoticRequireStrings: string[] } }).options.exoticRequireStrings;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

describe('createRequire loads are imports', () => {
  it('finds a createRequire result bound to another name, called directly or passed on', () => {
    const src = [
      "import { createRequire } from 'node:module';",
      'const ok = createRequire(import.meta.url);',
      'const load = createRequire(import.meta.url);',
      "createRequire(import.meta.url)('node:fs');",
      "const path = createRequire(import.meta.url).resolve('x/package.json');",
      'use(createRequire(import.meta.url));',
    ].join('\n');
    expect(hiddenRequires(src, ['load']).map((h) => h.line)).toEqual([2, 4, 6]);
    expect(hiddenRequires(src, ['load', 'ok']).map((h) => h.line)).toEqual([4, 6]);
  });

  it('every createRequire in src/ is bound to a name dependency-cruiser reads as require', () => {
    const hidden = tsFiles(join(ROOT, 'src')).flatMap((f) =>
      hiddenRequires(readFileSync(f, 'utf8'), NAMES, f).map((h) => `${f.slice(ROOT.length)}:${h.line}: ${h.text}`),
    );
    expect(hidden).toEqual([]);
  });
});

/** A throw-away project cruised with the repository's own configurations. */
const tree = mkdtempSync(join(tmpdir(), 'kubetune-layering-'));
afterAll(() => rmSync(tree, { recursive: true, force: true }));
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
};
const cruise = (config: string): string[] => {
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/depcruise'),
    ['src', 'test', '--config', config, '--output-type', 'json'],
    { cwd: tree, encoding: 'utf8' },
  );
  const out = JSON.parse(r.stdout) as {
    summary: { violations: { from: string; to: string; rule: { name: string } }[] };
  };
  return out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
};

describe('the layering configurations fail on deliberate violations', { timeout: 120_000 }, () => {
  write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  write('src/engine/run.ts', 'export const run = 1;\n');
  write('src/testing/tester.ts', "import { run } from '../engine/run.js';\nexport const tester = run;\n");
  write('test/support/server.ts', 'export const server = 1;\n');
  // an upward import, and two createRequire loads: an upward module and an I/O module
  write('src/core/units.ts', "import { run } from '../engine/run.js';\nexport const units = run;\n");
  write(
    'src/model/schema.ts',
    "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\n" +
      "export const a = load('../engine/run.ts');\nexport const b = load('node:fs');\n",
  );
  write('src/rules/glob.ts', "import { glob } from 'tinyglobby';\nexport const g = glob;\n");
  write('src/model/ok.ts', "import { units } from '../core/units.js';\nexport const ok = units;\n");
  // tests: one upward, one using what tests may use
  write(
    'src/model/ok.test.ts',
    "import { ok } from './ok.js';\nimport { run } from '../engine/run.js';\nexport { ok, run };\n",
  );
  write(
    'src/model/fine.test.ts',
    "import { tester } from '../testing/tester.js';\nimport { server } from '../../test/support/server.js';\n" +
      'export { tester, server };\n',
  );

  it('code: an upward import, an upward createRequire load, an I/O createRequire load, an I/O package', () => {
    expect(cruise(CONFIG)).toEqual([
      'layer-core: src/core/units.ts → src/engine/run.ts',
      'layer-model: src/model/schema.ts → src/engine/run.ts',
      'no-io-in-pure-layers: src/model/schema.ts → fs',
      'no-io-packages-in-pure-layers: src/rules/glob.ts → tinyglobby',
    ]);
  });

  it('tests: an upward import fails; src/testing and test/support are allowed', () => {
    expect(cruise(TESTS_CONFIG)).toEqual(['test-layer-model: src/model/ok.test.ts → src/engine/run.ts']);
  });
});

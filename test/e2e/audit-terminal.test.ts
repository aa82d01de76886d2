import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const ESC = '\u001b';
const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').length));
const args = ['audit', 'examples/cluster', '--fail-on', 'none'];

describe('audit text output on a terminal', () => {
  it('cuts lines to the terminal width, keeps the full text with -v and when not a terminal', async () => {
    const narrow = await runCli(args, { tty: true, columns: 80 });
    const wide = await runCli(args, { tty: true, columns: 200 });
    const piped = await runCli(args);
    const verbose = await runCli([...args, '-v'], { tty: true, columns: 80 });
    expect(longest(piped.stdout)).toBeGreaterThan(120); // the example has long lines to cut
    expect(longest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(longest(wide.stdout)).toBeLessThanOrEqual(200);
    expect(longest(wide.stdout)).toBeGreaterThan(80);
    expect(narrow.stdout).toContain('…');
    expect(longest(verbose.stdout)).toBe(longest(piped.stdout));
    // Same findings, same order: only the lines' ends differ.
    const heads = (s: string) => s.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 40));
    expect(heads(narrow.stdout)).toEqual(heads(piped.stdout));
  });

  it('colours only a terminal, and neither with NO_COLOR nor with TERM=dumb', async () => {
    expect((await runCli(args, { tty: true, env: { TERM: 'xterm-256color' } })).stdout).toContain(ESC);
    expect((await runCli(args, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toContain(ESC);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(args)).stdout).not.toContain(ESC);
  });

  it('says "1 file", "1 error" in the summary', async () => {
    const r = await runCli(['audit', 'examples/cluster/manifests/kube-system.yaml', '--fail-on', 'none']);
    const summary = r.stdout.trim().split('\n').pop()!;
    expect(summary).toMatch(/ from 1 file · /);
    expect(summary).not.toMatch(/\b1 (files|errors|warnings|objects|findings)\b/);
  });
});

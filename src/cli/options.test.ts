import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORTER_NAMES } from '../reporters/index.js';
import { RULES } from '../rules/index.js';
import { runCli } from '../../test/support/cli.js';
import { isLegacy } from './command.js';
import { COMMANDS } from './commands/index.js';
import { completionScript, SHELLS } from './completion.js';
import { OPTIONS, optionsOf } from './options-all.js';
import { flagsOf } from './options-commander.js';
import { FLAGS_BEGIN, FLAGS_END, renderFlagTables } from './options-docs.js';
import { AREAS, OUTPUT_FORMATS } from './options-table.js';
import { BENCH_FORMATS, BENCH_SUBCOMMANDS, BENCH_SUITES } from './options-bench.js';
import { optionsOfSub } from './options-all.js';
import { BENCH_REPORTERS } from '../bench/report/index.js';
import { SUITE_NAMES } from '../model/bench.js';
import { BENCH_NAMESPACE } from '../bench/cluster/labels.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tableCommands = COMMANDS.filter((c) => !isLegacy(c));

describe('the option table', () => {
  it('is what README.md shows (npm run gen rewrites the flag tables)', () => {
    const block = README.slice(README.indexOf(FLAGS_BEGIN) + FLAGS_BEGIN.length, README.indexOf(FLAGS_END));
    expect(block.trim()).toBe(renderFlagTables(COMMANDS).trim());
  });

  it('agrees with the modules that own the choices: output formats, rule areas', () => {
    expect([...OUTPUT_FORMATS].sort()).toEqual([...REPORTER_NAMES].sort());
    const used = new Set(RULES.map((r) => r.area));
    for (const a of used) expect(AREAS).toContain(a);
  });

  it("agrees with bench's modules: report formats, suites, the cluster namespace", () => {
    expect([...BENCH_FORMATS].sort()).toEqual(Object.keys(BENCH_REPORTERS).sort());
    expect([...BENCH_SUITES]).toEqual([...SUITE_NAMES]);
    expect(optionsOfSub('bench', 'run').find((o) => o.name === 'namespace')?.default).toBe(BENCH_NAMESPACE);
  });

  it('is what --help prints for every bench subcommand, and parses bench values like every other flag', async () => {
    for (const sub of BENCH_SUBCOMMANDS) {
      const help = (await runCli(['bench', sub, '--help'])).stdout;
      const shown = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)(?: <[^>]+>)?(?: {2,}|$)/gm)]
        .map((m) => m[1])
        .filter((f) => f !== '--help');
      expect(shown.sort(), sub).toEqual(
        optionsOfSub('bench', sub)
          .map((o) => `--${o.name}`)
          .sort(),
      );
      for (const o of optionsOfSub('bench', sub)) expect(help, `${sub} ${o.name}`).toContain(flagsOf(o));
    }
    const bad = await runCli(['bench', 'run', '--dry-run', '--repeat', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--repeat: expected ≥ 1, got "0"');
    const limit = await runCli(['bench', 'history', '--limit', 'x']);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit: expected a positive whole number (≥ 1), got "x"');
  });

  it('has one row per flag and command, and variadic flags only where no positional argument can be swallowed', () => {
    for (const c of COMMANDS) {
      const names = optionsOf(c.name).map((o) => o.name);
      expect(new Set(names).size, c.name).toBe(names.length);
      const shorts = optionsOf(c.name).flatMap((o) => (o.short ? [o.short] : []));
      expect(new Set(shorts).size, c.name).toBe(shorts.length);
    }
    for (const o of OPTIONS.filter((x) => x.variadic))
      for (const name of o.commands) {
        const spec = COMMANDS.find((c) => c.name === name);
        expect(spec && !isLegacy(spec) ? (spec.args ?? []) : [], `${o.name} on ${name}`).toEqual([]);
      }
  });

  it('is what --help prints, flag by flag, for every command, and README names every command', async () => {
    for (const c of tableCommands) {
      const help = (await runCli([c.name, '--help'])).stdout;
      for (const o of optionsOf(c.name)) {
        if (o.hidden) expect(help, `${c.name} ${o.name}`).not.toContain(`--${o.name} `);
        else expect(help, `${c.name} ${o.name}`).toContain(flagsOf(o));
      }
      const shown = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)(?: <[^>]+>)?(?: {2,}|$)/gm)]
        .map((m) => m[1])
        .filter((f) => f !== '--help');
      expect(shown.sort(), c.name).toEqual(
        optionsOf(c.name)
          .filter((o) => !o.hidden)
          .map((o) => `--${o.name}`)
          .sort(),
      );
    }
    const top = (await runCli(['--help'])).stdout;
    for (const c of COMMANDS) {
      expect(top).toContain(c.name);
      expect(README).toContain(`kubetune ${c.name}`);
    }
  });

  it('writes completion scripts naming every command and flag; bash and zsh parse them', () => {
    for (const shell of SHELLS) {
      const script = completionScript(shell, COMMANDS);
      for (const c of COMMANDS) expect(script).toContain(c.name);
      for (const o of OPTIONS.filter((x) => !x.hidden)) expect(script, `${shell} ${o.name}`).toContain(o.name);
      if (shell === 'fish') continue;
      const check = spawnSync(shell, ['-n'], { input: script, encoding: 'utf8' });
      if (check.error) continue; // zsh is not installed everywhere
      expect(check.status, `${shell}: ${check.stderr}`).toBe(0);
    }
  });
});

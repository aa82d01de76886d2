import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The repository's static checks run as part of the suite, so CI's single test command covers them. */
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`.trim() };
};

describe('static checks', { timeout: 600_000 }, () => {
  it('typechecks (tsc --noEmit, strict)', () => {
    const r = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
    expect(r.output).not.toMatch(/error TS/);
    expect(r.status).toBe(0);
  });
  it('lints and is formatted (eslint, prettier)', () => {
    const r = run('npm', ['run', '--silent', 'lint']);
    expect(r.status, r.output.slice(-4000)).toBe(0);
  });
  it('respects the layering (dependency-cruiser)', () => {
    const r = run('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']);
    expect(r.status, r.output.slice(-4000)).toBe(0);
  });
  it('keeps the tests beside the code to the same layering (test/layering.test.ts proves the checks fail)', () => {
    const r = run('npx', ['depcruise', 'src', '--config', '.dependency-cruiser.tests.cjs']);
    expect(r.status, r.output.slice(-4000)).toBe(0);
  });
  it('has current generated files (rules registry, docs/rules)', () => {
    const r = run('npx', ['tsx', 'scripts/gen-docs.ts', '--check']);
    expect(r.status, r.output).toBe(0);
  });
});

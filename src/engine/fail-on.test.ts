import { describe, expect, it } from 'vitest';
import { effectivePriority, failsOn, FAIL_ON_LEVELS } from './fail-on.js';
import type { Priority, Severity } from './types.js';

const f = (severity: Severity, priority?: Priority) => ({ severity, ...(priority ? { priority } : {}) });

describe('--fail-on: severity and priority', () => {
  it('ranks a finding without a priority by its severity', () => {
    expect(effectivePriority(f('error'))).toBe('P0');
    expect(effectivePriority(f('warning'))).toBe('P1');
    expect(effectivePriority(f('info'))).toBe('P2');
    expect(effectivePriority(f('warning', 'P0'))).toBe('P0');
  });

  it('fails on severity levels by severity, on priority levels by priority, never on none', () => {
    const table: [ReturnType<typeof f>, string[]][] = [
      [f('error'), ['error', 'warning', 'info', 'P0', 'P1', 'P2']],
      [f('warning'), ['warning', 'info', 'P1', 'P2']],
      [f('info'), ['info', 'P2']],
      [f('warning', 'P0'), ['warning', 'info', 'P0', 'P1', 'P2']],
      [f('info', 'P1'), ['info', 'P1', 'P2']],
    ];
    for (const [finding, fails] of table)
      for (const level of FAIL_ON_LEVELS)
        expect(failsOn(finding, level), `${JSON.stringify(finding)} at ${level}`).toBe(fails.includes(level));
  });
});

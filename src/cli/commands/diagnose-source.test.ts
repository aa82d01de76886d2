import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../core/errors.js';
import { clientFromFlags, parsePositiveInt, parsePromDuration, parseTime } from './diagnose-source.js';

const dir = mkdtempSync(join(tmpdir(), 'kubetune-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = { timeout: '30s', retries: '3', concurrency: '4' };

describe('diagnose flags', () => {
  it('parses Prometheus durations and rejects others', () => {
    expect(parsePromDuration('1h30m', '--window')).toBe(5400);
    expect(parsePromDuration('7d', '--window')).toBe(604_800);
    expect(parsePromDuration('250ms', '--timeout')).toBe(0.25);
    for (const bad of ['', '1', 'forever', '1h ', '-5m', '0s'])
      expect(() => parsePromDuration(bad, '--window')).toThrow(UsageError);
  });

  it('parses --time as unix seconds or RFC 3339', () => {
    expect(parseTime('1767225600')).toBe(1_767_225_600);
    expect(parseTime('2026-01-01T00:00:00Z')).toBe(1_767_225_600);
    expect(() => parseTime('yesterday')).toThrow(/--time/);
  });

  it('validates integers', () => {
    expect(parsePositiveInt('0', '--retries')).toBe(0);
    expect(() => parsePositiveInt('0', '--concurrency', 1)).toThrow(/≥ 1/);
    expect(() => parsePositiveInt('2.5', '--retries')).toThrow(UsageError);
  });

  it('reads secrets from files or the environment, never from flags, and rejects bad headers and URLs', () => {
    const token = join(dir, 'token');
    writeFileSync(token, 's3cret\n');
    expect(() => clientFromFlags({ ...base, prometheus: 'http://p:9090', bearerTokenFile: token }, {})).not.toThrow();
    expect(() =>
      clientFromFlags({ ...base, prometheus: 'http://p:9090', bearerTokenFile: join(dir, 'nope') }, {}),
    ).toThrow(/--bearer-token-file: cannot read/);
    expect(() => clientFromFlags({ ...base, prometheus: 'http://p:9090', header: ['no-colon'] }, {})).toThrow(
      /--header/,
    );
    expect(() => clientFromFlags({ ...base, prometheus: 'prometheus:9090' }, {})).toThrow(/http\(s\) URL/);
    expect(() => clientFromFlags({ ...base, prometheus: 'http://p', timeout: 'soon' }, {})).toThrow(/--timeout/);
  });
});

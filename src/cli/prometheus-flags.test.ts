import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.js';
import { parseValue, type OptionDef } from './options.js';
import { optionsOf } from './options-all.js';
import { prometheusSettings } from './prometheus-flags.js';

const dir = mkdtempSync(join(tmpdir(), 'kubetune-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const option = (name: string): OptionDef => optionsOf('diagnose').find((o) => o.name === name)!;
const parse = (name: string, text: string) => parseValue(option(name), text);

describe('Prometheus flags (diagnose, rightsize, health)', () => {
  it('parses Prometheus durations and rejects others', () => {
    expect(parse('window', '1h30m')).toBe(5400);
    expect(parse('window', '7d')).toBe(604_800);
    expect(parse('timeout', '250ms')).toBe(0.25);
    for (const bad of ['', '1', 'forever', '1h ', '-5m', '0s']) expect(() => parse('window', bad)).toThrow(UsageError);
    expect(() => parse('timeout', 'soon')).toThrow(/--timeout/);
  });

  it('parses --time as unix seconds or RFC 3339', () => {
    expect(parse('time', '1767225600')).toBe(1_767_225_600);
    expect(parse('time', '2026-01-01T00:00:00Z')).toBe(1_767_225_600);
    expect(() => parse('time', 'yesterday')).toThrow(/--time/);
  });

  it('validates integers', () => {
    expect(parse('retries', '0')).toBe(0);
    expect(() => parse('concurrency', '0')).toThrow(/≥ 1/);
    expect(() => parse('retries', '2.5')).toThrow(UsageError);
  });

  it('reads secrets from files or the environment, and rejects bad headers and URLs', () => {
    const token = join(dir, 'token');
    writeFileSync(token, 's3cret\n');
    expect(prometheusSettings({ prometheus: 'http://p:9090', bearerTokenFile: token }, {}).bearerToken).toBe('s3cret');
    expect(prometheusSettings({ prometheus: 'http://p:9090' }, { KUBETUNE_PROMETHEUS_TOKEN: 'env' }).bearerToken).toBe(
      'env',
    );
    expect(() => prometheusSettings({ prometheus: 'http://p:9090', bearerTokenFile: join(dir, 'nope') }, {})).toThrow(
      /--bearer-token-file: cannot read/,
    );
    expect(() => prometheusSettings({ prometheus: 'http://p:9090', header: ['no-colon'] }, {})).toThrow(/--header/);
    expect(() => prometheusSettings({ prometheus: 'prometheus:9090' }, {})).toThrow(/http\(s\) URL/);
    expect(() => prometheusSettings({}, {}, 'rightsize')).toThrow(/rightsize needs --prometheus/);
  });
});

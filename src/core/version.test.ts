import { describe, expect, it } from 'vitest';
import { parseKubeVersion, satisfies } from './version.js';

describe('versions', () => {
  it('parses v-prefixed and patch versions', () => {
    expect(parseKubeVersion('v1.33.2')).toEqual({ major: 1, minor: 33, patch: 2 });
    expect(parseKubeVersion('1.25')).toEqual({ major: 1, minor: 25, patch: 0 });
    expect(parseKubeVersion('latest')).toBeUndefined();
  });
  it('evaluates ranges by minor version', () => {
    const v = parseKubeVersion('1.29.4')!;
    expect(satisfies(v, '>=1.27')).toBe(true);
    expect(satisfies(v, '<1.29')).toBe(false);
    expect(satisfies(v, '>=1.25 <1.30')).toBe(true);
    expect(satisfies(v, '1.29')).toBe(true);
    expect(satisfies(v, '>1.29')).toBe(false);
    expect(satisfies(v, 'garbage')).toBe(false);
  });
});

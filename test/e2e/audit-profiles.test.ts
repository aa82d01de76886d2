import { describe, expect, it } from 'vitest';
import { THRESHOLD_CATALOGUE } from '../../src/knowledge/thresholds/catalogue.js';
import { formatValue, keysDifferingBetween, thresholdsForRule } from '../../src/knowledge/thresholds/for-rule.js';
import { PROFILE_NAMES, type ProfileName } from '../../src/knowledge/thresholds/profile-names.js';
import type { ThresholdValue } from '../../src/knowledge/thresholds/types.js';
import { runCli } from '../support/cli.js';

interface JsonFinding {
  readonly ruleId: string;
  readonly object: unknown;
  readonly path: unknown;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

const audit = async (profile: ProfileName): Promise<JsonFinding[]> => {
  const r = await runCli(['audit', 'examples/cluster', '--profile', profile, '-o', 'json']);
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
};
const keyOf = (f: JsonFinding) => JSON.stringify([f.ruleId, f.object, f.path, f.messageId, f.data ?? {}]);
const numbers = (v: ThresholdValue): number[] => (typeof v === 'number' ? [v] : 'min' in v ? [v.min, v.max] : [v.max]);
/** Data keys through which messages print a threshold. */
const THRESHOLD_DATA = ['min', 'max', 'threshold'] as const;

/** The numbers a rule reads under a profile, as they may appear in messages (ratios as-is, shares as percentages). */
function profileNumbers(ruleId: string, keys: readonly string[], profile: ProfileName): Set<number> {
  const out = new Set<number>();
  for (const k of keys) {
    const e = THRESHOLD_CATALOGUE[k as keyof typeof THRESHOLD_CATALOGUE];
    if (!e.readBy.includes(ruleId)) continue;
    for (const n of numbers(e.values[profile])) {
      out.add(n);
      out.add(Math.round(n * 100));
    }
  }
  return out;
}

describe('audit --profile on the bundled example differs exactly where the threshold catalogue says', () => {
  const runs = Promise.all(PROFILE_NAMES.map(async (p) => [p, await audit(p)] as const)).then(
    (r) => new Map<ProfileName, JsonFinding[]>(r),
  );

  for (const other of PROFILE_NAMES.filter((p) => p !== 'guide')) {
    it(`guide vs ${other}`, async () => {
      const byProfile = await runs;
      const a = byProfile.get('guide')!;
      const b = byProfile.get(other)!;
      const differing = keysDifferingBetween('guide', other);
      const readers = new Set(differing.flatMap((k) => THRESHOLD_CATALOGUE[k].readBy));

      // Rules that read no differing threshold find exactly the same things.
      const stable = (fs: JsonFinding[]) => fs.filter((f) => !readers.has(f.ruleId)).map(keyOf);
      expect(stable(b)).toEqual(stable(a));

      // Every finding that changed comes from a rule reading a differing threshold.
      const inA = new Set(a.map(keyOf));
      const inB = new Set(b.map(keyOf));
      const changed = [...a.filter((f) => !inB.has(keyOf(f))), ...b.filter((f) => !inA.has(keyOf(f)))];
      for (const f of changed) expect(readers, `${f.ruleId} changed`).toContain(f.ruleId);
      if (differing.length === 0) expect(changed).toEqual([]);
      else expect(changed.length).toBeGreaterThan(0);

      // Where a message prints its threshold, it prints the profile's catalogue value.
      for (const [profile, fs] of [
        ['guide', a],
        [other, b],
      ] as const) {
        for (const f of fs.filter((x) => readers.has(x.ruleId))) {
          const allowed = profileNumbers(f.ruleId, differing, profile);
          for (const d of THRESHOLD_DATA) {
            const v = f.data?.[d];
            if (typeof v === 'number') expect(allowed, `${profile} ${f.ruleId} ${d}=${v}`).toContain(v);
          }
        }
      }
    });
  }
});

describe("kubetune explain shows each rule's thresholds per profile from the catalogue", () => {
  const ruleIds = [...new Set(Object.values(THRESHOLD_CATALOGUE).flatMap((e) => e.readBy))].filter(
    (id) => !id.includes(':'),
  );
  it.each(ruleIds)('%s', async (id) => {
    const r = await runCli(['explain', id]);
    expect(r.code).toBe(0);
    for (const { key, entry } of thresholdsForRule(id)) {
      const line = r.stdout.split('\n').find((l) => l.includes(`${key}:`));
      expect(line, key).toBeDefined();
      for (const p of PROFILE_NAMES) expect(line).toContain(`${p} ${formatValue(entry.values[p], entry.unit)}`);
    }
  });
});

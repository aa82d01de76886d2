import { describe, expect, it } from 'vitest';
import { parseKubeVersion, SUPPORTED_MINORS, type KubeVersion } from '../../core/version.js';
import { runRules } from '../../engine/run.js';
import type { Finding } from '../../engine/types.js';
import { extractComponents } from '../../model/components/extract.js';
import { refOf, type KubeObject } from '../../model/object.js';
import { Snapshot } from '../../model/snapshot.js';
import deprecatedRule from './component-flag-deprecated.js';
import invalidRule from './component-flag-invalid.js';
import wrongRule from './component-flag-wrong-component.js';
import { COMPONENT_NAMES, FLAG_CATALOGUES, type ComponentName } from '../../knowledge/flags.js';
import { seededRandom } from '../../core/random.js';
import { editDistance } from '../../knowledge/flags-suggest.js';
import { upstreamReleaseFor, upstreamTable, type UpstreamFlag } from '../../knowledge/flags-upstream.js';

/** Seeded (mulberry32), so a failure reproduces; KUBETUNE_FLAG_SEED picks another sample. */
const SEED = Number(process.env['KUBETUNE_FLAG_SEED'] ?? 14);
const rnd = seededRandom(SEED);
const sample = <T>(xs: readonly T[], n: number): T[] => {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
};

const RULES = [invalidRule, deprecatedRule, wrongRule];
const v = (minor: number): KubeVersion => parseKubeVersion(`1.${minor}`)!;

/** Runs the three flag rules of the audit on a static pod of `component` started with `flags`; findings per flag. */
function audit(component: ComponentName, flags: readonly string[], version: KubeVersion): Map<string, Finding[]> {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${component}-node1`, namespace: 'kube-system' },
    spec: {
      containers: [
        {
          name: component,
          image: `registry.k8s.io/${component}`,
          command: [component, ...flags.map((f) => `--${f}=x`)],
        },
      ],
    },
  };
  const resources = [{ object: pod, ref: refOf(pod), source: { file: 'pod.yaml', line: 1 } }];
  const snapshot = new Snapshot(resources, extractComponents(resources).components);
  const { findings } = runRules(RULES, snapshot, { kubeVersion: version });
  const byFlag = new Map<string, Finding[]>(flags.map((f) => [f, []]));
  for (const f of findings) byFlag.get(flags[Number(f.path.at(-1)) - 1]!)!.push(f);
  return byFlag;
}

/** Kubernetes minors to check per component: every supported one; for etcd, one per etcd release it maps to. */
const minorsOf = (c: ComponentName): number[] =>
  c !== 'etcd'
    ? [...SUPPORTED_MINORS]
    : [...new Map(SUPPORTED_MINORS.map((m) => [upstreamReleaseFor(c, v(m)), m])).values()];

const curated = (c: ComponentName, name: string) => FLAG_CATALOGUES[c].changes.some((x) => x.name === name);

/** What the generated row alone says release `r` does with the flag (hand-kept changelog facts aside). */
function expected(f: UpstreamFlag, release: string): string[] {
  const t = upstreamTable(f.component);
  const deprecated = f.deprecatedIn !== undefined && t.releases.indexOf(f.deprecatedIn) <= t.releases.indexOf(release);
  return deprecated ? ['component-flag-deprecated'] : [];
}

describe(`generated flag tables: 50 random flags per component and release (seed ${SEED})`, () => {
  for (const c of COMPONENT_NAMES)
    it.each(minorsOf(c))(`${c} in Kubernetes 1.%i: listed flags are accepted, deprecated ones flagged`, (minor) => {
      const release = upstreamReleaseFor(c, v(minor));
      const listed = [...upstreamTable(c).flags.values()].filter(
        (f) => f.releases.includes(release) && !curated(c, f.name),
      );
      const picked = sample(listed, 50);
      expect(picked.length).toBe(Math.min(50, listed.length));
      const got = audit(
        c,
        picked.map((f) => f.name),
        v(minor),
      );
      for (const f of picked)
        expect([f.name, got.get(f.name)!.map((x) => x.ruleId)]).toEqual([f.name, expected(f, release)]);
    });

  for (const c of COMPONENT_NAMES.filter((x) => x !== 'etcd'))
    it.each(minorsOf(c))(`${c} in Kubernetes 1.%i: flags the release does not list are reported`, (minor) => {
      const release = upstreamReleaseFor(c, v(minor));
      const stable = FLAG_CATALOGUES[c].stable;
      const absent = [...upstreamTable(c).flags.values()].filter(
        (f) => !f.releases.includes(release) && !curated(c, f.name) && !stable.has(f.name),
      );
      const picked = sample(absent, 50);
      const got = audit(
        c,
        picked.map((f) => f.name),
        v(minor),
      );
      for (const f of picked) {
        const before = Number(f.releases[0]!.split('.')[1]) > minor;
        const hiddenBefore = before && f.deprecatedIn === f.releases[0];
        const want = hiddenBefore ? 'deprecated' : before ? 'notYet' : 'unlisted';
        const ids = got.get(f.name)!.map((x) => x.messageId);
        expect([f.name, ids]).toEqual([f.name, [want]]);
      }
    });

  for (const c of COMPONENT_NAMES)
    it(`${c}: misspellings of 50 random real flags are reported with the nearest real flag`, () => {
      const minor = minorsOf(c).at(-1)!;
      const accepted = new Set(COMPONENT_NAMES.flatMap((x) => [...upstreamTable(x).flags.keys()]));
      const release = upstreamReleaseFor(c, v(minor));
      const real = [...upstreamTable(c).flags.values()].filter(
        (f) => f.releases.includes(release) && f.name.length >= 9,
      );
      const typos = sample(real, 50)
        .map((f) => ({ real: f.name, typo: transpose(f.name) }))
        .filter((t) => t.typo !== t.real && !accepted.has(t.typo));
      expect(typos.length).toBeGreaterThan(Math.min(40, real.length - 10));
      const got = audit(
        c,
        typos.map((t) => t.typo),
        v(minor),
      );
      for (const t of typos) {
        const [finding] = got.get(t.typo)!;
        expect([t.typo, finding?.messageId]).toEqual([t.typo, 'unknown']);
        const hint = String(finding?.data?.['hint']);
        const suggested = /--([\w.-]+)\?$/.exec(hint)?.[1];
        expect(suggested, `${t.typo} → ${hint}`).toBeDefined();
        expect(editDistance(t.typo, suggested!)).toBeLessThanOrEqual(editDistance(t.typo, t.real));
      }
    });
});

/** Swaps two adjacent letters in the middle of the name (a typical typo: `--max-reqeusts-inflight`). */
function transpose(name: string): string {
  const i = 2 + Math.floor(rnd() * (name.length - 4));
  const a = name[i]!;
  const b = name[i + 1]!;
  if (a === b || a === '-' || b === '-') return name.slice(0, i) + name.slice(i + 1); // drop a letter instead
  return name.slice(0, i) + b + a + name.slice(i + 2);
}

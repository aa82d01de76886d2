/** Kubernetes minor versions as comparable values. */
export interface KubeVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/** The release kubetune assumes when `--kube-version` is not given. */
export const DEFAULT_KUBE_VERSION = '1.35';
export const SUPPORTED_MINORS = [25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35] as const;

export function parseKubeVersion(input: string): KubeVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(input.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

export function compareVersions(a: KubeVersion, b: KubeVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export const formatKubeVersion = (v: KubeVersion): string => `${v.major}.${v.minor}`;

/**
 * Whether `v` satisfies a range such as `>=1.27`, `<1.29`, `>=1.25 <1.32`, or `1.30`.
 * Space-separated comparators are ANDed.
 */
export function satisfies(v: KubeVersion, range: string): boolean {
  return range
    .trim()
    .split(/\s+/)
    .every((part) => {
      const m = /^(>=|<=|>|<|=)?(.+)$/.exec(part);
      const target = m ? parseKubeVersion(m[2]!) : undefined;
      if (!m || !target) return false;
      const c = compareVersions({ ...v, patch: 0 }, { ...target, patch: 0 });
      switch (m[1]) {
        case '>=':
          return c >= 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '<':
          return c < 0;
        default:
          return c === 0;
      }
    });
}

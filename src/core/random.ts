/**
 * mulberry32: a small, fast, seeded 32-bit generator returning numbers in [0, 1). The same seed gives the same
 * sequence on every platform, so a bootstrap interval, a sampled test case or a generated trace reproduces exactly.
 * Not for anything secret (use node:crypto for that).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

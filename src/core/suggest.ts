/** "Did you mean …?" for unknown names: the known names nearest to a misspelt one. */

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known names closest to `name` (at most `max`): within a third of the name's length in edits, or containing
 * it, nearest first.
 */
export function nearest(name: string, known: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const k of new Set(known)) {
    const d = editDistance(lower, k.toLowerCase());
    if (d <= limit || (lower.length >= 3 && k.toLowerCase().includes(lower))) scored.push({ name: k, d });
  }
  return scored
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name))
    .slice(0, max)
    .map((s) => s.name);
}

/** `; did you mean a, b?` or nothing. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = nearest(name, known);
  return near.length ? `; did you mean ${near.join(', ')}?` : '';
}

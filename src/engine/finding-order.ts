import { formatPath, type JsonPath } from '../core/json-path.js';
import { formatRef } from '../model/object.js';
import type { AnyRule, Located } from './types.js';

/** What ordering needs to read from a finding table, row by row. */
export interface FindingKeys {
  readonly length: number;
  severityIdOf(row: number): number;
  ruleOf(row: number): AnyRule;
  locatedIdOf(row: number): number;
  locatedCount(): number;
  locatedById(id: number): Located;
  lineOf(row: number): number;
  pathIdOf(row: number): number;
  pathCount(): number;
  pathById(id: number): JsonPath;
  messageOf(row: number): string;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ranks of `n` strings: equal strings get equal ranks, and rank order is string order. */
function ranks(n: number, text: (i: number) => string): Uint32Array {
  const texts = Array.from({ length: n }, (_, i) => text(i));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => cmp(texts[a]!, texts[b]!));
  const out = new Uint32Array(n);
  let rank = 0;
  order.forEach((id, k) => {
    if (k > 0 && texts[id] !== texts[order[k - 1]!]) rank++;
    out[id] = rank;
  });
  return out;
}

const TWO_31 = 2 ** 31;

/**
 * The deterministic finding order — severity, rule id, object, file, line, path, message — as a permutation of the
 * table's rows. Strings are ranked once per distinct value (rule, object, file, path), so the sort compares numbers;
 * messages are rendered only to break ties. Equal findings keep their insertion order.
 */
export function orderFindings(t: FindingKeys): Uint32Array {
  const n = t.length;
  const rules: AnyRule[] = [];
  const ruleSlot = new Map<AnyRule, number>();
  for (let row = 0; row < n; row++) {
    const r = t.ruleOf(row);
    if (!ruleSlot.has(r)) ruleSlot.set(r, rules.push(r) - 1);
  }
  const ruleRank = ranks(rules.length, (i) => rules[i]!.id);
  const refRank = ranks(t.locatedCount(), (id) => formatRef(t.locatedById(id).ref));
  const fileRank = ranks(t.locatedCount(), (id) => t.locatedById(id).source?.file ?? '');
  const pathRank = ranks(t.pathCount(), (id) => formatPath(t.pathById(id)));
  const primary = new Float64Array(n);
  const secondary = new Float64Array(n);
  const located = t.locatedCount() + 1;
  for (let row = 0; row < n; row++) {
    const rule = ruleRank[ruleSlot.get(t.ruleOf(row))!]!;
    const at = t.locatedIdOf(row);
    primary[row] = (t.severityIdOf(row) * rules.length + rule) * located + refRank[at]!;
    const line = t.lineOf(row);
    // A finding without a line has no file either (its file sorts as '', before every file name).
    secondary[row] = line > 0 ? (fileRank[at]! + 1) * TWO_31 + line : 0;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort(
    (a, b) =>
      primary[a]! - primary[b]! ||
      secondary[a]! - secondary[b]! ||
      pathRank[t.pathIdOf(a)]! - pathRank[t.pathIdOf(b)]! ||
      cmp(t.messageOf(a), t.messageOf(b)) ||
      a - b,
  );
}

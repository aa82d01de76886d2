import { asArray, asRecord, asString, isRecord } from './object.js';

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    readonly values?: readonly string[];
  }[];
}

/** A selector in `matchLabels`/`matchExpressions` form, or a plain map (Service, RC). */
export function parseSelector(v: unknown): LabelSelector | undefined {
  if (!isRecord(v)) return undefined;
  if (!('matchLabels' in v) && !('matchExpressions' in v)) {
    return { matchLabels: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) };
  }
  const matchLabels = Object.fromEntries(Object.entries(asRecord(v['matchLabels'])).map(([k, x]) => [k, String(x)]));
  const matchExpressions = asArray(v['matchExpressions'])
    .filter(isRecord)
    .map((e) => ({
      key: asString(e['key']) ?? '',
      operator: (asString(e['operator']) ?? 'Exists') as 'In' | 'NotIn' | 'Exists' | 'DoesNotExist',
      values: asArray(e['values']).map(String),
    }));
  return { matchLabels, matchExpressions };
}

/** Kubernetes semantics: every requirement must hold; an empty selector matches everything. */
export function matchesSelector(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const val = labels[e.key];
    switch (e.operator) {
      case 'In':
        if (!has || !(e.values ?? []).includes(val!)) return false;
        break;
      case 'NotIn':
        if (has && (e.values ?? []).includes(val!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export const isEmptySelector = (s: LabelSelector): boolean =>
  Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;

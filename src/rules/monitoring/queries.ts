import { parse as parseYaml } from 'yaml';
import type { JsonPath } from '../../core/json-path.js';
import { asArray, asRecord, asString, isRecord, type Resource } from '../../model/object.js';
import type { Located } from '../../engine/types.js';
import { isMonitoringFile } from '../../model/monitoring-file.js';
import { parsePromQL, type ParsedPromQL } from '../../model/promql.js';
import type { Snapshot } from '../../model/snapshot.js';

/** One PromQL expression found in a monitoring object. */
export interface MonitoringQuery {
  readonly expr: string;
  /** Path of the string field that holds it (for a dashboard or rule file inside a ConfigMap: the data key). */
  readonly path: JsonPath;
  /** Human location: `alert KubeAPIDown`, `record job:x:rate5m`, `dashboard "API" panel "Latency" target A`. */
  readonly where: string;
  readonly kind: 'alert' | 'record' | 'panel';
  /** The alerting/recording rule as written (alerts: `for`, `labels`). */
  readonly rule?: Readonly<Record<string, unknown>>;
}

export const MONITORING_KINDS = ['PrometheusRule', 'ConfigMap', 'GrafanaDashboard'] as const;

function ruleGroups(groups: unknown, base: JsonPath, prefix: string): MonitoringQuery[] {
  return asArray(groups).flatMap((g, gi) =>
    asArray(asRecord(g)['rules']).flatMap((r, ri): MonitoringQuery[] => {
      const rule = asRecord(r);
      const expr = typeof rule['expr'] === 'number' ? String(rule['expr']) : asString(rule['expr']);
      if (expr === undefined) return [];
      const alert = asString(rule['alert']);
      const where = `${prefix}${alert !== undefined ? `alert ${alert}` : `record ${asString(rule['record']) ?? `#${ri}`}`}`;
      const path = base.length > 0 && base[0] === 'data' ? base : [...base, gi, 'rules', ri, 'expr'];
      return [{ expr, path, where, kind: alert !== undefined ? 'alert' : 'record', rule }];
    }),
  );
}

function panelQueries(panels: unknown, title: string, path: JsonPath): MonitoringQuery[] {
  return asArray(panels).flatMap((p): MonitoringQuery[] => {
    const panel = asRecord(p);
    const name = asString(panel['title']) ?? '(untitled)';
    const nested = panelQueries(panel['panels'], title, path);
    const own = asArray(panel['targets']).flatMap((t): MonitoringQuery[] => {
      const target = asRecord(t);
      const expr = asString(target['expr']);
      if (expr === undefined || expr.trim() === '') return [];
      return [
        {
          expr,
          path,
          where: `dashboard "${title}" panel "${name}" target ${asString(target['refId']) ?? '?'}`,
          kind: 'panel',
        },
      ];
    });
    return [...own, ...nested];
  });
}

function dashboardQueries(json: Readonly<Record<string, unknown>>, path: JsonPath): MonitoringQuery[] {
  const title = asString(json['title']) ?? '(untitled)';
  const rows = asArray(json['rows']).flatMap((r) => asArray(asRecord(r)['panels']));
  return panelQueries([...asArray(json['panels']), ...rows], title, path);
}

/** A ConfigMap value that is a Grafana dashboard (JSON) or a Prometheus rule file (YAML). */
function dataQueries(key: string, text: string): MonitoringQuery[] {
  const path = ['data', key];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(text);
      return isRecord(json) && (json['panels'] !== undefined || json['rows'] !== undefined)
        ? dashboardQueries(json, path)
        : [];
    } catch {
      return [];
    }
  }
  if (!/(^|\n)groups:/.test(text)) return [];
  try {
    const doc: unknown = parseYaml(text);
    return isRecord(doc) ? ruleGroups(doc['groups'], path, `${key}: `) : [];
  } catch {
    return [];
  }
}

const cache = new WeakMap<object, readonly MonitoringQuery[]>();

/** Every PromQL expression of a PrometheusRule, dashboard ConfigMap, rule-file ConfigMap or GrafanaDashboard (memoised). */
export function queriesOf(resource: Resource): readonly MonitoringQuery[] {
  const hit = cache.get(resource.object);
  if (hit) return hit;
  let out: MonitoringQuery[] = [];
  const kind = resource.object.kind;
  if (kind === 'PrometheusRule') out = ruleGroups(asRecord(resource.object['spec'])['groups'], ['spec', 'groups'], '');
  else if (kind === 'ConfigMap')
    out = Object.entries(asRecord(resource.object['data'])).flatMap(([k, v]) =>
      typeof v === 'string' ? dataQueries(k, v) : [],
    );
  else if (kind === 'GrafanaDashboard') {
    const json = asString(asRecord(resource.object['spec'])['json']);
    try {
      const parsed: unknown = json ? JSON.parse(json) : undefined;
      if (isRecord(parsed)) out = dashboardQueries(parsed, ['spec', 'json']);
    } catch {
      out = [];
    }
  }
  cache.set(resource.object, out);
  return out;
}

const parsed = new Map<string, ParsedPromQL>();

/** Parses (memoised by text) a query. */
export function parseQuery(expr: string): ParsedPromQL {
  let r = parsed.get(expr);
  if (!r) {
    r = parsePromQL(expr);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(expr, r);
  }
  return r;
}

/** Queries that parse, with their AST. */
export function* parsedQueries(queries: readonly MonitoringQuery[]) {
  for (const q of queries) {
    const r = parseQuery(q.expr);
    if (r.ok) yield { query: q, expr: r.expr };
  }
}

/** A short excerpt of a query for messages. */
export const excerpt = (text: string, max = 60): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** Where monitoring queries live: Kubernetes objects (PrometheusRule, dashboard ConfigMaps…) and plain files. */
export interface MonitoringSource {
  readonly at: Located;
  readonly queries: readonly MonitoringQuery[];
}

const fileCache = new WeakMap<object, readonly MonitoringQuery[]>();

/** Every source of PromQL in the snapshot, objects first, then rule files and dashboard JSON files. */
export function monitoringSources(snapshot: Snapshot): MonitoringSource[] {
  const objects = MONITORING_KINDS.flatMap((k) => snapshot.byKind(k)).map((r) => ({
    at: r as Located,
    queries: queriesOf(r),
  }));
  const files = snapshot.components.filter(isMonitoringFile).map((c) => {
    let queries = fileCache.get(c);
    if (!queries) {
      queries =
        c.component === 'prometheus-rule-file'
          ? ruleGroups(c.content['groups'], ['groups'], '')
          : dashboardQueries(c.content, []);
      fileCache.set(c, queries);
    }
    return { at: { ref: c.ref, ...(c.source ? { source: c.source } : {}) }, queries };
  });
  return [...objects, ...files].filter((s) => s.queries.length > 0);
}

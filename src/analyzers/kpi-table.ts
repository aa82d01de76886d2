/** The KPI catalogue as a Markdown table (docs/diagnose.md is checked against it by a test). Pure. */
import { formatKpiValue } from './format.js';
import { DIAGNOSE_ANALYZERS } from './diagnose-index.js';
import { KPI_AUDIT_RULES } from '../knowledge/kpis-audit-rules.js';
import type { KpiLevels } from '../knowledge/kpis.js';
import type { Kpi } from '../knowledge/kpis.js';

const levels = (k: Kpi, l: KpiLevels): string =>
  (['P0', 'P1', 'P2'] as const)
    .filter((p) => l[p] !== undefined)
    .map((p) => `${p} > ${formatKpiValue(l[p]!, k.unit)}`)
    .join(', ') || '—';

export const KPI_TABLE_BEGIN =
  '<!-- kpi-table:begin (generated from src/knowledge/kpis*.ts; npx tsx scripts/gen-diagnose-docs.ts) -->';
export const KPI_TABLE_END = '<!-- kpi-table:end -->';

export function renderKpiTable(): string {
  const rows = DIAGNOSE_ANALYZERS.flatMap((a) =>
    Object.values(a.queries).map(
      (k) =>
        `| \`${k.id}\` | ${a.id} | ${k.title} | ${k.bottleneck} | ${levels(k, k.levels.guide)} | ${levels(k, k.levels.strict)} | ${levels(k, k.levels['upstream-slo'])} | ${(KPI_AUDIT_RULES[k.id] ?? []).join(', ') || '—'} |`,
    ),
  );
  return [
    KPI_TABLE_BEGIN,
    '| KPI | analyzer | measures | bottleneck | guide | strict | upstream-slo | audit rules |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    KPI_TABLE_END,
  ].join('\n');
}

/** Rewrites the generated KPI table of docs/diagnose.md from the catalogue (`--check`: fail when stale). */
import { readFileSync, writeFileSync } from 'node:fs';
import { KPI_TABLE_BEGIN, KPI_TABLE_END, renderKpiTable } from '../src/analyzers/kpi-table.js';

const file = new URL('../docs/diagnose.md', import.meta.url).pathname;
const doc = readFileSync(file, 'utf8');
const start = doc.indexOf(KPI_TABLE_BEGIN);
const end = doc.indexOf(KPI_TABLE_END);
if (start < 0 || end < 0) throw new Error(`${file}: kpi-table markers not found`);
const next = doc.slice(0, start) + renderKpiTable() + doc.slice(end + KPI_TABLE_END.length);
if (process.argv.includes('--check')) {
  if (next !== doc) {
    process.stderr.write(`${file} is stale: run npx tsx scripts/gen-diagnose-docs.ts\n`);
    process.exit(1);
  }
} else writeFileSync(file, next);

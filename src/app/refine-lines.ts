import type { FindingTable } from '../engine/finding-table.js';
import { refineLines, type LocateOptions } from '../sources/files/locate.js';

/**
 * Refines the lines of a table's findings to the line of their path (sources/files/locate.ts) through accessors, in
 * the table's order, without an object per finding; then re-sorts (the line is a sort key).
 */
export async function refineTableLines(table: FindingTable, options: LocateOptions = {}): Promise<void> {
  const rowAt = (i: number) => table.rowAt(i);
  let changed = false;
  await refineLines(
    {
      count: table.length,
      file: (i) => table.fileOf(rowAt(i)) || undefined,
      doc: (i) => table.locatedOf(rowAt(i)).source?.doc,
      path: (i) => [...(table.locatedOf(rowAt(i)).source?.itemPath ?? []), ...table.pathOf(rowAt(i))],
      setLine: (i, line) => {
        const row = rowAt(i);
        if (line !== table.lineOf(row)) {
          table.setLine(row, line);
          changed = true;
        }
      },
    },
    options,
  );
  if (changed) table.sort();
}

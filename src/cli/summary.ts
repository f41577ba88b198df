/** The table a reviewer reads after checking many documents at once, or its JSON for machines. */
import type { Summary } from "../rules/diagnostic.ts";

export interface SummaryRow {
  document: string;
  layout: string;
  tables: string;
  cells: number;
  errors: number;
  warnings: number;
  /** Set when the input could not be read. */
  failure?: string;
}

/** Display width: CJK characters take two columns. */
const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffff]/u.test(ch) ? 2 : 1), 0);
const pad = (text: string, n: number) => text + " ".repeat(Math.max(0, n - width(text)));

/** One line per document; documents that could not be read are marked ✗ and explained under the table. */
export function summaryTable(rows: SummaryRow[]): string {
  const header = ["document", "layout", "tables", "cells", "errors", "warnings"];
  const lines = rows.map((r) =>
    r.failure
      ? [`${r.document} ✗`, "—", "—", "—", "—", "—"]
      : [r.document, r.layout, r.tables, String(r.cells), String(r.errors), String(r.warnings)],
  );
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i] ?? ""))));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const failures = rows.flatMap((r) => (r.failure ? [`✗ ${r.failure}`] : []));
  const table = [format(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(format)];
  return [...table, ...(failures.length > 0 ? ["", ...failures] : [])].join("\n");
}

export function summaryRow(document: string, layout: string, tables: string, cells: number, s: Summary): SummaryRow {
  return { document, layout, tables, cells, errors: s.errors, warnings: s.warnings };
}

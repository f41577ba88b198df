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

export function summaryTable(rows: SummaryRow[]): string {
  const header = ["document", "layout", "tables", "cells", "errors", "warnings"];
  const lines = rows.map((r) =>
    r.failure
      ? [r.document, "—", "—", "—", "—", r.failure]
      : [r.document, r.layout, r.tables, String(r.cells), String(r.errors), String(r.warnings)],
  );
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((l) => width(l[i] ?? ""))));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [format(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(format)].join("\n");
}

export function summaryRow(document: string, layout: string, tables: string, cells: number, s: Summary): SummaryRow {
  return { document, layout, tables, cells, errors: s.errors, warnings: s.warnings };
}

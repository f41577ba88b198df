/** Words for cells and sums in messages: 表3「社会保障和就业出」基本支出, Σ 表9 2 行 2021 年预算. */
import { formatAmount } from "../../money/amount.ts";
import { formatInterval, type Interval } from "../../money/interval.ts";
import type { Location } from "../diagnostic.ts";
import type { Operand } from "./evaluate.ts";
import type { DocumentIndex } from "./table-index.ts";

export function columnHeader(index: DocumentIndex, table: string, column: string): string {
  const spec = index.template.tables.find((t) => t.id === table);
  if (spec?.shape === "balance") return "金额";
  const header = spec?.columns.find((c) => c.key === column)?.header ?? column;
  return header.replace("{year}", String(index.doc.year));
}

function rowLabel(index: DocumentIndex, loc: Location): string {
  const row = index.table(loc.table ?? "")?.table.rows.find((r) => r.key === loc.row);
  const showCode = row?.code && !/^\d{6}$/.test(row.code);
  return (showCode ? `${row?.code} ` : "") + (row?.label ?? loc.row ?? "");
}

export function describeCell(index: DocumentIndex, loc: Location, lang: "zh" | "en"): string {
  const table = loc.table ?? "";
  const column = lang === "zh" ? columnHeader(index, table, loc.column ?? "") : (loc.column ?? "");
  return `${table}「${rowLabel(index, loc)}」${column}`;
}

/** One cell by its name; several by what they share (one row, or one column of rows with one label). */
export function describeOperand(index: DocumentIndex, operand: Operand, lang: "zh" | "en"): string {
  const [first] = operand.cells;
  if (!first) return "0";
  if (operand.cells.length === 1) return describeCell(index, first, lang);
  const n = operand.cells.length;
  const distinct = (f: (l: Location) => string | undefined) => new Set(operand.cells.map(f)).size === 1;
  const table = first.table ?? "";
  if (distinct((c) => c.table) && distinct((c) => c.row)) {
    return lang === "zh"
      ? `${table}「${rowLabel(index, first)}」${n} 列之和`
      : `the sum of ${n} columns of ${table} ${first.row}`;
  }
  if (distinct((c) => c.table) && distinct((c) => c.column)) {
    const column = lang === "zh" ? columnHeader(index, table, first.column ?? "") : first.column;
    const label = distinct((c) => rowLabel(index, c)) ? `「${rowLabel(index, first)}」` : "";
    return lang === "zh"
      ? `${table}${label} ${n} 行${column}之和`
      : `the sum of ${n} rows of ${table} ${label} ${column}`;
  }
  const tables = [...new Set(operand.cells.map((c) => c.table))];
  return lang === "zh" ? `${tables.join("、")} 中 ${n} 个单元格之和` : `the sum of ${n} cells of ${tables.join(", ")}`;
}

export const amountText = (value: number, decimals: number) => formatAmount(value, { decimals, thousands: false });

export function intervalText(i: Interval, decimals: number): string {
  const [lo, hi] = formatInterval(i, decimals);
  return `[${lo}, ${hi}]`;
}

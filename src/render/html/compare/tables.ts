/**
 * Each table of two budgets that share a layout, side by side: rows aligned by row key (never by position), with the
 * table's main amount — its first amount column, the total — on either side and the difference. A row one side does
 * not have is marked as only in the other, never shown as zero.
 */
import { alignByKey } from "../../../model/diff.ts";
import type { BudgetDocument, Row } from "../../../model/document.ts";
import { normaliseLabel, parentIndexes } from "../../../model/rows.ts";
import type { TableSpec, Template } from "../../../templates/template.ts";
import { tableById } from "../../charts/figures.ts";
import { type AmountScale, type CompareSide, finest, rescale, tableScale } from "./scale.ts";

export interface RowComparison {
  key: string;
  label: string;
  /** The other side's label, when it names the row differently. */
  otherLabel?: string;
  kind: string;
  depth?: number;
  /** The main amount; null when printed blank, absent when the row is not on that side. */
  a?: number | null;
  b?: number | null;
  only?: "a" | "b";
  difference?: number;
}

export interface TableComparison {
  id: string;
  title: string;
  /** The amount column compared: the table's first (its total). */
  column: string;
  header: string;
  scale: AmountScale;
  rows: RowComparison[];
}

/** Each row's depth in its table's hierarchy, by key, for indentation. */
function depths(spec: TableSpec, rows: Row[]): Map<string, number> {
  const parents = parentIndexes(spec, rows);
  const depth: number[] = [];
  rows.forEach((_, i) => {
    const p = parents[i];
    depth.push(p === undefined ? 0 : (depth[p] ?? 0) + 1);
  });
  return new Map(rows.map((r, i) => [r.key, depth[i] ?? 0]));
}

/** A coded row reads 2010301 行政运行; a balance table's lines print no code, though one is resolved for them. */
const rowLabel = (spec: TableSpec, row: Row) =>
  row.code && spec.shape !== "balance" && !row.label.includes(row.code) ? `${row.code} ${row.label}` : row.label;

function compareTable(a: BudgetDocument, b: BudgetDocument, spec: TableSpec): TableComparison | undefined {
  const [ta, tb] = [tableById(a, spec.id), tableById(b, spec.id)];
  const column = spec.columns.find((c) => c.type === "amount");
  if ((!ta && !tb) || !column) return undefined;
  const [sa, sb] = [tableScale(a, ta, spec), tableScale(b, tb, spec)];
  const scale = finest([sa, sb], sa);
  const amount = (row: Row | undefined, from: AmountScale) => {
    if (!row) return undefined;
    const cell = row.cells[column.key];
    return typeof cell === "number" ? rescale({ value: cell, scale: from }, scale) : null;
  };
  const depthOf = new Map([...depths(spec, tb?.rows ?? []), ...depths(spec, ta?.rows ?? [])]);
  const rows = alignByKey(ta?.rows ?? [], tb?.rows ?? [], (r) => r.key).map(([x, y]): RowComparison => {
    const row = (x ?? y) as Row;
    const other = x && y && normaliseLabel(x.label) !== normaliseLabel(y.label) ? rowLabel(spec, y) : undefined;
    const [va, vb] = [amount(x, sa), amount(y, sb)];
    return {
      key: row.key,
      label: rowLabel(spec, row),
      ...(other ? { otherLabel: other } : {}),
      kind: row.kind,
      depth: depthOf.get(row.key),
      a: va,
      b: vb,
      ...(!x ? { only: "b" as const } : !y ? { only: "a" as const } : {}),
      ...(typeof va === "number" && typeof vb === "number" ? { difference: vb - va } : {}),
    };
  });
  // A header naming the year ("{year} 年预算") names both sides' years here, so it is shown without one.
  const header = column.header.replace(/\{year\}\s*年?/, "");
  return { id: spec.id, title: spec.title, column: column.key, header, scale, rows };
}

/** Each table of the layout, rows aligned by key; none when the two documents use different layouts. */
export function compareTables(a: CompareSide, b: CompareSide, template: Template): TableComparison[] {
  if (a.doc.template !== template.id || b.doc.template !== template.id) return [];
  return template.tables.flatMap((spec) => compareTable(a.doc, b.doc, spec) ?? []);
}

/**
 * The tables by function classification: 收入总体情况表 (T02), 支出总体情况表 (T03), 一般公共预算支出预算表 (T06) and
 * 政府性基金预算支出情况表 (T07). Rows are the 类, 款 and 项 the ledger's leaves fall under (for T06/T07 only those with
 * amounts from the table's fund source); an item's cells are sums of its leaves, a section's and a class's the sums
 * of the rows below, the total the sum of the classes.
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import type { ColumnFilter, Columns } from "../layout.ts";
import { columnSums, matches } from "../leaves.ts";
import { type DeriveContext, type DraftRow, functionName, gridRows, groupBy, table } from "./build.ts";

function add(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(a).map((k) => [k, (a[k] ?? 0) + (b[k] ?? 0)]));
}

export function functionTable(context: DeriveContext, id: "T02" | "T03" | "T06" | "T07"): Table {
  const spec = tableSpec(context.template, id);
  const layout = context.layout.tables[id] as { columns: Columns; rowsFrom?: ColumnFilter };
  const rowsFrom = layout.rowsFrom ?? {};
  const byItem = groupBy(
    context.leaves.filter((leaf) => matches(leaf, rowsFrom)),
    (leaf) => leaf.functionCode,
  );
  const zero = columnSums([], layout.columns);
  const sums = new Map<string, Record<string, number>>();
  for (const [item, leaves] of byItem) {
    const cells = columnSums(leaves, layout.columns);
    sums.set(item, cells);
    for (const code of [item.slice(0, 3), item.slice(0, 5)]) sums.set(code, add(sums.get(code) ?? zero, cells));
  }
  const codes = [...sums.keys()].sort();
  const total = codes.filter((c) => c.length === 3).reduce((a, c) => add(a, sums.get(c) ?? zero), zero);
  const kinds: Record<number, string> = { 3: "class", 5: "section", 7: "item" };
  const drafts: DraftRow[] = [
    { kind: "total", cells: { code: null, name: "合计", ...total } },
    ...codes.map((code) => ({
      kind: kinds[code.length] ?? "row",
      cells: { code, name: functionName(context.ledger, code), ...sums.get(code) },
    })),
  ];
  return table(context, spec, gridRows(spec, drafts));
}

/**
 * Tables a ledger has no lines for yet — 非税收入预算表 (T05), 部门预算转移支付项目预算表 (T11): published with their
 * total row of zeros (and, as every empty table, the statement derive adds).
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import { type DeriveContext, gridRows, table } from "./build.ts";

export function emptyTable(context: DeriveContext, id: string): Table {
  const spec = tableSpec(context.template, id);
  const label = spec.columns.find((c) => c.type === "label")?.key ?? "label";
  return table(context, spec, gridRows(spec, [{ kind: "total", cells: { [label]: "合计" } }]));
}

/**
 * 政府购买服务预算表 (T14): the total, its basic and project parts, then each unit's purchased services under the
 * budget lines they are paid from, with the 3-level service catalog and the purchase method.
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import { purchaseRows } from "../purchase-rows.ts";
import type { PurchasedServiceLine } from "../types.ts";
import { type DeriveContext, type DraftRow, gridRows, table } from "./build.ts";
import { purchaseSums, unitDrafts } from "./purchases.ts";

export function purchasedServicesTable(context: DeriveContext): Table {
  const spec = tableSpec(context.template, "T14");
  const layout = context.layout.tables.T14;
  const identity = (l: PurchasedServiceLine) => `${l.catalog1}|${l.catalog2}|${l.catalog3}|${l.method}`;
  const rows = purchaseRows(context.ledger.purchasedServices, identity, context.leaves);
  const basic = rows.filter((r) => r.ref.project === null);
  const project = rows.filter((r) => r.ref.project !== null);
  const drafts: DraftRow[] = [
    { kind: "total", cells: { label: layout.totals.total ?? "", ...purchaseSums(rows, layout) } },
    { kind: "basicTotal", cells: { label: layout.totals.basic ?? "", ...purchaseSums(basic, layout) } },
    { kind: "projectTotal", cells: { label: layout.totals.project ?? "", ...purchaseSums(project, layout) } },
    ...unitDrafts(context, rows, layout, "line", (line) => ({
      catalog1: line.catalog1,
      catalog2: line.catalog2,
      catalog3: line.catalog3,
      method: line.method,
    })),
  ];
  return table(context, spec, gridRows(spec, drafts));
}

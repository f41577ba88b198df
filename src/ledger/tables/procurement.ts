/**
 * 政府采购预算表 (T13): the total and its goods / works / services parts (by the 品目's kind in the procurement
 * catalog), then each unit's procurement under the budget lines it is paid from.
 */
import { procurementCatalog } from "../../catalog/catalog.ts";
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import { purchaseRows } from "../purchase-rows.ts";
import type { ProcurementLine } from "../types.ts";
import { type DeriveContext, type DraftRow, gridRows, table } from "./build.ts";
import { purchaseSums, unitDrafts } from "./purchases.ts";

const KINDS = { goods: "goodsTotal", works: "worksTotal", services: "servicesTotal" } as const;

export function procurementTable(context: DeriveContext): Table {
  const spec = tableSpec(context.template, "T13");
  const layout = context.layout.tables.T13;
  const catalog = procurementCatalog();
  const identity = (l: ProcurementLine) => `${l.item}|${l.categoryCode}|${l.quantity}|${l.measureUnit}`;
  const rows = purchaseRows(context.ledger.procurement, identity, context.leaves);
  const drafts: DraftRow[] = [
    { kind: "total", cells: { label: layout.totals.total ?? "", ...purchaseSums(rows, layout) } },
  ];
  for (const [kind, rowKind] of Object.entries(KINDS)) {
    const members = rows.filter((r) => catalog.get(r.line.categoryCode)?.level === kind);
    drafts.push({ kind: rowKind, cells: { label: layout.totals[kind] ?? "", ...purchaseSums(members, layout) } });
  }
  drafts.push(
    ...unitDrafts(context, rows, layout, "item", (line) => ({
      itemName: line.item,
      categoryName: `${line.categoryCode} ${catalog.get(line.categoryCode)?.name ?? ""}`,
      categoryCode: line.categoryCode,
      quantity: line.quantity || null,
      measureUnit: line.measureUnit || null,
    })),
  );
  return table(context, spec, gridRows(spec, drafts));
}

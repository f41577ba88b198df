/**
 * 部门预算基本支出预算表 (T08): each unit's basic expenditure by category — 人员支出（统发）, 人员支出（其他）, 公用经费,
 * 对个人和家庭的补助 — with its fund sources; a unit's line and the total are sums of the category lines.
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import { columnSums } from "../leaves.ts";
import { type DeriveContext, type DraftRow, gridRows, groupBy, table } from "./build.ts";

export function basicTable(context: DeriveContext): Table {
  const spec = tableSpec(context.template, "T08");
  const { categories, columns } = context.layout.tables.T08;
  const basic = context.leaves.filter((l) => l.kind === "basic");
  const byUnit = groupBy(basic, (l) => l.unit);
  const drafts: DraftRow[] = [
    { kind: "total", cells: { unitCode: null, label: "合计", ...columnSums(basic, columns) } },
  ];
  for (const unit of context.ledger.units) {
    const leaves = byUnit.get(unit.code);
    if (!leaves) continue;
    drafts.push({ kind: "unit", cells: { unitCode: unit.code, label: unit.name, ...columnSums(leaves, columns) } });
    const byBlock = groupBy(leaves, (l) => l.block);
    for (const [block, { label, kind }] of Object.entries(categories)) {
      const blockLeaves = byBlock.get(block);
      if (blockLeaves) drafts.push({ kind, cells: { unitCode: null, label, ...columnSums(blockLeaves, columns) } });
    }
  }
  return table(context, spec, gridRows(spec, drafts));
}

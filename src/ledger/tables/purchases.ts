/**
 * The shape the procurement (T13) and purchased-services (T14) tables share: each unit, then its 基本支出 lines
 * (paid from 公用经费) and its 项目支出 lines grouped by project category, each line under the name of the budget
 * line it is paid from. Amounts are the rounded purchase rows (leaves.ts); every parent sums its children.
 */
import type { Cell } from "../../model/document.ts";
import type { PurchaseLayout } from "../layout.ts";
import { columnSums } from "../leaves.ts";
import type { PurchaseRow } from "../purchase-rows.ts";
import type { FundSource, ProcurementLine, PurchasedServiceLine } from "../types.ts";
import { type DeriveContext, type DraftRow, groupBy } from "./build.ts";

type Line = ProcurementLine | PurchasedServiceLine;

/** A row's amounts per source as leaves, so the layout's column filters apply. */
function parts<L extends Line>(rows: PurchaseRow<L>[]) {
  const out: { source: FundSource; kind: "basic" | "project"; special: boolean; amount: number }[] = [];
  for (const row of rows) {
    const kind = row.ref.project === null ? "basic" : "project";
    for (const [source, amount] of Object.entries(row.amounts)) {
      out.push({ source: source as FundSource, kind, special: false, amount });
    }
  }
  return out;
}

export function purchaseSums<L extends Line>(rows: PurchaseRow<L>[], layout: PurchaseLayout): Record<string, number> {
  return columnSums(parts(rows), layout.columns);
}

/** The rows under the totals: units, their basic and project parts, categories and lines. */
export function unitDrafts<L extends Line>(
  context: DeriveContext,
  rows: PurchaseRow<L>[],
  layout: PurchaseLayout,
  lineKind: string,
  lineCells: (line: L) => Record<string, Cell>,
): DraftRow[] {
  const projects = new Map(context.ledger.projects.map((p, i) => [p.id, { project: p, order: i }]));
  const byUnit = groupBy(rows, (r) => r.ref.unit);
  const drafts: DraftRow[] = [];
  for (const unit of context.ledger.units) {
    const unitRows = byUnit.get(unit.code);
    if (!unitRows) continue;
    const partCode = layout.unitCodeOnParts ? unit.code : null;
    drafts.push({ kind: "unit", cells: { unitCode: unit.code, label: unit.name, ...purchaseSums(unitRows, layout) } });
    const basic = unitRows.filter((r) => r.ref.project === null);
    if (basic.length > 0) {
      drafts.push({
        kind: "basicExpenditure",
        cells: { unitCode: partCode, label: layout.basic, ...purchaseSums(basic, layout) },
      });
      for (const row of basic) {
        drafts.push({
          kind: lineKind,
          cells: { label: layout.basicItem, ...lineCells(row.line), ...purchaseSums([row], layout) },
        });
      }
    }
    const order = (r: PurchaseRow<L>) => projects.get(r.ref.project ?? "")?.order ?? 0;
    const project = unitRows.filter((r) => r.ref.project !== null).sort((a, b) => order(a) - order(b));
    if (project.length === 0) continue;
    drafts.push({
      kind: "projectExpenditure",
      cells: { unitCode: partCode, label: layout.project, ...purchaseSums(project, layout) },
    });
    for (const [category, members] of groupBy(
      project,
      (r) => projects.get(r.ref.project ?? "")?.project.category ?? "",
    )) {
      drafts.push({ kind: "category", cells: { label: category, ...purchaseSums(members, layout) } });
      for (const row of members) {
        const name = projects.get(row.ref.project ?? "")?.project.name ?? "";
        drafts.push({ kind: lineKind, cells: { label: name, ...lineCells(row.line), ...purchaseSums([row], layout) } });
      }
    }
  }
  return drafts;
}

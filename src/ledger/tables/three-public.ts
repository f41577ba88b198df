/**
 * 财政拨款安排的行政经费及“三公”经费预算表 (T12). The "三公" expenses are the budget lines (basic or project) with the
 * economic sections the layout names for each; 行政经费 is the 公用经费 of the unit types it names. Every row is a sum
 * of rounded leaves, so 三公 = 出国 + 用车 + 接待 and 用车 = 购置 + 运行 hold exactly, and each is at least the basic
 * part the economic table shows.
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import type { Layout } from "../layout.ts";
import { columnSums, type Leaf } from "../leaves.ts";
import { type DeriveContext, type DraftRow, gridRows, table } from "./build.ts";

/** The T12 subjects a leaf counts for: one of the 三公 by its economic section, and administrativeCosts. */
export function subjectsOf(leaf: Leaf, layout: Layout): string[] {
  const subjects = Object.entries(layout.subjects.threePublic)
    .filter(([, codes]) => codes.includes(leaf.economicCode))
    .map(([subject]) => subject);
  const admin = layout.subjects.administrativeCosts;
  if (admin.unitTypes.includes(leaf.unitType) && admin.kinds.includes(leaf.lineKind))
    subjects.push("administrativeCosts");
  return subjects;
}

export function threePublicTable(context: DeriveContext): Table {
  const spec = tableSpec(context.template, "T12");
  const { rows, columns } = context.layout.tables.T12;
  const tagged = context.leaves.map((leaf) => ({ leaf, subjects: subjectsOf(leaf, context.layout) }));
  const drafts: DraftRow[] = rows.map((row) => {
    const leaves = tagged.filter((t) => t.subjects.some((s) => row.subjects.includes(s))).map((t) => t.leaf);
    return { kind: row.kind, cells: { label: row.label, ...columnSums(leaves, columns) } };
  });
  return table(context, spec, gridRows(spec, drafts));
}

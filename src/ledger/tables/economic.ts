/**
 * 一般公共预算基本支出情况表（按支出经济分类科目） (T09): general-budget basic expenditure by economic section, each
 * department section (3xx) beside the government section (5xx) it maps to for its unit's type — so one department
 * class appears once per government class it falls under ([501]/[301] for organs, [505]/[301] for institutions).
 */
import { departmentEconomicCatalog, governmentEconomicCatalog } from "../../catalog/catalog.ts";
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import type { Leaf } from "../leaves.ts";
import { type DeriveContext, type DraftRow, gridRows, groupBy, table } from "./build.ts";

const printed = (code: string, name: string | undefined) => `[${code}]${name ?? ""}`;

export function economicTable(context: DeriveContext): Table {
  const spec = tableSpec(context.template, "T09");
  const sources = context.layout.tables.T09.sources;
  const leaves = context.leaves.filter((l) => l.kind === "basic" && sources.includes(l.source));
  const government = governmentEconomicCatalog();
  const department = departmentEconomicCatalog();
  const sum = (ls: Leaf[]) => ls.reduce((a, l) => a + l.amount, 0);
  const row = (kind: string, gov: string, dept: string, amount: number): DraftRow => ({
    kind,
    cells: {
      governmentEconomic: printed(gov, government.get(gov)?.name),
      departmentEconomic: printed(dept, department.get(dept)?.name),
      amount,
    },
  });
  const drafts: DraftRow[] = [
    { kind: "total", cells: { governmentEconomic: null, departmentEconomic: "合计", amount: sum(leaves) } },
  ];
  const classKey = (l: Leaf) => `${l.governmentCode.slice(0, 3)}|${l.economicCode.slice(0, 3)}`;
  const classes = groupBy(leaves, classKey);
  for (const key of [...classes.keys()].sort()) {
    const members = classes.get(key) ?? [];
    const [gov = "", dept = ""] = key.split("|");
    drafts.push(row("econClass", gov, dept, sum(members)));
    const sections = groupBy(members, (l) => `${l.economicCode}|${l.governmentCode}`);
    for (const section of [...sections.keys()].sort()) {
      const [deptSection = "", govSection = ""] = section.split("|");
      drafts.push(row("econSection", govSection, deptSection, sum(sections.get(section) ?? [])));
    }
  }
  return table(context, spec, gridRows(spec, drafts));
}

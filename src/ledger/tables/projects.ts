/**
 * 部门预算项目支出预算表 (T10): the total, its memo lines (部门项目 / 财政专项资金), then each unit, its project
 * categories and its projects with their fund sources, content, goal and performance indicators.
 */
import type { Table } from "../../model/document.ts";
import { tableSpec } from "../../templates/template.ts";
import { fill } from "../layout.ts";
import { columnSums, type Leaf } from "../leaves.ts";
import type { Project } from "../types.ts";
import { type DeriveContext, type DraftRow, gridRows, groupBy, table } from "./build.ts";

/** The 项目主要绩效指标 cell: one numbered line per indicator, its target as written. */
export function indicatorCell(project: Project, format: string): string {
  return project.indicators
    .map((i, n) => fill(format, { number: n + 1, category: i.category, name: i.name, target: i.target.text }))
    .join("\n");
}

export function projectTable(context: DeriveContext): Table {
  const spec = tableSpec(context.template, "T10");
  const { memo, columns, indicator } = context.layout.tables.T10;
  const leaves = context.leaves.filter((l) => l.kind === "project");
  const byProject = groupBy(leaves, (l) => l.project ?? "");
  const sums = (ls: Leaf[]) => columnSums(ls, columns);
  const drafts: DraftRow[] = [
    { kind: "total", cells: { label: "合计", ...sums(leaves) } },
    ...memo.map((m) => ({
      kind: "memo",
      cells: { label: m.label, ...sums(leaves.filter((l) => l.special === m.special)) },
    })),
  ];
  const byUnit = groupBy(
    context.ledger.projects.filter((p) => byProject.has(p.id)),
    (p) => p.unit,
  );
  for (const unit of context.ledger.units) {
    const projects = byUnit.get(unit.code);
    if (!projects) continue;
    const unitLeaves = projects.flatMap((p) => byProject.get(p.id) ?? []);
    drafts.push({ kind: "unit", cells: { unitCode: unit.code, label: unit.name, ...sums(unitLeaves) } });
    for (const [category, members] of groupBy(projects, (p) => p.category)) {
      const categoryLeaves = members.flatMap((p) => byProject.get(p.id) ?? []);
      drafts.push({ kind: "category", cells: { label: category, ...sums(categoryLeaves) } });
      for (const project of members) {
        drafts.push({
          kind: "project",
          cells: {
            label: project.name,
            ...sums(byProject.get(project.id) ?? []),
            content: project.content || null,
            goal: project.goal || null,
            indicators: indicatorCell(project, indicator) || null,
          },
        });
      }
    }
  }
  return table(context, spec, gridRows(spec, drafts));
}

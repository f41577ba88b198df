/** Expenditure by unit: each unit's basic expenditure and its projects, stacked. */
import type { BudgetDocument } from "../../model/document.ts";
import { sum } from "../../money/amount.ts";
import type { Template } from "../../templates/template.ts";
import { horizontalBars } from "./bars.ts";
import { amountOf, bookFigures } from "./figures.ts";
import { tableSource } from "./source.ts";
import { type Chart, COLOURS, wanYuanDivisor, wanYuanText } from "./svg.ts";

export function unitChart(doc: BudgetDocument, template: Template): Chart | undefined {
  const figures = bookFigures(doc, template);
  if (!figures || figures.units.length === 0) return undefined;
  const divisor = wanYuanDivisor(doc);
  const units = figures.units.map((u) => {
    const basic = amountOf(u.basicRow, "total") ?? 0;
    const project = amountOf(u.projectRow, "total") ?? 0;
    return { name: u.name, basic, project, total: sum([basic, project]) };
  });
  const totals = units.map((u) => wanYuanText(doc, u.total));
  const title = "各单位支出";
  const words = units.map(
    (u, i) =>
      `${u.name} 合计 ${totals[i]}（基本支出 ${wanYuanText(doc, u.basic)}，项目支出 ${wanYuanText(doc, u.project)}）`,
  );
  return {
    id: "units",
    title,
    source: `${tableSource(doc, template, figures.sources.basicByUnit)}、${tableSource(doc, template, figures.sources.projects)}`,
    svg: horizontalBars({
      categories: units.map((u) => u.name),
      series: [
        { name: "基本支出", values: units.map((u) => u.basic / divisor), colour: COLOURS.primary },
        { name: "项目支出", values: units.map((u) => u.project / divisor), colour: COLOURS.secondary },
      ],
      endLabels: totals,
      legend: true,
      label: `${title}（万元）：${words.join("；")}`,
    }),
    table: {
      columns: ["单位", "基本支出", "项目支出", "合计"],
      rows: units.map((u) => ({ name: u.name, amounts: [u.basic, u.project, u.total] })),
    },
  };
}

/** Expenditure by function class (类): where the money goes, largest first. */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { horizontalBars } from "./bars.ts";
import { expenditureByClass, figureSources } from "./figures.ts";
import { tableSource } from "./source.ts";
import { type Chart, COLOURS, wanYuanDivisor, wanYuanText } from "./svg.ts";

export function functionClassChart(doc: BudgetDocument, template: Template): Chart | undefined {
  const sources = figureSources(doc, template);
  if (!sources) return undefined;
  const classes = expenditureByClass(doc, sources).sort((a, b) => b.amount - a.amount);
  if (classes.length === 0) return undefined;
  const divisor = wanYuanDivisor(doc);
  const texts = classes.map((c) => wanYuanText(doc, c.amount));
  const title = "支出按功能分类";
  return {
    id: "function-class",
    title,
    source: tableSource(doc, template, sources.expenditure),
    svg: horizontalBars({
      categories: classes.map((c) => c.name),
      series: [{ name: "支出", values: classes.map((c) => c.amount / divisor), colour: COLOURS.primary }],
      endLabels: texts,
      label: `${title}（万元）：${classes.map((c, i) => `${c.name} ${texts[i]}`).join("；")}`,
    }),
    table: { columns: ["功能分类（类）", "金额"], rows: classes.map((c) => ({ name: c.name, amounts: [c.amount] })) },
  };
}

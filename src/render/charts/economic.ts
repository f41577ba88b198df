/** Basic expenditure by economic class: salaries, goods and services, support to individuals and households. */
import type { BudgetDocument } from "../../model/document.ts";
import { sum } from "../../money/amount.ts";
import type { Template } from "../../templates/template.ts";
import { horizontalBars } from "./bars.ts";
import { economicComposition, figureSources } from "./figures.ts";
import { tableSource } from "./source.ts";
import { type Chart, COLOURS, shareText, wanYuanDivisor, wanYuanText } from "./svg.ts";

export function economicChart(doc: BudgetDocument, template: Template): Chart | undefined {
  const sources = figureSources(doc, template);
  if (!sources) return undefined;
  const classes = economicComposition(doc, sources);
  if (classes.length === 0) return undefined;
  const whole = sum(classes.map((c) => c.amount));
  const divisor = wanYuanDivisor(doc);
  const texts = classes.map((c) => `${wanYuanText(doc, c.amount)}  ${shareText(c.amount, whole)}`);
  const title = "基本支出按经济分类";
  return {
    id: "economic",
    title,
    source: tableSource(doc, template, sources.economic),
    svg: horizontalBars({
      categories: classes.map((c) => `${c.code ?? ""} ${c.name}`.trim()),
      series: [{ name: "基本支出", values: classes.map((c) => c.amount / divisor), colour: COLOURS.primary }],
      endLabels: classes.map((c) => wanYuanText(doc, c.amount)),
      label: `${title}（万元）：${classes.map((c, i) => `${c.name} ${texts[i]}`).join("；")}`,
    }),
    table: {
      columns: ["经济分类（类）", "金额"],
      rows: classes.map((c) => ({ name: `${c.code ?? ""} ${c.name}`.trim(), amounts: [c.amount] })),
    },
  };
}

/** Government procurement by category: goods, works and services. */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { horizontalBars } from "./bars.ts";
import { figureSources, procurementByCategory } from "./figures.ts";
import { tableSource } from "./source.ts";
import { type Chart, COLOURS, wanYuanDivisor, wanYuanText } from "./svg.ts";

export function procurementChart(doc: BudgetDocument, template: Template): Chart | undefined {
  const sources = figureSources(doc, template);
  const procurement = sources && procurementByCategory(doc, sources);
  if (!sources || !procurement) return undefined;
  const { categories } = procurement;
  const divisor = wanYuanDivisor(doc);
  const texts = categories.map((c) => wanYuanText(doc, c.amount));
  const title = "政府采购按品目类别";
  return {
    id: "procurement",
    title,
    source: tableSource(doc, template, sources.procurement),
    svg: horizontalBars({
      categories: categories.map((c) => c.name),
      series: [{ name: "政府采购", values: categories.map((c) => c.amount / divisor), colour: COLOURS.primary }],
      endLabels: texts,
      label: `${title}（万元）：${categories.map((c, i) => `${c.name} ${texts[i]}`).join("；")}`,
    }),
    table: { columns: ["品目类别", "金额"], rows: categories.map((c) => ({ name: c.name, amounts: [c.amount] })) },
  };
}

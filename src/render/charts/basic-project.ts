/** Basic against project expenditure: what keeps the department running, and what it sets out to do. */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { basicAndProject, figureSources } from "./figures.ts";
import { tableSource } from "./source.ts";
import {
  type Chart,
  COLOURS,
  FONT_SIZE,
  renderSvg,
  shareText,
  valueLabel,
  wanYuanDivisor,
  wanYuanText,
} from "./svg.ts";

const HEIGHT = 240;

export function basicProjectChart(doc: BudgetDocument, template: Template): Chart | undefined {
  const sources = figureSources(doc, template);
  const figures = sources && basicAndProject(doc, sources);
  if (!sources || !figures || figures.total === null) return undefined;
  const total = figures.total;
  const parts = [
    { name: "基本支出", amount: figures.basic ?? 0, colour: COLOURS.primary },
    { name: "项目支出", amount: figures.project ?? 0, colour: COLOURS.secondary },
  ];
  const divisor = wanYuanDivisor(doc);
  const texts = parts.map((p) => `${wanYuanText(doc, p.amount)}\n占 ${shareText(p.amount, total)}`);
  const title = "基本支出与项目支出";
  const svg = renderSvg(
    {
      color: parts.map((p) => p.colour),
      title: {
        text: wanYuanText(doc, total),
        subtext: "万元 合计",
        left: "center",
        top: HEIGHT / 2 - 22,
        itemGap: 2,
        textStyle: { fontSize: FONT_SIZE + 2, fontWeight: 700, color: COLOURS.text },
        subtextStyle: { fontSize: FONT_SIZE - 1, color: COLOURS.subtle },
      },
      series: [
        {
          type: "pie",
          radius: ["40%", "62%"],
          center: ["50%", "50%"],
          startAngle: 90,
          avoidLabelOverlap: true,
          data: parts.map((p) => ({ name: p.name, value: p.amount / divisor })),
          label: {
            ...valueLabel,
            position: "outside",
            lineHeight: 19,
            formatter: ({ dataIndex }: { dataIndex: number }) => `${parts[dataIndex]?.name}\n${texts[dataIndex]}`,
          },
          labelLine: { length: 8, length2: 10, lineStyle: { color: COLOURS.muted } },
          itemStyle: { borderColor: "#fff", borderWidth: 2 },
        },
      ],
    },
    HEIGHT,
    `${title}（万元）：合计 ${wanYuanText(doc, total)}；${parts.map((p, i) => `${p.name} ${texts[i]?.replace("\n", "，")}`).join("；")}`,
  );
  return {
    id: "basic-project",
    title,
    source: tableSource(doc, template, sources.expenditure),
    svg,
    table: { columns: ["支出类型", "金额"], rows: parts.map((p) => ({ name: p.name, amounts: [p.amount] })) },
  };
}

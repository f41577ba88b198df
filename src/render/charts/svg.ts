/**
 * Charts drawn on the server as SVG with ECharts, inlined in the page: no script runs in the reader's browser and
 * the chart prints as sharp as the text. Amounts stay integers in the model; a chart converts them to 万元 only to
 * place its marks, and prints every number from the integer itself, so a label always equals the table.
 */
import { BarChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { BudgetDocument } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";

// Only what the book draws: loading the whole library would cost more than rendering every chart.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** The CJK faces as each platform ships them, unquoted because ECharts writes the list into a style attribute. */
export const CHART_FONT = "PingFang SC, Noto Sans CJK SC, WenQuanYi Micro Hei, Microsoft YaHei, sans-serif";

/** Restrained: one blue for 基本支出 and the single-series charts, one ochre for 项目支出, greys for the rest. */
export const COLOURS = {
  primary: "#1d4f91",
  secondary: "#c4883a",
  muted: "#8c96a3",
  text: "#1f2328",
  subtle: "#59636e",
  rule: "#d8dde3",
  series: ["#1d4f91", "#c4883a", "#6f93c4", "#8c96a3", "#3d7a6b", "#b5c5dc"],
};

/**
 * Drawn small and scaled by CSS to the width of its box (at most 27rem): 14px text stays near 13px on a phone and
 * near 16px on a desktop.
 */
export const CHART_WIDTH = 360;
export const FONT_SIZE = 14;

/** The columns and rows a chart shows, in the document's own unit: the chart's text alternative. */
export interface ChartTable {
  columns: string[];
  rows: { name: string; amounts: (number | null)[] }[];
}

export interface Chart {
  id: string;
  /** The caption, which names what is measured. */
  title: string;
  /** Where the figures come from (表3 …). */
  source: string;
  svg: string;
  table: ChartTable;
}

/** What one 万元 is in the document's smallest unit: one division turns a model amount into 万元 for drawing. */
export function wanYuanDivisor(doc: BudgetDocument): number {
  return 10 ** doc.decimals * (doc.amountUnit === "元" ? 10_000 : 1);
}

/** The printed amount in 万元, exact, from the integer (a document in 元 keeps all its digits). */
export function wanYuanText(doc: BudgetDocument, amount: number): string {
  return formatAmount(amount, { decimals: doc.decimals + (doc.amountUnit === "元" ? 4 : 0) });
}

/** A share in hundredths of a percent, by integer arithmetic, printed as 36.66%. */
export function shareText(part: number, whole: number): string {
  if (whole === 0) return "";
  return `${formatAmount(Math.round((part * 10_000) / whole), { decimals: 2 })}%`;
}

const ATTRIBUTE = /[&<>"]/g;
const ATTRIBUTE_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const attribute = (text: string) => text.replace(ATTRIBUTE, (c) => ATTRIBUTE_ENTITIES[c] ?? c);

/**
 * Renders an option to an SVG string that scales with its box and reads as one image to assistive technology, named
 * by `label` (the values in words). ECharts' hover styles are dropped: without its script they only mislead.
 */
export function renderSvg(option: echarts.EChartsCoreOption, height: number, label: string): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: CHART_FONT, fontSize: FONT_SIZE, color: COLOURS.text },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg
    .replace(/<style\b[\s\S]*?<\/style>\s*/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ pointer-events="visible"/g, "")
    .replace(
      /^<svg width="\d+" height="\d+"/,
      `<svg class="chart-svg" role="img" aria-label="${attribute(label)}" focusable="false"`,
    );
}

/** A value label drawn as plain text: a text border would print as an outline in PDFs. */
export const valueLabel = { show: true, textBorderWidth: 0, fontSize: FONT_SIZE, color: COLOURS.text };

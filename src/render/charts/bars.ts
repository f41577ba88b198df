/**
 * Horizontal bars with each category's name written above its bar: long Chinese names (unit names run to twenty
 * characters) keep the full width instead of squeezing the bars, which is what makes the chart work on a phone.
 */
import { COLOURS, FONT_SIZE, renderSvg, valueLabel } from "./svg.ts";

export interface BarSeries {
  name: string;
  /** In 万元, for placing the marks only. */
  values: number[];
  colour: string;
}

export interface Bars {
  categories: string[];
  series: BarSeries[];
  /** The text at the end of each category's bar: its amount, printed from the integer. */
  endLabels: string[];
  /** The chart's values in words, for assistive technology. */
  label: string;
  legend?: boolean;
}

const ROW = 50;
const BAR = 14;

export function horizontalBars({ categories, series, endLabels, label, legend = false }: Bars): string {
  const top = legend ? 30 : 4;
  const height = top + ROW * categories.length + 4;
  const last = series.length - 1;
  return renderSvg(
    {
      color: series.map((s) => s.colour),
      legend: legend
        ? { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { fontSize: FONT_SIZE, color: COLOURS.subtle } }
        : undefined,
      grid: { left: 0, right: 84, top, bottom: 4, containLabel: false },
      xAxis: { type: "value", show: false, min: 0 },
      yAxis: {
        type: "category",
        inverse: true,
        data: categories,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: {
          inside: true,
          margin: 0,
          align: "left",
          verticalAlign: "bottom",
          padding: [0, 0, BAR / 2 + 5, 0],
          fontSize: FONT_SIZE,
          color: COLOURS.text,
        },
        z: 10,
      },
      series: series.map((s, i) => ({
        name: s.name,
        type: "bar",
        stack: series.length > 1 ? "total" : undefined,
        data: s.values,
        barWidth: BAR,
        barMinWidth: 1,
        label:
          i === last
            ? {
                ...valueLabel,
                position: "right",
                formatter: ({ dataIndex }: { dataIndex: number }) => endLabels[dataIndex] ?? "",
              }
            : { show: false },
      })),
    },
    height,
    label,
  );
}

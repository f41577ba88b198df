/**
 * A chart as a figure: the caption names it and its source table, the SVG is one labelled image, and the same
 * numbers follow as a small table (folded away, readable without script) for anyone who cannot see the chart.
 */
import type { BudgetDocument } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";
import type { Chart } from "../charts/index.ts";
import { escapeHtml } from "./escape.ts";

function dataTable(doc: BudgetDocument, chart: Chart): string {
  const [first = "", ...rest] = chart.table.columns;
  const head = [first, ...rest.map((c) => `${c}（${doc.amountUnit}）`)]
    .map((c, i) => `<th scope="col"${i > 0 ? ' class="amount"' : ""}>${escapeHtml(c)}</th>`)
    .join("");
  const rows = chart.table.rows.map((row) => {
    const cells = row.amounts.map(
      (a) => `<td class="amount">${a === null ? "" : formatAmount(a, { decimals: doc.decimals })}</td>`,
    );
    return `<tr><th scope="row">${escapeHtml(row.name)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="chart-data">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

export function renderFigure(doc: BudgetDocument, chart: Chart): string {
  const id = `chart-${chart.id}`;
  return [
    `<figure class="chart" id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-caption">`,
    `<figcaption id="${escapeHtml(id)}-caption"><span class="chart-title">${escapeHtml(chart.title)}</span><span class="chart-unit">单位：万元</span></figcaption>`,
    `<div class="chart-image">${chart.svg}</div>`,
    `<details class="chart-details"><summary>数据表 · 来源：${escapeHtml(chart.source)}</summary>`,
    dataTable(doc, chart),
    "</details>",
    "</figure>",
  ].join("\n");
}

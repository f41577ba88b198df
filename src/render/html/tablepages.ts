/**
 * Part 4 of the book: the list of tables with their downloads and findings, and a page per table with its findings
 * marked on the cells, its downloads, and the way on to the previous and next table.
 */
import type { BudgetDocument } from "../../model/document.ts";
import type { TableGrid } from "../grid.ts";
import { escapeHtml } from "./escape.ts";
import { type Findings, SEVERITY_WORDS, tableMarks } from "./findings.ts";
import { type Link, link } from "./layout.ts";
import { bookPath } from "./outline.ts";
import { renderTable } from "./table.ts";

export interface TableDownloads {
  xlsx?: string;
  /** The folder of the per-table CSV files, relative to the book. */
  csvDir?: string;
}

export function csvPath(downloads: TableDownloads, tableId: string): string | undefined {
  if (downloads.csvDir === undefined) return undefined;
  const dir = downloads.csvDir.replace(/\/+$/, "");
  return `${dir ? `${dir}/` : ""}${tableId}.csv`;
}

/** The download links of one table: its CSV, and the workbook that holds every table. */
export function tableDownloadLinks(downloads: TableDownloads, grid: TableGrid): string {
  const csv = csvPath(downloads, grid.id);
  const items = [
    csv ? `<li><a href="${escapeHtml(csv)}" download>CSV<span class="download-note">本表</span></a></li>` : "",
    downloads.xlsx
      ? `<li><a href="${escapeHtml(downloads.xlsx)}" download>XLSX<span class="download-note">全部报表</span></a></li>`
      : "",
  ].filter(Boolean);
  if (items.length === 0) return "";
  return `<ul class="table-downloads" aria-label="${escapeHtml(`下载${grid.caption}`)}">\n<li class="download-label">下载</li>${items.join("")}\n</ul>`;
}

const isEmpty = (grid: TableGrid) =>
  grid.body.every((row) => row.cells.every((c) => c.type !== "amount" || c.text === "" || /^0(\.0+)?$/.test(c.text)));

function counts(findings: Findings | undefined, tableId: string): string {
  if (!findings) return "";
  const list = findings.forTable(tableId);
  return (["error", "warning", "info"] as const)
    .map((s) => [s, list.filter((f) => f.diagnostic.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `<span class="severity severity-${s}">${SEVERITY_WORDS[s]} ${n}</span>`)
    .join("");
}

export function tablesBody(
  doc: BudgetDocument,
  title: string,
  grids: TableGrid[],
  downloads: TableDownloads,
  findings?: Findings,
): string {
  const items = grids.map((grid) => {
    const csv = csvPath(downloads, grid.id);
    const meta = [isEmpty(grid) ? "空表" : `${grid.body.length} 行`, counts(findings, grid.id)].filter(Boolean);
    return [
      "<li>",
      `<a class="table-link" href="${bookPath.table(grid.id)}"><span class="table-no">表${grid.number}</span><span class="table-name">${escapeHtml(grid.title)}</span></a>`,
      `<span class="table-info">${meta.join("")}</span>`,
      csv ? `<a class="table-csv" href="${escapeHtml(csv)}" download>CSV</a>` : "",
      "</li>",
    ].join("");
  });
  const workbook = downloads.xlsx
    ? `<p class="workbook">${link({ href: downloads.xlsx, text: "下载全部报表（XLSX 工作簿）" })}</p>`
    : "";
  return [
    '<header class="page-head">',
    `<p class="eyebrow">${escapeHtml(doc.title)}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="lead">共 ${grids.length} 张报表，金额单位：${escapeHtml(doc.amountUnit)}。</p>`,
    workbook,
    "</header>",
    `<ol class="table-list">\n${items.join("\n")}\n</ol>`,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Previous and next in reading order. */
export function pager(previous?: Link, next?: Link): string {
  if (!previous && !next) return "";
  return [
    '<nav class="pager" aria-label="翻页">',
    previous
      ? `<a class="pager-prev" rel="prev" href="${escapeHtml(previous.href)}"><span class="pager-dir">上一页</span>${escapeHtml(previous.text)}</a>`
      : "<span></span>",
    next
      ? `<a class="pager-next" rel="next" href="${escapeHtml(next.href)}"><span class="pager-dir">下一页</span>${escapeHtml(next.text)}</a>`
      : "<span></span>",
    "</nav>",
  ].join("\n");
}

export function tableBody(partTitle: string, grid: TableGrid, downloads: TableDownloads, findings?: Findings): string {
  const marks = findings ? tableMarks(grid, findings.forTable(grid.id)) : undefined;
  return [
    '<header class="page-head table-page-head">',
    `<p class="eyebrow">${escapeHtml(partTitle)}</p>`,
    `<h1>${escapeHtml(grid.caption)}</h1>`,
    tableDownloadLinks(downloads, grid),
    "</header>",
    `<div class="table-page">\n${renderTable(grid, { marks })}\n</div>`,
  ]
    .filter(Boolean)
    .join("\n");
}

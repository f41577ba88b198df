/**
 * One table of Part 4, from the table IR to HTML. Cells carry their row and column keys (`data-row`,
 * `data-column`), which is how findings, located by those keys, are drawn onto the cells they concern.
 */
import type { GridCell, GridRow, HeaderCell, TableGrid } from "../grid.ts";
import { escapeHtml } from "./escape.ts";
import { markAttributes, referenceMark, type TableMarks } from "./findings.ts";
import { scrollRegion } from "./markup.ts";
import { tableAnchor } from "./outline.ts";

/** The columns whose cells name their row, as the template marks them. */
function rowHeaderColumns(grid: TableGrid): Set<number> {
  return new Set(grid.columns.flatMap((c, i) => (c.rowHeader ? [i] : [])));
}

const spans = (cell: HeaderCell) =>
  (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : "") + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : "");

/** The merged header rows, then the printed column numbers (栏次) so they repeat with the header on every page. */
function thead(grid: TableGrid, stickyColumn: number): string {
  const starts = grid.header.map((row) => row.map((cell) => cell.column));
  const rows = grid.header.map((row, r) => {
    const cells = row.map((cell, i) => {
      const sticky = starts[r]?.[i] === stickyColumn && cell.colspan === 1 ? ' class="sticky"' : "";
      return `<th scope="col"${spans(cell)}${sticky}>${escapeHtml(cell.text)}</th>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  if (grid.columnNumbers) {
    const numbers = grid.columnNumbers
      .map((n, i) => `<td${i === stickyColumn ? ' class="sticky"' : ""}>${escapeHtml(n)}</td>`)
      .join("");
    rows.push(`<tr class="column-numbers">${numbers}</tr>`);
  }
  return `<thead>\n${rows.join("\n")}\n</thead>`;
}

interface CellPlace {
  isHeader: boolean;
  sticky: boolean;
  wide: boolean;
  marks?: TableMarks;
}

function bodyCell(row: GridRow, cell: GridCell, { isHeader, sticky, wide, marks }: CellPlace): string {
  // A balance table prints two model rows on one line: each cell names its own row, and filler cells name none.
  const rowKey = "row" in cell ? cell.row : row.key;
  const findings = marks?.cell(rowKey, cell.column) ?? [];
  const mark = findings.length > 0 ? markAttributes(findings, marks?.lang) : undefined;
  const classes = [cell.type, wide ? "wide" : "", sticky ? "sticky" : "", mark?.classes ?? ""]
    .filter(Boolean)
    .join(" ");
  const depth = isHeader && row.depth ? ` style="--depth: ${row.depth}"` : "";
  const keys = `${rowKey === undefined ? "" : ` data-row="${escapeHtml(rowKey)}"`} data-column="${escapeHtml(cell.column)}"`;
  const [tag, scope] = isHeader ? ["th", ' scope="row"'] : ["td", ""];
  const refs = findings.length > 0 ? referenceMark(findings, true, marks?.lang) : "";
  return `<${tag}${scope} class="${classes}"${depth}${keys}${mark?.title ?? ""}>${escapeHtml(cell.text)}${refs}</${tag}>`;
}

function tbody(grid: TableGrid, headers: Set<number>, stickyColumn: number, marks?: TableMarks): string {
  const rows = grid.body.map((row) => {
    const total = row.total ? ' class="total"' : "";
    const cells = row.cells.map((cell, i) =>
      bodyCell(row, cell, {
        isHeader: headers.has(i),
        sticky: i === stickyColumn,
        wide: !!grid.columns[i]?.wide,
        marks,
      }),
    );
    return `<tr data-kind="${escapeHtml(row.kind)}"${total}>${cells.join("")}</tr>`;
  });
  return `<tbody>\n${rows.join("\n")}\n</tbody>`;
}

/** 注：… as printed; a note that already starts with 注 keeps its own wording. */
function note(text: string | undefined): string {
  const trimmed = text?.trim();
  if (!trimmed) return "";
  const printed = /^注[:：]/.test(trimmed) ? trimmed : `注：${trimmed}`;
  return `<p class="table-note">${escapeHtml(printed)}</p>`;
}

export interface TableOptions {
  /** The findings to mark on the cells and list under the table. */
  marks?: TableMarks;
  /** Markup placed after the table and its notes: the table's download links. */
  downloads?: string;
}

export function renderTable(grid: TableGrid, { marks, downloads }: TableOptions = {}): string {
  const headers = rowHeaderColumns(grid);
  // Only the first row-header column stays in view while a wide table scrolls sideways: a second one would cover it.
  const stickyColumn = Math.min(...headers);
  const meta = [grid.department ? `部门名称：${grid.department}` : "", grid.unitLine ?? ""]
    .filter(Boolean)
    .map((text) => `<span>${escapeHtml(text)}</span>`)
    .join("");
  const caption = `<caption><span class="table-title">${escapeHtml(grid.caption)}</span><span class="table-meta">${meta}</span></caption>`;
  const table = `<table class="budget-table">\n${caption}\n${thead(grid, stickyColumn)}\n${tbody(grid, headers, stickyColumn, marks)}\n</table>`;
  const empty = grid.emptyStatement?.trim() ? `<p class="empty-statement">${escapeHtml(grid.emptyStatement)}</p>` : "";
  return [
    `<section class="table-section" id="${escapeHtml(tableAnchor(grid.id))}">`,
    scrollRegion(grid.caption, table),
    note(grid.note),
    empty,
    downloads ?? "",
    marks?.list ?? "",
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
}

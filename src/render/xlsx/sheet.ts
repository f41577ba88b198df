/**
 * One table of Part 4 as a worksheet laid out like the printed page: the title across the table, 部门名称 on the left
 * and the unit on the right, the merged header and the column numbers (栏次), then the body with amounts as numbers
 * in the document's unit, and the table's note and empty-table statement beneath.
 */
import type { Cell, Worksheet } from "exceljs";
import type { Table } from "../../model/document.ts";
import type { GridRow, TableGrid } from "../grid.ts";
import { neutraliseFormula } from "../safe-cell.ts";
import { columnWidths, INDENT_WIDTH } from "./column-widths.ts";
import { placeHeader } from "./header.ts";
import { type ModelCell, modelCells } from "./model-cell.ts";
import { setUpPrinting } from "./print.ts";
import {
  amountFormat,
  BODY_FONT,
  BOLD_FONT,
  BORDER,
  CENTERED,
  HEADER_FILL,
  RIGHT,
  TITLE_FONT,
  WRAPPED,
} from "./style.ts";
import { heightFor, LINE_HEIGHT, lineCount } from "./text-width.ts";

const TITLE_ROW = 1;
const META_ROW = 2;
const HEADER_TOP = 3;

/** The sheet row of the grid's first body row: below the title, the meta line, the header and the column numbers. */
function firstBodyRow(grid: TableGrid): number {
  return HEADER_TOP + grid.header.length + (grid.columnNumbers ? 1 : 0);
}

const text = (value: string) => (value === "" ? null : neutraliseFormula(value));

function styleHeaderCell(cell: Cell): void {
  cell.font = BOLD_FONT;
  cell.alignment = CENTERED;
  cell.border = BORDER;
  cell.fill = HEADER_FILL;
}

function writeBanner(sheet: Worksheet, grid: TableGrid, widths: number[]): void {
  const n = widths.length;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, n);
  const title = sheet.getCell(TITLE_ROW, 1);
  title.value = text(`表${grid.number} ${grid.title}`);
  title.font = TITLE_FONT;
  title.alignment = CENTERED;
  sheet.getRow(TITLE_ROW).height = 32;

  const left = n > 1 ? n - Math.max(1, Math.floor(n / 3)) : 1;
  if (left > 1) sheet.mergeCells(META_ROW, 1, META_ROW, left);
  const department = sheet.getCell(META_ROW, 1);
  department.value = grid.department ? text(`部门名称：${grid.department}`) : null;
  department.font = BODY_FONT;
  department.alignment = { horizontal: "left", vertical: "bottom" };
  if (left < n) {
    if (n - left > 1) sheet.mergeCells(META_ROW, left + 1, META_ROW, n);
    const unit = sheet.getCell(META_ROW, left + 1);
    unit.value = grid.unitLine ? text(grid.unitLine) : null;
    unit.font = BODY_FONT;
    unit.alignment = { horizontal: "right", vertical: "bottom" };
  }
  sheet.getRow(META_ROW).height = 20;
}

function writeHeader(sheet: Worksheet, grid: TableGrid, widths: number[]): void {
  const needed = grid.header.map(() => 20);
  for (const placed of placeHeader(grid.header)) {
    const top = HEADER_TOP + placed.row;
    const left = 1 + placed.column;
    const bottom = top + placed.rowspan - 1;
    const right = left + placed.colspan - 1;
    if (bottom > top || right > left) sheet.mergeCells(top, left, bottom, right);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) styleHeaderCell(sheet.getCell(r, c));
    sheet.getCell(top, left).value = text(placed.text);
    const width = widths.slice(placed.column, placed.column + placed.colspan).reduce((a, b) => a + b, 0);
    const perRow = (lineCount(placed.text, width) * LINE_HEIGHT + 6) / placed.rowspan;
    for (let r = placed.row; r < placed.row + placed.rowspan; r++) needed[r] = Math.max(needed[r] ?? 0, perRow);
  }
  needed.forEach((height, r) => {
    sheet.getRow(HEADER_TOP + r).height = Math.ceil(height);
  });
  if (grid.columnNumbers) {
    const row = HEADER_TOP + grid.header.length;
    grid.columnNumbers.forEach((number, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = text(number);
      styleHeaderCell(cell);
      cell.font = BODY_FONT;
    });
  }
}

interface BodyContext {
  sheet: Worksheet;
  grid: TableGrid;
  widths: number[];
  model: ModelCell;
  decimals: number;
}

function writeBodyRow({ sheet, grid, widths, model, decimals }: BodyContext, row: GridRow, at: number): void {
  const font = row.total ? BOLD_FONT : BODY_FONT;
  let lines = 1;
  row.cells.forEach((gridCell, i) => {
    const column = grid.columns[i];
    if (!column) return;
    const cell = sheet.getCell(at, i + 1);
    cell.font = font;
    cell.border = BORDER;
    if (column.type === "amount") {
      const value = model(row, gridCell, column);
      cell.value = typeof value === "number" ? value / 10 ** decimals : text(value ?? "");
      cell.numFmt = amountFormat(decimals);
      cell.alignment = RIGHT;
      return;
    }
    const indent = column.rowHeader ? (row.depth ?? 0) : 0;
    cell.value = text(gridCell.text);
    cell.alignment = { ...WRAPPED, ...(indent > 0 ? { indent } : {}) };
    lines = Math.max(lines, lineCount(gridCell.text, (widths[i] ?? 10) - indent * INDENT_WIDTH));
  });
  const height = heightFor(lines);
  if (height !== undefined) sheet.getRow(at).height = height;
}

/** 注：… as printed; a note that already starts with 注 keeps its own wording. */
function printedNote(note: string | undefined): string {
  const trimmed = note?.trim() ?? "";
  return trimmed === "" || /^注[:：]/.test(trimmed) ? trimmed : `注：${trimmed}`;
}

/** The note and the statement a table with nothing to report carries, each across the table's width. */
function writeFootnotes(sheet: Worksheet, grid: TableGrid, from: number, totalWidth: number): void {
  const lines = [printedNote(grid.note), grid.emptyStatement?.trim() ?? ""].filter(Boolean);
  lines.forEach((line, i) => {
    const at = from + i;
    sheet.mergeCells(at, 1, at, grid.columns.length);
    const cell = sheet.getCell(at, 1);
    cell.value = text(line);
    cell.font = BODY_FONT;
    cell.alignment = WRAPPED;
    const height = heightFor(lineCount(line, totalWidth));
    if (height !== undefined) sheet.getRow(at).height = height;
  });
}

export function writeTableSheet(sheet: Worksheet, grid: TableGrid, table: Table | undefined, decimals: number): void {
  const widths = columnWidths(grid);
  sheet.columns = widths.map((width) => ({ width }));
  writeBanner(sheet, grid, widths);
  writeHeader(sheet, grid, widths);
  const start = firstBodyRow(grid);
  const context = { sheet, grid, widths, model: modelCells(table), decimals };
  grid.body.forEach((row, i) => {
    writeBodyRow(context, row, start + i);
  });
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  writeFootnotes(sheet, grid, start + grid.body.length + (grid.body.length > 0 ? 1 : 0), totalWidth);

  const labelColumn = grid.columns.findIndex((c) => c.rowHeader);
  sheet.views = [{ state: "frozen", xSplit: labelColumn + 1, ySplit: start - 1 }];
  setUpPrinting(sheet, "landscape", { first: TITLE_ROW, last: start - 1 });
}

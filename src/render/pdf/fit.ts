/**
 * Fitting a table's columns to the landscape page. Amounts and codes never wrap (a split number misreads), so they
 * get the width of their widest cell; label and text columns share what is left, by weight, up to the width their
 * longest cell needs. A table too wide at the normal size is printed smaller, the way 19- and 22-column statements are.
 */
import type { GridColumn, TableGrid } from "../grid.ts";
import { CELL_OVERHEAD, RULE_WIDTH } from "./styles.ts";

/** Font sizes tried from the largest down; the largest never exceeds the one a table of that many columns reads at. */
const SIZES = [9, 8.5, 8, 7.5, 7, 6.5, 6, 5.5, 5];
const largestSize = (columns: number) => (columns > 16 ? 7 : columns > 10 ? 8 : 9);

/**
 * Advance widths in ems, from Noto Sans Hans Bold (the wider weight, so a bold total still fits): digits 0.589,
 * separators 0.325, CJK and full-width forms 1; other Latin at its widest letters (0.75) so nothing overflows.
 */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x30 && code <= 0x39) ems += 0.59;
    else if (ch === "," || ch === "." || ch === " ") ems += 0.33;
    else if (code >= 0x2e80) ems += 1;
    else ems += 0.75;
  }
  return ems * size;
}

/** The longest run a line cannot break inside: Latin letters, digits and their punctuation. */
const longestWord = (text: string, size: number) =>
  Math.max(0, ...(text.match(/[\x21-\x7e]+/g) ?? []).map((w) => textWidth(w, size)));

const singleLine = (c: GridColumn) => c.type === "amount" || c.type === "code";
/** How eagerly a wrapping column takes spare width: long prose most, row labels next. */
const weight = (c: GridColumn) => (c.wide ? 3 : c.rowHeader ? 2 : 1);
/** Narrowest a wrapping column may be, in characters of the table's size. */
const minimumChars = (c: GridColumn) => (c.wide ? 8 : c.rowHeader ? 6 : 3);

interface Need {
  min: number;
  natural: number;
  weight: number;
}

/** The first column each header cell covers. */
export function headerStarts(grid: TableGrid): number[][] {
  return grid.header.map((row) => row.map((cell) => cell.column));
}

/** The header text standing directly over each column, which may wrap but should not wrap to a column of one glyph. */
function leafHeaders(grid: TableGrid): string[] {
  const starts = headerStarts(grid);
  const texts = grid.columns.map(() => "");
  grid.header.forEach((row, r) => {
    row.forEach((cell, i) => {
      const start = starts[r]?.[i];
      if (cell.colspan === 1 && start !== undefined) texts[start] = cell.text;
    });
  });
  return texts;
}

/** Row headers step in by one character per level of the hierarchy. */
export const indent = (depth: number | undefined, size: number) => (depth ?? 0) * size;

function needs(grid: TableGrid, size: number): Need[] {
  const headers = leafHeaders(grid);
  const maxDepth = Math.max(0, ...grid.body.map((r) => r.depth ?? 0));
  return grid.columns.map((column, i) => {
    const cells = grid.body.map((row) => row.cells[i]?.text ?? "");
    const header = textWidth(headers[i] ?? "", size);
    const headerMin = Math.min(header, 3 * size);
    const depthIndent = column.rowHeader ? indent(maxDepth, size) : 0;
    const widest = Math.max(0, ...cells.map((t) => textWidth(t, size))) + depthIndent;
    if (singleLine(column)) {
      const width = Math.max(widest, headerMin, longestWord(headers[i] ?? "", size));
      return { min: width, natural: width, weight: 0 };
    }
    const unbreakable = Math.max(0, ...cells.map((t) => longestWord(t, size))) + depthIndent;
    const min = Math.max(unbreakable, headerMin, Math.min(widest, minimumChars(column) * size));
    return { min, natural: Math.max(min, widest, header), weight: weight(column) };
  });
}

/** Wrapping columns grow toward their natural width by weight; what is still left widens every column alike. */
function share(list: Need[], available: number): number[] {
  const widths = list.map((n) => n.min);
  const spare = () => available - widths.reduce((a, b) => a + b, 0);
  for (let round = 0; round < list.length && spare() > 0.01; round++) {
    const growing = list.flatMap((n, i) => ((widths[i] ?? 0) < n.natural && n.weight > 0 ? [i] : []));
    if (growing.length === 0) break;
    const total = growing.reduce((sum, i) => sum + (list[i]?.weight ?? 0), 0);
    const left = spare();
    for (const i of growing) {
      const n = list[i] as Need;
      widths[i] = Math.min(n.natural, (widths[i] ?? 0) + (left * n.weight) / total);
    }
  }
  // Scaling by available / used also squeezes a table that does not fit even at the smallest size onto the page.
  const used = available - spare();
  return widths.map((w) => (w * available) / used);
}

/** Line height of table text, in ems. */
export const TABLE_LINE_HEIGHT = 1.15;

export interface TableFit {
  fontSize: number;
  /** Column widths in points as pdfmake takes them: the text's width, without the cells' padding and rules. */
  widths: number[];
  /** Whether every row fits on a page below the header, so that no row need be split across pages. */
  rowsFitPage: boolean;
}

/** Room the title, department line and header rows may take above the body on a page; generous on purpose. */
const ABOVE_BODY = 160;

/** Estimated height of the tallest body row, wrapping each cell at its column's width with a margin for slack. */
function tallestRow(grid: TableGrid, fontSize: number, widths: number[]): number {
  const lines = (text: string, width: number) =>
    text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((1.1 * textWidth(line, fontSize)) / width)), 0);
  const rowLines = grid.body.map((row) => Math.max(1, ...row.cells.map((c, i) => lines(c.text, widths[i] ?? 1))));
  return Math.max(0, ...rowLines) * fontSize * TABLE_LINE_HEIGHT;
}

function fitted(grid: TableGrid, fontSize: number, list: Need[], available: number, pageHeight: number): TableFit {
  const widths = share(list, available);
  return { fontSize, widths, rowsFitPage: tallestRow(grid, fontSize, widths) < pageHeight - ABOVE_BODY };
}

/**
 * The largest size at which the table fits a page body of `pageWidth` × `pageHeight` points, rules and padding
 * included, and its column widths.
 */
export function fitTable(grid: TableGrid, pageWidth: number, pageHeight: number): TableFit {
  const available = pageWidth - grid.columns.length * CELL_OVERHEAD - RULE_WIDTH;
  const sizes = SIZES.filter((s) => s <= largestSize(grid.columns.length));
  for (const fontSize of sizes) {
    const list = needs(grid, fontSize);
    if (list.reduce((sum, n) => sum + n.min, 0) <= available)
      return fitted(grid, fontSize, list, available, pageHeight);
  }
  const fontSize = sizes[sizes.length - 1] ?? 5;
  return fitted(grid, fontSize, needs(grid, fontSize), available, pageHeight);
}

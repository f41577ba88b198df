/**
 * Column widths fitted to what the table prints: the widest body text (with its indentation) and the header text,
 * which may wrap onto two lines. Long text columns (项目内容, 绩效目标 …) get a fixed wide column and wrap instead.
 */
import type { TableGrid } from "../grid.ts";
import { placeHeader } from "./header.ts";
import { displayWidth } from "./text-width.ts";

const MIN = 6;
/** Amount columns share one comfortable width, as in print, unless a figure needs more. */
const MIN_AMOUNT = 11;
const MAX = 40;
export const WIDE = 40;
/** Digits of width one indentation level takes. */
export const INDENT_WIDTH = 2;
/** Header text longer than this wraps; the column need only hold half of it. */
const HEADER_WRAP = 12;
const PADDING = 2;

const headerNeed = (text: string) => {
  const width = displayWidth(text);
  return width <= HEADER_WRAP ? width : Math.max(HEADER_WRAP, Math.ceil(width / 2));
};

export function columnWidths(grid: TableGrid): number[] {
  const need = grid.columns.map(() => 0);
  for (const cell of placeHeader(grid.header)) {
    if (cell.colspan === 1) need[cell.column] = Math.max(need[cell.column] ?? 0, headerNeed(cell.text));
  }
  for (const row of grid.body) {
    row.cells.forEach((cell, i) => {
      const indent = grid.columns[i]?.rowHeader ? (row.depth ?? 0) * INDENT_WIDTH : 0;
      need[i] = Math.max(need[i] ?? 0, displayWidth(cell.text) + indent);
    });
  }
  return grid.columns.map((column, i) => {
    if (column.wide) return WIDE;
    const least = column.type === "amount" ? MIN_AMOUNT : MIN;
    return Math.min(MAX, Math.max(least, (need[i] ?? 0) + PADDING));
  });
}

/**
 * From a cell of the table IR back to the model cell it shows, so that exports write the integer amount rather than
 * re-reading the formatted text, and state amounts as plain decimals ("5411.72") that any program parses.
 */
import type { Cell, Row, Table } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";
import type { GridCell, GridRow } from "../grid.ts";

/** A model amount as a plain decimal: no thousands separators, the document's decimals kept ("0.00"). */
export function plainAmount(value: number, decimals: number): string {
  return formatAmount(value, { decimals, thousands: false });
}

export type ModelCells = (row: GridRow, cell: GridCell) => Cell | undefined;

/**
 * Resolves grid cells of one table to model cells. A balance table puts two model rows on one printed line: its
 * cells name their own row and a `<side>.<column>` key; a filler cell names no row.
 */
export function modelCells(table: Table): ModelCells {
  const rows = new Map<string, Row>(table.rows.map((r) => [r.key, r]));
  return (row, cell) => {
    const key = "row" in cell ? cell.row : row.key;
    if (key === undefined) return undefined;
    const column = "row" in cell ? cell.column.slice(cell.column.indexOf(".") + 1) : cell.column;
    return rows.get(key)?.cells[column];
  };
}

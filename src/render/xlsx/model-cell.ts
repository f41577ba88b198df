/**
 * The grid carries printed text; a spreadsheet wants the amount itself. Each grid cell names its model row (its own,
 * or on a balance line the side's) and its column, so the value is read from the document, never parsed back.
 */
import type { Cell, Table } from "../../model/document.ts";
import type { GridCell, GridColumn, GridRow } from "../grid.ts";

export type ModelCell = (row: GridRow, cell: GridCell, column: GridColumn) => Cell | undefined;

export function modelCells(table: Table | undefined): ModelCell {
  const rows = new Map((table?.rows ?? []).map((r) => [r.key, r]));
  return (row, cell, column) => {
    // A balance line's filler cell names no row: there is nothing printed there.
    const key = "row" in cell ? cell.row : row.key;
    return key === undefined ? undefined : rows.get(key)?.cells[column.key];
  };
}

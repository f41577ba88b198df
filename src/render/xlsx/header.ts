/** The grid's merged header cells with their row, for placing on sheet coordinates. */
import type { HeaderCell } from "../grid.ts";

export interface PlacedHeader extends HeaderCell {
  /** 0-based offset from the header's top row (the column is the cell's own). */
  row: number;
}

export function placeHeader(header: HeaderCell[][]): PlacedHeader[] {
  return header.flatMap((cells, row) => cells.map((cell) => ({ ...cell, row })));
}

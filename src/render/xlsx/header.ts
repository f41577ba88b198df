/** The grid's merged header rows placed on sheet coordinates, the way a browser lays out colspan and rowspan. */
import type { HeaderCell } from "../grid.ts";

export interface PlacedHeader extends HeaderCell {
  /** 0-based offsets from the header's top-left cell. */
  row: number;
  column: number;
}

export function placeHeader(header: HeaderCell[][]): PlacedHeader[] {
  const taken: boolean[][] = header.map(() => []);
  return header.flatMap((cells, row) => {
    let column = 0;
    return cells.map((cell) => {
      while (taken[row]?.[column]) column++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const line = taken[row + dr];
          if (line) line[column + dc] = true;
        }
      }
      const placed = { ...cell, row, column };
      column += cell.colspan;
      return placed;
    });
  });
}

/**
 * One header line for a table whose printed header has several rows: each leaf column is named by its path through
 * the merged groups above it ("本年收入/财政拨款/一般公共预算"), so a program reading the file gets one name per column.
 */
import type { TableSpec } from "../../templates/template.ts";
import type { HeaderCell, TableGrid } from "../grid.ts";

/** The texts that cover each column, top to bottom, laying the merges out as a spreadsheet would. */
function coveringTexts(header: HeaderCell[][], width: number): string[][] {
  const covering: string[][] = Array.from({ length: width }, () => []);
  const taken: boolean[][] = header.map(() => Array<boolean>(width).fill(false));
  header.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (taken[r]?.[column]) column++;
      for (let dc = 0; dc < cell.colspan; dc++) {
        covering[column + dc]?.push(cell.text);
        for (let dr = 0; dr < cell.rowspan; dr++) {
          const line = taken[r + dr];
          if (line) line[column + dc] = true;
        }
      }
      column += cell.colspan;
    }
  });
  return covering;
}

/** Each grid column's header path, in column order. */
export function columnHeaderPaths(grid: TableGrid): string[] {
  return coveringTexts(grid.header, grid.columns.length).map((texts) => texts.join("/"));
}

/** Header paths by the key a grid cell gives its column: the column key, or `<side>.<column>` in a balance table. */
export function headerPathsByColumn(grid: TableGrid, spec: TableSpec): Map<string, string> {
  const keys =
    spec.shape === "balance"
      ? (spec.sides ?? []).flatMap((side) => spec.columns.map((c) => `${side.key}.${c.key}`))
      : spec.columns.map((c) => c.key);
  const paths = columnHeaderPaths(grid);
  return new Map(keys.map((key, i) => [key, paths[i] ?? ""]));
}

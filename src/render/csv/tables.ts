/**
 * Part 4 as CSV, one file per table (T02.csv …): a single header line of column paths, then one line per printed
 * line of the table IR. Amounts come from the integer model value as plain decimals; every other cell is text,
 * defused against spreadsheet formulas.
 */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { documentGrids, type TableGrid } from "../grid.ts";
import { neutraliseFormula } from "../safe-cell.ts";
import { modelCells, plainAmount } from "./cells.ts";
import { columnHeaderPaths } from "./header.ts";
import { toCsv } from "./write.ts";

export interface CsvFile {
  name: string;
  content: string;
}

function tableRecords(doc: BudgetDocument, grid: TableGrid): string[][] {
  const table = doc.tables.find((t) => t.id === grid.id);
  if (!table) return [];
  const model = modelCells(table);
  return grid.body.map((row) =>
    row.cells.map((cell) => {
      const value = model(row, cell);
      return cell.type === "amount" && typeof value === "number"
        ? plainAmount(value, doc.decimals)
        : neutraliseFormula(cell.text);
    }),
  );
}

export function renderCsvTables(doc: BudgetDocument, template: Template): CsvFile[] {
  return documentGrids(template, doc).map((grid) => ({
    name: `${grid.id}.csv`,
    content: toCsv([columnHeaderPaths(grid).map(neutraliseFormula), ...tableRecords(doc, grid)]),
  }));
}

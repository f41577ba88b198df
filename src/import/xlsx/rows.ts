/**
 * Lines of a sheet, one value per template column, made into model rows by the same code as the source folder
 * (gridRows, balanceRows), so that kinds and keys are given exactly as for any other document. A bad amount is
 * reported with its sheet and cell.
 */
import type { Row } from "../../model/document.ts";
import { balanceRows, CellReader, gridRows, SourceError } from "../../model/source.ts";
import { AmountError, parseAmount } from "../../money/amount.ts";
import { type Column, sideColumns, type TableSpec } from "../../templates/template.ts";
import { ImportError } from "../errors.ts";
import { address, amountText, type Plain, textOf } from "./cells.ts";

/** One printed line (or one side of a balance line): its values in template column order, and where they stand. */
export interface SheetLine {
  /** 1-based sheet row. */
  row: number;
  side?: string;
  values: Plain[];
  /** 1-based sheet column of each value. */
  columns: number[];
}

export interface SheetPlace {
  file: string;
  sheet: string;
}

/** The template columns a line's values stand for: the table's, or for a balance table its side's. */
export function lineColumns(spec: TableSpec, side: string | undefined): Column[] {
  if (spec.shape !== "balance") return spec.columns;
  const found = (spec.sides ?? []).find((s) => s.key === side);
  return found ? sideColumns(found) : [];
}

/** A unit code Excel turned into a number (43001) gets its leading zeros back. */
function codeText(column: Column, value: Plain): string {
  if (typeof value === "number" && column.catalog === "units" && Number.isInteger(value)) {
    return String(value).padStart(6, "0");
  }
  return textOf(value).trim();
}

function rawValues(columns: Column[], line: SheetLine, decimals: number, place: SheetPlace): string[] {
  return columns.map((column, i) => {
    const value = line.values[i] ?? null;
    if (column.type === "code") return codeText(column, value);
    if (column.type !== "amount") return textOf(value);
    const text = amountText(value, decimals);
    try {
      parseAmount(text, decimals);
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      const at = address(line.row, line.columns[i] ?? 0);
      throw new ImportError(place.file, `sheet "${place.sheet}" cell ${at} (${column.header}): ${error.message}`);
    }
    return text;
  });
}

export function sheetRows(spec: TableSpec, lines: SheetLine[], decimals: number, place: SheetPlace): Row[] {
  const reader = new CellReader(`${place.file} sheet "${place.sheet}"`, decimals);
  try {
    if (spec.shape !== "balance") {
      return gridRows(
        spec,
        lines.map((line) => rawValues(spec.columns, line, decimals, place)),
        reader,
      );
    }
    const sides = Object.fromEntries(
      (spec.sides ?? []).map((side) => [
        side.key,
        lines
          .filter((line) => line.side === side.key)
          .map((line) => rawValues(lineColumns(spec, side.key), line, decimals, place)),
      ]),
    );
    return balanceRows(spec, sides, reader);
  } catch (error) {
    if (error instanceof SourceError) throw new ImportError(place.file, error.message);
    throw error;
  }
}

/** How many amounts the lines hold. */
export function amountCount(spec: TableSpec, lines: SheetLine[]): number {
  let n = 0;
  for (const line of lines) {
    lineColumns(spec, line.side).forEach((column, i) => {
      const value = line.values[i] ?? null;
      if (column.type === "amount" && value !== null && textOf(value).trim() !== "") n++;
    });
  }
  return n;
}

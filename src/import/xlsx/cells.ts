/**
 * Worksheet cells as plain values: a formula by its cached result, rich text and hyperlinks by their text, a merged
 * range by its first cell only. Amounts stored as numbers are turned into printed decimals without arithmetic.
 */
import type { CellValue, Worksheet } from "exceljs";
import { columnLetter } from "../../ledger/xlsx/columns.ts";

/** A cell as the importer sees it: a number, a text, or nothing. */
export type Plain = number | string | null;

export function plain(value: CellValue | unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  if ("result" in value) return plain(value.result);
  if ("formula" in value || "sharedFormula" in value || "error" in value) return null;
  if ("text" in value) return plain(value.text);
  return null;
}

export const textOf = (value: Plain): string =>
  value === null ? "" : typeof value === "number" ? String(value) : value;

export const isEmpty = (value: Plain): boolean => value === null || (typeof value === "string" && value.trim() === "");

/**
 * The printed decimal a stored number stands for, with `decimals` places. A spreadsheet stores 3750.53 as the
 * nearest binary fraction; toFixed prints it back. A value with more places than that (12.345 for two) is given in
 * full, so that the amount parser refuses it rather than rounding it silently.
 */
export function amountText(value: Plain, decimals: number): string {
  if (typeof value !== "number") return textOf(value);
  const shortest = Number(value.toPrecision(15));
  const fixed = value.toFixed(decimals);
  return Number(fixed) === shortest ? fixed : String(shortest);
}

/** The places a stored number needs (3750.5 → 1), judged like amountText; at most `cap`. */
export function placesOf(value: Plain, cap: number): number {
  if (typeof value !== "number") return /\.(\d+)\s*$/.exec(textOf(value))?.[1]?.length ?? 0;
  for (let places = 0; places < cap; places++) {
    if (Number(value.toFixed(places)) === Number(value.toPrecision(15))) return places;
  }
  return cap;
}

/** A sheet's used area as rows of plain values (1-based row r is matrix[r - 1]; column c is row[c - 1]). */
export function sheetMatrix(sheet: Worksheet): Plain[][] {
  const width = sheet.columnCount;
  const rows: Plain[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: Plain[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      values.push(cell.isMerged && cell.master !== cell ? null : plain(cell.value));
    }
    rows.push(values);
  }
  return rows;
}

/** Excel's name for a cell: column letters and row number (3, 28 → AB3). */
export const address = (row: number, column: number): string => `${columnLetter(column)}${row}`;

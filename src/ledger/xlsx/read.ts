/**
 * Reads a filled input workbook back into a ledger. Cells are read as preparers leave them — text, numbers typed
 * into amount columns, codes Excel turned into numbers, formulas with their results, dates — and every input error
 * is reported with its sheet, row and column (letter and header).
 */
import ExcelJS from "exceljs";
import { formatAmount } from "../../money/amount.ts";
import type { RawLedger, RawRow, RawSheet } from "../cells.ts";
import { type FormatColumn, type FormatSheet, ledgerFormat } from "../format.ts";
import { Issues, type Place } from "../issues.ts";
import { ledgerFromRows } from "../records.ts";
import type { Ledger } from "../types.ts";
import { columnLetter } from "./columns.ts";

/** A number typed in yuan or 万元: exact to the fen when it is (Excel stores 1234.56 as a binary fraction). */
function decimalText(n: number): string {
  const hundredths = Math.round(n * 100);
  return Math.abs(n * 100 - hundredths) < 1e-6 * Math.max(1, Math.abs(n)) && Number.isSafeInteger(hundredths)
    ? formatAmount(hundredths, { thousands: false })
    : String(n);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The text of a cell as the ledger reads it. */
function cellText(value: ExcelJS.CellValue, column?: FormatColumn): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    const type = column?.type;
    if (type === "amount" || type === "wan") return decimalText(value);
    const unitCode = column?.key === "code" || column?.list === "units";
    if (type === "code" && unitCode && Number.isInteger(value)) return String(value).padStart(6, "0");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date)
    return `${value.getUTCFullYear()}年${pad(value.getUTCMonth() + 1)}月${pad(value.getUTCDate())}日`;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, column);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

function readSheet(
  worksheet: ExcelJS.Worksheet | undefined,
  spec: FormatSheet,
  file: string,
  issues: Issues,
): RawSheet {
  const place: Place = { file, sheet: spec.sheet };
  if (!worksheet) return { place, rows: [] };
  const header = worksheet.getRow(1);
  const keys: (FormatColumn | undefined)[] = [];
  header.eachCell((cell, col) => {
    const text = cellText(cell.value).trim();
    if (text === "") return;
    const column = spec.columns.find((c) => c.header === text || c.key === text);
    if (!column) issues.add({ ...place, row: "row 1" }, `unknown column "${text}"`, columnLetter(col));
    keys[col] = column;
  });
  for (const column of spec.columns) {
    if (!keys.includes(column)) issues.add({ ...place, row: "row 1" }, `no column ${column.header}`);
  }
  const columns: Record<string, string> = {};
  keys.forEach((column, col) => {
    if (column) columns[column.key] = `${columnLetter(col)} (${column.header})`;
  });
  const rows: RawRow[] = [];
  for (let r = 2; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    const values: Record<string, string> = {};
    keys.forEach((column, col) => {
      if (column) values[column.key] = cellText(row.getCell(col).value, column).trim();
    });
    if (spec.keyValue && Object.entries(values).every(([k, v]) => k === "item" || v === "")) continue;
    if (Object.values(values).every((v) => v === "")) continue;
    rows.push({ place: { ...place, row: `row ${r}` }, columns, values });
  }
  return { place, rows };
}

/** The names of a workbook's sheets; none if it cannot be read as a workbook. */
export async function workbookSheetNames(path: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch {
    return [];
  }
  return workbook.worksheets.map((w) => w.name);
}

/** Reads an input workbook written by `yusuan init --xlsx` and filled in. */
export async function readLedgerWorkbook(path: string): Promise<Ledger> {
  const workbook = new ExcelJS.Workbook();
  const issues = new Issues();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    issues.add({ file: path }, `not a readable .xlsx workbook: ${(error as Error).message}`);
    issues.fail();
  }
  const sheets = ledgerFormat().sheets;
  const lines = sheets.find((s) => s.id === "lines");
  if (lines && !workbook.getWorksheet(lines.sheet)) {
    issues.add(
      { file: path },
      `not a ledger workbook: it has no sheet ${lines.sheet} (write one with yusuan init --xlsx)`,
    );
    issues.fail();
  }
  const raw: RawLedger = {};
  for (const spec of sheets) raw[spec.id] = readSheet(workbook.getWorksheet(spec.sheet), spec, path, issues);
  return ledgerFromRows(raw, issues, { file: path, sheet: sheets[0]?.sheet });
}

/**
 * Opening a ledger: a folder (ledger.yaml + CSV files) or the XLSX input workbook. Every input error of the ledger
 * is collected and raised at once as a LedgerError (an InputError), each with its file or sheet, row and column.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { BudgetDocument } from "../model/document.ts";
import { loadTemplate } from "../templates/template.ts";
import { derive } from "./derive.ts";
import { isLedgerFolder, LEDGER_FILE, readLedgerFolderRows } from "./folder.ts";
import { sheetFormat } from "./format.ts";
import { Issues, LedgerError } from "./issues.ts";
import { ledgerFromRows } from "./records.ts";
import type { Ledger } from "./types.ts";

export function readLedgerFolder(dir: string): Ledger {
  const issues = new Issues();
  const raw = readLedgerFolderRows(dir, issues);
  return ledgerFromRows(raw, issues, { file: join(dir, LEDGER_FILE) });
}

const isWorkbook = (path: string) => /\.xlsx$/i.test(path) && existsSync(path) && statSync(path).isFile();

/** Whether a path is a ledger folder (one with ledger.yaml), as opposed to a document source folder. */
export function isLedger(path: string): boolean {
  return isLedgerFolder(path);
}

/**
 * Whether an .xlsx file is a ledger input workbook (it has the budget-lines sheet `init` writes) rather than a
 * published or imported disclosure workbook.
 */
export async function isLedgerWorkbook(path: string): Promise<boolean> {
  if (!isWorkbook(path)) return false;
  const { workbookSheetNames } = await import("./xlsx/read.ts");
  const names = await workbookSheetNames(path);
  return names.includes(sheetFormat("lines").sheet);
}

/** Whether `build` and `validate` should read this path as a ledger: a ledger folder or an input workbook. */
export async function isLedgerInput(path: string): Promise<boolean> {
  return isLedger(path) || (await isLedgerWorkbook(path));
}

/** Reads a ledger folder or input workbook. */
export async function loadLedger(path: string): Promise<Ledger> {
  if (isLedgerFolder(path)) return readLedgerFolder(path);
  if (isWorkbook(path)) {
    const { readLedgerWorkbook } = await import("./xlsx/read.ts");
    return readLedgerWorkbook(path);
  }
  const message = existsSync(path)
    ? "expected a ledger folder (with ledger.yaml) or an .xlsx input workbook"
    : "no such file or folder";
  throw new LedgerError([{ file: path, message }]);
}

/** Reads a ledger and derives its disclosure with the ledger's template. */
export async function deriveFromPath(path: string): Promise<BudgetDocument> {
  const ledger = await loadLedger(path);
  return derive(ledger, loadTemplate(ledger.template));
}

/** Writes the empty input workbook for preparers (`yusuan init --xlsx <file>`). */
export async function initWorkbook(path: string): Promise<void> {
  const { writeLedgerWorkbook } = await import("./xlsx/template.ts");
  await writeLedgerWorkbook(path);
}

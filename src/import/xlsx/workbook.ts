/**
 * An XLSX workbook into a BudgetDocument. yusuan's own budget.xlsx comes back without loss (its model is embedded;
 * the tables are read from the sheets, where a reviewer's edits win); any other workbook is read sheet by sheet as
 * the tables of a layout, each sheet known by the table title it prints.
 */
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { BudgetDocument } from "../../model/document.ts";
import { ImportError } from "../errors.ts";
import { checkContainer } from "./container.ts";
import { embeddedModel } from "./embedded.ts";
import { importLayout, type SheetReport } from "./layout.ts";
import { importOwn } from "./own.ts";

export type { SheetReport } from "./layout.ts";

export interface XlsxImport {
  doc: BudgetDocument;
  /** Which layout, and why (embedded model, or the titles found). */
  reason: string;
  /** Every visible sheet: the table it was read as, the lines and amounts read, what did not fit. */
  sheets: SheetReport[];
  /** Sheets that are no table of the layout. */
  unmapped: string[];
  /** For yusuan's own workbook: tables whose sheets differ from the embedded model, read from the sheets. */
  edited: string[];
}

async function load(data: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  checkContainer(data, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError(file, `a damaged XLSX workbook (${(error as Error).message.split("\n")[0]})`);
  }
  if (workbook.worksheets.length === 0)
    throw new ImportError(file, "a ZIP archive without worksheets, not an XLSX workbook");
  return workbook;
}

export async function importXlsx(data: Uint8Array, file: string, template = "auto"): Promise<XlsxImport> {
  const name = basename(file);
  const workbook = await load(data, name);
  const model = embeddedModel(workbook, name);
  if (model) return importOwn(workbook, model, name, template);
  return { ...importLayout(workbook, name, template), edited: [] };
}

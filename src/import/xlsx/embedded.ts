/** The model renderXlsx hides in its workbook (sheet _yusuan, the JSON in chunks down column A), read back. */
import type { Workbook } from "exceljs";
import type { BudgetDocument } from "../../model/document.ts";
import { schemaProblems } from "../../model/load.ts";
import { MODEL_SHEET } from "../../render/xlsx/workbook.ts";
import { ImportError } from "../errors.ts";
import { plain } from "./cells.ts";

/** The embedded document, or undefined for a workbook yusuan did not write. */
export function embeddedModel(workbook: Workbook, file: string): BudgetDocument | undefined {
  const sheet = workbook.getWorksheet(MODEL_SHEET);
  if (!sheet) return undefined;
  let json = "";
  for (let r = 1; r <= sheet.rowCount; r++) {
    const value = plain(sheet.getCell(r, 1).value);
    if (typeof value === "string") json += value;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ImportError(file, `the model in sheet ${MODEL_SHEET} is damaged: ${(error as Error).message}`);
  }
  const [problem] = schemaProblems(value);
  if (problem) {
    throw new ImportError(
      file,
      `the model in sheet ${MODEL_SHEET} is no BudgetDocument: ${problem.path} ${problem.problem}`,
    );
  }
  return value as BudgetDocument;
}

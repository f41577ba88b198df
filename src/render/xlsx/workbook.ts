/**
 * The disclosure as an XLSX workbook: a 说明 sheet with Parts 1–3, then one sheet per table of Part 4, each laid out
 * as published. Tables come from the table IR, so the workbook cannot disagree with the web page; amounts are
 * written as numbers in the document's unit, read from the model rather than from the printed text.
 */
import ExcelJS from "exceljs";
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { documentGrids } from "../grid.ts";
import { writeNarrativeSheet } from "./narrative.ts";
import { writeTableSheet } from "./sheet.ts";
import { NARRATIVE_SHEET, tableSheetNames } from "./sheet-name.ts";

export async function renderXlsx(doc: BudgetDocument, template: Template): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "yusuan";
  workbook.title = doc.title;
  workbook.subject = doc.department;

  writeNarrativeSheet(workbook.addWorksheet(NARRATIVE_SHEET), doc);
  const grids = documentGrids(template, doc);
  const names = tableSheetNames(grids);
  grids.forEach((grid, i) => {
    const table = doc.tables.find((t) => t.id === grid.id);
    writeTableSheet(workbook.addWorksheet(names[i]), grid, table, doc.decimals);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

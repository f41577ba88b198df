/**
 * The disclosure as an XLSX workbook: a 说明 sheet with Parts 1–3, then one sheet per table of Part 4, each laid out
 * as published. Tables come from the table IR, so the workbook cannot disagree with the web page; amounts are
 * written as numbers in the document's unit, read from the model rather than from the printed text.
 * The model itself travels along in a very hidden sheet, so that yusuan can read its own workbook back without loss.
 */
import ExcelJS from "exceljs";
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import { documentGrids } from "../grid.ts";
import { writeNarrativeSheet } from "./narrative.ts";
import { writeTableSheet } from "./sheet.ts";
import { NARRATIVE_SHEET, tableSheetNames } from "./sheet-name.ts";

/** The hidden sheet holding the model as JSON, one chunk per row of column A. */
export const MODEL_SHEET = "_yusuan";
/** Below Excel's 32,767 characters per cell. */
const CHUNK = 30_000;

/**
 * Chunks of the JSON, cut where no chunk starts like a formula (= + - @), splits a surrogate pair or begins or ends
 * with a space a spreadsheet program might trim (within the last 1,000 characters of a chunk; a text made of nothing
 * else is cut where it must be).
 */
export function modelChunks(json: string): string[] {
  const badCut = (at: number) => /[=+\-@\s\uDC00-\uDFFF]/.test(json[at] ?? "") || /\s/.test(json[at - 1] ?? "");
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + CHUNK, json.length);
    const floor = Math.max(start + 1, end - 1_000);
    while (end < json.length && end > floor && badCut(end)) end--;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

function embedModel(workbook: ExcelJS.Workbook, doc: BudgetDocument): void {
  const sheet = workbook.addWorksheet(MODEL_SHEET, { state: "veryHidden" });
  // U+FFFE and U+FFFF cannot stand in XML; JSON escapes every other character XML refuses.
  const json = JSON.stringify(doc).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  modelChunks(json).forEach((chunk, i) => {
    sheet.getCell(i + 1, 1).value = chunk;
  });
}

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
  embedModel(workbook, doc);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

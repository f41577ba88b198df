/**
 * The page's outline: the four parts of a disclosure and the anchors of parts, Part 3 sections and tables. The table
 * of contents and the bodies take their ids from here so a link cannot point at an anchor that was never written.
 */
import type { BudgetDocument } from "../../model/document.ts";

export const partAnchor = (part: number) => `part${part}`;
export const sectionAnchor = (sectionId: string) => `section-${sectionId}`;
export const tableAnchor = (tableId: string) => `table-${tableId}`;

const PART_NUMERALS = ["一", "二", "三", "四"];

/**
 * The parts' headings as the document's own contents print them (第一部分 部门概况 …); the wording of 财预〔2016〕143号
 * stands in for a document whose contents do not list a part.
 */
export function partTitles(doc: BudgetDocument): string[] {
  const defaults = ["部门概况", "部门主要工作任务和目标", "部门预算安排情况说明", `${doc.year}年部门预算报表`];
  return PART_NUMERALS.map((numeral, i) => {
    const printed = doc.contents.find((line) => line.trim().startsWith(`第${numeral}部分`));
    return printed?.trim() ?? `第${numeral}部分 ${defaults[i]}`;
  });
}

/**
 * The pages of the budget book, all in one folder so that every link is a plain file name and the folder works
 * offline wherever it is copied. Unit codes are six digits (the schema says so), safe in a file name.
 */
export const bookPath = {
  overview: "index.html",
  fullText: "budget.html",
  part: (part: number) => `part${part}.html`,
  tables: "tables.html",
  table: (tableId: string) => `table-${tableId}.html`,
  units: "units.html",
  unit: (unitCode: string) => `unit-${unitCode}.html`,
  project: (unitCode: string, ordinal: number) => `project-${unitCode}-${ordinal}.html`,
  findings: "findings.html",
};

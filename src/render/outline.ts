/** The parts of a disclosure as every output titles them (the web book, the PDF, the workbook, the report). */
import type { BudgetDocument } from "../model/document.ts";

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

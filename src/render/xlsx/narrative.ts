/**
 * The first sheet, 说明: the disclosure's Parts 1–3 as text, with its small tables (units, indicators, key projects,
 * glossary) as bordered tables, so the workbook can be read without the web page. Headings follow the HTML page:
 * the fixed wording of Parts 1 and 2 (财预〔2016〕143号) and Part 3's own section titles.
 */
import type { Worksheet } from "exceljs";
import type { BudgetDocument, Indicator, Section } from "../../model/document.ts";
import { partTitles } from "../outline.ts";
import { Flow, type FlowColumn } from "./flow.ts";
import { setUpPrinting } from "./print.ts";
import { amountFormat, BODY_FONT, BOLD_FONT, HEADING_FONT, TITLE_FONT } from "./style.ts";

/** Four columns, about one portrait A4 page wide; blocks span them as they need. */
const WIDTHS = [14, 30, 16, 44];

const INDICATORS: FlowColumn[] = [
  { header: "绩效指标", span: [1, 3] },
  { header: "预期实现值", span: [4, 4] },
];

function indicators(flow: Flow, list: Indicator[]): void {
  flow.table(
    INDICATORS,
    list.map((i) => [i.name, i.target]),
  );
}

function part1(flow: Flow, doc: BudgetDocument, title: string): void {
  flow.line(title, HEADING_FONT, "left", 24);
  flow.line("一、部门主要职责", BOLD_FONT);
  for (const duty of doc.part1.duties) flow.paragraphs(duty);
  flow.line("二、部门机构设置", BOLD_FONT);
  flow.paragraphs(doc.part1.structure);
  flow.table(
    [
      { header: "单位编码", span: [1, 1] },
      { header: "单位名称", span: [2, 3] },
      { header: "单位类型", span: [4, 4] },
    ],
    doc.units.map((u) => [u.code, u.name, u.type]),
  );
}

function part2(flow: Flow, doc: BudgetDocument, title: string): void {
  const goal = doc.part2.departmentGoal;
  flow.line(title, HEADING_FONT, "left", 24);
  flow.line("一、确定工作目标所依据的政策", BOLD_FONT);
  for (const policy of doc.part2.policies) flow.paragraphs(policy);
  flow.line("二、部门整体及主要工作任务绩效目标", BOLD_FONT);
  flow.line("部门整体绩效目标", BOLD_FONT);
  flow.labelled("年度绩效目标", goal.annualGoal ?? "", [1, 1], [2, 4]);
  flow.labelled("部门整体支出绩效目标", goal.overallGoal ?? "", [1, 1], [2, 4]);
  indicators(flow, goal.indicators);
  if (goal.budgetCompletion) flow.paragraphs(goal.budgetCompletion);
  if (doc.part2.tasks.length > 0) flow.line("主要工作任务绩效目标", BOLD_FONT);
  for (const task of doc.part2.tasks) {
    flow.blank();
    flow.line(task.name, BOLD_FONT);
    flow.labelled("绩效目标", task.goal, [1, 1], [2, 4]);
    indicators(flow, task.indicators);
  }
}

function section(flow: Flow, doc: BudgetDocument, s: Section): void {
  const projects = s.projects ?? [];
  const terms = s.terms ?? [];
  flow.blank();
  flow.line(s.title, BOLD_FONT);
  // A glossary's text is the printed form of its terms: the table says it once, with structure.
  if (terms.length === 0) flow.paragraphs(s.text);
  const numFmt = amountFormat(doc.decimals);
  flow.table(
    [
      { header: "项目名称", span: [1, 2] },
      { header: `预算金额（${doc.amountUnit}）`, span: [3, 3] },
      { header: "绩效目标", span: [4, 4] },
    ],
    projects.map((p) => [p.name, { amount: p.amount / 10 ** doc.decimals, numFmt }, p.goal]),
  );
  flow.table(
    [
      { header: "名词", span: [1, 1] },
      { header: "解释", span: [2, 4] },
    ],
    terms.map((t) => [t.term, t.definition]),
  );
}

export function writeNarrativeSheet(sheet: Worksheet, doc: BudgetDocument): void {
  const flow = new Flow(sheet, WIDTHS);
  const titles = partTitles(doc);
  flow.line(doc.title, TITLE_FONT, "center", 32);
  flow.line(`部门名称：${doc.department}`, BODY_FONT);
  flow.line(`预算年度：${doc.year}年`, BODY_FONT);
  flow.line(`金额单位：${doc.amountUnit}`, BODY_FONT);
  flow.blank();
  part1(flow, doc, titles[0] ?? "");
  flow.blank();
  part2(flow, doc, titles[1] ?? "");
  flow.blank();
  flow.line(titles[2] ?? "", HEADING_FONT, "left", 24);
  for (const s of doc.part3) section(flow, doc, s);
  setUpPrinting(sheet, "portrait");
}

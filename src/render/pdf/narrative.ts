/**
 * Parts 1–3 of a disclosure, after ../html/narrative.ts: the department's duties and units, its tasks and
 * performance goals, and the explanations. Each part starts a portrait page; part and Part 3 section headings are
 * entries of the contents page.
 */
import type { Content } from "pdfmake/interfaces.js";
import type { BudgetDocument, Indicator, Section } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";
import { heading, paragraphs, simpleTable } from "./blocks.ts";
import { contentsEntry } from "./front.ts";

function partSection(title: string, body: Content[]): Content {
  return { section: [contentsEntry(title, "partTitle", 0), ...body], pageOrientation: "portrait" };
}

const indicatorTable = (indicators: Indicator[]): Content[] =>
  indicators.length === 0
    ? []
    : [
        simpleTable(
          [
            { header: "绩效指标", width: "40%" },
            { header: "预期实现值", width: "*" },
          ],
          indicators.map((i) => [i.name, i.target]),
        ),
      ];

export function part1(doc: BudgetDocument, title: string): Content {
  const units = simpleTable(
    [
      { header: "单位编码", width: "auto", align: "center" },
      { header: "单位名称", width: "*" },
      { header: "单位类型", width: "auto", align: "center" },
    ],
    doc.units.map((u) => [u.code, u.name, u.type]),
  );
  return partSection(title, [
    heading("一、部门主要职责", "heading"),
    ...doc.part1.duties.flatMap(paragraphs),
    heading("二、部门机构设置", "heading"),
    ...paragraphs(doc.part1.structure),
    ...(doc.units.length > 0 ? [units] : []),
  ]);
}

export function part2(doc: BudgetDocument, title: string): Content {
  const goal = doc.part2.departmentGoal;
  const goalTexts: [string, string | undefined][] = [
    ["年度绩效目标", goal.annualGoal],
    ["部门整体支出绩效目标", goal.overallGoal],
  ];
  const goals = goalTexts
    .filter(([, text]) => text?.trim())
    .flatMap(([term, text]) => [{ text: term, bold: true }, ...paragraphs(text ?? "")]);
  const tasks = doc.part2.tasks.flatMap((task): Content[] => [
    heading(task.name, "subheading"),
    ...(task.goal.trim() ? [{ text: [{ text: "绩效目标：", bold: true }, task.goal] }] : []),
    ...indicatorTable(task.indicators),
  ]);
  return partSection(title, [
    heading("一、确定工作目标所依据的政策", "heading"),
    ...doc.part2.policies.flatMap(paragraphs),
    heading("二、部门整体及主要工作任务绩效目标", "heading"),
    heading("部门整体绩效目标", "subheading"),
    ...goals,
    ...indicatorTable(goal.indicators),
    ...(goal.budgetCompletion ? paragraphs(goal.budgetCompletion) : []),
    ...(tasks.length > 0 ? [heading("主要工作任务绩效目标", "subheading"), ...tasks] : []),
  ]);
}

function section(doc: BudgetDocument, section: Section): Content[] {
  const projects = section.projects ?? [];
  const terms = section.terms ?? [];
  const keyProjects = simpleTable(
    [
      { header: "项目名称", width: "28%" },
      { header: `预算金额（${doc.amountUnit}）`, width: "auto", align: "right" },
      { header: "绩效目标", width: "*" },
    ],
    projects.map((p) => [p.name, formatAmount(p.amount, { decimals: doc.decimals }), p.goal]),
  );
  const glossary = terms.flatMap((t): Content[] => [
    { text: t.term, bold: true, margin: [0, 4, 0, 0] },
    ...paragraphs(t.definition),
  ]);
  return [
    contentsEntry(section.title, "heading", 1),
    // A glossary's text is the printed form of its terms: the term list says it once, with structure.
    ...(terms.length > 0 ? glossary : paragraphs(section.text)),
    ...(projects.length > 0 ? [keyProjects] : []),
  ];
}

export function part3(doc: BudgetDocument, title: string): Content {
  return partSection(
    title,
    doc.part3.flatMap((s) => section(doc, s)),
  );
}

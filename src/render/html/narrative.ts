/**
 * Parts 1–3 of a disclosure: the department's duties and units, its tasks and performance goals, and the
 * explanations. Parts 1 and 2 have fixed headings in every layout we know (财预〔2016〕143号), so they are written here;
 * Part 3's sections come with their own titles.
 */
import type { BudgetDocument, Indicator, Section } from "../../model/document.ts";
import { formatAmount } from "../../money/amount.ts";
import { escapeHtml } from "./escape.ts";
import { markPhrases, type NarrativeMarks, type Phrase } from "./findings.ts";
import { paragraphs, simpleTable } from "./markup.ts";
import { partAnchor, sectionAnchor } from "./outline.ts";

function part(number: number, title: string, body: string[]): string {
  const id = partAnchor(number);
  return [
    `<section class="part part-${number}" id="${id}" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${escapeHtml(title)}</h2>`,
    ...body.filter(Boolean),
    "</section>",
  ].join("\n");
}

const h = (level: number, text: string) => `<h${level}>${escapeHtml(text)}</h${level}>`;

/** Duties and policies are printed with their own numbering ((一), 1、), so the list adds none. */
const plainList = (items: string[], phrases?: Phrase[]) =>
  `<ul class="plain-list">\n${items.map((item) => `<li>${markPhrases(item, phrases)}</li>`).join("\n")}\n</ul>`;

const indicatorTable = (label: string, indicators: Indicator[], phrases?: Phrase[]) =>
  indicators.length === 0
    ? ""
    : simpleTable(
        label,
        [{ header: "绩效指标", className: "indicator" }, { header: "预期实现值" }],
        indicators.map((i) => [i.name, i.target]),
        phrases,
      );

/**
 * Parts take the findings about their text (`marks`), if any: the phrases a finding quotes are marked where they are
 * printed and the findings are listed at the end of the part or section.
 */
export function renderPart1(doc: BudgetDocument, title: string, marks?: NarrativeMarks): string {
  const found = marks?.("part1");
  const phrases = found?.phrases;
  const units = simpleTable(
    "单位构成",
    [{ header: "单位编码", className: "code" }, { header: "单位名称" }, { header: "单位类型" }],
    doc.units.map((u) => [u.code, u.name, u.type]),
  );
  return part(1, title, [
    h(3, "一、部门主要职责"),
    plainList(doc.part1.duties, phrases),
    h(3, "二、部门机构设置"),
    paragraphs(doc.part1.structure, undefined, phrases),
    doc.units.length > 0 ? units : "",
    found?.list ?? "",
  ]);
}

export function renderPart2(doc: BudgetDocument, title: string, marks?: NarrativeMarks): string {
  const found = marks?.("part2");
  const phrases = found?.phrases;
  const goal = doc.part2.departmentGoal;
  const goalTexts: [string, string | undefined][] = [
    ["年度绩效目标", goal.annualGoal],
    ["部门整体支出绩效目标", goal.overallGoal],
  ];
  const goalList = goalTexts
    .filter(([, text]) => text?.trim())
    .map(([term, text]) => `<dt>${escapeHtml(term)}</dt>\n<dd>${paragraphs(text ?? "", undefined, phrases)}</dd>`);
  const tasks = doc.part2.tasks.map((task) =>
    [
      `<section class="task">`,
      h(5, task.name),
      task.goal.trim() ? `<p><strong>绩效目标：</strong>${markPhrases(task.goal, phrases)}</p>` : "",
      indicatorTable(`${task.name}绩效指标`, task.indicators, phrases),
      "</section>",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  return part(2, title, [
    h(3, "一、确定工作目标所依据的政策"),
    plainList(doc.part2.policies, phrases),
    h(3, "二、部门整体及主要工作任务绩效目标"),
    h(4, "部门整体绩效目标"),
    goalList.length > 0 ? `<dl class="goal">\n${goalList.join("\n")}\n</dl>` : "",
    indicatorTable("部门整体绩效指标", goal.indicators, phrases),
    goal.budgetCompletion ? paragraphs(goal.budgetCompletion, undefined, phrases) : "",
    tasks.length > 0 ? h(4, "主要工作任务绩效目标") : "",
    ...tasks,
    found?.list ?? "",
  ]);
}

function renderSection(doc: BudgetDocument, section: Section, marks?: NarrativeMarks): string {
  const found = marks?.(section.id);
  const phrases = found?.phrases;
  const projects = section.projects ?? [];
  const terms = section.terms ?? [];
  const keyProjects = simpleTable(
    section.title,
    [{ header: "项目名称" }, { header: `预算金额（${doc.amountUnit}）`, className: "amount" }, { header: "绩效目标" }],
    projects.map((p) => [p.name, formatAmount(p.amount, { decimals: doc.decimals }), p.goal]),
    phrases,
  );
  const glossary = terms.map((t) => `<dt>${escapeHtml(t.term)}</dt>\n<dd>${markPhrases(t.definition, phrases)}</dd>`);
  return [
    `<section class="explanation" id="${escapeHtml(sectionAnchor(section.id))}">`,
    h(3, section.title),
    // A glossary's text is the printed form of its terms: the definition list says it once, with structure.
    terms.length > 0 ? "" : paragraphs(section.text, undefined, phrases),
    projects.length > 0 ? keyProjects : "",
    terms.length > 0 ? `<dl class="glossary">\n${glossary.join("\n")}\n</dl>` : "",
    found?.list ?? "",
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
}

export function renderPart3(doc: BudgetDocument, title: string, marks?: NarrativeMarks): string {
  return part(
    3,
    title,
    doc.part3.map((section) => renderSection(doc, section, marks)),
  );
}

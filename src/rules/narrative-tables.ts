/**
 * Every amount the Part 3 text states equals the table cell the template maps its subject to (the text says
 * 一般公共预算支出 5,911.03 万元: T06's total must say so too), and every key project's amount equals its T10 line.
 */

import type { Fact } from "../model/document.ts";
import { intersects, published } from "../money/interval.ts";
import { parseSum } from "../templates/relation.ts";
import { amountText, describeOperand } from "./relations/describe.ts";
import { type Operand, sumOfRefs } from "./relations/evaluate.ts";
import { DocumentIndex } from "./relations/table-index.ts";
import type { Report, Rule } from "./rule.ts";

function compare(stated: number, cell: Operand): "ok" | "rounding" | "error" {
  if (stated === cell.value) return "ok";
  return intersects(published(stated), cell.interval) ? "rounding" : "error";
}

export const narrativeTables: Rule = {
  meta: {
    id: "narrative-tables",
    title: "说明与报表一致",
    severity: "error",
    kind: "narrative",
    description:
      "Each amount stated in Part 3 equals the table cell its subject maps to in the template (`narrative.subjects`), and each key project's amount equals its line in the project table; a difference rounding explains is a warning.",
  },
  check({ doc, template, report }) {
    const index = new DocumentIndex(doc, template);
    const d = doc.decimals;
    const subjects = template.narrative.subjects;
    const check = (
      fact: Pick<Fact, "text" | "amount">,
      cell: Operand | undefined,
      section: string,
      r: Partial<Report>,
    ) => {
      if (fact.amount === undefined || !cell) return;
      const status = compare(fact.amount, cell);
      if (status === "ok") return;
      const data = {
        text: fact.text,
        actual: amountText(fact.amount, d),
        expected: amountText(cell.value, d),
        cell: describeOperand(index, cell, "zh"),
        cellEn: describeOperand(index, cell, "en"),
        ...r.data,
      };
      report({
        messageId: status === "rounding" ? "rounding" : (r.messageId ?? "mismatch"),
        data,
        severity: status === "rounding" ? "warning" : "error",
        kind: status === "rounding" ? "rounding" : "narrative",
        location: { section, text: fact.text },
        expected: data.expected,
        actual: data.actual,
      });
    };
    for (const section of doc.part3) {
      for (const fact of section.facts) {
        const expression = subjects[fact.subject];
        if (expression) check(fact, sumOfRefs(parseSum(expression, fact.subject), index), section.id, {});
      }
      const keyProjects = template.narrative.keyProjects;
      for (const project of (keyProjects && section.projects) || []) {
        const cell =
          sumOfRefs(parseSum(keyProjects as string, "keyProjects"), index, { name: project.name }) ??
          inItsUnit(project.name, template.narrative.keyProjectsInUnit, index);
        if (!cell) {
          report({
            messageId: "keyProjectMissing",
            data: { name: project.name },
            location: { section: section.id, text: project.name },
          });
          continue;
        }
        check({ text: project.name, amount: project.amount }, cell, section.id, {
          messageId: "keyProjectMismatch",
          data: { name: project.name },
        });
      }
    }
  },
};

/** A key project named "专项工作经费（广州市人民政府办公厅）": the project of that name in the unit in brackets. */
function inItsUnit(name: string, expression: string | undefined, index: DocumentIndex) {
  const owned = /^(.+?)[（(]([^（()）]+)[)）]$/.exec(name.trim());
  if (!expression || !owned?.[1] || !owned[2]) return undefined;
  return sumOfRefs(parseSum(expression, "keyProjectsInUnit"), index, { name: owned[1], unit: owned[2] });
}

/**
 * The narrative of a derived disclosure: the contents, Part 1 (duties, and the structure naming every unit), Part 2
 * (policies, the department goal, and the key projects as its main tasks) and Part 3 (part3.ts).
 */
import type { BudgetDocument } from "../model/document.ts";
import { Issues } from "./issues.ts";
import { fill } from "./layout.ts";
import { keyProjectsOf, Part3 } from "./part3.ts";
import { chineseNumeral, type DeriveContext } from "./tables/build.ts";

function contents(doc: BudgetDocument, context: DeriveContext): string[] {
  const { layout, template } = context;
  const text = (key: string) => fill(String(layout.contents[key] ?? ""), { year: doc.year });
  const items = (key: string) => (layout.contents[key] ?? []) as string[];
  return [
    text("part1"),
    ...items("part1Items"),
    text("part2"),
    ...items("part2Items"),
    text("part3"),
    ...doc.part3.map((s) => s.title),
    text("part4"),
    ...template.tables.map((t) => `${chineseNumeral(t.number)}、${t.title}`),
  ];
}

function structure(context: DeriveContext): string {
  const { ledger, layout } = context;
  const others = ledger.units.filter((u) => u.name !== ledger.department).map((u) => u.name);
  const units =
    others.length > 0
      ? fill(layout.structure, { department: ledger.department, units: others.join("、") })
      : fill(layout.structureAlone, { department: ledger.department });
  return [ledger.narrative.structure, units].filter((t) => t.trim() !== "").join("\n\n");
}

/** Fills the narrative of a document whose tables are derived; missing reasons raise a LedgerError. */
export function narrative(doc: BudgetDocument, context: DeriveContext): BudgetDocument {
  const { ledger, layout, template } = context;
  const n = ledger.narrative;
  doc.part1 = { duties: [...n.duties], structure: structure(context) };
  doc.part2 = {
    policies: [...n.policies],
    departmentGoal: {
      annualGoal: n.annualGoal,
      ...(n.overallGoal ? { overallGoal: n.overallGoal } : {}),
      indicators: ledger.departmentIndicators.map((i) => ({ ...i })),
      budgetCompletion: n.budgetCompletion || layout.budgetCompletion,
    },
    tasks: keyProjectsOf(context).map((p) => ({
      name: p.name,
      goal: p.goal,
      indicators: p.indicators.map((i) => ({ name: i.name, target: i.target.text })),
    })),
  };
  const issues = new Issues();
  const part3 = new Part3(doc, context, issues);
  doc.part3 = template.narrative.sections.map((s, i) => part3.section(s.id, i + 1, s.title));
  issues.fail();
  doc.contents = contents(doc, context);
  return doc;
}

/** Every narrative text of a document, with the section a view shows it in: what text rules read. */
import type { BudgetDocument } from "./document.ts";

export interface NarrativeText {
  /** "contents", "part1", "part2" or a Part 3 section id. */
  section: string;
  text: string;
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

/**
 * Every narrative text with the section a view shows it in. A Part 3 fact, project or term is given only when its
 * text is not already part of the section's text (facts are phrases quoted from it), so nothing is found twice.
 */
export function narrativeTexts(doc: BudgetDocument): NarrativeText[] {
  const out: NarrativeText[] = [];
  const add = (section: string, ...texts: (string | undefined)[]) => {
    for (const text of texts) if (text?.trim()) out.push({ section, text });
  };
  add("contents", doc.title, ...doc.contents);
  add("part1", ...doc.part1.duties, doc.part1.structure);
  const goal = doc.part2.departmentGoal;
  add("part2", ...doc.part2.policies, goal.annualGoal, goal.overallGoal, goal.budgetCompletion);
  for (const i of goal.indicators) add("part2", i.name, i.target);
  for (const task of doc.part2.tasks) {
    add("part2", task.name, task.goal);
    for (const i of task.indicators) add("part2", i.name, i.target);
  }
  for (const section of doc.part3) {
    add(section.id, section.title, section.text);
    const whole = squeeze(section.text);
    const quoted = [
      ...section.facts.flatMap((f) => [f.text, f.reason]),
      ...(section.projects ?? []).flatMap((p) => [p.name, p.goal]),
      ...(section.terms ?? []).flatMap((t) => [t.term, t.definition]),
    ];
    add(section.id, ...quoted.filter((t) => t !== undefined && !whole.includes(squeeze(t))));
  }
  return out;
}

/**
 * The changes outside the tables: the document's own fields (department, title, units, contents), Part 1 (duties,
 * structure) and Part 2 (policies, goals, tasks, indicators), keyed items matched by name.
 */
import type { BudgetDocument, Indicator } from "../document.ts";
import { type Collector, type Place, root, within } from "./collector.ts";
import { named, word } from "./messages.ts";

export function meta(c: Collector, before: BudgetDocument, after: BudgetDocument): void {
  const place = root("meta");
  for (const field of ["schemaVersion", "template", "year", "department", "title", "amountUnit", "decimals"] as const)
    c.value("meta", within(place, field, word(field)), before[field], after[field]);
  c.items(
    "meta",
    within(place, "units"),
    [before.units, after.units],
    (u) => u.code,
    (u) => ({ zh: `${word("unit").zh} ${u.code}`, en: `${word("unit").en} ${u.code}` }),
    (u) => `${u.code} ${u.name}`,
    (at, b, a) => {
      c.text("meta", within(at, "name", word("name")), b.name, a.name);
      c.value("meta", within(at, "type", word("type")), b.type, a.type);
    },
  );
  c.texts("meta", within(place, "contents", word("contents")), before.contents, after.contents);
}

function indicators(c: Collector, place: Place, before: Indicator[], after: Indicator[]): void {
  c.items(
    "text",
    place,
    [before, after],
    (i) => i.name,
    (i) => named("indicator", i.name),
    (i) => `${i.name}：${i.target}`,
    (at, b, a) => c.text("text", within(at, "target", word("target")), b.target, a.target),
  );
}

export function parts12(c: Collector, before: BudgetDocument, after: BudgetDocument): void {
  const part1 = root("part1", word("part1"));
  c.texts("text", within(part1, "duties", word("duties")), before.part1.duties, after.part1.duties);
  c.text("text", within(part1, "structure", word("structure")), before.part1.structure, after.part1.structure);
  const part2 = root("part2", word("part2"));
  const [b, a] = [before.part2, after.part2];
  c.texts("text", within(part2, "policies", word("policies")), b.policies, a.policies);
  const goal = within(part2, "departmentGoal", word("departmentGoal"));
  for (const field of ["annualGoal", "overallGoal", "budgetCompletion"] as const)
    c.text("text", within(goal, field, word(field)), b.departmentGoal[field], a.departmentGoal[field]);
  indicators(c, within(goal, "indicators"), b.departmentGoal.indicators, a.departmentGoal.indicators);
  c.items(
    "text",
    within(part2, "tasks"),
    [b.tasks, a.tasks],
    (t) => t.name,
    (t) => named("task", t.name),
    (t) => t.name,
    (at, bt, at2) => {
      c.text("text", within(at, "goal", word("goal")), bt.goal, at2.goal);
      indicators(c, within(at, "indicators"), bt.indicators, at2.indicators);
    },
  );
}

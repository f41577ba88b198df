/**
 * A placeholder the drafter never filled in (XX, 待填写, 【单位名称】, a lone ……) must not be published. The
 * patterns are data (data/rules/placeholders.yaml); this module walks every text of the document.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { BudgetDocument } from "../model/document.ts";
import type { Location } from "./diagnostic.ts";
import type { Rule } from "./rule.ts";

const PLACEHOLDERS = fileURLToPath(new URL("../../data/rules/placeholders.yaml", import.meta.url));
let patterns: { name: string; pattern: RegExp }[] | undefined;

function placeholderPatterns() {
  patterns ??= (
    parse(readFileSync(PLACEHOLDERS, "utf8")) as { patterns: { name: string; pattern: string }[] }
  ).patterns.map((p) => ({ name: p.name, pattern: new RegExp(p.pattern, "gmu") }));
  return patterns;
}

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

/**
 * Every text printed with a table: title, lines above and below it, and text cells. A row's label is a cell too,
 * except on balance tables, whose lines carry it outside the cells.
 */
function tableTexts(doc: BudgetDocument): { location: Location; text: string }[] {
  const out: { location: Location; text: string }[] = [];
  for (const table of doc.tables) {
    for (const text of [table.title, table.unitLine, table.department, table.note, table.emptyStatement]) {
      if (text) out.push({ location: { table: table.id }, text });
    }
    for (const row of table.rows) {
      const cells = Object.entries(row.cells).filter((e): e is [string, string] => typeof e[1] === "string");
      for (const [column, text] of cells) out.push({ location: { table: table.id, row: row.key, column }, text });
      if (!cells.some(([, text]) => text.includes(row.label))) {
        out.push({ location: { table: table.id, row: row.key, column: "label" }, text: row.label });
      }
    }
  }
  return out;
}

export const placeholderText: Rule = {
  meta: {
    id: "placeholder-text",
    title: "不得残留模板占位符",
    severity: "error",
    kind: "wording",
    description:
      "No placeholder (XX, ××, 待填写, {单位}, 【单位名称】, a lone ……) is left in any text, title, note or table cell.",
  },
  check({ doc, report }) {
    const texts = [
      ...narrativeTexts(doc).map(({ section, text }) => ({ location: { section } as Location, text })),
      ...tableTexts(doc),
    ];
    const seen = new Set<string>();
    for (const { location, text } of texts) {
      for (const { name, pattern } of placeholderPatterns()) {
        for (const match of text.matchAll(pattern)) {
          const found = match[0].trim();
          const where = location.section ? { ...location, text: found } : location;
          const key = JSON.stringify([where, found]);
          if (seen.has(key)) continue;
          seen.add(key);
          report({ messageId: "placeholder", data: { found, name }, location: where, actual: found });
        }
      }
    }
  },
};

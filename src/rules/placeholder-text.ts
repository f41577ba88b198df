/**
 * A placeholder the drafter never filled in (XX, 待填写, 【单位名称】, a lone ……) must not be published. The
 * patterns are data (data/rules/placeholders.yaml); this module walks every text of the document.
 */
import type { BudgetDocument } from "../model/document.ts";
import { narrativeTexts } from "../model/texts.ts";
import type { Location } from "./diagnostic.ts";
import type { Rule } from "./rule.ts";
import { ruleData } from "./rule-data.ts";

let patterns: { name: string; pattern: RegExp }[] | undefined;

function placeholderPatterns() {
  patterns ??= ruleData<{ patterns: { name: string; pattern: string }[] }>("placeholders").patterns.map((p) => ({
    name: p.name,
    pattern: new RegExp(p.pattern, "gmu"),
  }));
  return patterns;
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

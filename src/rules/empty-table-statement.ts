/**
 * 财预〔2016〕143号: a table with no data is still published, with a sentence saying why it is empty. The sentence
 * must be about its own table: one that names another table's subject (本部门无非税收入… under the government fund
 * table) was copied from elsewhere.
 */
import type { Table } from "../model/document.ts";
import { normaliseLabel } from "../model/rows.ts";
import type { Rule } from "./rule.ts";
import { ruleData } from "./rule-data.ts";

let subjects: string[] | undefined;

function subjectWords(): string[] {
  subjects ??= ruleData<Record<string, { subjects: string[] }>>("wording")["empty-table-statement"]?.subjects ?? [];
  return subjects;
}

/** No data: every amount cell is zero or blank (text cells such as 合计 carry no data). */
export function isEmptyTable(table: Table): boolean {
  return table.rows.every((row) => Object.values(row.cells).every((cell) => typeof cell !== "number" || cell === 0));
}

export const emptyTableStatement: Rule = {
  meta: {
    id: "empty-table-statement",
    title: "空表须说明原因",
    severity: "error",
    kind: "compliance",
    description:
      "A table with no data carries a statement of why it is empty (error); the statement names its own table's subject, not another table's (warning).",
  },
  check({ doc, template, report }) {
    for (const table of doc.tables) {
      const number = template.tables.find((t) => t.id === table.id)?.number ?? Number(table.id.slice(1));
      const data = { table: table.id, number, title: table.title };
      const statement = table.emptyStatement?.trim() ?? "";
      if (statement === "") {
        if (isEmptyTable(table)) report({ messageId: "missingStatement", data, location: { table: table.id } });
        continue;
      }
      const title = normaliseLabel(table.title);
      const text = normaliseLabel(statement);
      const named = subjectWords().filter((w) => text.includes(w));
      if (named.length > 0 && !named.some((w) => title.includes(w))) {
        report({
          messageId: "otherTable",
          severity: "warning",
          kind: "wording",
          data: { ...data, subject: named.join("、") },
          location: { table: table.id, text: statement },
        });
      }
    }
  },
};

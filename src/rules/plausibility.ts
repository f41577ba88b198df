/**
 * Figures that can be printed but cannot be right: a negative budget amount, and the same line printed twice under
 * the same parent (a copy-paste slip that doubles what it adds to). Unit slips (an amount about 10× what contains
 * it) are flagged by the relation rule, which sees both figures.
 */
import { normaliseLabel } from "../model/rows.ts";
import { amountText } from "./relations/describe.ts";
import { DocumentIndex } from "./relations/table-index.ts";
import type { Rule } from "./rule.ts";

export const plausibility: Rule = {
  meta: {
    id: "plausibility",
    title: "数额合理",
    severity: "error",
    kind: "plausibility",
    description:
      "No budget amount is negative (error), and no line is printed twice with the same label and amounts under the same parent (warning).",
  },
  check({ doc, template, report }) {
    const index = new DocumentIndex(doc, template);
    for (const table of doc.tables) {
      const indexed = index.table(table.id);
      if (!indexed) continue;
      const amountColumns = indexed.spec.columns.filter((c) => c.type === "amount").map((c) => c.key);
      const seen = new Map<string, string>();
      for (const r of indexed.rows) {
        for (const column of amountColumns) {
          const value = r.row.cells[column];
          if (typeof value === "number" && value < 0) {
            report({
              messageId: "negative",
              data: { table: table.id, label: r.row.label, amount: amountText(value, doc.decimals) },
              location: { table: table.id, row: r.row.key, column },
              actual: amountText(value, doc.decimals),
            });
          }
        }
        const identity = JSON.stringify([
          r.row.side,
          r.parent,
          normaliseLabel(r.row.label),
          indexed.spec.columns.map((c) => r.row.cells[c.key] ?? null),
        ]);
        const first = seen.get(identity);
        if (first !== undefined && r.children.length === 0) {
          report({
            messageId: "duplicate",
            severity: "warning",
            data: { table: table.id, label: r.row.label, first },
            location: { table: table.id, row: r.row.key },
          });
        } else seen.set(identity, r.row.key);
      }
    }
  },
};

/** Every table the template lays down is published (财预〔2016〕143号: an empty table is still published). */
import type { Rule } from "./rule.ts";

export const tablesPresent: Rule = {
  meta: {
    id: "tables-present",
    title: "模板规定的报表齐全",
    severity: "error",
    kind: "compliance",
    description: "Every table of the template is present in the document, empty tables included.",
  },
  check({ doc, template, report }) {
    const present = new Set(doc.tables.map((t) => t.id));
    for (const spec of template.tables) {
      if (!present.has(spec.id)) {
        report({
          messageId: "missingTable",
          data: { table: spec.id, title: spec.title },
          location: { table: spec.id },
        });
      }
    }
  },
};

/** The document matches the BudgetDocument schema and names a known template; reported by the runner itself. */
import type { Rule } from "./rule.ts";

export const schema: Rule = {
  meta: {
    id: "schema",
    title: "文档结构符合 BudgetDocument 模式",
    severity: "error",
    kind: "schema",
    description:
      "The document is valid against the versioned BudgetDocument JSON schema and its template exists. When it is not, no other rule runs.",
  },
  check() {},
};

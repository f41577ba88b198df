/**
 * The generic relation rule: evaluates every relation the document's template declares
 * (data/templates/<id>.relations.yaml) and reports each that fails — as an error, or as a rounding warning when the
 * published values' intervals show that rounding explains the difference.
 */
import { formatInterval } from "../money/interval.ts";
import { parseRelations } from "../templates/relation.ts";
import { message } from "./messages.ts";
import { amountText, describeOperand, intervalText } from "./relations/describe.ts";
import { evaluate, type Outcome } from "./relations/evaluate.ts";
import { DocumentIndex } from "./relations/table-index.ts";
import type { Rule } from "./rule.ts";

/** A failed sum about 10 or 100 times what it should be is most likely a unit slip, so say so. */
function ratioHint(o: Outcome): string | undefined {
  const [a, b] = [Math.abs(o.left.value), Math.abs(o.right.value)];
  if (a === 0 || b === 0) return undefined;
  const ratio = Math.max(a, b) / Math.min(a, b);
  for (const r of [10, 100, 1000, 10000]) if (Math.abs(ratio - r) / r < 0.05) return String(r);
  return undefined;
}

export const relations: Rule = {
  meta: {
    id: "relations",
    title: "表内与表间勾稽关系",
    severity: "error",
    kind: "arithmetic",
    description:
      "Every relation the template declares between cells — totals, 类 = Σ款 = Σ项, column sums, and equalities across tables — holds. A mismatch is decided with the XBRL Calculations 1.1 interval rule: when the published values' intervals intersect it is a rounding warning showing both intervals, otherwise an error.",
  },
  check({ doc, template, report }) {
    const index = new DocumentIndex(doc, template);
    const seen = new Set<string>();
    const d = doc.decimals;
    for (const relation of parseRelations(template)) {
      for (const o of evaluate(relation, index)) {
        if (o.status === "ok") continue;
        const key = JSON.stringify([relation.id, o.left.cells, o.right.cells]);
        if (seen.has(key)) continue;
        seen.add(key);
        const tables = new Set([...o.left.cells, ...o.right.cells].map((c) => c.table));
        const ratio = o.status === "error" ? ratioHint(o) : undefined;
        const hint = ratio ? message("relations", "tenfold", { ratio }) : { zh: "", en: "" };
        const data = {
          left: describeOperand(index, o.left, "zh"),
          leftEn: describeOperand(index, o.left, "en"),
          right: describeOperand(index, o.right, "zh"),
          rightEn: describeOperand(index, o.right, "en"),
          actual: amountText(o.left.value, d),
          expected: amountText(o.right.value, d),
          difference: amountText(Math.abs(o.left.value - o.right.value), d),
          actualInterval: intervalText(o.left.interval, d),
          expectedInterval: intervalText(o.right.interval, d),
          hint: hint.zh,
          hintEn: hint.en,
        };
        const messageId =
          o.status === "rounding"
            ? "rounding"
            : relation.op === "="
              ? "mismatch"
              : relation.op === "<="
                ? "exceeds"
                : "below";
        report({
          messageId,
          data,
          severity: o.status === "rounding" ? "warning" : "error",
          kind: o.status === "rounding" ? "rounding" : tables.size > 1 ? "cross-table" : "arithmetic",
          location: { ...o.left.cells[0] },
          expected: data.expected,
          actual: data.actual,
          ...(o.status === "rounding"
            ? {
                intervals: {
                  expected: formatInterval(o.right.interval, d),
                  actual: formatInterval(o.left.interval, d),
                },
              }
            : {}),
        });
      }
    }
  },
};

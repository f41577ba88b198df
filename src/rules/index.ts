/** The rules yusuan runs, and the runner that turns a document into diagnostics. */
import type { BudgetDocument } from "../model/document.ts";
import type { SchemaProblem } from "../model/load.ts";
import { loadTemplate, type Template } from "../templates/template.ts";
import { catalogCode } from "./catalog-code.ts";
import { changeWording } from "./change-wording.ts";
import { contentsMatch } from "./contents-match.ts";
import { departmentName } from "./department-name.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { emptyTableStatement } from "./empty-table-statement.ts";
import { indicatorConsistency } from "./indicator-consistency.ts";
import { narrativeArithmetic } from "./narrative-arithmetic.ts";
import { narrativeTables } from "./narrative-tables.ts";
import { percentSign } from "./percent-sign.ts";
import { placeholderText } from "./placeholder-text.ts";
import { plausibility } from "./plausibility.ts";
import { relations } from "./relations.ts";
import { type Rule, toDiagnostic } from "./rule.ts";
import { schema } from "./schema.ts";
import { sectionsPresent } from "./sections-present.ts";
import { tablesPresent } from "./tables-present.ts";
import { yearMismatch } from "./year-mismatch.ts";

export const rules: Rule[] = [
  tablesPresent,
  catalogCode,
  relations,
  narrativeTables,
  narrativeArithmetic,
  plausibility,
  indicatorConsistency,
  emptyTableStatement,
  sectionsPresent,
  contentsMatch,
  placeholderText,
  percentSign,
  yearMismatch,
  departmentName,
  changeWording,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then by table in template order, then in report order. */
export function sortDiagnostics(diagnostics: Diagnostic[], template?: Template): Diagnostic[] {
  const tableOrder = (d: Diagnostic) => {
    const i = template?.tables.findIndex((t) => t.id === d.location.table) ?? -1;
    return i < 0 ? (d.location.table ? 900 : -1) : i;
  };
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || tableOrder(a.d) - tableOrder(b.d) || a.i - b.i,
    )
    .map((x) => x.d);
}

export function validate(doc: BudgetDocument, problems: SchemaProblem[] = []): Diagnostic[] {
  if (problems.length > 0) {
    return problems.map((p) =>
      toDiagnostic(schema.meta, { messageId: "invalid", data: { ...p }, location: { path: p.path } }),
    );
  }
  let template: Template;
  try {
    template = loadTemplate(doc.template);
  } catch {
    return [
      toDiagnostic(schema.meta, { messageId: "unknownTemplate", data: { template: doc.template }, location: {} }),
    ];
  }
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check({ doc, template, report: (r) => diagnostics.push(toDiagnostic(rule.meta, r)) });
  }
  return sortDiagnostics(diagnostics, template);
}

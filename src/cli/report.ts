/** Prints diagnostics for people (grouped by table, errors first) or as the stable JSON contract. */
import type { BudgetDocument } from "../model/document.ts";
import type { Diagnostic, Summary } from "../rules/diagnostic.ts";

export type Lang = "zh" | "en";

export function jsonReport(doc: BudgetDocument, diagnostics: Diagnostic[], summary: Summary): string {
  return JSON.stringify({
    document: { department: doc.department, year: doc.year, template: doc.template },
    diagnostics,
    summary,
  });
}

const LABELS = {
  zh: {
    error: "错误",
    warning: "警告",
    info: "提示",
    expected: "应为",
    actual: "实为",
    general: "全文",
    clean: "未发现问题",
  },
  en: {
    error: "error",
    warning: "warning",
    info: "info",
    expected: "expected",
    actual: "actual",
    general: "document",
    clean: "no findings",
  },
};

function where(d: Diagnostic): string {
  const l = d.location;
  return [l.row && `row ${l.row}`, l.column && `column ${l.column}`, l.section && `section ${l.section}`, l.path]
    .filter(Boolean)
    .join(", ");
}

export function prettyReport(doc: BudgetDocument, diagnostics: Diagnostic[], summary: Summary, lang: Lang): string {
  const t = LABELS[lang];
  const lines = [`${doc.title || doc.department} (${doc.template}, ${doc.year})`];
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = d.location.table ?? d.location.section ?? t.general;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const [group, items] of groups) {
    lines.push("", `── ${group} ──`);
    for (const d of items) {
      lines.push(`${t[d.severity]}[${d.rule}] ${where(d)}`);
      lines.push(`  ${lang === "zh" ? d.message : d.messageEn}`);
      if (d.expected !== undefined || d.actual !== undefined) {
        lines.push(`  ${t.expected}: ${d.expected ?? ""}   ${t.actual}: ${d.actual ?? ""}`);
      }
    }
  }
  const counts =
    lang === "zh"
      ? `${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 个提示`
      : `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
  lines.push("", diagnostics.length === 0 ? `${t.clean} (${counts})` : counts);
  return lines.join("\n");
}

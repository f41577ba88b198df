/**
 * Prints diagnostics for people, the way a good compiler does — grouped by table (errors first), each with the row
 * it is about and the offending cell marked, expected against actual, the rule and a hint — or as the JSON contract.
 */
import type { BudgetDocument } from "../model/document.ts";
import { formatCell } from "../render/grid.ts";
import { partTitles } from "../render/outline.ts";
import type { Diagnostic, Summary } from "../rules/diagnostic.ts";
import { hint } from "../rules/messages.ts";
import type { Template } from "../templates/template.ts";

export type Lang = "zh" | "en";

export function jsonReport(doc: BudgetDocument, diagnostics: Diagnostic[], summary: Summary): string {
  return JSON.stringify({
    document: { department: doc.department, year: doc.year, template: doc.template },
    diagnostics,
    summary,
  });
}

const WORDS = {
  zh: {
    error: "错误",
    warning: "警告",
    info: "提示",
    expected: "应为",
    actual: "实为",
    hint: "建议",
    document: "全文",
    part: "说明",
    clean: "未发现问题",
  },
  en: {
    error: "error",
    warning: "warning",
    info: "info",
    expected: "expected",
    actual: "actual",
    hint: "hint",
    document: "document",
    part: "section",
    clean: "no findings",
  },
};

const COLOR = {
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
  dim: "\x1b[2m",
  bold: "\x1b[1m",
  off: "\x1b[0m",
};

/** The row the finding is about, its label then its amounts, the offending cell marked ▶…◀ and a few around it. */
function rowLine(doc: BudgetDocument, template: Template, d: Diagnostic): string | undefined {
  const { table: tableId, row: rowKey, column } = d.location;
  const table = doc.tables.find((t) => t.id === tableId);
  const spec = template.tables.find((t) => t.id === tableId);
  const row = table?.rows.find((r) => r.key === rowKey);
  if (!table || !spec || !row) return undefined;
  const amounts = spec.columns.filter((c) => c.type === "amount");
  const at = Math.max(
    0,
    amounts.findIndex((c) => c.key === column),
  );
  const shown = amounts.slice(Math.max(0, at - 3), at + 4);
  const cells = shown.map((c) => {
    const text = formatCell(row.cells[c.key], doc.decimals) || "·";
    const header = spec.shape === "balance" ? "" : `${c.header.replace("{year}", String(doc.year))} `;
    return c.key === column ? `${header}▶${text}◀` : `${header}${text}`;
  });
  const more = shown.length < amounts.length ? " …" : "";
  return `${[row.code, row.label].filter(Boolean).join(" ")} │ ${cells.join(" │ ")}${more}`;
}

function heading(doc: BudgetDocument, template: Template, d: Diagnostic, lang: Lang): string {
  const w = WORDS[lang];
  if (d.location.table) {
    const table = doc.tables.find((t) => t.id === d.location.table);
    const title = table?.title ?? template.tables.find((t) => t.id === d.location.table)?.title ?? "";
    return `${d.location.table} ${title}`;
  }
  const section = d.location.section;
  if (section === "part1" || section === "part2") return partTitles(doc)[section === "part1" ? 0 : 1] ?? section;
  if (section === "contents") return lang === "zh" ? "目录" : "contents";
  if (section) return `${w.part} ${doc.part3.find((s) => s.id === section)?.title ?? section}`;
  return w.document;
}

export function prettyReport(
  doc: BudgetDocument,
  template: Template | undefined,
  diagnostics: Diagnostic[],
  summary: Summary,
  lang: Lang,
  color = false,
): string {
  const w = WORDS[lang];
  const c = (code: keyof typeof COLOR, text: string) => (color ? `${COLOR[code]}${text}${COLOR.off}` : text);
  const lines = [c("bold", `${doc.title || doc.department} (${doc.template}, ${doc.year})`)];
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = template ? heading(doc, template, d, lang) : (d.location.table ?? d.location.section ?? w.document);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const [group, items] of groups) {
    lines.push("", c("bold", `── ${group} ──`));
    for (const d of items) {
      const where = [d.location.row, d.location.column].filter(Boolean).join(" › ");
      lines.push(`${c(d.severity, `${w[d.severity]}[${d.rule}]`)} ${where}`);
      lines.push(`  ${lang === "zh" ? d.message : d.messageEn}`);
      const row = template ? rowLine(doc, template, d) : undefined;
      if (row) lines.push(c("dim", `    ${row}`));
      if (d.expected !== undefined || d.actual !== undefined) {
        lines.push(`  ${w.expected} ${d.expected ?? ""} · ${w.actual} ${d.actual ?? ""}`);
      }
      const help = hint(d.rule, d.kind);
      if (help) lines.push(c("dim", `  ${w.hint}: ${lang === "zh" ? help.zh : help.en}`));
    }
  }
  const counts =
    lang === "zh"
      ? `${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 个提示`
      : `${summary.errors} errors, ${summary.warnings} warnings, ${summary.infos} infos`;
  lines.push("", diagnostics.length === 0 ? `${w.clean} (${counts})` : c("bold", counts));
  return lines.join("\n");
}

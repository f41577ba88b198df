/**
 * Validation findings drawn onto the book: each finding gets one number for the whole book, marks the cell or the
 * phrase it is about (a class by severity, the message as a tooltip, a footnote number), and is listed next to its
 * table or section. A finding whose cell is not printed is still listed, so nothing found is ever hidden.
 * The book is Chinese; the workbench shows the same marks and lists in its reader's language (`lang`, Chinese when
 * not given): the words from data/messages/html.yaml, each finding's message or messageEn.
 */
import type { Lang } from "../../i18n.ts";
import type { Diagnostic, Severity } from "../../rules/diagnostic.ts";
import type { TableGrid } from "../grid.ts";
import { escapeHtml } from "./escape.ts";
import { t } from "./words.ts";

export const severityWord = (severity: Severity, lang: Lang = "zh") => t(lang, `severity.${severity}`);
export const SEVERITY_WORDS: Record<Severity, string> = {
  error: severityWord("error"),
  warning: severityWord("warning"),
  info: severityWord("info"),
};
/** A finding's message in the reader's language. */
export const messageOf = (d: Diagnostic, lang: Lang = "zh") => (lang === "en" ? d.messageEn : d.message);
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

export interface NumberedFinding {
  number: number;
  diagnostic: Diagnostic;
}

export const findingAnchor = (f: NumberedFinding) => `finding-${f.number}`;
export const referenceAnchor = (f: NumberedFinding) => `ref-${f.number}`;

/** The most severe of some findings: what colour their mark takes. */
export function worst(findings: readonly NumberedFinding[]): Severity {
  return SEVERITY_ORDER.find((s) => findings.some((f) => f.diagnostic.severity === s)) ?? "info";
}

/** The findings of one document, numbered 1, 2 … in the order the validator reports them (errors first). */
export class Findings {
  readonly all: NumberedFinding[];

  constructor(diagnostics: readonly Diagnostic[]) {
    this.all = diagnostics.map((diagnostic, i) => ({ number: i + 1, diagnostic }));
  }

  forTable(tableId: string): NumberedFinding[] {
    return this.all.filter((f) => f.diagnostic.location.table === tableId);
  }

  forSection(sectionId: string): NumberedFinding[] {
    return this.all.filter((f) => !f.diagnostic.location.table && f.diagnostic.location.section === sectionId);
  }

  forRows(tableId: string, rowKeys: ReadonlySet<string>): NumberedFinding[] {
    return this.forTable(tableId).filter((f) => rowKeys.has(f.diagnostic.location.row ?? "\u0000"));
  }

  /** Findings about neither a table nor a section of the text: the whole document, or its file. */
  unplaced(sectionIds: ReadonlySet<string>): NumberedFinding[] {
    return this.all.filter(
      (f) => !f.diagnostic.location.table && !sectionIds.has(f.diagnostic.location.section ?? "\u0000"),
    );
  }
}

/** What a table renderer needs: the findings on each cell, and the list printed under the table. */
export interface TableMarks {
  cell(row: string | undefined, column: string): NumberedFinding[];
  list: string;
  /** The language of the marks' tooltips and names. */
  lang?: Lang;
}

/** A footnote number after the marked text; the first mark of a finding on a page is what its list item links back to. */
export function referenceMark(findings: readonly NumberedFinding[], withAnchor: boolean, lang: Lang = "zh"): string {
  return findings
    .map((f) => {
      const id = withAnchor ? ` id="${referenceAnchor(f)}"` : "";
      const label = t(lang, "findings.reference", {
        number: f.number,
        severity: severityWord(f.diagnostic.severity, lang),
      });
      return `<sup class="finding-ref"><a href="#${findingAnchor(f)}"${id} aria-label="${escapeHtml(label)}">${f.number}</a></sup>`;
    })
    .join("");
}

/** The classes and tooltip of marked text: `finding finding-error`, and every message. */
export function markAttributes(
  findings: readonly NumberedFinding[],
  lang: Lang = "zh",
): { classes: string; title: string } {
  const title = findings
    .map((f) =>
      t(lang, "findings.tooltip", {
        severity: severityWord(f.diagnostic.severity, lang),
        message: messageOf(f.diagnostic, lang),
      }),
    )
    .join("\n");
  return { classes: `finding finding-${worst(findings)}`, title: ` title="${escapeHtml(title)}"` };
}

const values = (d: Diagnostic, lang: Lang) =>
  [
    d.expected !== undefined ? t(lang, "findings.expected", { value: d.expected }) : "",
    d.actual !== undefined ? t(lang, "findings.actual", { value: d.actual }) : "",
  ]
    .filter(Boolean)
    .join(t(lang, "findings.separator"));

export interface ListOptions {
  heading?: string;
  /** A finding's link back to where it is marked on this page, when it is. */
  backLink?: (f: NumberedFinding) => string | undefined;
  /** A link to the page that shows the finding in place, for lists away from it. */
  placeLink?: (f: NumberedFinding) => { href: string; text: string } | undefined;
  /** Whether the items carry the `finding-N` anchors (only where the finding is shown in place). */
  anchors?: boolean;
  lang?: Lang;
}

/** One finding as a list item: severity, message, the expected and printed values, and where it is. */
export function findingItem(f: NumberedFinding, options: ListOptions = {}): string {
  const d = f.diagnostic;
  const lang = options.lang ?? "zh";
  const back = options.backLink?.(f);
  const place = options.placeLink?.(f);
  const told = values(d, lang);
  const meta = [
    told ? `<span class="finding-values">${escapeHtml(told)}</span>` : "",
    back ? `<a class="finding-back" href="${escapeHtml(back)}">${escapeHtml(t(lang, "findings.back"))}</a>` : "",
    place ? `<a class="finding-place" href="${escapeHtml(place.href)}">${escapeHtml(place.text)}</a>` : "",
  ].filter(Boolean);
  const id = options.anchors === false ? "" : ` id="${findingAnchor(f)}"`;
  return [
    `<li class="finding-item finding-item-${d.severity}"${id} value="${f.number}">`,
    `<span class="severity severity-${d.severity}">${escapeHtml(severityWord(d.severity, lang))}</span>`,
    `<span class="finding-message">${escapeHtml(messageOf(d, lang))}</span>`,
    meta.length > 0 ? `<span class="finding-meta">${meta.join("")}</span>` : "",
    "</li>",
  ].join("");
}

/** A list of findings in an aside, or nothing when there are none. */
export function findingList(findings: readonly NumberedFinding[], options: ListOptions = {}): string {
  if (findings.length === 0) return "";
  const lang = options.lang ?? "zh";
  const heading = options.heading ?? t(lang, "findings.heading");
  const counts = SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.diagnostic.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => t(lang, "findings.count", { severity: severityWord(s, lang), count: n }))
    .join(t(lang, "findings.separator"));
  return [
    `<aside class="findings findings-${worst(findings)}" aria-label="${escapeHtml(heading)}">`,
    `<p class="findings-heading"><strong>${escapeHtml(heading)}</strong><span>${escapeHtml(counts)}</span></p>`,
    `<ol class="finding-list">`,
    ...findings.map((f) => findingItem(f, options)),
    "</ol>",
    "</aside>",
  ].join("\n");
}

const cellKey = (row: string, column: string) => `${row}\u241f${column}`;

/**
 * Places a table's findings on its grid: a finding names its cell by row and column key (a balance table's cells are
 * `<side>.<column>`); one that names a row but no printed column marks the row's name.
 */
export function tableMarks(grid: TableGrid, findings: readonly NumberedFinding[], lang: Lang = "zh"): TableMarks {
  const byCell = new Map<string, NumberedFinding[]>();
  const placed = new Set<NumberedFinding>();
  const cells = grid.body.flatMap((row) =>
    row.cells.flatMap((cell, i) => {
      const rowKey = "row" in cell ? cell.row : row.key;
      return rowKey === undefined ? [] : [{ row: rowKey, column: cell.column, header: grid.columns[i]?.rowHeader }];
    }),
  );
  for (const f of findings) {
    const { row, column } = f.diagnostic.location;
    if (row === undefined) continue;
    const inRow = cells.filter((c) => c.row === row);
    const target =
      (column !== undefined && inRow.find((c) => c.column === column || c.column.endsWith(`.${column}`))) ||
      inRow.find((c) => c.header) ||
      inRow[0];
    if (!target) continue;
    const key = cellKey(target.row, target.column);
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
    placed.add(f);
  }
  return {
    cell: (row, column) => (row === undefined ? [] : (byCell.get(cellKey(row, column)) ?? [])),
    list: findingList(findings, {
      heading: t(lang, "findings.table"),
      backLink: (f) => (placed.has(f) ? `#${referenceAnchor(f)}` : undefined),
      lang,
    }),
    lang,
  };
}

/** A phrase of the text that a finding quotes, to be marked where it is printed. */
export interface Phrase {
  text: string;
  findings: NumberedFinding[];
  /** The language of its mark's tooltip and names. */
  lang?: Lang;
}

/** The phrases a section's findings quote, one entry per phrase. */
export function phrasesOf(findings: readonly NumberedFinding[], lang: Lang = "zh"): Phrase[] {
  const byText = new Map<string, NumberedFinding[]>();
  for (const f of findings) {
    const text = f.diagnostic.location.text?.trim();
    if (text) byText.set(text, [...(byText.get(text) ?? []), f]);
  }
  return [...byText].map(([text, list]) => ({ text, findings: list, lang }));
}

/** Where each phrase first occurs in a line; NFKC folding finds a quote typed with half-width punctuation. */
function occurrences(line: string, phrases: readonly Phrase[]): { start: number; end: number; phrase: Phrase }[] {
  const folded = line.normalize("NFKC");
  const sameLength = folded.length === line.length;
  const found = phrases.flatMap((phrase) => {
    let start = line.indexOf(phrase.text);
    if (start < 0 && sameLength) start = folded.indexOf(phrase.text.normalize("NFKC"));
    return start < 0 ? [] : [{ start, end: start + phrase.text.length, phrase }];
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof found = [];
  for (const o of found) if (kept.every((k) => o.start >= k.end)) kept.push(o);
  return kept;
}

/** A line of text, escaped, with the phrases that findings quote marked in place. */
export function markPhrases(line: string, phrases: readonly Phrase[] = []): string {
  if (phrases.length === 0) return escapeHtml(line);
  let out = "";
  let at = 0;
  for (const { start, end, phrase } of occurrences(line, phrases)) {
    const { classes, title } = markAttributes(phrase.findings, phrase.lang);
    out += escapeHtml(line.slice(at, start));
    out += `<mark class="${classes}"${title}>${escapeHtml(line.slice(start, end))}</mark>`;
    out += referenceMark(phrase.findings, false, phrase.lang);
    at = end;
  }
  return out + escapeHtml(line.slice(at));
}

/** What the narrative renderer needs for one section: the phrases to mark and the list to print after it. */
export interface SectionMarks {
  phrases: Phrase[];
  list: string;
}

export type NarrativeMarks = (sectionId: string) => SectionMarks | undefined;

export function narrativeMarks(findings: Findings, lang: Lang = "zh"): NarrativeMarks {
  return (sectionId) => {
    const list = findings.forSection(sectionId);
    if (list.length === 0) return undefined;
    return { phrases: phrasesOf(list, lang), list: findingList(list, { heading: t(lang, "findings.section"), lang }) };
  };
}

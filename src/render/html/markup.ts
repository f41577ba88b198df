/** Small pieces of markup shared by the narrative and the tables. Callers pass plain text; escaping happens here. */
import { escapeHtml } from "./escape.ts";
import { markPhrases, type Phrase } from "./findings.ts";

/**
 * One `<p>` per non-blank line: the document keeps paragraph breaks as newlines. Phrases that findings quote are
 * marked where they occur.
 */
export function paragraphs(text: string, className?: string, phrases?: readonly Phrase[]): string {
  const attr = className ? ` class="${escapeHtml(className)}"` : "";
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => `<p${attr}>${markPhrases(line, phrases)}</p>`)
    .join("\n");
}

/**
 * A table wider than a phone scrolls inside its own box, never the page. The box is focusable and named so that
 * keyboard and screen-reader users can scroll it too.
 */
export function scrollRegion(label: string, table: string): string {
  return `<div class="table-scroll" role="region" aria-label="${escapeHtml(label)}" tabindex="0">\n${table}\n</div>`;
}

export interface SimpleColumn {
  header: string;
  className?: string;
}

/** A narrative table (indicators, units, key projects): one header row, the first column names each row. */
export function simpleTable(
  label: string,
  columns: SimpleColumn[],
  rows: string[][],
  phrases?: readonly Phrase[],
): string {
  const cls = (c: SimpleColumn | undefined) => (c?.className ? ` class="${escapeHtml(c.className)}"` : "");
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.header)}</th>`).join("");
  const body = rows.map((cells) => {
    const line = cells.map((text, i) => {
      const [tag, scope] = i === 0 ? ["th", ' scope="row"'] : ["td", ""];
      return `<${tag}${scope}${cls(columns[i])}>${markPhrases(text, phrases)}</${tag}>`;
    });
    return `<tr>${line.join("")}</tr>`;
  });
  const table = `<table class="narrative-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body.join("\n")}\n</tbody>\n</table>`;
  return scrollRegion(label, table);
}

/**
 * The start of a page up to <body>: language, phone viewport, title and the inlined style sheets. The budget book is
 * Chinese; the portal's own pages may be English (`lang` is the BCP 47 tag).
 */
export function documentHead(title: string, styles: string[], lang = "zh-CN"): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="yusuan">
<title>${escapeHtml(title)}</title>
<style>
${styles.join("\n")}</style>
</head>`;
}

/** Small pieces of the portal's pages: amounts in 万元 from fen, the content hash, a budget's name, highlighting. */
import type { Lang } from "../../i18n.ts";
import { formatAmount } from "../../money/amount.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { t as htmlWord } from "../../render/html/words.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { phaseName, t } from "../i18n.ts";
import type { PortalLinks } from "./links.ts";

/**
 * Fen (0.01 元) as 万元: 1 万元 = 1,000,000 fen, so six decimals are exact; the two that 万元 tables print are
 * always shown, the rest only when a 元 document's figure needs them. Integers throughout, never a float.
 */
export function wanYuan(fen: number, lang: Lang = "zh"): string {
  const amount = formatAmount(fen, { decimals: 6 }).replace(/(\.\d\d\d*?)0+$/, "$1");
  return htmlWord(lang, "amount.wan", { amount });
}

/** 2021 年预算, 2020 年决算. */
export const budgetName = (lang: Lang, p: Pick<PublishedBudget, "year" | "phase">) =>
  t(lang, "budget.yearPhase", { year: p.year, phase: phaseName(lang, p.phase) });

/** The content hash, short on the page and whole on hover and for screen readers' copy. */
export function hashCode(hash: string): string {
  const full = `sha256:${escapeHtml(hash)}`;
  return `<code class="hash" title="${full}">sha256:${escapeHtml(hash.slice(0, 12))}…</code>`;
}

/** The downloads of a published budget: PDF, workbook, CSV (listed on the tables page), open data, the document. */
export function downloadLinks(lang: Lang, links: PortalLinks, budgetId: number): string {
  const items: [string, string][] = [
    ["budget.pdf", "PDF"],
    ["budget.xlsx", "XLSX"],
    ["tables.html", "CSV"],
    ["datapackage.json", t(lang, "portal.openData")],
    ["budget.json", "JSON"],
  ];
  return items
    .map(([path, text]) => `<a href="${escapeHtml(links.book(budgetId, path))}">${escapeHtml(text)}</a>`)
    .join(" ");
}

/** Lower case for A–Z only: it keeps every index in place, which Unicode case mapping does not. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The text with each occurrence of the query marked, every piece escaped on its own so that a hostile query or
 * text can never become markup. Matching ignores ASCII case, as the search does.
 */
export function highlight(text: string, query: string): string {
  if (!query) return escapeHtml(text);
  const haystack = asciiLower(text);
  const needle = asciiLower(query);
  const parts: string[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    parts.push(escapeHtml(text.slice(from, at)), `<mark>${escapeHtml(text.slice(at, at + needle.length))}</mark>`);
    from = at + needle.length;
  }
  parts.push(escapeHtml(text.slice(from)));
  return parts.join("");
}

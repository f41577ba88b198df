/**
 * The exported portal's search: search-index.json (every entry, for other tools) and search.html, which lists every
 * entry grouped by kind, with a form that search.js brings to life. The list is the answer when scripts are off.
 */
import type { Lang } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { SearchHit } from "../../store/published.ts";
import { t } from "../i18n.ts";
import { sitePath, staticLinks } from "./links.ts";
import { groupHits, hitsTable, MAX_QUERY, searchHelp } from "./search.ts";

export function searchIndex(hits: SearchHit[]): string {
  const entries = hits.map((h) => ({
    kind: h.kind,
    text: h.text,
    /** In fen (0.01 元), whatever the document's unit. */
    amount: h.amount,
    department: h.department,
    year: h.year,
    phase: h.phase,
    budgetId: h.budgetId,
    href: sitePath.book(h.budgetId, h.path),
  }));
  return `${JSON.stringify({ amountUnit: "fen", entries }, null, 1)}\n`;
}

/** The page's words follow `lang`, but search.js, which rewrites its status line, speaks Chinese only. */
export function staticSearchBody(lang: Lang, hits: SearchHit[]): string {
  const links = staticLinks(sitePath.search);
  const help = searchHelp(lang);
  const form = `<form class="portal-search portal-static-search" role="search" action="${escapeHtml(links.search())}" hidden>
<label for="portal-q">${escapeHtml(t(lang, "search.staticLabel"))}</label>
<div class="portal-search-row">
<input id="portal-q" name="q" type="search" maxlength="${MAX_QUERY}" placeholder="${help.placeholder}" aria-describedby="portal-q-hint">
<button class="primary" type="submit">${escapeHtml(t(lang, "site.search"))}</button>
</div>
${help.hint}
</form>`;
  const groups = groupHits(hits).map(([kind, list]) => hitsTable(lang, kind, list, links, "", []));
  const list =
    groups.length > 0 ? groups.join("\n") : `<p class="portal-empty">${escapeHtml(t(lang, "search.staticNone"))}</p>`;
  return `<h1>${escapeHtml(t(lang, "site.search"))}</h1>
${form}
<p id="portal-search-status" role="status">${escapeHtml(t(lang, "search.staticCount", { count: hits.length }))}</p>
${list}`;
}

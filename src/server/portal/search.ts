/**
 * The portal's search page: the form, and the hits grouped by what they are (部门, 单位, 项目, 政府采购), each with its
 * budget, the matched text or amount marked, and a link to the page of the book that shows it.
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { scrollRegion } from "../../render/html/markup.ts";
import type { SearchHit } from "../../store/published.ts";
import { SERVER_MESSAGES, t, tHtml } from "../i18n.ts";
import { budgetName, highlight, wanYuan } from "./format.ts";
import type { PortalLinks } from "./links.ts";

export const MAX_QUERY = 100;
export const MAX_HITS = 100;

/** The kinds of entry (search-entries.ts), in the order the groups are shown; each is `kind.<kind>` in the messages. */
export const KINDS = ["department", "unit", "project", "procurement"];

const kindName = (lang: Lang, kind: string) => (SERVER_MESSAGES.has(`kind.${kind}`) ? t(lang, `kind.${kind}`) : kind);

/** The query as searched: trimmed, at most MAX_QUERY characters (whole characters, not UTF-16 halves). */
export function normaliseQuery(raw: unknown): string {
  return typeof raw === "string" ? [...raw.trim()].slice(0, MAX_QUERY).join("").trim() : "";
}

/** The search box's placeholder and hint, shared with the exported site's search. */
export const searchHelp = (lang: Lang) => ({
  placeholder: escapeHtml(t(lang, "search.placeholder")),
  hint: `<p id="portal-q-hint" class="portal-hint">${escapeHtml(t(lang, "search.hint"))}</p>`,
});

export function searchForm(lang: Lang, links: PortalLinks, query: string): string {
  const help = searchHelp(lang);
  return `<form class="portal-search" role="search" method="get" action="${escapeHtml(links.search())}">
<label for="portal-q">${escapeHtml(t(lang, "search.label"))}</label>
<div class="portal-search-row">
<input id="portal-q" name="q" type="search" value="${escapeHtml(query)}" maxlength="${MAX_QUERY}" placeholder="${help.placeholder}" aria-describedby="portal-q-hint">
<button class="primary" type="submit">${escapeHtml(t(lang, "site.search"))}</button>
</div>
${help.hint}
</form>`;
}

const COLUMNS = ["search.name", "search.department", "search.year"];

/** Hits of one kind as a table; `amounts` are the amounts (fen) the query meant, marked where they matched. */
export function hitsTable(
  lang: Lang,
  kind: string,
  hits: SearchHit[],
  links: PortalLinks,
  query: string,
  amounts: number[],
) {
  const name = kindName(lang, kind);
  const rows = hits.map((h) => {
    const amount = h.amount === null ? "" : escapeHtml(wanYuan(h.amount, lang));
    const marked = h.amount !== null && amounts.includes(h.amount) ? `<mark>${amount}</mark>` : amount;
    const data = h.amount === null ? "" : ` data-amount="${h.amount}"`;
    return `<tr${data}><th scope="row"><a href="${escapeHtml(links.book(h.budgetId, h.path))}">${highlight(h.text, query)}</a></th><td>${escapeHtml(h.department)}</td><td>${escapeHtml(budgetName(lang, h))}</td><td class="amount">${marked}</td></tr>`;
  });
  const count = rawHtml(`<span class="portal-count">${hits.length}</span>`);
  const head = COLUMNS.map((key) => `<th scope="col">${escapeHtml(t(lang, key))}</th>`).join("");
  const table = `<table class="portal-hits">
<caption>${tHtml(lang, "search.caption", { kind: name, count })}</caption>
<thead><tr>${head}<th scope="col" class="amount">${escapeHtml(t(lang, "search.amount"))}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
  const region = t(lang, "search.region", { kind: name });
  return `<section class="portal-hit-group" data-kind="${escapeHtml(kind)}">\n${scrollRegion(region, table)}\n</section>`;
}

/** Hits grouped by kind, the known kinds first in their order. */
export function groupHits(hits: SearchHit[]): [string, SearchHit[]][] {
  const groups = new Map<string, SearchHit[]>(KINDS.map((k) => [k, []]));
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups].filter(([, list]) => list.length > 0);
}

export function searchBody(
  lang: Lang,
  query: string,
  hits: SearchHit[],
  amounts: number[],
  links: PortalLinks,
): string {
  const form = `<h1>${escapeHtml(t(lang, "site.search"))}</h1>\n${searchForm(lang, links, query)}`;
  if (!query) return form;
  if (hits.length === 0) {
    return `${form}\n<p class="portal-empty" role="status">${escapeHtml(t(lang, "search.none", { query }))}</p>`;
  }
  const more = hits.length >= MAX_HITS ? t(lang, "search.more", { max: MAX_HITS }) : "";
  const byAmount = amounts.length > 0 ? t(lang, "search.byAmount") : "";
  const found = t(lang, "search.found", { query, count: hits.length, more, byAmount });
  return `${form}
<p role="status">${escapeHtml(found)}</p>
${groupHits(hits)
  .map(([kind, list]) => hitsTable(lang, kind, list, links, query, amounts))
  .join("\n")}`;
}

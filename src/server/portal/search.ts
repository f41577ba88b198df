/**
 * The portal's search page: the form, and the hits grouped by what they are (部门, 单位, 项目, 政府采购), each with its
 * budget, the matched text or amount marked, and a link to the page of the book that shows it.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import { scrollRegion } from "../../render/html/markup.ts";
import type { SearchHit } from "../../store/published.ts";
import { budgetName, highlight, wanYuan } from "./format.ts";
import type { PortalLinks } from "./links.ts";

export const MAX_QUERY = 100;
export const MAX_HITS = 100;

/** What each kind of entry (search-entries.ts) is called, in the order the groups are shown. */
export const KIND_NAMES: Record<string, string> = {
  department: "部门",
  unit: "单位",
  project: "项目",
  procurement: "政府采购",
};

/** The query as searched: trimmed, at most MAX_QUERY characters (whole characters, not UTF-16 halves). */
export function normaliseQuery(raw: unknown): string {
  return typeof raw === "string" ? [...raw.trim()].slice(0, MAX_QUERY).join("").trim() : "";
}

export function searchForm(links: PortalLinks, query: string): string {
  return `<form class="portal-search" role="search" method="get" action="${escapeHtml(links.search())}">
<label for="portal-q">搜索已公开的预算</label>
<div class="portal-search-row">
<input id="portal-q" name="q" type="search" value="${escapeHtml(query)}" maxlength="${MAX_QUERY}" placeholder="部门、单位、项目、采购品目或金额" aria-describedby="portal-q-hint">
<button class="primary" type="submit">搜索</button>
</div>
<p id="portal-q-hint" class="portal-hint">输入数字按金额查找，同时按万元和元理解，例如 493.05。</p>
</form>`;
}

/** Hits of one kind as a table; `amounts` are the amounts (fen) the query meant, marked where they matched. */
export function hitsTable(kind: string, hits: SearchHit[], links: PortalLinks, query: string, amounts: number[]) {
  const name = KIND_NAMES[kind] ?? kind;
  const rows = hits.map((h) => {
    const amount = h.amount === null ? "" : wanYuan(h.amount);
    const marked = h.amount !== null && amounts.includes(h.amount) ? `<mark>${amount}</mark>` : amount;
    const data = h.amount === null ? "" : ` data-amount="${h.amount}"`;
    return `<tr${data}><th scope="row"><a href="${escapeHtml(links.book(h.budgetId, h.path))}">${highlight(h.text, query)}</a></th><td>${escapeHtml(h.department)}</td><td>${escapeHtml(budgetName(h))}</td><td class="amount">${marked}</td></tr>`;
  });
  const table = `<table class="portal-hits">
<caption>${escapeHtml(name)}（<span class="portal-count">${hits.length}</span> 条）</caption>
<thead><tr><th scope="col">名称</th><th scope="col">部门</th><th scope="col">年度</th><th scope="col" class="amount">金额</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
  return `<section class="portal-hit-group" data-kind="${escapeHtml(kind)}">\n${scrollRegion(`${name}搜索结果`, table)}\n</section>`;
}

/** Hits grouped by kind, the known kinds first in their order. */
export function groupHits(hits: SearchHit[]): [string, SearchHit[]][] {
  const groups = new Map<string, SearchHit[]>(Object.keys(KIND_NAMES).map((k) => [k, []]));
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups].filter(([, list]) => list.length > 0);
}

export function searchBody(query: string, hits: SearchHit[], amounts: number[], links: PortalLinks): string {
  const form = `<h1>搜索</h1>\n${searchForm(links, query)}`;
  if (!query) return form;
  if (hits.length === 0) {
    return `${form}\n<p class="portal-empty" role="status">没有找到与“${escapeHtml(query)}”相关的部门、单位、项目、采购品目或金额。请换一个词，或只输入名称的一部分。</p>`;
  }
  const more = hits.length >= MAX_HITS ? `，只列出前 ${MAX_HITS} 条，请输入更具体的词` : "";
  const byAmount = amounts.length > 0 ? "（数字也按万元和元查找了金额）" : "";
  return `${form}
<p role="status">“${escapeHtml(query)}”：找到 ${hits.length} 条${more}${byAmount}。</p>
${groupHits(hits)
  .map(([kind, list]) => hitsTable(kind, list, links, query, amounts))
  .join("\n")}`;
}

/**
 * The exported portal's search: search-index.json (every entry, for other tools) and search.html, which lists every
 * entry grouped by kind, with a form that search.js brings to life. The list is the answer when scripts are off.
 */
import { escapeHtml } from "../../render/html/escape.ts";
import type { SearchHit } from "../../store/published.ts";
import { sitePath, staticLinks } from "./links.ts";
import { groupHits, hitsTable, MAX_QUERY } from "./search.ts";

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

export function staticSearchBody(hits: SearchHit[]): string {
  const links = staticLinks(sitePath.search);
  const form = `<form class="portal-search portal-static-search" role="search" action="${escapeHtml(links.search())}" hidden>
<label for="portal-q">在下列内容中查找</label>
<div class="portal-search-row">
<input id="portal-q" name="q" type="search" maxlength="${MAX_QUERY}" placeholder="部门、单位、项目、采购品目或金额" aria-describedby="portal-q-hint">
<button class="primary" type="submit">搜索</button>
</div>
<p id="portal-q-hint" class="portal-hint">输入数字按金额查找，同时按万元和元理解，例如 493.05。</p>
</form>`;
  const groups = groupHits(hits).map(([kind, list]) => hitsTable(kind, list, links, "", []));
  const list =
    groups.length > 0 ? groups.join("\n") : '<p class="portal-empty">尚未公开任何预算，没有可搜索的内容。</p>';
  return `<h1>搜索</h1>
${form}
<p id="portal-search-status" role="status">共 ${hits.length} 条可搜索的内容：部门、单位、项目和政府采购品目（也可用浏览器的“查找”功能）。</p>
${list}`;
}

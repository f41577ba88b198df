/** A list of published budgets, each with its book, its content hash and its downloads (home and department pages). */
import { type Lang, rawHtml } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { tHtml } from "../i18n.ts";
import { budgetName, downloadLinks, hashCode } from "./format.ts";
import type { PortalLinks } from "./links.ts";

/** Newest year first; within a year the budget (预算) before the final accounts (决算). */
export const byYear = (a: PublishedBudget, b: PublishedBudget) =>
  b.year - a.year || (a.phase === b.phase ? 0 : a.phase === "预算" ? -1 : 1);

export function budgetList(lang: Lang, budgets: PublishedBudget[], links: PortalLinks): string {
  const items = [...budgets].sort(byYear).map(
    (p) => `<li>
<a class="portal-book" href="${escapeHtml(links.book(p.budgetId))}">${escapeHtml(budgetName(lang, p))}</a>
<span class="portal-meta">${tHtml(lang, "portal.hash", { hash: rawHtml(hashCode(p.hash)) })}</span>
<span class="portal-meta">${tHtml(lang, "portal.downloads", { links: rawHtml(downloadLinks(lang, links, p.budgetId)) })}</span>
</li>`,
  );
  return `<ul class="portal-budgets">\n${items.join("\n")}\n</ul>`;
}

/** Published budgets grouped by department, in the order given (listPublished sorts by department name). */
export function byDepartment(budgets: PublishedBudget[]): PublishedBudget[][] {
  const groups = new Map<number, PublishedBudget[]>();
  for (const p of budgets) groups.set(p.departmentId, [...(groups.get(p.departmentId) ?? []), p]);
  return [...groups.values()];
}

/** The portal's front page: every published budget by department, newest year first, and the search box. */
import type { Lang } from "../../i18n.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { t } from "../i18n.ts";
import { budgetList, byDepartment } from "./budget-list.ts";
import type { PortalLinks } from "./links.ts";
import { searchForm } from "./search.ts";

export function homeBody(lang: Lang, published: PublishedBudget[], links: PortalLinks): string {
  const departments = byDepartment(published).map((budgets) => {
    const [first] = budgets as [PublishedBudget];
    const id = `department-${first.departmentId}`;
    return `<section class="portal-department" aria-labelledby="${id}">
<h2 id="${id}"><a href="${escapeHtml(links.department(first.departmentId))}">${escapeHtml(first.department)}</a></h2>
${budgetList(lang, budgets, links)}
</section>`;
  });
  const list =
    departments.length > 0
      ? departments.join("\n")
      : `<p class="portal-empty">${escapeHtml(t(lang, "portal.nothingPublished"))}</p>`;
  return `<h1>${escapeHtml(t(lang, "home.title"))}</h1>
<p>${escapeHtml(t(lang, "home.intro"))}</p>
${searchForm(lang, links, "")}
${list}`;
}

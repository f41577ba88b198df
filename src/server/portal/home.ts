/** The portal's front page: every published budget by department, newest year first, and the search box. */
import { escapeHtml } from "../../render/html/escape.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { budgetList, byDepartment } from "./budget-list.ts";
import type { PortalLinks } from "./links.ts";
import { searchForm } from "./search.ts";

export function homeBody(published: PublishedBudget[], links: PortalLinks): string {
  const departments = byDepartment(published).map((budgets) => {
    const [first] = budgets as [PublishedBudget];
    const id = `department-${first.departmentId}`;
    return `<section class="portal-department" aria-labelledby="${id}">
<h2 id="${id}"><a href="${escapeHtml(links.department(first.departmentId))}">${escapeHtml(first.department)}</a></h2>
${budgetList(budgets, links)}
</section>`;
  });
  const list =
    departments.length > 0
      ? departments.join("\n")
      : '<p class="portal-empty">尚未公开任何预算。预算经审核批准、由管理员公开后，会出现在这里。</p>';
  return `<h1>部门预算公开</h1>
<p>各部门已公开的预算和决算：点击年度阅读预算书，或下载 PDF、Excel、CSV 和开放数据。每份预算都标有内容哈希（SHA-256），可与下载的 budget.json 核对。</p>
${searchForm(links, "")}
${list}`;
}

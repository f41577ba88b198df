/**
 * A department's page: its published budgets by year, the key figures of each side by side, and links to compare
 * each year with the one before (the budget with the budget, the final accounts with the final accounts).
 */
import { formatAmount } from "../../money/amount.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { scrollRegion } from "../../render/html/markup.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { budgetList, byYear } from "./budget-list.ts";
import type { KeyFigures } from "./documents.ts";
import { budgetName } from "./format.ts";
import type { PortalLinks } from "./links.ts";

/** Each published year with the one before it, per phase, oldest pair first: [earlier, later]. */
export function consecutivePairs(budgets: PublishedBudget[]): [PublishedBudget, PublishedBudget][] {
  const pairs: [PublishedBudget, PublishedBudget][] = [];
  for (const phase of new Set(budgets.map((b) => b.phase))) {
    const years = budgets.filter((b) => b.phase === phase).sort((x, y) => x.year - y.year);
    for (let i = 1; i < years.length; i++) pairs.push([years[i - 1] as PublishedBudget, years[i] as PublishedBudget]);
  }
  return pairs;
}

/** The key figures, one column per budget (each in its own unit, said in its header), one row per figure. */
function figuresTable(columns: { budget: PublishedBudget; figures: KeyFigures }[]): string {
  const names = new Map<string, string>();
  for (const { figures } of columns) for (const [id, f] of figures.values) names.set(id, f.name);
  if (names.size === 0) return '<p class="table-note">这些预算的报表格式没有可提取的主要数字。</p>';
  const head = columns
    .map(
      ({ budget, figures }) =>
        `<th scope="col" class="amount">${escapeHtml(budgetName(budget))}<br><span class="sub">（${escapeHtml(figures.scale.amountUnit)}）</span></th>`,
    )
    .join("");
  const rows = [...names].map(([id, name]) => {
    const cells = columns.map(({ figures }) => {
      const value = figures.values.get(id)?.value;
      return `<td class="amount">${value === undefined ? "—" : formatAmount(value, { decimals: figures.scale.decimals })}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(name)}</th>${cells.join("")}</tr>`;
  });
  const table = `<table class="portal-figures">
<caption>主要数字（“—”表示该年的报表没有这一项）</caption>
<thead><tr><th scope="col">项目</th>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
  return scrollRegion("各年主要数字", table);
}

export function departmentBody(
  columns: { budget: PublishedBudget; figures: KeyFigures }[],
  links: PortalLinks,
): string {
  const sorted = [...columns].sort((x, y) => byYear(x.budget, y.budget));
  const budgets = sorted.map((c) => c.budget);
  const [first] = budgets as [PublishedBudget];
  const compares = consecutivePairs(budgets)
    .reverse()
    .map(
      ([a, b]) =>
        `<li><a href="${escapeHtml(links.compare(a.budgetId, b.budgetId))}">对比 ${escapeHtml(budgetName(a))}与${escapeHtml(budgetName(b))}</a></li>`,
    );
  const compareSection =
    compares.length > 0
      ? `<section aria-labelledby="department-compare"><h2 id="department-compare">逐年对比</h2>\n<ul class="portal-compares">\n${compares.join("\n")}\n</ul>\n</section>`
      : "";
  return `<p class="portal-crumbs"><a href="${escapeHtml(links.home)}">预算公开平台</a> › 部门</p>
<h1>${escapeHtml(first.department)}</h1>
<section aria-labelledby="department-budgets"><h2 id="department-budgets">已公开的预算（${budgets.length} 份）</h2>
${budgetList(budgets, links)}
</section>
<section aria-labelledby="department-figures"><h2 id="department-figures">各年主要数字</h2>
${figuresTable(sorted)}
</section>
${compareSection}`;
}

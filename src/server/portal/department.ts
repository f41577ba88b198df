/**
 * A department's page: its published budgets by year, the key figures of each side by side, and links to compare
 * each year with the one before (the budget with the budget, the final accounts with the final accounts).
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import { formatAmount } from "../../money/amount.ts";
import { figureName } from "../../render/html/compare.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import { scrollRegion } from "../../render/html/markup.ts";
import { unitName } from "../../render/html/words.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { t, tHtml } from "../i18n.ts";
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
function figuresTable(lang: Lang, columns: { budget: PublishedBudget; figures: KeyFigures }[]): string {
  const names = new Map<string, string>();
  for (const { figures } of columns) for (const id of figures.values.keys()) names.set(id, figureName(id, lang));
  if (names.size === 0) return `<p class="table-note">${escapeHtml(t(lang, "department.noFigures"))}</p>`;
  const head = columns
    .map(({ budget, figures }) => {
      const unit = t(lang, "common.parenthesised", { text: unitName(figures.scale.amountUnit, lang) });
      return `<th scope="col" class="amount">${escapeHtml(budgetName(lang, budget))}<br><span class="sub">${escapeHtml(unit)}</span></th>`;
    })
    .join("");
  const rows = [...names].map(([id, name]) => {
    const cells = columns.map(({ figures }) => {
      const value = figures.values.get(id)?.value;
      return `<td class="amount">${value === undefined ? "—" : formatAmount(value, { decimals: figures.scale.decimals })}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(name)}</th>${cells.join("")}</tr>`;
  });
  const table = `<table class="portal-figures">
<caption>${escapeHtml(t(lang, "department.caption"))}</caption>
<thead><tr><th scope="col">${escapeHtml(t(lang, "department.item"))}</th>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
  return scrollRegion(t(lang, "department.figures"), table);
}

export function departmentBody(
  lang: Lang,
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
        `<li><a href="${escapeHtml(links.compare(a.budgetId, b.budgetId))}">${escapeHtml(t(lang, "department.compare", { a: budgetName(lang, a), b: budgetName(lang, b) }))}</a></li>`,
    );
  const compareSection =
    compares.length > 0
      ? `<section aria-labelledby="department-compare"><h2 id="department-compare">${escapeHtml(t(lang, "department.yearByYear"))}</h2>\n<ul class="portal-compares">\n${compares.join("\n")}\n</ul>\n</section>`
      : "";
  const home = `<a href="${escapeHtml(links.home)}">${escapeHtml(t(lang, "site.name"))}</a>`;
  return `<p class="portal-crumbs">${tHtml(lang, "department.crumbs", { home: rawHtml(home) })}</p>
<h1>${escapeHtml(first.department)}</h1>
<section aria-labelledby="department-budgets"><h2 id="department-budgets">${escapeHtml(t(lang, "department.budgets", { count: budgets.length }))}</h2>
${budgetList(lang, budgets, links)}
</section>
<section aria-labelledby="department-figures"><h2 id="department-figures">${escapeHtml(t(lang, "department.figures"))}</h2>
${figuresTable(lang, sorted)}
</section>
${compareSection}`;
}

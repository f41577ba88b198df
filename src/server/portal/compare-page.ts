/**
 * Two published budgets side by side: a department's two years, or two departments. The form picks any two
 * published budgets; the comparison itself is compare.ts's body, kept per pair of versions since neither changes.
 */
import { compareBody } from "../../render/html/compare.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { Memo } from "../memo.ts";
import { byDepartment, byYear } from "./budget-list.ts";
import { type PublishedDocuments, templateOf } from "./documents.ts";
import { budgetName } from "./format.ts";
import type { PortalLinks } from "./links.ts";

/** What the two sides are called: the year alone within one department, else department and year. */
export function sideLabels(a: PublishedBudget, b: PublishedBudget): [string, string] {
  const label = (p: PublishedBudget) =>
    a.departmentId === b.departmentId ? budgetName(p) : `${p.department} ${budgetName(p)}`;
  const [x, y] = [label(a), label(b)];
  return x === y ? [`${x}（甲）`, `${y}（乙）`] : [x, y];
}

/** A department's two latest budgets of one phase, the earlier first, so that the difference reads as the change. */
export function latestPair(
  published: PublishedBudget[],
  departmentId: number,
): [PublishedBudget, PublishedBudget] | undefined {
  const own = published.filter((p) => p.departmentId === departmentId).sort(byYear);
  const [latest] = own;
  if (!latest) return undefined;
  const previous = own.find((p) => p !== latest && p.phase === latest.phase) ?? latest;
  return [previous, latest];
}

function select(name: "a" | "b", label: string, published: PublishedBudget[], chosen?: number): string {
  const groups = byDepartment(published).map((budgets) => {
    const options = [...budgets].sort(byYear).map((p) => {
      const selected = p.budgetId === chosen ? " selected" : "";
      return `<option value="${p.budgetId}"${selected}>${escapeHtml(budgetName(p))}</option>`;
    });
    return `<optgroup label="${escapeHtml(budgets[0]?.department ?? "")}">${options.join("")}</optgroup>`;
  });
  return `<label for="compare-${name}">${label}</label>
<select id="compare-${name}" name="${name}" required>${chosen === undefined ? '<option value="">请选择</option>' : ""}${groups.join("")}</select>`;
}

export function compareForm(published: PublishedBudget[], a?: PublishedBudget, b?: PublishedBudget): string {
  if (published.length === 0) return '<p class="portal-empty">尚未公开任何预算，没有可以对比的内容。</p>';
  return `<form class="portal-compare-form" method="get" action="/compare">
<div>${select("a", "对比基准（甲）", published, a?.budgetId)}</div>
<div>${select("b", "对比对象（乙）", published, b?.budgetId)}</div>
<button class="primary" type="submit">对比</button>
</form>`;
}

export class Comparisons {
  private readonly bodies = new Memo<string>(32);

  constructor(private readonly documents: PublishedDocuments) {}

  /** The side-by-side body, with links to both books. */
  body(a: PublishedBudget, b: PublishedBudget, links: PortalLinks): Promise<string> {
    return this.bodies.getOrMake(`${a.versionId}:${b.versionId}:${links.home}`, async () => {
      const [docA, docB] = [await this.documents.document(a), await this.documents.document(b)];
      const [labelA, labelB] = sideLabels(a, b);
      const books = `<p class="portal-meta">阅读预算书：<a href="${escapeHtml(links.book(a.budgetId))}">${escapeHtml(labelA)}</a>；<a href="${escapeHtml(links.book(b.budgetId))}">${escapeHtml(labelB)}</a></p>`;
      const template = templateOf(docA) ?? templateOf(docB);
      if (!template) return `${books}\n<p class="portal-empty">这两份预算的报表格式本平台不认识，无法对比。</p>`;
      try {
        return `${books}\n${compareBody({ label: labelA, doc: docA }, { label: labelB, doc: docB }, template)}`;
      } catch (error) {
        // A figure too large to bring to the other side's unit (compare.ts refuses rather than round).
        if (!(error instanceof RangeError)) throw error;
        return `${books}\n<p class="portal-empty">这两份预算的金额单位无法换算比较：${escapeHtml(error.message)}</p>`;
      }
    });
  }
}

/**
 * Two published budgets side by side: a department's two years, or two departments. The form picks any two
 * published budgets; the comparison itself is compare.ts's body, kept per pair of versions since neither changes.
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import { compareBody } from "../../render/html/compare.ts";
import { escapeHtml } from "../../render/html/escape.ts";
import type { PublishedBudget } from "../../store/published.ts";
import { t, tHtml } from "../i18n.ts";
import { Memo } from "../memo.ts";
import { byDepartment, byYear } from "./budget-list.ts";
import { type PublishedDocuments, templateOf } from "./documents.ts";
import { budgetName } from "./format.ts";
import type { PortalLinks } from "./links.ts";

/** What the two sides are called: the year alone within one department, else department and year. */
export function sideLabels(lang: Lang, a: PublishedBudget, b: PublishedBudget): [string, string] {
  const label = (p: PublishedBudget) =>
    a.departmentId === b.departmentId ? budgetName(lang, p) : `${p.department} ${budgetName(lang, p)}`;
  const [x, y] = [label(a), label(b)];
  return x === y ? [t(lang, "comparePage.sideA", { label: x }), t(lang, "comparePage.sideB", { label: y })] : [x, y];
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

function select(lang: Lang, name: "a" | "b", published: PublishedBudget[], chosen?: number): string {
  const groups = byDepartment(published).map((budgets) => {
    const options = [...budgets].sort(byYear).map((p) => {
      const selected = p.budgetId === chosen ? " selected" : "";
      return `<option value="${p.budgetId}"${selected}>${escapeHtml(budgetName(lang, p))}</option>`;
    });
    return `<optgroup label="${escapeHtml(budgets[0]?.department ?? "")}">${options.join("")}</optgroup>`;
  });
  const label = t(lang, name === "a" ? "comparePage.base" : "comparePage.other");
  const none = chosen === undefined ? `<option value="">${escapeHtml(t(lang, "comparePage.choose"))}</option>` : "";
  return `<label for="compare-${name}">${escapeHtml(label)}</label>
<select id="compare-${name}" name="${name}" required>${none}${groups.join("")}</select>`;
}

export function compareForm(
  lang: Lang,
  published: PublishedBudget[],
  a?: PublishedBudget,
  b?: PublishedBudget,
): string {
  if (published.length === 0) return `<p class="portal-empty">${escapeHtml(t(lang, "comparePage.nothing"))}</p>`;
  return `<form class="portal-compare-form" method="get" action="/compare">
<div>${select(lang, "a", published, a?.budgetId)}</div>
<div>${select(lang, "b", published, b?.budgetId)}</div>
<button class="primary" type="submit">${escapeHtml(t(lang, "site.compare"))}</button>
</form>`;
}

export class Comparisons {
  private readonly bodies = new Memo<string>(32);

  constructor(private readonly documents: PublishedDocuments) {}

  /** The side-by-side body, with links to both books, in `lang`. */
  body(lang: Lang, a: PublishedBudget, b: PublishedBudget, links: PortalLinks): Promise<string> {
    return this.bodies.getOrMake(`${lang}:${a.versionId}:${b.versionId}:${links.home}`, async () => {
      const [docA, docB] = [await this.documents.document(a), await this.documents.document(b)];
      const [labelA, labelB] = sideLabels(lang, a, b);
      const book = (p: PublishedBudget, label: string) =>
        rawHtml(`<a href="${escapeHtml(links.book(p.budgetId))}">${escapeHtml(label)}</a>`);
      const books = `<p class="portal-meta">${tHtml(lang, "comparePage.books", { a: book(a, labelA), b: book(b, labelB) })}</p>`;
      const template = templateOf(docA) ?? templateOf(docB);
      if (!template) return `${books}\n<p class="portal-empty">${escapeHtml(t(lang, "comparePage.unknownLayout"))}</p>`;
      try {
        return `${books}\n${compareBody({ label: labelA, doc: docA }, { label: labelB, doc: docB }, template, lang)}`;
      } catch (error) {
        // A figure too large to bring to the other side's unit (compare.ts refuses rather than round).
        if (!(error instanceof RangeError)) throw error;
        const message = t(lang, "comparePage.units", { detail: error.message });
        return `${books}\n<p class="portal-empty">${escapeHtml(message)}</p>`;
      }
    });
  }
}

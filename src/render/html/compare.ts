/**
 * Two budgets side by side — two years of one department, or two departments: the key figures with the difference
 * and the percentage change, then (when both use one layout) each table's rows aligned by row key with the table's
 * main amount on either side. Amounts printed in different units are brought to the finer one in integers before
 * anything is subtracted; a figure or row one side does not have is shown as missing, never as zero. The words are
 * data (data/messages/html.yaml), in the portal reader's language; the tables' own titles and rows stay as printed.
 *
 * The parts are in src/render/html/compare/: the units and arithmetic (scale.ts), the key figures (figures.ts), the
 * tables (tables.ts) and their markup (html.ts).
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import type { Template } from "../../templates/template.ts";
import { compareFigures } from "./compare/figures.ts";
import { figuresTable, notes, tableSection } from "./compare/html.ts";
import type { CompareSide } from "./compare/scale.ts";
import { compareTables } from "./compare/tables.ts";
import { escapeHtml } from "./escape.ts";
import { t, tHtml } from "./words.ts";

export {
  compareFigures,
  FIGURES,
  type FigureComparison,
  type FiguresComparison,
  figureName,
} from "./compare/figures.ts";
export { type AmountScale, type CompareSide, percentChange } from "./compare/scale.ts";
export { compareTables, type RowComparison, type TableComparison } from "./compare/tables.ts";

/** The comparison as an HTML fragment: every text escaped, every table captioned, every header cell scoped. */
export function compareBody(a: CompareSide, b: CompareSide, template: Template, lang: Lang = "zh"): string {
  const figures = compareFigures(a, b, template);
  const side = (s: CompareSide) =>
    `<li>${tHtml(lang, "compare.side", { label: rawHtml(`<strong>${escapeHtml(s.label)}</strong>`), department: s.doc.department, year: s.doc.year })}</li>`;
  return [
    '<section class="compare" aria-labelledby="compare-title">',
    `<h2 id="compare-title">${escapeHtml(t(lang, "compare.title", { a: a.label, b: b.label }))}</h2>`,
    `<ul class="plain-list compare-sides">\n${side(a)}\n${side(b)}\n</ul>`,
    ...notes(a, b, figures, lang),
    figuresTable(a, b, figures, lang),
    ...compareTables(a, b, template).map((table) => tableSection(a, b, table, lang)),
    "</section>",
  ].join("\n");
}

/**
 * The comparison's markup, piece by piece: the notes on what is compared, the key-figures table and one section per
 * compared table. Every text is escaped, every table captioned with its unit, every header cell scoped; the words
 * are data (data/messages/html.yaml) in the reader's language, the tables' own titles and rows stay as printed.
 */
import type { Lang } from "../../../i18n.ts";
import { formatAmount } from "../../../money/amount.ts";
import { escapeHtml } from "../escape.ts";
import { scrollRegion } from "../markup.ts";
import { t, unitName } from "../words.ts";
import { type FiguresComparison, figureName } from "./figures.ts";
import type { AmountScale, CompareSide } from "./scale.ts";
import type { RowComparison, TableComparison } from "./tables.ts";

const TOTAL_KINDS = new Set(["total", "grandTotal", "yearTotal"]);

const unitText = (s: AmountScale, lang: Lang) => t(lang, "compare.unit", { unit: unitName(s.amountUnit, lang) });
const money = (v: number | null | undefined, s: AmountScale) =>
  v === undefined ? "—" : v === null ? "" : formatAmount(v, { decimals: s.decimals });
const way = (v: number) => (v > 0 ? "compare-up" : v < 0 ? "compare-down" : "compare-flat");
const signed = (v: number | undefined, s: AmountScale) =>
  v === undefined ? "<td></td>" : `<td class="amount ${way(v)}">${v > 0 ? "+" : ""}${money(v, s)}</td>`;
/** 12.50 → 12.5%, 3.25 → 3.25%: one or two decimals. */
const percentCell = (h: number | undefined) => {
  if (h === undefined) return '<td class="amount">—</td>';
  const text = formatAmount(h, { decimals: 2, thousands: false }).replace(/(\.\d)0$/, "$1");
  return `<td class="amount ${way(h)}">${h > 0 ? "+" : ""}${text}%</td>`;
};

function caption(title: string, meta: string[]): string {
  const spans = meta.map((m) => `<span>${escapeHtml(m)}</span>`).join("");
  return `<caption><span class="table-title">${escapeHtml(title)}</span><span class="table-meta">${spans}</span></caption>`;
}

function head(labels: string[]): string {
  const cells = labels.map((l, i) => `<th scope="col"${i > 0 ? ' class="amount"' : ""}>${escapeHtml(l)}</th>`);
  return `<thead><tr>${cells.join("")}</tr></thead>`;
}

export function figuresTable(a: CompareSide, b: CompareSide, c: FiguresComparison, lang: Lang): string {
  if (c.figures.length === 0) return `<p class="table-note">${escapeHtml(t(lang, "compare.noFigures"))}</p>`;
  const rows = c.figures.map(
    (f) =>
      `<tr data-figure="${escapeHtml(f.id)}"><th scope="row">${escapeHtml(figureName(f.id, lang))}</th><td class="amount">${money(f.a, c.scale)}</td><td class="amount">${money(f.b, c.scale)}</td>${signed(f.difference, c.scale)}${percentCell(f.difference === undefined ? undefined : f.percent)}</tr>`,
  );
  const table = [
    '<table class="compare-table">',
    caption(t(lang, "compare.figures"), [unitText(c.scale, lang)]),
    head([t(lang, "compare.item"), a.label, b.label, t(lang, "compare.difference"), t(lang, "compare.change")]),
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
  return scrollRegion(t(lang, "compare.figuresRegion"), table);
}

function rowLine(a: CompareSide, b: CompareSide, table: TableComparison, r: RowComparison, lang: Lang): string {
  const classes = [TOTAL_KINDS.has(r.kind) ? "total" : "", r.only ? "compare-only" : ""].filter(Boolean).join(" ");
  const only = r.only
    ? `<span class="compare-only-note">${escapeHtml(t(lang, "compare.onlyIn", { label: (r.only === "a" ? a : b).label }))}</span>`
    : "";
  const other = r.otherLabel
    ? `<span class="sub">${escapeHtml(t(lang, "compare.otherLabel", { label: b.label, text: r.otherLabel }))}</span>`
    : "";
  const depth = r.depth ? ` style="--depth: ${r.depth}"` : "";
  const label = `<th scope="row"${depth} data-row="${escapeHtml(r.key)}">${escapeHtml(r.label)}${other}${only}</th>`;
  const amounts = `<td class="amount">${money(r.a, table.scale)}</td><td class="amount">${money(r.b, table.scale)}</td>`;
  return `<tr${classes ? ` class="${classes}"` : ""}>${label}${amounts}${signed(r.difference, table.scale)}</tr>`;
}

export function tableSection(a: CompareSide, b: CompareSide, table: TableComparison, lang: Lang): string {
  const title = `${table.id} ${table.title}`;
  const markup = [
    '<table class="compare-table">',
    caption(title, [t(lang, "compare.column", { header: table.header }), unitText(table.scale, lang)]),
    head([t(lang, "compare.item"), a.label, b.label, t(lang, "compare.difference")]),
    `<tbody>\n${table.rows.map((r) => rowLine(a, b, table, r, lang)).join("\n")}\n</tbody>`,
    "</table>",
  ].join("\n");
  return `<section class="table-section compare-section" id="compare-${escapeHtml(table.id)}">\n${scrollRegion(title, markup)}\n</section>`;
}

/** What is compared, and what a reader must know to read it: units brought to one, layouts that differ. */
export function notes(a: CompareSide, b: CompareSide, c: FiguresComparison, lang: Lang): string[] {
  const out = [
    t(lang, "compare.note", { a: a.label, b: b.label }),
    a.doc.amountUnit === b.doc.amountUnit && a.doc.decimals === b.doc.decimals
      ? ""
      : t(lang, "compare.units", { unit: unitName(c.scale.amountUnit, lang) }),
    c.sameTemplate ? "" : t(lang, "compare.layouts", { layouts: c.templates.join(t(lang, "compare.layoutSeparator")) }),
  ];
  return out.filter(Boolean).map((text) => `<p class="compare-note">${escapeHtml(text)}</p>`);
}

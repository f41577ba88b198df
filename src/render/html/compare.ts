/**
 * Two budgets side by side — two years of one department, or two departments: the key figures with the difference
 * and the percentage change, then (when both use one layout) each table's rows aligned by row key with the table's
 * main amount on either side. Amounts printed in different units are brought to the finer one in integers before
 * anything is subtracted; a figure or row one side does not have is shown as missing, never as zero. The words are
 * data (data/messages/html.yaml), in the portal reader's language; the tables' own titles and rows stay as printed.
 */
import { type Lang, rawHtml } from "../../i18n.ts";
import { alignByKey } from "../../model/diff.ts";
import type { BudgetDocument, Row, Table } from "../../model/document.ts";
import { normaliseLabel, parentIndexes } from "../../model/rows.ts";
import { formatAmount } from "../../money/amount.ts";
import { sumOfRefs } from "../../rules/relations/evaluate.ts";
import { DocumentIndex } from "../../rules/relations/table-index.ts";
import { parseSum } from "../../templates/relation.ts";
import { loadTemplate, type TableSpec, type Template } from "../../templates/template.ts";
import { basicAndProject, bookFigures, tableById } from "../charts/figures.ts";
import { escapeHtml } from "./escape.ts";
import { scrollRegion } from "./markup.ts";
import { t, tHtml, unitName } from "./words.ts";

export interface CompareSide {
  label: string;
  doc: BudgetDocument;
}

/** The unit amounts are counted in: 万元 with 2 decimals counts hundredths of 万元. */
export interface AmountScale {
  amountUnit: "万元" | "元";
  decimals: number;
}

export interface FigureComparison {
  id: string;
  /** In Chinese; figureName gives it in another language. */
  name: string;
  /** In the comparison's scale; absent when that side's layout or tables do not give the figure. */
  a?: number;
  b?: number;
  /** b − a, when both sides have the figure. */
  difference?: number;
  /** The difference in hundredths of a percent of a, rounded half away from zero; absent when a is zero. */
  percent?: number;
}

export interface FiguresComparison {
  scale: AmountScale;
  /** Whether both documents use one layout, so that their tables can be compared too. */
  sameTemplate: boolean;
  /** Each side's layout, by name when it is known. */
  templates: [string, string];
  figures: FigureComparison[];
}

export interface RowComparison {
  key: string;
  label: string;
  /** The other side's label, when it names the row differently. */
  otherLabel?: string;
  kind: string;
  depth?: number;
  /** The main amount; null when printed blank, absent when the row is not on that side. */
  a?: number | null;
  b?: number | null;
  only?: "a" | "b";
  difference?: number;
}

export interface TableComparison {
  id: string;
  title: string;
  /** The amount column compared: the table's first (its total). */
  column: string;
  header: string;
  scale: AmountScale;
  rows: RowComparison[];
}

/**
 * The key figures, by where each layout holds them: the front page's basic/project split (bookFigures), otherwise
 * the first set of narrative subjects the layout maps to cells (`narrative.subjects`), added in integers. Their
 * names are `figure.<id>` in data/messages/html.yaml.
 */
export const FIGURES: { id: string; split?: "basic" | "project"; subjects: string[][] }[] = [
  { id: "incomeTotal", subjects: [["incomeTotal"]] },
  { id: "expenditureTotal", subjects: [["expenditureTotal"]] },
  {
    id: "appropriation",
    subjects: [["incomeAppropriation"], ["incomeGeneralBudget", "incomeGovernmentFund", "incomeStateCapital"]],
  },
  { id: "basic", split: "basic", subjects: [["expenditureBasic"]] },
  { id: "project", split: "project", subjects: [["expenditureProject"]] },
  { id: "threePublicTotal", subjects: [["threePublicTotal"]] },
  { id: "abroad", subjects: [["abroad"]] },
  { id: "vehiclePurchase", subjects: [["vehiclePurchase"]] },
  { id: "vehicleOperation", subjects: [["vehicleOperation"]] },
  { id: "reception", subjects: [["reception"]] },
  { id: "agencyOperatingCosts", subjects: [["agencyOperatingCosts"]] },
  { id: "procurementTotal", subjects: [["procurementTotal"]] },
];

export const figureName = (id: string, lang: Lang = "zh") => t(lang, `figure.${id}`);

const TOTAL_KINDS = new Set(["total", "grandTotal", "yearTotal"]);

interface Scaled {
  value: number;
  scale: AmountScale;
}

/** 10^e yuan per counted unit. */
const exponent = (s: AmountScale) => (s.amountUnit === "万元" ? 4 : 0) - s.decimals;
const sameScale = (x: AmountScale, y: AmountScale) => exponent(x) === exponent(y);
const finest = (scales: AmountScale[], fallback: AmountScale) =>
  scales.reduce((best, s) => (exponent(s) < exponent(best) ? s : best), scales[0] ?? fallback);

function rescale({ value, scale }: Scaled, to: AmountScale): number {
  const result = value * 10 ** (exponent(scale) - exponent(to));
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount ${value} does not fit in ${to.amountUnit}`);
  return result;
}

const docScale = (doc: BudgetDocument): AmountScale => ({ amountUnit: doc.amountUnit, decimals: doc.decimals });
const tableScale = (doc: BudgetDocument, table: Table | undefined, spec?: TableSpec): AmountScale => ({
  amountUnit: table?.amountUnit ?? spec?.amountUnit ?? doc.amountUnit,
  decimals: table?.decimals ?? doc.decimals,
});

/** The difference in hundredths of a percent of `from`, in integers (BigInt: a fen-scaled total × 10⁴ can pass 2⁵³). */
export function percentChange(from: number, to: number): number | undefined {
  if (from === 0) return undefined;
  const difference = BigInt(to - from) * 10_000n;
  const base = BigInt(Math.abs(from));
  const magnitude = ((difference < 0n ? -difference : difference) * 2n + base) / (2n * base);
  return Number(difference < 0n ? -magnitude : magnitude);
}

/** The layout a document uses: the one given when it matches, otherwise its own, if known. */
function templateFor(doc: BudgetDocument, template: Template): Template | undefined {
  if (doc.template === template.id) return template;
  try {
    return loadTemplate(doc.template);
  } catch {
    return undefined;
  }
}

/** A narrative subject's cells, when the layout maps it and they are all printed in one unit. */
function subject(doc: BudgetDocument, template: Template, index: DocumentIndex, id: string): Scaled | undefined {
  const expression = template.narrative.subjects[id];
  const operand = expression === undefined ? undefined : sumOfRefs(parseSum(expression, id), index);
  if (!operand) return undefined;
  const scales = operand.cells.map((c) =>
    tableScale(
      doc,
      tableById(doc, c.table ?? ""),
      template.tables.find((spec) => spec.id === c.table),
    ),
  );
  const [scale = docScale(doc)] = scales;
  return scales.every((s) => sameScale(s, scale)) ? { value: operand.value, scale } : undefined;
}

function sideFigures(doc: BudgetDocument, template: Template | undefined): Map<string, Scaled> {
  const found = new Map<string, Scaled>();
  if (!template) return found;
  const index = new DocumentIndex(doc, template);
  const book = bookFigures(doc, template);
  const split = book && basicAndProject(doc, book.sources);
  for (const figure of FIGURES) {
    const value = figure.split && split?.[figure.split];
    if (typeof value === "number") {
      found.set(figure.id, { value, scale: docScale(doc) });
      continue;
    }
    for (const ids of figure.subjects) {
      const parts = ids.map((id) => subject(doc, template, index, id));
      const [first] = parts;
      if (!first || parts.some((p) => !p || !sameScale(p.scale, first.scale))) continue;
      const value = parts.reduce((total, p) => total + (p?.value ?? 0), 0);
      found.set(figure.id, { value, scale: first.scale });
      break;
    }
  }
  return found;
}

export function compareFigures(a: CompareSide, b: CompareSide, template: Template): FiguresComparison {
  const templates = [templateFor(a.doc, template), templateFor(b.doc, template)] as const;
  const [fa, fb] = [sideFigures(a.doc, templates[0]), sideFigures(b.doc, templates[1])];
  const scales = [...fa.values(), ...fb.values()].map((f) => f.scale);
  const scale = finest([docScale(a.doc), docScale(b.doc), ...scales], docScale(a.doc));
  const figures = FIGURES.flatMap(({ id }): FigureComparison[] => {
    const name = figureName(id);
    const [x, y] = [fa.get(id), fb.get(id)].map((f) => (f ? rescale(f, scale) : undefined));
    if (x === undefined && y === undefined) return [];
    if (x === undefined || y === undefined) return [{ id, name, a: x, b: y }];
    return [{ id, name, a: x, b: y, difference: y - x, percent: percentChange(x, y) }];
  });
  return {
    scale,
    sameTemplate: a.doc.template === b.doc.template,
    templates: [templates[0]?.name ?? a.doc.template, templates[1]?.name ?? b.doc.template],
    figures,
  };
}

/** Each row's depth in its table's hierarchy, by key, for indentation. */
function depths(spec: TableSpec, rows: Row[]): Map<string, number> {
  const parents = parentIndexes(spec, rows);
  const depth: number[] = [];
  rows.forEach((_, i) => {
    const p = parents[i];
    depth.push(p === undefined ? 0 : (depth[p] ?? 0) + 1);
  });
  return new Map(rows.map((r, i) => [r.key, depth[i] ?? 0]));
}

/** A coded row reads 2010301 行政运行; a balance table's lines print no code, though one is resolved for them. */
const rowLabel = (spec: TableSpec, row: Row) =>
  row.code && spec.shape !== "balance" && !row.label.includes(row.code) ? `${row.code} ${row.label}` : row.label;

function compareTable(a: BudgetDocument, b: BudgetDocument, spec: TableSpec): TableComparison | undefined {
  const [ta, tb] = [tableById(a, spec.id), tableById(b, spec.id)];
  const column = spec.columns.find((c) => c.type === "amount");
  if ((!ta && !tb) || !column) return undefined;
  const [sa, sb] = [tableScale(a, ta, spec), tableScale(b, tb, spec)];
  const scale = finest([sa, sb], sa);
  const amount = (row: Row | undefined, from: AmountScale) => {
    if (!row) return undefined;
    const cell = row.cells[column.key];
    return typeof cell === "number" ? rescale({ value: cell, scale: from }, scale) : null;
  };
  const depthOf = new Map([...depths(spec, tb?.rows ?? []), ...depths(spec, ta?.rows ?? [])]);
  const rows = alignByKey(ta?.rows ?? [], tb?.rows ?? [], (r) => r.key).map(([x, y]): RowComparison => {
    const row = (x ?? y) as Row;
    const other = x && y && normaliseLabel(x.label) !== normaliseLabel(y.label) ? rowLabel(spec, y) : undefined;
    const [va, vb] = [amount(x, sa), amount(y, sb)];
    return {
      key: row.key,
      label: rowLabel(spec, row),
      ...(other ? { otherLabel: other } : {}),
      kind: row.kind,
      depth: depthOf.get(row.key),
      a: va,
      b: vb,
      ...(!x ? { only: "b" as const } : !y ? { only: "a" as const } : {}),
      ...(typeof va === "number" && typeof vb === "number" ? { difference: vb - va } : {}),
    };
  });
  // A header naming the year ("{year} 年预算") names both sides' years here, so it is shown without one.
  const header = column.header.replace(/\{year\}\s*年?/, "");
  return { id: spec.id, title: spec.title, column: column.key, header, scale, rows };
}

/** Each table of the layout, rows aligned by key; none when the two documents use different layouts. */
export function compareTables(a: CompareSide, b: CompareSide, template: Template): TableComparison[] {
  if (a.doc.template !== template.id || b.doc.template !== template.id) return [];
  return template.tables.flatMap((spec) => compareTable(a.doc, b.doc, spec) ?? []);
}

// The markup.

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

function figuresTable(a: CompareSide, b: CompareSide, c: FiguresComparison, lang: Lang): string {
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

function tableSection(a: CompareSide, b: CompareSide, table: TableComparison, lang: Lang): string {
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

function notes(a: CompareSide, b: CompareSide, c: FiguresComparison, lang: Lang): string[] {
  const out = [
    t(lang, "compare.note", { a: a.label, b: b.label }),
    a.doc.amountUnit === b.doc.amountUnit && a.doc.decimals === b.doc.decimals
      ? ""
      : t(lang, "compare.units", { unit: unitName(c.scale.amountUnit, lang) }),
    c.sameTemplate ? "" : t(lang, "compare.layouts", { layouts: c.templates.join(t(lang, "compare.layoutSeparator")) }),
  ];
  return out.filter(Boolean).map((text) => `<p class="compare-note">${escapeHtml(text)}</p>`);
}

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

/**
 * A balance table prints an income line and expenditure lines side by side — two sides, or three where expenditure
 * is shown by function class and by use (Jiangsu) — each side with its own label and figures.
 *
 * The sides' columns of figures are placed by the header where it names every one of them (a side may print
 * columns only some documents have: the unit-level 财务收支预算总表), else by where the figures stand.
 */
import { type Column, type Side, sideColumns, type TableSpec } from "../../templates/template.ts";
import type { Anchor } from "./anchors.ts";
import { nearest } from "./anchors.ts";
import { type Geometry, type ReadCells, rowCells } from "./cells.ts";
import type { BodyLine } from "./classify.ts";
import type { TextItem } from "./extract.ts";
import { figurePlace, type Place, placeColumns } from "./header.ts";
import type { Line } from "./lines.ts";

interface Part {
  figures: TextItem[];
  texts: TextItem[];
}

/** A side's columns of figures as the header names them: its own, or one under its amountHeader. */
function amountColumns(side: Side): Column[] {
  const own = side.columns
    ? sideColumns(side)
    : [{ key: "amount", header: side.amountHeader, type: "amount" as const }];
  return own.filter((c) => c.type === "amount");
}

/** Each side's amount columns placed by the header lines, left to right; undefined when one is not printed. */
export function placeSides(spec: TableSpec, header: Line[]): Place[][] | undefined {
  const out: Place[][] = [];
  let after = Number.NEGATIVE_INFINITY;
  for (const side of spec.sides ?? []) {
    const places = placeColumns(amountColumns(side), header, after);
    if (!places || places.length === 0) return undefined;
    out.push(places);
    after = (places[places.length - 1] as Place).center;
  }
  return out;
}

/**
 * A side's geometry from the header: its places, and as anchors (which tell its words from its figures) the span of
 * the figures printed under each place, or the place itself where none is.
 */
function placedGeometry(places: Place[], all: Place[], anchors: Anchor[]): Geometry {
  const own = places.map((p) => {
    const under = anchors.filter((a) => figurePlace(all, { x1: a.right }) === p);
    // A header centred over a wide column can start left of the end of the labels: the figures say where it is.
    if (under.length === 0) return { left: p.x0, right: p.x1 };
    return { left: Math.min(...under.map((a) => a.left)), right: Math.max(...under.map((a) => a.right)) };
  });
  return { anchors: own, amounts: places };
}

/** The side of each column of figures, and where each side's words start, by the header or by the anchors. */
function sidesOf(spec: TableSpec, anchors: Anchor[], placed: Place[][] | undefined) {
  const sides = (spec.sides ?? []).map((side) => ({ side, columns: sideColumns(side) }));
  if (placed) {
    const all = placed.flat();
    const geometries = placed.map((places) => placedGeometry(places, all, anchors));
    return {
      sides,
      sideOf: (f: TextItem) => placed.findIndex((places) => places.includes(figurePlace(all, f) as Place)),
      // A side starts at the previous side's last column of figures: a label stands left of its figures.
      starts: geometries.map((_, s) =>
        s === 0 ? Number.NEGATIVE_INFINITY : (geometries[s - 1]?.anchors.at(-1)?.left ?? Number.POSITIVE_INFINITY),
      ),
      geometry: (s: number) => geometries[s] as Geometry,
    };
  }
  const firsts: number[] = [];
  let count = 0;
  for (const { columns } of sides) {
    firsts.push(count);
    count += columns.filter((c) => c.type === "amount").length;
  }
  // Without the first side's columns of figures the sides cannot be told apart; later sides may print blank columns.
  if (anchors.length < (firsts[1] ?? count)) return undefined;
  return {
    sides,
    sideOf: (f: TextItem) => firsts.findLastIndex((first) => first <= nearest(anchors, f.x1)),
    starts: firsts.map((first, s) =>
      s === 0 ? Number.NEGATIVE_INFINITY : (anchors[first - 1]?.left ?? Number.POSITIVE_INFINITY),
    ),
    // The last side takes every remaining column of figures (a column the template does not model stays unread).
    geometry: (s: number) => ({
      anchors: anchors.slice(firsts[s], s === sides.length - 1 ? anchors.length : firsts[s + 1]),
    }),
  };
}

/**
 * Figures belong to the side of their column; words to the side whose span they start in, a side starting at the
 * previous side's last column of figures (a label stands left of its figures), which tolerates estimated run widths.
 */
export function balanceCells(
  spec: TableSpec,
  anchors: Anchor[],
  line: BodyLine,
  extra: TextItem[],
  placed?: Place[][],
): ReadCells[] {
  const layout = sidesOf(spec, anchors, placed);
  if (!layout) return [];
  const { sides, sideOf, starts, geometry } = layout;
  const texts = [...line.texts, ...extra];
  const parts: Part[] = sides.map((_, s) => ({
    figures: line.figures.filter((f) => sideOf(f) === s),
    texts: texts.filter((t) => t.x0 >= (starts[s] ?? 0) && t.x0 < (starts[s + 1] ?? Number.POSITIVE_INFINITY)),
  }));
  // A total printed across the sides that split expenditure (当年支出小计 over the function and use columns) has its
  // words on one side and its figure on the next: it is one line of the side its words are on.
  for (let s = 1; s < parts.length - 1; s++) {
    const [words, figures] = [parts[s] as Part, parts[s + 1] as Part];
    if (words.texts.length > 0 && words.figures.length === 0 && figures.texts.length === 0) {
      words.figures = figures.figures;
      figures.figures = [];
    }
  }
  const out: ReadCells[] = [];
  parts.forEach((part, s) => {
    const { side, columns } = sides[s] ?? {};
    if (!side || !columns || (part.figures.length === 0 && part.texts.length === 0)) return;
    // A figure moved from the next side goes to this side's amount column nearest to it.
    const read = rowCells(columns, geometry(s), part.figures, part.texts);
    out.push({ cells: { side: side.key, ...read.cells }, positions: read.positions });
  });
  return out;
}

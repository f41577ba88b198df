/**
 * A balance table prints an income line and expenditure lines side by side — two sides, or three where expenditure
 * is shown by function class and by use (Jiangsu) — each side with its own label and figures.
 */
import { sideColumns, type TableSpec } from "../../templates/template.ts";
import type { Anchor } from "./anchors.ts";
import { nearest } from "./anchors.ts";
import { type ReadCells, rowCells } from "./cells.ts";
import type { BodyLine } from "./classify.ts";
import type { TextItem } from "./extract.ts";

interface Part {
  figures: TextItem[];
  texts: TextItem[];
}

/**
 * The anchors are the sides' amount columns left to right. Figures belong to the side of their column; words to
 * the side whose span they start in, a side starting at the previous side's last column of figures (a label stands
 * left of its figures), which tolerates estimated run widths.
 */
export function balanceCells(spec: TableSpec, anchors: Anchor[], line: BodyLine, extra: TextItem[]): ReadCells[] {
  const sides = (spec.sides ?? []).map((side) => ({ side, columns: sideColumns(side) }));
  const firsts: number[] = [];
  let count = 0;
  for (const { columns } of sides) {
    firsts.push(count);
    count += columns.filter((c) => c.type === "amount").length;
  }
  // Without the first side's columns of figures the sides cannot be told apart; later sides may print blank columns.
  if (anchors.length < (firsts[1] ?? count)) return [];
  const sideOfAnchor = (i: number) => firsts.findLastIndex((first) => first <= i);
  const starts = firsts.map((first, s) =>
    s === 0 ? Number.NEGATIVE_INFINITY : (anchors[first - 1]?.left ?? Number.POSITIVE_INFINITY),
  );
  const texts = [...line.texts, ...extra];
  const parts: Part[] = sides.map((_, s) => ({
    figures: line.figures.filter((f) => sideOfAnchor(nearest(anchors, f.x1)) === s),
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
    // The last side takes every remaining column of figures (a column the template does not model stays unread).
    const own = anchors.slice(firsts[s], s === parts.length - 1 ? anchors.length : firsts[s + 1]);
    // A figure moved from the next side goes to this side's amount column nearest to it.
    const read = rowCells(columns, { anchors: own }, part.figures, part.texts);
    out.push({ cells: { side: side.key, ...read.cells }, positions: read.positions });
  });
  return out;
}

/**
 * One table region (the lines after its title, over one or more pages) read into raw rows — one string per
 * template column — the way the source folder writes them, so that the same code gives them kinds and keys.
 *
 * Where the PDF draws rules between rows, what stands between two rules is one row (rows.ts). Otherwise a line with
 * figures is a row (and, in a layout that leaves zeros blank, a line of words spaced like a row); a line without
 * any (a wrapped label, a long text cell) belongs to the row whose figures are nearest to it. Columns are placed by
 * the header printed over them where it is found, else by where the figures stand (classify.ts, header.ts,
 * anchors.ts).
 */

import { type Column, sideColumns, type TableSpec } from "../../templates/template.ts";
import { type Anchor, clusterAnchors } from "./anchors.ts";
import { balanceCells, placeSides } from "./balance.ts";
import { placeCaptions, takeCaptions } from "./caption.ts";
import { type Geometry, type ReadCells, rowCells } from "./cells.ts";
import { type BodyLine, classify, type RegionMeta } from "./classify.ts";
import type { TextItem } from "./extract.ts";
import { type Place, placeColumns } from "./header.ts";
import { tableHints } from "./hints.ts";
import type { Line } from "./lines.ts";
import { ruledRows } from "./rows.ts";
import type { Rule } from "./rules.ts";

export type { Cells, ReadCells } from "./cells.ts";

export interface RegionReading extends RegionMeta {
  rows: ReadCells[];
  /** Decimals the figures are printed with. */
  decimals: number;
  /** Pages the table was read from. */
  pages: number[];
  problems: string[];
}

function decimalsOf(items: TextItem[]): number {
  let most = 0;
  for (const i of items) most = Math.max(most, /\.(\d+)\)?$/.exec(i.text.trim())?.[1]?.length ?? 0);
  return most;
}

/**
 * Attaches every loose line to the row nearest to it, on the same page. A cell between rules with no row before it
 * on its page is the end of the previous page's last row, and one with no row after it the start of the next page's
 * first: a row broken by the page is one row (a project name begun at the foot of a page).
 */
function attachLoose(body: BodyLine[], loose: Line[], ruled: ReadonlySet<Line>): Map<BodyLine, TextItem[]> {
  const extra = new Map<BodyLine, TextItem[]>();
  for (const line of loose) {
    const onPage = body.filter((b) => b.line.page === line.page);
    let best: BodyLine | undefined;
    for (const b of onPage) if (!best || Math.abs(b.line.y - line.y) < Math.abs(best.line.y - line.y)) best = b;
    if (ruled.has(line) && !onPage.some((b) => b.line.y > line.y))
      best = body.findLast((b) => b.line.page < line.page) ?? best;
    else if (ruled.has(line) && !onPage.some((b) => b.line.y < line.y))
      best = body.find((b) => b.line.page > line.page) ?? best;
    if (best) extra.set(best, [...(extra.get(best) ?? []), ...line.items]);
  }
  return extra;
}

/**
 * Each page's geometry: its own header's, else the nearest earlier page's (a table continued without its header).
 * Text columns are placed by the header only in a table that has text columns before its figures (a label split
 * over several columns); codes and labels are told apart by their form everywhere else.
 */
function geometries(spec: TableSpec, header: Map<number, Line[]>, pages: number[], anchors: Anchor[]) {
  const amountColumns = spec.columns.filter((c) => c.type === "amount");
  const lastAmount = spec.columns.findLastIndex((c) => c.type === "amount");
  const textColumns = spec.columns.filter((c) => c.type !== "amount");
  const byText = spec.columns.slice(0, lastAmount).some((c) => c.type === "text");
  const trailing = spec.columns[lastAmount + 1];
  const out = new Map<number, Geometry>();
  let previous: Geometry = { anchors };
  for (const page of [...pages].sort((a, b) => a - b)) {
    const lines = header.get(page);
    const amounts = lines ? placeColumns(amountColumns, lines) : undefined;
    const texts = lines && byText ? placeColumns(textColumns, lines) : undefined;
    if (amounts) {
      previous = { anchors, amounts, ...(texts ? { texts } : {}) };
      // A number in a text column after the figures (…选取 11 个街道 in a goal) is words, not an amount.
      const last = amounts[amounts.length - 1];
      const next = trailing && lines ? placeColumns([trailing], lines) : undefined;
      if (last && next?.[0] && next[0].center > last.center) previous.limit = (last.center + next[0].center) / 2;
    }
    out.set(page, previous);
  }
  return out;
}

/** Each page's sides placed by its header, else by the nearest earlier page's (a table continued without it). */
function sidePlaces(spec: TableSpec, header: Map<number, Line[]>, pages: number[]): Map<number, Place[][]> {
  const out = new Map<number, Place[][]>();
  let previous: Place[][] | undefined;
  for (const page of [...pages].sort((a, b) => a - b)) {
    const lines = header.get(page);
    previous = (lines && placeSides(spec, lines)) ?? previous;
    if (previous) out.set(page, previous);
  }
  return out;
}

function expectedColumns(spec: TableSpec): number {
  if (spec.shape !== "balance") return spec.columns.filter((c) => c.type === "amount").length;
  return (spec.sides ?? []).flatMap((side) => sideColumns(side).filter((c: Column) => c.type === "amount")).length;
}

/** A table region read into rows; `rules` are the pages' horizontal rules, where the PDF draws them. */
export function readRegion(
  spec: TableSpec,
  printed: Line[],
  rules: ReadonlyMap<number, Rule[]> = new Map(),
): RegionReading {
  const reading: RegionReading = {
    rows: [],
    decimals: 2,
    pages: [...new Set(printed.map((l) => l.page))],
    problems: [],
  };
  const rows = ruledRows(printed, rules);
  const { body, loose, header, ruled } = classify(rows.lines, reading, { ...tableHints(spec), ruled: rows.ruled });
  if (body.length > 0) reading.pages = [...new Set(body.map((b) => b.line.page))];
  const figures = body.flatMap((b) => b.figures);
  reading.decimals = decimalsOf(figures);
  const anchors = clusterAnchors(figures);
  const extra = attachLoose(body, loose, ruled);
  if (spec.shape === "balance") {
    const placed = sidePlaces(spec, header, reading.pages);
    if (figures.length > 0 && placed.size === 0 && anchors.length !== expectedColumns(spec)) {
      reading.problems.push(
        `found ${anchors.length} columns of figures where the template has ${expectedColumns(spec)}`,
      );
    }
    for (const b of body) {
      reading.rows.push(...balanceCells(spec, anchors, b, extra.get(b) ?? [], placed.get(b.line.page)));
    }
    return reading;
  }
  const geometry = geometries(spec, header, reading.pages, anchors);
  const placed = [...geometry.values()].some((g) => g.amounts);
  if (figures.length > 0 && !placed && anchors.length !== expectedColumns(spec)) {
    reading.problems.push(`found ${anchors.length} columns of figures where the template has ${expectedColumns(spec)}`);
  }
  const rowTexts = body.map((b) => [...b.texts, ...(extra.get(b) ?? [])]);
  const captions = spec.captionKind ? takeCaptions(rowTexts) : [];
  reading.rows = body.map((b, i) =>
    rowCells(spec.columns, geometry.get(b.line.page) ?? { anchors }, b.figures, rowTexts[i] ?? []),
  );
  if (captions.length > 0)
    placeCaptions(
      spec,
      reading.rows,
      body.map((b) => b.line),
      captions,
    );
  return reading;
}

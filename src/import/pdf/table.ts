/**
 * One table region (the lines after its title, over one or more pages) read into raw rows — one string per
 * template column — the way the source folder writes them, so that the same code gives them kinds and keys.
 *
 * A line with figures is a row (and, in a layout that leaves zeros blank, a line of words spaced like a row); a
 * line without any (a wrapped label, a long text cell) belongs to the row whose figures are nearest to it. Columns
 * are placed by the header printed over them where it is found, else by where the figures stand (classify.ts,
 * header.ts, anchors.ts).
 */

import { type Column, sideColumns, type TableSpec } from "../../templates/template.ts";
import { type Anchor, clusterAnchors } from "./anchors.ts";
import { balanceCells } from "./balance.ts";
import { placeCaptions, takeCaptions } from "./caption.ts";
import { type Geometry, type ReadCells, rowCells } from "./cells.ts";
import { type BodyLine, classify, type RegionMeta } from "./classify.ts";
import type { TextItem } from "./extract.ts";
import { placeColumns } from "./header.ts";
import type { Line } from "./lines.ts";

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

/** Attaches every loose line to the row nearest to it, on the same page. */
function attachLoose(body: BodyLine[], loose: Line[]): Map<BodyLine, TextItem[]> {
  const extra = new Map<BodyLine, TextItem[]>();
  for (const line of loose) {
    let best: BodyLine | undefined;
    for (const b of body) {
      if (b.line.page !== line.page) continue;
      if (!best || Math.abs(b.line.y - line.y) < Math.abs(best.line.y - line.y)) best = b;
    }
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

function expectedColumns(spec: TableSpec): number {
  if (spec.shape !== "balance") return spec.columns.filter((c) => c.type === "amount").length;
  return (spec.sides ?? []).flatMap((side) => sideColumns(side).filter((c: Column) => c.type === "amount")).length;
}

export function readRegion(spec: TableSpec, lines: Line[]): RegionReading {
  const reading: RegionReading = { rows: [], decimals: 2, pages: [...new Set(lines.map((l) => l.page))], problems: [] };
  const { body, loose, header } = classify(lines, reading, spec.blankRows);
  if (body.length > 0) reading.pages = [...new Set(body.map((b) => b.line.page))];
  const figures = body.flatMap((b) => b.figures);
  reading.decimals = decimalsOf(figures);
  const anchors = clusterAnchors(figures);
  const extra = attachLoose(body, loose);
  if (spec.shape === "balance") {
    if (body.length > 0 && anchors.length !== expectedColumns(spec)) {
      reading.problems.push(
        `found ${anchors.length} columns of figures where the template has ${expectedColumns(spec)}`,
      );
    }
    for (const b of body) reading.rows.push(...balanceCells(spec, anchors, b, extra.get(b) ?? []));
    return reading;
  }
  const geometry = geometries(spec, header, reading.pages, anchors);
  const placed = [...geometry.values()].some((g) => g.amounts);
  if (body.length > 0 && !placed && anchors.length !== expectedColumns(spec)) {
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

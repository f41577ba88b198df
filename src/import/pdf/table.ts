/**
 * One table region (the lines after its title, over one or more pages) read into raw rows — one string per
 * template column — the way the source folder writes them, so that the same code gives them kinds and keys.
 *
 * Amount columns are found where the figures stand: numbers are right-aligned, so the right edges of the figures
 * of all body lines cluster into one position per amount column. A line with figures is a row; a line without any
 * (a wrapped label, a long text cell) belongs to the row whose figures are nearest to it.
 */

import type { Position } from "../../model/document.ts";
import { type Column, sideColumns, type TableSpec } from "../../templates/template.ts";
import { comparable } from "../text.ts";
import type { TextItem } from "./extract.ts";
import type { Line } from "./lines.ts";

export interface Cells {
  [column: string]: string;
}

/** A row as read: its cells' text, and where each was printed. */
export interface ReadCells {
  cells: Cells;
  positions: Record<string, Position>;
}

/** The box around some items (all on one page). */
function boxOf(items: TextItem[]): Position | undefined {
  const [first] = items;
  if (!first) return undefined;
  return {
    page: first.page,
    x0: Math.min(...items.map((i) => i.x0)),
    y0: Math.min(...items.map((i) => i.y - i.h * 0.2)),
    x1: Math.max(...items.map((i) => i.x1)),
    y1: Math.max(...items.map((i) => i.y + i.h * 0.85)),
  };
}

export interface RegionReading {
  rows: ReadCells[];
  department?: string;
  unitLine?: string;
  note?: string;
  emptyStatement?: string;
  /** Decimals the figures are printed with. */
  decimals: number;
  /** Pages the table was read from. */
  pages: number[];
  problems: string[];
}

const NUMBER = /^[-−]?\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?$|^[-−]?\d+(?:\.\d+)?$/;
const DASH = /^[-—–－]$/;

const isFigure = (text: string) => NUMBER.test(text.trim()) || DASH.test(text.trim());
/** A bare run of digits (201, 20805, 2080505, 05) reads as a code; figures carry decimals or separators. */
const isCode = (text: string) => /^\d{1,7}$/.test(text.trim());

/** A line of the small integers 1, 2, 3 … that number the columns under a header. */
function isColumnNumbers(line: Line): boolean {
  const texts = line.items.flatMap((i) => i.text.trim().split(/\s+/));
  return texts.length >= 3 && texts.every((t, i) => t === String(i + 1));
}

const META = /^(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称)[:：]/;
const UNIT = /单位[:：]\s*(万元|元)\s*$/;

interface Anchor {
  right: number;
  left: number;
}

/**
 * Right edges within a fraction of the font size of each other are one column (edges estimated for a figure that
 * shared its text run with words are a few points off).
 */
function clusterAnchors(items: TextItem[]): Anchor[] {
  const sorted = [...items].sort((a, b) => a.x1 - b.x1);
  const anchors: { rights: number[]; left: number }[] = [];
  for (const item of sorted) {
    const last = anchors[anchors.length - 1];
    if (last && item.x1 - (last.rights[last.rights.length - 1] ?? 0) <= Math.max(4, item.h * 0.8)) {
      last.rights.push(item.x1);
      last.left = Math.min(last.left, item.x0);
    } else anchors.push({ rights: [item.x1], left: item.x0 });
  }
  return anchors.map((a) => ({ right: a.rights[Math.floor(a.rights.length / 2)] ?? 0, left: a.left }));
}

function nearest(anchors: Anchor[], x: number): number {
  let best = 0;
  anchors.forEach((a, i) => {
    if (Math.abs(a.right - x) < Math.abs((anchors[best]?.right ?? 0) - x)) best = i;
  });
  return best;
}

function joinTexts(items: TextItem[]): string {
  return items
    .sort((a, b) => b.y - a.y || a.x0 - b.x0)
    .map((i) => i.text.trim())
    .join("");
}

interface BodyLine {
  line: Line;
  figures: TextItem[];
  texts: TextItem[];
}

/** Splits the region into its metadata, its body lines with figures, and the text-only lines around them. */
function classify(lines: Line[], reading: RegionReading): { body: BodyLine[]; loose: Line[] } {
  const body: BodyLine[] = [];
  const loose: Line[] = [];
  const seenBody = new Set<number>();
  for (const line of lines) {
    const text = line.text.trim();
    const flat = comparable(text);
    if (META.test(flat) || UNIT.test(flat)) {
      const unit = UNIT.exec(flat);
      if (unit) reading.unitLine = `单位：${unit[1]}`;
      const dept = /(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称)[:：](.*?)(?:单位[:：].*)?$/.exec(flat);
      if (dept?.[1]) reading.department = dept[1];
      continue;
    }
    if (/^注[:：]/.test(flat)) {
      reading.note = text.replace(/^注\s*[:：]\s*/, "");
      // Some layouts say why a table is empty in its note (故本表为空表; 本表本年无发生额).
      if (/为空表|本表无数据|无发生额|本表为空/.test(flat)) reading.emptyStatement = reading.note;
      continue;
    }
    if (/为空表|本表无数据|本表为空/.test(flat)) {
      reading.emptyStatement = text;
      continue;
    }
    if (isColumnNumbers(line)) continue;
    // Bare digits that open a line are its codes (208 05 06 机关事业单位…; 2080505 with its label wrapped).
    const leading = line.items.findIndex((i) => !isCode(i.text));
    const codes = new Set(line.items.slice(0, leading < 0 ? line.items.length : leading));
    const figures = line.items.filter((i) => isFigure(i.text) && !codes.has(i));
    if (figures.length > 0) {
      body.push({ line, figures, texts: line.items.filter((i) => !figures.includes(i)) });
      seenBody.add(line.page);
    } else if (seenBody.has(line.page)) loose.push(line);
    // Text-only lines above the first figures of a page are its (repeated) header.
  }
  return { body, loose };
}

function decimalsOf(items: TextItem[]): number {
  let most = 0;
  for (const i of items) most = Math.max(most, /\.(\d+)\)?$/.exec(i.text.trim())?.[1]?.length ?? 0);
  return most;
}

/** Attaches every text-only line to the row whose figures are nearest, on the same page. */
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

/** Text left of the figures: leading code-like tokens fill the code columns, the rest is the label. */
function leftCells(columns: Column[], items: TextItem[]): ReadCells {
  const cells: Cells = {};
  const positions: Record<string, Position> = {};
  const codeColumns = columns.filter((c) => c.type === "code");
  const labelColumn = columns.find((c) => c.type === "label" || c.type === "economic");
  const sorted = [...items].sort((a, b) => a.x0 - b.x0 || b.y - a.y);
  const rest: TextItem[] = [];
  let next = 0;
  for (const item of sorted) {
    const text = item.text.trim();
    const code = codeColumns[next];
    if (code && rest.length === 0 && /^\d{1,7}$/.test(text)) {
      cells[code.key] = text;
      const box = boxOf([item]);
      if (box) positions[code.key] = box;
      next++;
    } else rest.push(item);
  }
  if (labelColumn) {
    cells[labelColumn.key] = joinTexts(rest);
    const box = boxOf(rest);
    if (box) positions[labelColumn.key] = box;
  }
  return { cells, positions };
}

export function readRegion(spec: TableSpec, lines: Line[]): RegionReading {
  const reading: RegionReading = { rows: [], decimals: 2, pages: [...new Set(lines.map((l) => l.page))], problems: [] };
  const { body, loose } = classify(lines, reading);
  if (body.length > 0) reading.pages = [...new Set(body.map((b) => b.line.page))];
  const figures = body.flatMap((b) => b.figures);
  reading.decimals = decimalsOf(figures);
  const amountColumns = spec.columns.filter((c) => c.type === "amount");
  const expected =
    spec.shape === "balance"
      ? (spec.sides ?? []).flatMap((side) => sideColumns(side).filter((c) => c.type === "amount")).length
      : amountColumns.length;
  const anchors = clusterAnchors(figures);
  if (body.length > 0 && anchors.length !== expected) {
    reading.problems.push(`found ${anchors.length} columns of figures where the template has ${expected}`);
  }
  const extra = attachLoose(body, loose);
  if (spec.shape === "balance") {
    for (const b of body) reading.rows.push(...balanceCells(spec, anchors, b, extra.get(b) ?? []));
    return reading;
  }
  for (const b of body) {
    reading.rows.push(rowCells(spec.columns, anchors, b.figures, [...b.texts, ...(extra.get(b) ?? [])]));
  }
  return reading;
}

/**
 * One row's cells: figures go to the amount column whose anchor is nearest; text left of the figures fills the
 * code and label columns, text right of them the first text column after the amounts.
 */
function rowCells(columns: Column[], anchors: Anchor[], figures: TextItem[], texts: TextItem[]): ReadCells {
  const amountColumns = columns.filter((c) => c.type === "amount");
  const start = Math.min(...anchors.map((a) => a.left));
  const end = Math.max(...anchors.map((a) => a.right));
  const read = leftCells(
    columns,
    texts.filter((t) => t.x1 <= start + 1),
  );
  for (const figure of figures) {
    const column = amountColumns[nearest(anchors, figure.x1)];
    const box = boxOf([figure]);
    if (!column) continue;
    read.cells[column.key] = figure.text.trim();
    if (box) read.positions[column.key] = box;
  }
  const after = columns.slice(columns.findLastIndex((c) => c.type === "amount") + 1);
  const trailing = texts.filter((t) => t.x0 >= end - 1);
  const [firstAfter] = after;
  if (firstAfter && trailing.length > 0) read.cells[firstAfter.key] = joinTexts(trailing);
  return read;
}

/**
 * A balance table prints an income line and an expenditure line side by side, each side with its own figures:
 * the first anchors (as many as the income side has amount columns) are the income side's.
 */
function balanceCells(spec: TableSpec, anchors: Anchor[], line: BodyLine, extra: TextItem[]): ReadCells[] {
  const sides = spec.sides ?? [];
  const [first, second] = sides.map(sideColumns);
  const count = (first ?? []).filter((c) => c.type === "amount").length;
  const split = anchors[count - 1];
  if (!split || !first || !second) return [];
  const texts = [...line.texts, ...extra];
  const out: ReadCells[] = [];
  // Figures belong to the side of their column; words to the first side only if they start before its last
  // column of figures does (a label stands left of its figures), which tolerates estimated run widths.
  const parts: [string, Column[], Anchor[], (t: TextItem) => boolean][] = [
    [sides[0]?.key ?? "", first, anchors.slice(0, count), (t) => t.x0 < split.left],
    [sides[1]?.key ?? "", second, anchors.slice(count), (t) => t.x0 >= split.left],
  ];
  for (const [key, columns, sideAnchors, inSide] of parts) {
    const figures = line.figures.filter((f) => sideAnchors.includes(anchors[nearest(anchors, f.x1)] as Anchor));
    const sideTexts = texts.filter(inSide);
    if (figures.length === 0 && sideTexts.length === 0) continue;
    const read = rowCells(columns, sideAnchors, figures, sideTexts);
    out.push({ cells: { side: key, ...read.cells }, positions: read.positions });
  }
  return out;
}

/**
 * One row's cells from the items printed on it: figures go to amount columns, words to the code, label and text
 * columns — by the header's geometry where it was found, else by the figures' own alignment and the words' order.
 */
import type { Position } from "../../model/document.ts";
import type { Column } from "../../templates/template.ts";
import { type Anchor, nearest } from "./anchors.ts";
import { itemsBox } from "./box.ts";
import type { TextItem } from "./extract.ts";
import { figurePlace, type Place, textPlace } from "./header.ts";

export interface Cells {
  [column: string]: string;
}

/** A row as read: its cells' text, and where each was printed. */
export interface ReadCells {
  cells: Cells;
  positions: Record<string, Position>;
}

export interface Geometry {
  /** The columns of figures as their right edges cluster. */
  anchors: Anchor[];
  /** The amount columns as the header places them, when every one of their headers was found. */
  amounts?: Place[];
  /** The other columns as the header places them, for a table with text columns among its labels. */
  texts?: Place[];
  /** Where the text column after the amounts begins: a number starting beyond it is part of its words. */
  limit?: number;
}

/** A space between two ideographs (or brackets): a name printed letter-spaced to fill its cell (因 公 出 国). */
const SPACED = /(?<=[\u4e00-\u9fff()（）])\s+(?=[\u4e00-\u9fff()（）])/g;

/** Words in reading order: by page (a cell broken by the page), then top to bottom, then left to right. */
export function joinTexts(items: TextItem[]): string {
  return [...items]
    .sort((a, b) => a.page - b.page || b.y - a.y || a.x0 - b.x0)
    .map((i) => i.text.trim().replace(SPACED, ""))
    .join("");
}

/** Text left of the figures: leading code-like tokens fill the code columns, the rest is the label. */
function leftCells(columns: Column[], items: TextItem[], read: ReadCells): void {
  const codeColumns = columns.filter((c) => c.type === "code");
  const labelColumn = columns.find((c) => c.type === "label" || c.type === "economic");
  const sorted = [...items].sort((a, b) => a.x0 - b.x0 || b.y - a.y);
  const rest: TextItem[] = [];
  let next = 0;
  for (const item of sorted) {
    const text = item.text.trim();
    const code = codeColumns[next];
    if (code && rest.length === 0 && /^\d{1,7}$/.test(text)) {
      read.cells[code.key] = text;
      const box = itemsBox([item]);
      if (box) read.positions[code.key] = box;
      next++;
    } else rest.push(item);
  }
  if (labelColumn) {
    read.cells[labelColumn.key] = joinTexts(rest);
    const box = itemsBox(rest);
    if (box) read.positions[labelColumn.key] = box;
  }
}

/** Words that overlap horizontally are one cell (a label wrapped over lines); each cell goes to its column. */
function placedTexts(places: Place[], items: TextItem[], read: ReadCells): void {
  const groups: TextItem[][] = [];
  for (const item of [...items].sort((a, b) => a.x0 - b.x0)) {
    const last = groups[groups.length - 1];
    if (last && item.x0 < Math.max(...last.map((i) => i.x1))) last.push(item);
    else groups.push([item]);
  }
  const byColumn = new Map<string, TextItem[]>();
  for (const group of groups) {
    const place = textPlace(places, Math.min(...group.map((i) => i.x0)), Math.max(...group.map((i) => i.x1)));
    if (place) byColumn.set(place.key, [...(byColumn.get(place.key) ?? []), ...group]);
  }
  for (const [key, cell] of byColumn) {
    read.cells[key] = joinTexts(cell);
    const box = itemsBox(cell);
    if (box) read.positions[key] = box;
  }
}

/**
 * Figures go to their amount column; text left of the figures fills the code and label columns, text right of them
 * the first text column after the amounts — or, where the header placed them, every word goes to its own column.
 */
export function rowCells(columns: Column[], geometry: Geometry, figures: TextItem[], texts: TextItem[]): ReadCells {
  const read: ReadCells = { cells: {}, positions: {} };
  const amountColumns = columns.filter((c) => c.type === "amount");
  const limit = geometry.limit ?? Number.POSITIVE_INFINITY;
  const words = [...texts, ...figures.filter((f) => f.x0 > limit)];
  for (const figure of figures.filter((f) => f.x0 <= limit)) {
    const key = geometry.amounts
      ? figurePlace(geometry.amounts, figure)?.key
      : amountColumns[nearest(geometry.anchors, figure.x1)]?.key;
    if (!key) continue;
    read.cells[key] = figure.text.trim();
    const box = itemsBox([figure]);
    if (box) read.positions[key] = box;
  }
  if (geometry.texts) {
    placedTexts(geometry.texts, words, read);
    return read;
  }
  const anchors = geometry.anchors.filter((a) => a.left <= limit);
  const start = Math.min(...anchors.map((a) => a.left));
  const end = Math.max(...anchors.map((a) => a.right));
  leftCells(
    columns,
    words.filter((t) => t.x1 <= start + 1),
    read,
  );
  const after = columns.slice(columns.findLastIndex((c) => c.type === "amount") + 1);
  const trailing = words.filter((t) => t.x0 >= end - 1);
  const [firstAfter] = after;
  if (firstAfter && trailing.length > 0) read.cells[firstAfter.key] = joinTexts(trailing);
  return read;
}

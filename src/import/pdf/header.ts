/**
 * Where each column stands, from the header printed over it. The order of a row's figures cannot say which column
 * a figure is in when a column is printed blank throughout (公务用车购置费 in Jiangsu's 三公 table): the header can.
 * A header cell may wrap over several lines, with other cells' words on the lines between (因公出国 / （境）费).
 */
import type { Column } from "../../templates/template.ts";
import { comparable } from "../text.ts";
import type { TextItem } from "./extract.ts";
import type { Line } from "./lines.ts";
import { isCode, isFigure } from "./words.ts";

export interface Place {
  key: string;
  x0: number;
  x1: number;
  center: number;
}

const overlaps = (a: TextItem, b: TextItem) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;

/** Every way the header prints `wanted`: an item, or an item continued by items below it in the same cell. */
function printings(wanted: string, items: TextItem[]): TextItem[][] {
  const found: TextItem[][] = [];
  const extend = (chain: TextItem[], text: string) => {
    if (text === wanted) {
      found.push(chain);
      return;
    }
    const last = chain[chain.length - 1] as TextItem;
    const first = chain[0] as TextItem;
    for (const next of items) {
      const below = last.y - next.y;
      if (below <= 0 || below > last.h * 3 || !overlaps(first, next)) continue;
      const joined = text + comparable(next.text);
      if (wanted.startsWith(joined)) extend([...chain, next], joined);
    }
  };
  for (const item of items) {
    const text = comparable(item.text);
    if (text !== "" && wanted.startsWith(text)) extend([item], text);
  }
  return found;
}

/**
 * The place of each column, in printed order: for each, the leftmost printing of its header (or of one of its
 * aliases) to the right of the previous column's (so that two 小计 are told apart). An optional column the header
 * does not print has no place; undefined when another column's header is not found. `from`: where the columns
 * start (the centre of an earlier column's header).
 */
export function placeColumns(columns: Column[], header: Line[], from = Number.NEGATIVE_INFINITY): Place[] | undefined {
  const items = header.flatMap((l) => l.items);
  const places: Place[] = [];
  let after = from;
  for (const column of columns) {
    let best: Place | undefined;
    for (const wanted of [column.header, ...(column.aliases ?? [])].map(comparable)) {
      for (const chain of printings(wanted, items)) {
        const x0 = Math.min(...chain.map((i) => i.x0));
        const x1 = Math.max(...chain.map((i) => i.x1));
        const center = (x0 + x1) / 2;
        if (center > after && (!best || center < best.center)) best = { key: column.key, x0, x1, center };
      }
    }
    if (!best && column.optional) continue;
    if (!best) return undefined;
    places.push(best);
    after = best.center;
  }
  return places;
}

/**
 * The column a figure is in: figures are right-aligned, so a figure ends right of its header's centre and left of
 * the next header's.
 */
export function figurePlace(places: Place[], figure: Pick<TextItem, "x1">): Place | undefined {
  return places.findLast((p) => p.center <= figure.x1 + 1) ?? places[0];
}

/** The column a cell of words is in: the one whose header's centre is nearest to the words' centre. */
export function textPlace(places: Place[], x0: number, x1: number): Place | undefined {
  const center = (x0 + x1) / 2;
  let best: Place | undefined;
  for (const p of places) if (!best || Math.abs(p.center - center) < Math.abs(best.center - center)) best = p;
  return best;
}

/** Whether a word completes a header cell printed just above it (采购组织形 / 式 → 采购组织形式). */
export function endsHeader(item: TextItem, above: Line[], headers: readonly string[] = []): boolean {
  const text = comparable(item.text);
  if (text === "" || isFigure(text)) return false;
  return above.some((line) =>
    line.items.some((h) => {
      const below = h.y - item.y;
      const overlaps = Math.min(h.x1, item.x1) - Math.max(h.x0, item.x0) > 0;
      return below > 0 && below <= h.h * 3 && overlaps && headers.includes(comparable(h.text) + text);
    }),
  );
}

/** A word the header prints, or part of one (a header cell wraps: 本年收入合 / 计). */
export const headerLike = (headers: readonly string[], item: TextItem) => {
  const text = comparable(item.text);
  return text !== "" && !isCode(text) && headers.some((h) => h.includes(text));
};

/** Items on one baseline form a line; lines are read top to bottom, items left to right. */
import { type Page, type TextItem, textWeight } from "./extract.ts";

export interface Line {
  page: number;
  y: number;
  items: TextItem[];
  /** The items' text joined with single spaces where they stand apart. */
  text: string;
}

const FIGURE = /^[-−]?\(?[\d,]*\d(?:\.\d+)?\)?$/;

/**
 * Some PDFs put a figure and the next cell's words in one text run ("3,944.08 一、一般公共服务支出"); such a run is
 * split where figures and words meet, each part placed by its share of the run's width.
 */
export function splitRun(item: TextItem): TextItem[] {
  const tokens = item.text.trim().split(/\s+/);
  if (tokens.length < 2 || !tokens.some((t) => FIGURE.test(t))) return [item];
  const parts: string[] = [];
  for (const token of tokens) {
    const last = parts.length - 1;
    if (last >= 0 && !FIGURE.test(token) && !FIGURE.test(parts[last] ?? "")) parts[last] = `${parts[last]} ${token}`;
    else parts.push(token);
  }
  if (parts.length < 2) return [item];
  const total = textWeight(parts.join(" "));
  const unit = (item.x1 - item.x0) / total;
  let x = item.x0;
  return parts.map((text) => {
    const width = textWeight(text) * unit;
    const part = { ...item, text, x0: x, x1: x + width };
    x += width + textWeight(" ") * unit;
    return part;
  });
}

export function pageLines(page: Page): Line[] {
  const sorted = page.items.flatMap(splitRun).sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    // Items of one line share a baseline within a fraction of the font height.
    if (last && Math.abs(last.y - item.y) <= Math.max(1.5, item.h * 0.3)) last.items.push(item);
    else lines.push({ page: page.number, y: item.y, items: [item], text: "" });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x0 - b.x0);
    line.text = lineText(line.items);
  }
  return lines;
}

/** Items' text left to right, with single spaces where they stand apart. */
export function lineText(items: TextItem[]): string {
  return items
    .map((item, i) => {
      const previous = items[i - 1];
      return previous && item.x0 - previous.x1 > item.h * 0.5 ? ` ${item.text}` : item.text;
    })
    .join("");
}

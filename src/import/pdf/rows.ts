/**
 * A ruled table's rows from its rules: the lines between two rules are one row, whatever their baselines. Some
 * layouts centre each cell on its own (the national final accounts print a code above its label, a figure between
 * the two lines of a wrapped label), so one row stands on two or three baselines; read line by line, its figures
 * would lose their labels. Lines that are not between rules (a title, a note under the table) stay as they are.
 */
import type { TextItem } from "./extract.ts";
import { type Line, lineText } from "./lines.ts";
import type { Rule } from "./rules.ts";

export interface RuledLines {
  lines: Line[];
  /** The lines that are a whole row between two rules: a row even without figures, where the layout leaves zeros blank. */
  ruled: Set<Line>;
}

const DIGITS = /^[-−]?[\d,.()]+$/;
const spans = (a: TextItem, b: TextItem) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;
const extent = (line: Line) => ({
  x0: Math.min(...line.items.map((i) => i.x0)),
  x1: Math.max(...line.items.map((i) => i.x1)),
});

/** A rule strictly between two baselines that runs under some of their words. */
function ruleBetween(rules: Rule[], upper: Line, lower: Line): boolean {
  const a = extent(upper);
  const b = extent(lower);
  const x0 = Math.min(a.x0, b.x0);
  const x1 = Math.max(a.x1, b.x1);
  return rules.some((r) => r.y < upper.y && r.y > lower.y && r.x1 > x0 && r.x0 < x1);
}

/** Whether rules run above and below a line, under its words: the line is inside a ruled grid. */
function boxed(rules: Rule[], line: Line): boolean {
  const { x0, x1 } = extent(line);
  const under = (r: Rule) => r.x1 > x0 && r.x0 < x1;
  return rules.some((r) => r.y > line.y && under(r)) && rules.some((r) => r.y < line.y && under(r));
}

/** A number standing as a cell of its own, not inside running words (深入基层锁定 20 个高频…). */
function standalone(line: Line, item: TextItem): boolean {
  if (!DIGITS.test(item.text.trim())) return false;
  const gap = (o: TextItem) => Math.max(o.x0 - item.x1, item.x0 - o.x1);
  return !line.items.some((o) => o !== item && !DIGITS.test(o.text.trim()) && gap(o) < item.h * 0.8);
}

/**
 * Two numbers one above the other in one column are two rows' cells: a cell holds one. Rules that leave such lines
 * together are not every row's (a table ruled only around its body), and the lines are read one by one.
 */
function stacked(lines: Line[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    for (const later of lines.slice(i + 1)) {
      for (const a of line.items) {
        if (!standalone(line, a)) continue;
        if (later.items.some((b) => standalone(later, b) && spans(a, b))) return true;
      }
    }
  }
  return false;
}

/** Lines of one row joined: their items left to right, the baseline the middle of theirs. */
function joined(lines: Line[]): Line {
  const [first] = lines as [Line];
  if (lines.length === 1) return first;
  const items = lines.flatMap((l) => l.items).sort((a, b) => a.x0 - b.x0 || b.y - a.y);
  const y = lines.reduce((n, l) => n + l.y, 0) / lines.length;
  return { page: first.page, y, items, text: lineText(items) };
}

/** The region's lines with those of one ruled row joined into one line (lines in reading order). */
export function ruledRows(lines: Line[], rules: ReadonlyMap<number, Rule[]>): RuledLines {
  const out: Line[] = [];
  const ruled = new Set<Line>();
  let group: Line[] = [];
  const flush = () => {
    if (group.length === 0) return;
    if (stacked(group)) out.push(...group);
    else {
      const row = joined(group);
      out.push(row);
      ruled.add(row);
    }
    group = [];
  };
  for (const line of lines) {
    const onPage = rules.get(line.page) ?? [];
    const inside = onPage.length > 0 && boxed(onPage, line);
    const last = group[group.length - 1];
    if (last && (!inside || last.page !== line.page || ruleBetween(onPage, last, line))) flush();
    if (inside) group.push(line);
    else out.push(line);
  }
  flush();
  return { lines: out, ruled };
}

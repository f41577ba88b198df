/**
 * A table region's lines sorted by what they are: metadata (部门, 单位), notes, the header over each page, body
 * lines (a row: figures, or in a layout that leaves zeros blank, words between rules or spaced like a row) and loose
 * lines (a wrapped label, a long text cell), which belong to the row nearest to them.
 */
import { comparable } from "../text.ts";
import type { TextItem } from "./extract.ts";
import { endsHeader, headerLike } from "./header.ts";
import type { Line } from "./lines.ts";
import { type RegionMeta, readMeta } from "./meta.ts";
import { isFigure, lineCodes } from "./words.ts";

export type { RegionMeta } from "./meta.ts";

export interface BodyLine {
  line: Line;
  figures: TextItem[];
  texts: TextItem[];
}

export interface Classified {
  body: BodyLine[];
  loose: Line[];
  /** Per page, the text lines above its first row: the (repeated) column header. */
  header: Map<number, Line[]>;
  /** The body and loose lines that stand between rules of their own (rows.ts). */
  ruled: Set<Line>;
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? undefined : sorted[Math.floor(sorted.length / 2)];
}

/**
 * In a layout that leaves zeros blank, which text-only lines are rows: those standing on the rows' grid, a whole
 * number of row pitches from the nearest line with figures. A wrapped label stands closer to its row, and a name
 * centred in a merged cell stands between two rows.
 */
function blankRows(page: Line[], isBody: (l: Line) => boolean): Set<Line> {
  const gaps = (pairs: [Line, Line][]) => pairs.map(([a, b]) => a.y - b.y);
  const pairs = page.slice(1).map((l, i) => [page[i] as Line, l] as [Line, Line]);
  const adjacent = pairs.filter(([a, b]) => isBody(a) && isBody(b));
  const bodies = page.filter(isBody);
  // Rows printed next to each other give the pitch; else the closest two rows with figures, a whole number of
  // pitches apart, give at most a multiple of it.
  const spaced = gaps(bodies.slice(1).map((l, i) => [bodies[i] as Line, l]));
  const pitch = median(gaps(adjacent)) ?? (spaced.length > 0 ? Math.min(...spaced) : undefined);
  const rows = new Set<Line>();
  if (pitch === undefined || pitch <= 0) return rows;
  for (const line of page) {
    if (isBody(line)) continue;
    const distance = Math.min(...bodies.map((b) => Math.abs(b.y - line.y)));
    const pitches = Math.round(distance / pitch);
    if (pitches >= 1 && Math.abs(distance - pitches * pitch) <= pitch * 0.2) rows.add(line);
  }
  return rows;
}

/** What the table's template and the page's rules tell the classification. */
export interface Hints {
  /** The layout leaves zeros blank: a line of words alone can be a row (`blankRows`). */
  blankRows: boolean;
  /** Lines that are a whole row between two rules (rows.ts). */
  ruled?: ReadonlySet<Line>;
  /** What the table's header prints (its columns' and groups' headers), made comparable. */
  headers?: readonly string[];
  /** The headers of its code columns (类, 款, 项): such a word is the header even inside a row's rules. */
  codeHeaders?: ReadonlySet<string>;
  /** A side after the first has code columns: bare digits before words are codes anywhere in a line. */
  codesInLine?: boolean;
}

export function classify(lines: Line[], meta: RegionMeta, hints: Hints): Classified {
  const header = new Map<number, Line[]>();
  const content: { line: Line; figures: TextItem[]; ruled: boolean }[] = [];
  const seenBody = new Set<number>();
  const firstPage = lines[0]?.page;
  const toHeader = (line: Line) => header.set(line.page, [...(header.get(line.page) ?? []), line]);
  for (const whole of lines) {
    if (readMeta(whole, meta)) continue;
    // Until the page's first row is read, words of the header can stand between the first row's rules: a code
    // column's header (类 款 项 beside 合计), or the end of a header cell printed past its bottom (采购组织形 / 式).
    const above = header.get(whole.page) ?? [];
    const heading = seenBody.has(whole.page)
      ? []
      : whole.items.filter((i) => hints.codeHeaders?.has(comparable(i.text)) || endsHeader(i, above, hints.headers));
    const line = heading.length > 0 ? { ...whole, items: whole.items.filter((i) => !heading.includes(i)) } : whole;
    if (heading.length > 0) toHeader({ ...whole, items: heading });
    if (line.items.length === 0) continue;
    const codes = lineCodes(line.items, hints.codesInLine === true);
    const figures = line.items.filter((i) => isFigure(i.text) && !codes.has(i));
    if (figures.length > 0) seenBody.add(line.page);
    // On a page the table continues on, a row between rules that prints words the header does not is a row (a blank
    // 303 05 生活补助) or the end of the previous page's last row, not a repeated header, even before the page's first
    // figure.
    const ruled = hints.ruled?.has(whole) === true;
    const continued = ruled && line.page !== firstPage && !line.items.every((i) => headerLike(hints.headers ?? [], i));
    if (continued) seenBody.add(line.page);
    if (figures.length > 0 || seenBody.has(line.page)) content.push({ line, figures, ruled });
    else toHeader(line);
  }
  const promoted = new Set<Line>();
  if (hints.blankRows) {
    for (const page of seenBody) {
      const onPage = content.filter((c) => c.line.page === page);
      const withFigures = new Set(onPage.filter((c) => c.figures.length > 0).map((c) => c.line));
      // Between rules a line is a row by itself; elsewhere by where it stands.
      for (const c of onPage) if (c.ruled) promoted.add(c.line);
      const unruled = onPage.filter((c) => !c.ruled || withFigures.has(c.line));
      for (const line of blankRows(
        unruled.map((c) => c.line),
        (l) => withFigures.has(l),
      ))
        promoted.add(line);
    }
  }
  const body: BodyLine[] = [];
  const loose: Line[] = [];
  const ruled = new Set(content.filter((c) => c.ruled).map((c) => c.line));
  for (const { line, figures } of content) {
    if (figures.length > 0 || promoted.has(line)) {
      body.push({ line, figures, texts: line.items.filter((i) => !figures.includes(i)) });
    } else loose.push(line);
  }
  return { body, loose, header, ruled };
}

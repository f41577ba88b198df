/**
 * A table region's lines sorted by what they are: metadata (部门, 单位), notes, the header over each page, body
 * lines (a row: figures, or in a layout that leaves zeros blank, words spaced like a row) and loose lines (a wrapped
 * label, a long text cell), which belong to the row nearest to them.
 */
import { comparable } from "../text.ts";
import type { TextItem } from "./extract.ts";
import type { Line } from "./lines.ts";

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
}

/** What a region says about itself besides its rows. */
export interface RegionMeta {
  department?: string;
  unitLine?: string;
  note?: string;
  emptyStatement?: string;
}

const NUMBER = /^[-−]?\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?$|^[-−]?\d+(?:\.\d+)?$/;
const DASH = /^[-—–－]$/;

export const isFigure = (text: string) => NUMBER.test(text.trim()) || DASH.test(text.trim());
/** A bare run of digits (201, 20805, 2080505, 05) reads as a code; figures carry decimals or separators. */
export const isCode = (text: string) => /^\d{1,7}$/.test(text.trim());

/** A line of the small integers 1, 2, 3 … that number the columns under a header. */
function isColumnNumbers(line: Line): boolean {
  const texts = line.items.flatMap((i) => i.text.trim().split(/\s+/));
  return texts.length >= 3 && texts.every((t, i) => t === String(i + 1));
}

const META = /^(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称|部门)[:：]/;
const UNIT = /单位[:：]\s*(万元|元)\s*$/;
/** Why a table is empty, as layouts say it (故本表为空表; 本表本年无发生额; 本部门无相关收支项目). */
const EMPTY = /为空表|本表无数据|无发生额|本表为空|无相关收支/;

/** Whether a line is none of the body — metadata or a note (read into `meta`), or the columns' numbers. */
function readMeta(line: Line, meta: RegionMeta): boolean {
  const text = line.text.trim();
  const flat = comparable(text);
  if (META.test(flat) || UNIT.test(flat)) {
    const unit = UNIT.exec(flat);
    if (unit) meta.unitLine = `单位：${unit[1]}`;
    const dept = /(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称|部门)[:：](.*?)(?:单位[:：].*)?$/.exec(flat);
    if (dept?.[1]) meta.department = dept[1];
    return true;
  }
  if (/^注[:：]/.test(flat)) {
    meta.note = text.replace(/^注\s*[:：]\s*/, "");
    // Some layouts say why a table is empty in its note.
    if (EMPTY.test(flat)) meta.emptyStatement = meta.note;
    return true;
  }
  if (EMPTY.test(flat)) {
    meta.emptyStatement = text;
    return true;
  }
  return isColumnNumbers(line);
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

export function classify(lines: Line[], meta: RegionMeta, withBlankRows: boolean): Classified {
  const header = new Map<number, Line[]>();
  const content: { line: Line; figures: TextItem[] }[] = [];
  const seenBody = new Set<number>();
  for (const line of lines) {
    if (readMeta(line, meta)) continue;
    // Bare digits that open a line are its codes (208 05 06 机关事业单位…; 2080505 with its label wrapped).
    const leading = line.items.findIndex((i) => !isCode(i.text));
    const codes = new Set(line.items.slice(0, leading < 0 ? line.items.length : leading));
    const figures = line.items.filter((i) => isFigure(i.text) && !codes.has(i));
    if (figures.length > 0) seenBody.add(line.page);
    if (figures.length > 0 || seenBody.has(line.page)) content.push({ line, figures });
    else header.set(line.page, [...(header.get(line.page) ?? []), line]);
  }
  const promoted = new Set<Line>();
  if (withBlankRows) {
    for (const page of seenBody) {
      const onPage = content.filter((c) => c.line.page === page);
      const withFigures = new Set(onPage.filter((c) => c.figures.length > 0).map((c) => c.line));
      for (const line of blankRows(
        onPage.map((c) => c.line),
        (l) => withFigures.has(l),
      ))
        promoted.add(line);
    }
  }
  const body: BodyLine[] = [];
  const loose: Line[] = [];
  for (const { line, figures } of content) {
    if (figures.length > 0 || promoted.has(line)) {
      body.push({ line, figures, texts: line.items.filter((i) => !figures.includes(i)) });
    } else loose.push(line);
  }
  return { body, loose, header };
}

/**
 * Where each table is: a line that prints a table's title (as the template names it) opens the table, which runs
 * over the following pages until the next title or the next part of the document. Everything else is narrative.
 */
import type { Template } from "../../templates/template.ts";
import { narrativeTail } from "../narrative/sections.ts";
import { comparable } from "../text.ts";
import type { Line } from "./lines.ts";

export interface TableRegion {
  id: string;
  title: string;
  lines: Line[];
}

export interface Segmentation {
  regions: TableRegion[];
  narrative: Line[];
}

const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
const PAGE_FOOTER = /^(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)$/;
/**
 * A bare page number stands in the bottom inch (Jiangsu prints it 63pt up); a bare number higher up is content (an
 * amount of 30000).
 */
const BOTTOM_MARGIN = 72;

/** The title a line prints, without the table number some layouts put before or after it (表2, 表 2). */
export function titleOf(text: string): string {
  return comparable(text)
    .replace(/^表\d+/, "")
    .replace(/表\d+$/, "");
}

export function isFooter(line: Line): boolean {
  const text = line.text.trim();
  return PAGE_FOOTER.test(text) || (/^\d+$/.test(text) && line.y < BOTTOM_MARGIN);
}

/** The table whose title this printed title is: the template's title, or its `titlePattern` for variants. */
export function tableTitled(template: Template, printed: string): string | undefined {
  const title = titleOf(printed);
  if (!title) return undefined;
  const spec = template.tables.find((t) => comparable(t.title) === title || t.titleRegex?.test(title) === true);
  return spec?.id;
}

export function segment(lines: Line[], template: Template): Segmentation {
  const regions: TableRegion[] = [];
  const narrative: Line[] = [];
  let current: TableRegion | undefined;
  for (const line of lines) {
    // The table number printed above a title (表2) belongs to the table that follows, not to the one before.
    if (isFooter(line) || /^表\d+$/.test(comparable(line.text))) continue;
    const id = tableTitled(template, line.text);
    if (id) {
      current = { id, title: line.text.trim(), lines: [] };
      regions.push(current);
    } else if (PART_HEADING.test(comparable(line.text))) {
      current = undefined;
      narrative.push(line);
    } else if (current) current.lines.push(line);
    else narrative.push(line);
  }
  // A region runs until the next title; when the explanations follow the last table without a part heading
  // (Shanghai), they are narrative again from their first section heading on.
  for (const region of regions) {
    const tail = narrativeTail(region.lines, template.narrative.sections);
    if (tail.length === 0) continue;
    region.lines = region.lines.slice(0, region.lines.length - tail.length);
    narrative.push(...tail);
  }
  narrative.sort((a, b) => a.page - b.page || b.y - a.y);
  // A table of contents prints titles too; the table itself is the region with the most lines.
  const best = new Map<string, TableRegion>();
  for (const r of regions) if (r.lines.length > (best.get(r.id)?.lines.length ?? -1)) best.set(r.id, r);
  return { regions: [...best.values()], narrative };
}

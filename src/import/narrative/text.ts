/**
 * Text helpers of the narrative reader: a printed line cleaned of typesetting spaces, ordinals (一、 （一） 1.),
 * what a heading looks like, and lines joined into paragraphs the way Chinese text is joined: without spaces.
 */
import type { Line } from "../pdf/lines.ts";
import { comparable } from "../text.ts";

const CN = "一二三四五六七八九十百零〇";

/** An ordinal that opens a heading or an item: 第一部分, 第一条, 一、, (一), 1. or 1、 (not the 7. of 7.8%). */
export const ORDINAL = new RegExp(
  `^(?:第[${CN}]+部分|第[${CN}]+条|[${CN}]+[、.．]|[(（][${CN}]+[)）]|\\d{1,2}(?:[、．]|\\.(?!\\d)|[)）]))\\s*`,
);
export const PART = new RegExp(`^第[${CN}]+部分`);

/** The value of a Chinese numeral up to 999 (十二 → 12, 二十一 → 21). */
export function numeral(text: string): number {
  const digits: Record<string, number> = {
    零: 0,
    〇: 0,
    一: 1,
    二: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = digits[ch] ?? 0;
  }
  return total + digit;
}

/**
 * A printed line as text: trimmed, without the spaces justified typesetting puts between Chinese characters
 * ("四 、 其 他 收 入" → "四、其他收入"); a space stays between two ASCII characters and after 第X部分.
 */
export function cleanLine(text: string): string {
  const part = new RegExp(`^(第[${CN}]+部分)\\s+`).exec(text.trim());
  const rest = (part ? text.trim().slice(part[0].length) : text.trim()).replace(
    /\s+/g,
    (space: string, offset: number, whole: string) => {
      const before = whole[offset - 1] ?? "";
      const after = whole[offset + space.length] ?? "";
      return /[!-~]/.test(before) && /[!-~]/.test(after) ? " " : "";
    },
  );
  return part ? `${part[1]} ${rest}` : rest;
}

/** A heading is short and has no sentence punctuation and no colon. */
export function headingLike(text: string): boolean {
  const c = comparable(text);
  return c.length > 0 && c.length <= 40 && !/[，,。；;:：]/.test(c);
}

/** Prose: a line of running text, long enough and punctuated. */
export function proseLike(text: string): boolean {
  const c = comparable(text);
  return c.length >= 12 && /[，,。；;]/.test(c);
}

/** The ordinal a text opens with ("" if none) and the text after it. */
export function splitOrdinal(text: string): { ordinal: string; rest: string } {
  const m = ORDINAL.exec(text);
  return m ? { ordinal: m[0].trim(), rest: text.slice(m[0].length) } : { ordinal: "", rest: text };
}

/** The left margin of each page: where most lines of running text start. */
function margins(lines: Line[]): Map<number, number> {
  const byPage = new Map<number, number[]>();
  for (const line of lines) {
    const x = line.items[0]?.x0;
    if (x === undefined || comparable(line.text).length < 10) continue;
    byPage.set(line.page, [...(byPage.get(line.page) ?? []), x]);
  }
  return new Map([...byPage].map(([page, xs]) => [page, Math.min(...xs)]));
}

/**
 * Lines joined into paragraphs. A paragraph starts after a line that ends with 。, at a line that opens with an
 * ordinal, and at a line indented from the page's margin (the first-line indent of Chinese paragraphs).
 */
export function paragraphs(lines: Line[]): string[] {
  const margin = margins(lines);
  const out: string[] = [];
  let previous = "";
  for (const line of lines) {
    const text = cleanLine(line.text);
    if (!text) continue;
    const first = line.items[0];
    const left = margin.get(line.page);
    const indented = first !== undefined && left !== undefined && first.x0 - left >= first.h * 0.8;
    const opens = ORDINAL.test(comparable(text)) || indented || /[。]$/.test(previous) || out.length === 0;
    if (opens) out.push(text);
    else out[out.length - 1] += text;
    previous = text;
  }
  return out;
}

/** What a printed word is in a table: a figure, or a code (类 款 项, an economic class). */
import type { TextItem } from "./extract.ts";

const NUMBER = /^[-−]?\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?$|^[-−]?\d+(?:\.\d+)?$/;
const DASH = /^[-—–－]$/;

export const isFigure = (text: string) => NUMBER.test(text.trim()) || DASH.test(text.trim());
/** A bare run of digits (201, 20805, 2080505, 05) reads as a code; figures carry decimals or separators. */
export const isCode = (text: string) => /^\d{1,7}$/.test(text.trim());

/**
 * The codes of a line: the bare digits that open it (208 05 06 机关事业单位…; 2080505 with its label wrapped) and,
 * in a table whose second panel has codes, bare digits followed by words (… 2,082.85 302 01 办公费).
 */
export function lineCodes(items: TextItem[], inLine: boolean): Set<TextItem> {
  const leading = items.findIndex((i) => !isCode(i.text));
  const codes = new Set(items.slice(0, leading < 0 ? items.length : leading));
  if (!inLine) return codes;
  let run: TextItem[] = [];
  for (const item of items) {
    if (isCode(item.text)) run.push(item);
    else {
      if (!isFigure(item.text)) for (const code of run) codes.add(code);
      run = [];
    }
  }
  return codes;
}

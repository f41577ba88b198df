/**
 * The table of contents (目录): the entries printed after 目录, one per line, without dot leaders and page numbers.
 * It runs to the end of its page and over following pages as long as these print nothing but entries.
 */
import type { Line } from "../pdf/lines.ts";
import { comparable } from "../text.ts";
import { cleanLine, ORDINAL } from "./text.ts";

const LEADER = /\s*[.…·•]{3,}.*$/;

/** An entry: dot leaders, or an ordinal followed by a title without punctuation. */
function isEntry(text: string): boolean {
  const c = comparable(text);
  if (LEADER.test(text)) return true;
  const m = ORDINAL.exec(c);
  return m !== null && !/[，,。；;:：、]/.test(c.slice(m[0].length));
}

export function entryText(text: string): string {
  return cleanLine(text.replace(LEADER, ""));
}

/** The entries, and the index of the first line after the contents (0 when the document prints none). */
export function readContents(lines: Line[]): { contents: string[]; end: number } {
  const start = lines.slice(0, 80).findIndex((l) => comparable(l.text) === "目录");
  if (start < 0) return { contents: [], end: 0 };
  const page = lines[start]?.page ?? 0;
  let end = start + 1;
  while (end < lines.length && lines[end]?.page === page) end++;
  const first = lines[start + 1] ? comparable(entryText(lines[start + 1]?.text ?? "")) : "";
  // Following pages continue the contents while every line is an entry and the first is not the first entry again
  // (the body opens with the heading the contents lists first).
  while (end < lines.length) {
    const next = lines[end]?.page;
    const pageLines = lines.slice(end).filter((l) => l.page === next);
    const repeats = comparable(entryText(pageLines[0]?.text ?? "")) === first;
    if (repeats || !pageLines.every((l) => isEntry(l.text))) break;
    end += pageLines.length;
  }
  const contents = lines
    .slice(start + 1, end)
    .map((l) => entryText(l.text))
    .filter((t) => t !== "" && comparable(t) !== "目录");
  return { contents, end };
}

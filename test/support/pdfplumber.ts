/**
 * The corpus's reference extractions (*.pdfplumber.txt: each page's text, then its table grids with cells joined
 * by " | "), read into the figures each page's tables print — what an import must reproduce.
 */
import { readFileSync } from "node:fs";

const NUMBER = /^[-−]?\(?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?$|^[-−]?\d+(?:\.\d+)?$/;

const CODE = /^\d{1,7}$/;

/**
 * Whether a cell is a code of a later panel (… | 2,082.85 | 302 | 01 | 办公费 | 21.21): bare digits followed, past
 * other bare digits and blank cells, by words.
 */
function beforeWords(cells: string[], i: number): boolean {
  if (!CODE.test(cells[i] ?? "")) return false;
  const next = cells.slice(i + 1).find((c) => c !== "" && !CODE.test(c));
  return next !== undefined && !NUMBER.test(next);
}

/** What is in `a` and not in `b`, counting repeats. */
export function multisetMinus<T>(a: T[], b: T[]): T[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

/**
 * Each page's table grid rows, as cells. A reference of a publication in several files
 * (`########## FILE: x.pdf ##########` before each) is read for the one `file`, whose pages are numbered from 1.
 */
export function referenceRows(path: string, file?: string): Map<number, string[][]> {
  const byPage = new Map<number, string[][]>();
  let page = 0;
  let inTable = false;
  let inFile = file === undefined;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const part = /^#{10} FILE: (.+?) #{10}$/.exec(line);
    if (part) inFile = file === undefined || part[1] === file;
    if (!inFile) continue;
    const heading = /^===== PAGE (\d+) =====/.exec(line);
    if (heading) {
      page = Number(heading[1]);
      inTable = false;
    } else if (line.startsWith("--- TABLE")) inTable = true;
    else if (inTable && line.includes("|")) {
      byPage.set(page, [...(byPage.get(page) ?? []), line.split(" | ").map((c) => c.trim())]);
    }
  }
  return byPage;
}

/**
 * Figures per page: numeric grid cells after a row's first words (cells before them are codes), but for a later
 * panel's codes; column-number rows (1 | 2 | 3 …) are not figures.
 */
export function referenceFigures(path: string, file?: string): Map<number, string[]> {
  const byPage = new Map<number, string[]>();
  for (const [page, rows] of referenceRows(path, file)) {
    const figures = rows.flatMap((cells) => {
      if (cells.every((c, i) => c === String(i + 1))) return [];
      const firstWords = cells.findIndex((c) => c !== "" && !NUMBER.test(c));
      return cells.filter((c, i) => i > firstWords && NUMBER.test(c) && !beforeWords(cells, i));
    });
    byPage.set(page, figures);
  }
  return byPage;
}

/**
 * Spreadsheet programs do not fit column widths, and they do not grow merged or wrapped cells to their text, so the
 * workbook estimates both. A width is counted in the widths of a digit: a CJK character is about two of them.
 */

/** East Asian wide and full-width characters (CJK, kana, hangul, full-width forms), each printed two digits wide. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** How many lines `text` takes in a wrapped cell `width` digits wide, keeping its paragraph breaks. */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split("\n").reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Points per printed line at the workbook's body font size, with the cell's padding. */
export const LINE_HEIGHT = 14;

/** The row height (points) that shows `lines` lines, or undefined to keep the program's single-line default. */
export function heightFor(lines: number): number | undefined {
  return lines > 1 ? lines * LINE_HEIGHT + 4 : undefined;
}

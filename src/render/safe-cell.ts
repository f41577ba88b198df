/**
 * A text cell that begins with = + - @ (or a tab or carriage return) is read by spreadsheet programs as a formula;
 * from a published document that would be an injection, so such text is written with a leading apostrophe.
 * Amounts are written as numbers and never pass through here.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A file name made of the table id and title, with nothing a file system or a shell would misread. */
export function safeFileName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s\p{Cc}]+/gu, "_").slice(0, 80);
}

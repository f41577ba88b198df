/**
 * RFC 4180 text: fields quoted when they hold a quote, comma or line break, quotes doubled, CRLF line ends. A byte
 * order mark leads the file because Excel reads BOM-less CSV in the system code page and garbles Chinese.
 */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(records: readonly (readonly string[])[]): string {
  return `\uFEFF${records.map((r) => `${r.map(csvField).join(",")}\r\n`).join("")}`;
}

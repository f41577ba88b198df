/**
 * Small pieces of layout shared by the narrative parts, after ../html/markup.ts: paragraphs and the narrative tables
 * (units, indicators, key projects). pdfmake draws text, never parses it, so nothing needs escaping.
 */
import type { Content, TableCell } from "pdfmake/interfaces.js";
import { NARRATIVE_TABLE, PARAGRAPH_INDENT, ruledGrid } from "./styles.ts";

/** One paragraph per non-blank line: the document keeps paragraph breaks as newlines. */
export function paragraphs(text: string): Content[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => ({ text: line, leadingIndent: PARAGRAPH_INDENT, margin: [0, 0, 0, 3] }));
}

export const heading = (text: string, style: "heading" | "subheading"): Content => ({ text, style });

export interface SimpleColumn {
  header: string;
  /** "auto" (as wide as its widest cell), "*" (a share of what is left) or a percentage such as "40%". */
  width: "auto" | "*" | `${number}%`;
  align?: "right" | "center";
}

/** A narrative table: one header row that repeats on a new page, ruled like the printed tables. */
export function simpleTable(columns: SimpleColumn[], rows: string[][]): Content {
  const head: TableCell[] = columns.map((c) => ({
    text: c.header,
    bold: true,
    alignment: "center",
    fillColor: "#eeeeee",
  }));
  const body: TableCell[][] = rows.map((cells) =>
    cells.map((text, i) => ({ text, alignment: columns[i]?.align ?? "left", noWrap: columns[i]?.align === "right" })),
  );
  return {
    // Set here rather than as a named style: pdfmake resolves named styles once per character of every cell.
    ...NARRATIVE_TABLE,
    margin: [0, 4, 0, 8],
    layout: ruledGrid,
    table: {
      headerRows: 1,
      widths: columns.map((c) => c.width),
      body: [head, ...body],
    },
  };
}

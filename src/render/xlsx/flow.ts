/**
 * A worksheet written top to bottom like a page of text: headings, paragraphs and small tables on a fixed set of
 * columns, each block spanning the columns it needs. Merged cells never grow to their text, so every row is given
 * the height its wrapped text needs.
 */
import type { Cell, Font, Worksheet } from "exceljs";
import { neutraliseFormula } from "../safe-cell.ts";
import { BODY_FONT, BOLD_FONT, BORDER, CENTERED, HEADER_FILL, RIGHT, TOP_WRAPPED } from "./style.ts";
import { heightFor, lineCount } from "./text-width.ts";

/** First and last column (1-based) a block covers. */
export type Span = [number, number];

export interface FlowColumn {
  header: string;
  span: Span;
}

export type FlowValue = string | { amount: number; numFmt: string };

export class Flow {
  private row = 1;

  constructor(
    private readonly sheet: Worksheet,
    private readonly widths: number[],
  ) {
    sheet.columns = widths.map((width) => ({ width }));
  }

  private get full(): Span {
    return [1, this.widths.length];
  }

  private width([from, to]: Span): number {
    return this.widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  }

  private place(span: Span, value: FlowValue): { cell: Cell; lines: number } {
    const [from, to] = span;
    if (to > from) this.sheet.mergeCells(this.row, from, this.row, to);
    const cell = this.sheet.getCell(this.row, from);
    if (typeof value === "string") {
      cell.value = value === "" ? null : neutraliseFormula(value);
      return { cell, lines: lineCount(value, this.width(span)) };
    }
    cell.value = value.amount;
    cell.numFmt = value.numFmt;
    return { cell, lines: 1 };
  }

  private finishRow(lines: number, minimum?: number): void {
    const height = heightFor(lines) ?? minimum;
    if (height !== undefined) this.sheet.getRow(this.row).height = height;
    this.row++;
  }

  /** A line of text across the sheet in the given font and alignment. */
  line(text: string, font: Partial<Font>, align: "left" | "center" = "left", height?: number): void {
    const { cell, lines } = this.place(this.full, text);
    cell.font = font;
    cell.alignment = { ...TOP_WRAPPED, horizontal: align };
    this.finishRow(lines, height);
  }

  /** One row per paragraph: the document keeps paragraph breaks as newlines. */
  paragraphs(text: string): void {
    for (const paragraph of text.split(/\n+/).map((p) => p.trim())) {
      if (paragraph !== "") this.line(paragraph, BODY_FONT);
    }
  }

  /** A term and its text side by side (年度绩效目标 | …). */
  labelled(label: string, text: string, labelSpan: Span, textSpan: Span): void {
    if (!text.trim()) return;
    const term = this.place(labelSpan, label);
    term.cell.font = BOLD_FONT;
    term.cell.alignment = TOP_WRAPPED;
    const body = this.place(textSpan, text.trim());
    body.cell.font = BODY_FONT;
    body.cell.alignment = TOP_WRAPPED;
    this.finishRow(Math.max(term.lines, body.lines));
  }

  /** A small bordered table with one header row. */
  table(columns: FlowColumn[], rows: FlowValue[][]): void {
    if (rows.length === 0) return;
    this.tableRow(columns, (c) => c.header, true);
    for (const values of rows) this.tableRow(columns, (_, i) => values[i] ?? "", false);
  }

  private tableRow(columns: FlowColumn[], value: (c: FlowColumn, i: number) => FlowValue, header: boolean): void {
    let lines = 1;
    columns.forEach((column, i) => {
      const v = value(column, i);
      const placed = this.place(column.span, v);
      lines = Math.max(lines, placed.lines);
      for (let c = column.span[0]; c <= column.span[1]; c++) {
        const cell = this.sheet.getCell(this.row, c);
        cell.border = BORDER;
        if (header) cell.fill = HEADER_FILL;
      }
      placed.cell.font = header ? BOLD_FONT : BODY_FONT;
      placed.cell.alignment = header ? CENTERED : typeof v === "string" ? TOP_WRAPPED : { ...RIGHT, vertical: "top" };
    });
    this.finishRow(lines);
  }

  blank(): void {
    this.row++;
  }
}

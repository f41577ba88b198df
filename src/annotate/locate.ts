/**
 * Where a finding stands on the original pages: a table cell by the positions the PDF importer recorded for its row,
 * a narrative phrase by searching the pages' text (made comparable, so spaces and radical forms do not matter).
 */

import { itemsBox } from "../import/pdf/box.ts";
import type { Page } from "../import/pdf/extract.ts";
import { type Line, pageLines } from "../import/pdf/lines.ts";
import { comparable } from "../import/text.ts";
import type { BudgetDocument, Position, Row, Table } from "../model/document.ts";
import type { Diagnostic } from "../rules/diagnostic.ts";
import type { TableSpec, Template } from "../templates/template.ts";

/** The key of the column that names a row: where the importer put the label (see leftCells in pdf/table.ts). */
function labelKey(spec: TableSpec | undefined, row: Row): string | undefined {
  if (row.side !== undefined || spec?.shape === "balance") return "label";
  return spec?.columns.find((c) => c.type === "label" || c.type === "economic")?.key;
}

function union(boxes: Position[]): Position | undefined {
  const [first] = boxes;
  if (!first) return undefined;
  const same = boxes.filter((b) => b.page === first.page);
  return {
    page: first.page,
    x0: Math.min(...same.map((b) => b.x0)),
    y0: Math.min(...same.map((b) => b.y0)),
    x1: Math.max(...same.map((b) => b.x1)),
    y1: Math.max(...same.map((b) => b.y1)),
  };
}

/**
 * A cell printed blank has no position of its own: it stands where its column stands on another row of the same
 * page, at the height of its own row.
 */
function blankCell(table: Table, row: Row, column: string): Position | undefined {
  const own = union(Object.values(row.positions ?? {}));
  if (!own) return undefined;
  const other = table.rows.map((r) => r.positions?.[column]).find((p) => p !== undefined && p.page === own.page);
  return other ? { page: own.page, x0: other.x0, x1: other.x1, y0: own.y0, y1: own.y1 } : undefined;
}

/** The box of the cell a finding names; for a finding on a whole row, its label cell (or the row). */
export function cellBox(doc: BudgetDocument, template: Template | undefined, d: Diagnostic): Position | undefined {
  const { table: id, row: key, column } = d.location;
  // A table of one unlabelled line (支出预算总表, the 三公 table) keys it "": a key, not a missing one.
  if (!id || key === undefined) return undefined;
  const table = doc.tables.find((t) => t.id === id);
  const row = table?.rows.find((r) => r.key === key);
  const positions = row?.positions;
  if (!table || !row || !positions) return undefined;
  const label = labelKey(
    template?.tables.find((t) => t.id === id),
    row,
  );
  if (column && column !== "label" && column !== label) {
    const box = positions[column] ?? blankCell(table, row, column);
    if (box) return box;
  }
  return (label ? positions[label] : undefined) ?? union(Object.values(positions));
}

/** In user space, where annotations are drawn, also on a page printed sideways. */
function lineBox(line: Line): Position | undefined {
  return union(line.items.flatMap((i) => itemsBox([i]) ?? []));
}

interface PageText {
  lines: Line[];
  /** The lines' comparable text run together, and where each line starts in it. */
  text: string;
  starts: number[];
}

/** Finds phrases on the pages; a phrase is marked by the box around the lines it is printed on. */
export class PhraseFinder {
  private readonly pages: PageText[];

  constructor(pages: Page[]) {
    this.pages = pages.map((page) => {
      const lines = pageLines(page);
      const starts: number[] = [];
      let text = "";
      for (const line of lines) {
        starts.push(text.length);
        text += comparable(line.text);
      }
      return { lines, text, starts };
    });
  }

  private boxAt(page: PageText, from: number, length: number): Position | undefined {
    const lineAt = (offset: number) => page.starts.findLastIndex((s) => s <= offset);
    const first = lineAt(from);
    const last = lineAt(from + length - 1);
    return union(page.lines.slice(first, last + 1).flatMap((l) => lineBox(l) ?? []));
  }

  private occurrences(needle: string): { page: PageText; at: number }[] {
    const found: { page: PageText; at: number }[] = [];
    for (const page of this.pages) {
      for (let at = page.text.indexOf(needle); at >= 0; at = page.text.indexOf(needle, at + 1))
        found.push({ page, at });
    }
    return found;
  }

  /**
   * The first place the phrase is printed. A long phrase (a whole sentence of a fact) that is not printed exactly
   * is found by its first words, when they are printed only once.
   */
  find(phrase: string): Position | undefined {
    const needle = comparable(phrase);
    if (needle === "") return undefined;
    const [first] = this.occurrences(needle);
    if (first) return this.boxAt(first.page, first.at, needle.length);
    const PREFIX = 16;
    if (needle.length <= PREFIX) return undefined;
    const prefixed = this.occurrences(needle.slice(0, PREFIX));
    const [only] = prefixed;
    return only && prefixed.length === 1 ? this.boxAt(only.page, only.at, PREFIX) : undefined;
  }
}

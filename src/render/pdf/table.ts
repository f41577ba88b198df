/**
 * One table of Part 4, from the table IR to a pdfmake table, after ../html/table.ts: title, department and unit
 * line, the merged header rows with the column numbers under them (both repeat on every page the table runs to),
 * body rows with amounts right-aligned, row headers indented by level and totals in bold, then the note and the
 * empty-table statement. Each table starts a landscape page.
 */
import type { Content, TableCell } from "pdfmake/interfaces.js";
import type { GridRow, TableGrid } from "../grid.ts";
import { fitTable, headerStarts, indent, TABLE_LINE_HEIGHT } from "./fit.ts";
import { contentsEntry } from "./front.ts";
import { ruledGrid } from "./styles.ts";

/** pdfmake wants every row as wide as the table: a merged cell is followed by empty cells for the places it covers. */
function headerRows(grid: TableGrid, middle: boolean): TableCell[][] {
  const starts = headerStarts(grid);
  const rows: TableCell[][] = grid.header.map(() => grid.columns.map(() => ({})));
  grid.header.forEach((row, r) => {
    row.forEach((cell, i) => {
      const start = starts[r]?.[i];
      const line = rows[r];
      if (start === undefined || !line) return;
      line[start] = {
        text: cell.text,
        colSpan: cell.colspan,
        rowSpan: cell.rowspan,
        bold: true,
        alignment: "center",
        verticalAlignment: middle ? "middle" : "top",
      };
    });
  });
  if (grid.columnNumbers) rows.push(grid.columnNumbers.map((n) => ({ text: n, alignment: "center" })));
  return rows;
}

function bodyRow(grid: TableGrid, row: GridRow, fontSize: number): TableCell[] {
  const bold = row.total;
  return row.cells.map((cell, i) => {
    const column = grid.columns[i];
    if (cell.type === "amount") return { text: cell.text, alignment: "right", noWrap: true, bold };
    const margin: [number, number, number, number] = [column?.rowHeader ? indent(row.depth, fontSize) : 0, 0, 0, 0];
    return { text: cell.text, bold, margin, noWrap: cell.type === "code" };
  });
}

/** 注：… as printed; a note that already starts with 注 keeps its own wording. */
function note(text: string | undefined): Content[] {
  const trimmed = text?.trim();
  if (!trimmed) return [];
  return [{ text: /^注[:：]/.test(trimmed) ? trimmed : `注：${trimmed}`, style: "tableNote" }];
}

/** The table's page content for a page body of `width` × `height` points. */
export function tableContent(grid: TableGrid, width: number, height: number): Content {
  const fit = fitTable(grid, width, height);
  // pdfmake misplaces vertically centred header cells in a table whose rows may split, so those stay top-aligned.
  const header = headerRows(grid, fit.rowsFitPage);
  const meta: Content = {
    style: "tableMeta",
    margin: [0, 0, 0, 3],
    columns: [
      { text: grid.department ? `部门名称：${grid.department}` : "", width: "*" },
      { text: grid.unitLine ?? "", width: "auto", alignment: "right" },
    ],
  };
  const empty: Content[] = grid.emptyStatement?.trim() ? [{ text: grid.emptyStatement, style: "tableNote" }] : [];
  return [
    contentsEntry(grid.caption, "tableTitle", 1),
    meta,
    {
      layout: ruledGrid,
      fontSize: fit.fontSize,
      lineHeight: TABLE_LINE_HEIGHT,
      table: {
        headerRows: header.length,
        keepWithHeaderRows: 1,
        // A row is kept whole unless it is too tall for a page (long project texts).
        dontBreakRows: fit.rowsFitPage,
        widths: fit.widths,
        body: [...header, ...grid.body.map((row) => bodyRow(grid, row, fit.fontSize))],
      },
    },
    ...note(grid.note),
    ...empty,
  ];
}

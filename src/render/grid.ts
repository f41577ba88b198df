/**
 * The table IR: a template plus a document gives a grid of header rows (with their merges) and body rows of
 * formatted cells. Every renderer (HTML, XLSX, PDF, CSV) is a thin adapter over this grid, so they cannot disagree.
 */

import type { BudgetDocument, Cell, Row, Table } from "../model/document.ts";
import { parentIndexes } from "../model/rows.ts";
import { formatAmount } from "../money/amount.ts";
import {
  type Column,
  type ColumnNode,
  isGroup,
  type Side,
  sideColumns,
  type TableSpec,
  type Template,
} from "../templates/template.ts";

export interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
  /** The first (0-based) column the cell covers. */
  column: number;
}

export interface GridCell {
  text: string;
  type: Column["type"];
  /** The column key, or for balance tables `<side>.<column>`; with the row key it locates the cell. */
  column: string;
  /** The row this cell belongs to (balance tables put two model rows on one printed line). */
  row?: string;
}

export interface GridColumn extends Pick<Column, "key" | "type" | "wide"> {
  /** Whether this column's cells name their row (the label, or the economic code that stands for it). */
  rowHeader: boolean;
}

/** Rows printed in bold: the table's totals. */
const TOTAL_KINDS = new Set(["total", "grandTotal", "yearTotal"]);

export interface GridRow {
  key: string;
  kind: string;
  /** A total row (合计, 本年收入合计, 收入总计), printed in bold. */
  total: boolean;
  /** Depth in the table's hierarchy (0 for totals), for indentation; undefined outside the hierarchy. */
  depth?: number;
  cells: GridCell[];
}

export interface TableGrid {
  id: string;
  number: number;
  title: string;
  /** 表N and the title, as every output heads the table. */
  caption: string;
  unitLine?: string;
  department?: string;
  note?: string;
  emptyStatement?: string;
  header: HeaderCell[][];
  /** The printed column numbers (1, 2, 3 …) under the header, when the layout has them. */
  columnNumbers?: string[];
  columns: GridColumn[];
  body: GridRow[];
}

const fillYear = (text: string, year: number) => text.replace("{year}", String(year));

function depthOf(nodes: ColumnNode[]): number {
  return Math.max(...nodes.map((n) => (isGroup(n) ? 1 + depthOf(n.columns) : 1)));
}

function leafCount(node: ColumnNode): number {
  return isGroup(node) ? node.columns.reduce((n, c) => n + leafCount(c), 0) : 1;
}

/** The header rows with merges, computed from the column tree: a group spans its leaves, a leaf spans down. */
export function headerRows(tree: ColumnNode[], year: number): HeaderCell[][] {
  const depth = depthOf(tree);
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => []);
  const place = (nodes: ColumnNode[], level: number, first: number) => {
    let column = first;
    for (const node of nodes) {
      if (isGroup(node)) {
        rows[level]?.push({ text: fillYear(node.group, year), colspan: leafCount(node), rowspan: 1, column });
        place(node.columns, level + 1, column);
      } else {
        rows[level]?.push({ text: fillYear(node.header, year), colspan: 1, rowspan: depth - level, column });
      }
      column += leafCount(node);
    }
  };
  place(tree, 0, 0);
  return rows;
}

export function formatCell(cell: Cell | undefined, decimals: number): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "number" ? formatAmount(cell, { decimals }) : cell;
}

function depths(spec: TableSpec, rows: Row[]): (number | undefined)[] {
  const parents = parentIndexes(spec, rows);
  const result: (number | undefined)[] = [];
  rows.forEach((row, i) => {
    const p = parents[i];
    const hasLevel = spec.kindRules.some((r) => r.kind === row.kind && r.level !== undefined);
    result.push(!hasLevel ? undefined : p === undefined ? 0 : (result[p] ?? 0) + 1);
  });
  return result;
}

function gridBody(spec: TableSpec, table: Table, decimals: number): GridRow[] {
  const d = depths(spec, table.rows);
  return table.rows.map((row, i) => ({
    key: row.key,
    kind: row.kind,
    total: TOTAL_KINDS.has(row.kind),
    depth: d[i],
    cells: spec.columns.map((c) => ({ text: formatCell(row.cells[c.key], decimals), type: c.type, column: c.key })),
  }));
}

/**
 * A balance table prints its two sides next to each other, aligned at the year totals and the grand totals:
 * lines before 本年合计, then 本年合计, then the lines after it, then 总计.
 */
function balanceBody(printed: { side: Side; columns: Column[] }[], table: Table, decimals: number): GridRow[] {
  const sides = printed.map(({ side }) => table.rows.filter((r) => r.side === side.key));
  const bands = (rows: Row[]) => {
    const year = rows.findIndex((r) => r.kind === "yearTotal");
    const grand = rows.findIndex((r) => r.kind === "grandTotal");
    const end = grand < 0 ? rows.length : grand;
    if (year < 0) return [rows.slice(0, end), [], [], rows.slice(end)];
    return [rows.slice(0, year), rows.slice(year, year + 1), rows.slice(year + 1, end), rows.slice(end)];
  };
  const banded = sides.map(bands);
  const out: GridRow[] = [];
  for (let band = 0; band < 4; band++) {
    const lines = Math.max(...banded.map((b) => b[band]?.length ?? 0));
    for (let i = 0; i < lines; i++) {
      const pair = banded.map((b) => b[band]?.[i]);
      const lead = pair.find((r) => r !== undefined);
      out.push({
        key: pair.map((r) => r?.key ?? "").join("|"),
        kind: lead?.kind ?? "line",
        total: TOTAL_KINDS.has(lead?.kind ?? ""),
        depth: band === 0 || band === 2 ? 1 : 0,
        cells: pair.flatMap((r, s) => {
          const side = printed[s]?.side;
          return (printed[s]?.columns ?? []).map((c) => ({
            text: c.type === "label" ? (r?.label ?? "") : formatCell(r?.cells[c.key], decimals),
            type: c.type,
            column: `${side?.key}.${c.key}`,
            row: r?.key,
          }));
        }),
      });
    }
  }
  return out;
}

/**
 * The columns a side prints: an optional column (one only some documents of the layout print, such as the
 * unit-level 人员经费/公用经费/项目支出) is left out where no row of the table fills it, as the document left it out.
 */
function printedSides(spec: TableSpec, table: Table): { side: Side; columns: Column[] }[] {
  return (spec.sides ?? []).map((side) => {
    const rows = table.rows.filter((r) => r.side === side.key);
    const filled = (c: Column) => rows.some((r) => r.cells[c.key] !== undefined && r.cells[c.key] !== null);
    return { side, columns: sideColumns(side).filter((c) => !c.optional || filled(c)) };
  });
}

/** 收入 | 支出 over each side's columns; under them 项目 and the amount headers (the side's own, if it has them). */
function balanceHeader(sides: { side: Side; columns: Column[] }[], year: number): HeaderCell[][] {
  const firsts = sides.map((_, i) => sides.slice(0, i).reduce((n, s) => n + s.columns.length, 0));
  return [
    sides.map(({ side, columns }, i) => ({
      text: side.header,
      colspan: columns.length,
      rowspan: 1,
      column: firsts[i] ?? 0,
    })),
    sides.flatMap(({ side, columns }, i) => {
      const single = columns.filter((c) => c.type === "amount").length === 1;
      return columns.map((c, k) => ({
        text: c.type === "label" ? side.labelHeader : fillYear(single ? side.amountHeader : c.header, year),
        colspan: 1,
        rowspan: 1,
        column: (firsts[i] ?? 0) + k,
      }));
    }),
  ];
}

export function tableGrid(template: Template, doc: BudgetDocument, table: Table): TableGrid {
  const spec = template.tables.find((t) => t.id === table.id);
  if (!spec) throw new Error(`template ${template.id} has no table ${table.id}`);
  const balance = spec.shape === "balance";
  const printed = printedSides(spec, table);
  const rowHeader = (c: Column) => c.type === "label" || c.label === true;
  const columns = balance
    ? printed.flatMap(({ columns }) => columns.map((c) => ({ key: c.key, type: c.type, rowHeader: rowHeader(c) })))
    : spec.columns.map((c) => ({ key: c.key, type: c.type, wide: c.wide, rowHeader: rowHeader(c) }));
  const grid: TableGrid = {
    id: table.id,
    number: spec.number,
    title: table.title || spec.title,
    caption: `表${spec.number} ${table.title || spec.title}`,
    unitLine: table.unitLine ?? template.unitLine,
    department: table.department ?? doc.department,
    header: balance ? balanceHeader(printed, doc.year) : headerRows(spec.columnTree, doc.year),
    columns,
    body: balance ? balanceBody(printed, table, doc.decimals) : gridBody(spec, table, doc.decimals),
  };
  if (spec.columnNumbers && !balance) grid.columnNumbers = columns.map((_, i) => String(i + 1));
  if (table.note !== undefined) grid.note = table.note;
  if (table.emptyStatement !== undefined) grid.emptyStatement = table.emptyStatement;
  return grid;
}

/** Grids for every table of the document, in template order. */
export function documentGrids(template: Template, doc: BudgetDocument): TableGrid[] {
  return template.tables.flatMap((spec) => {
    const table = doc.tables.find((t) => t.id === spec.id);
    return table ? [tableGrid(template, doc, table)] : [];
  });
}

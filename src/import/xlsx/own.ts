/**
 * A workbook yusuan wrote: the narrative and metadata come from the embedded model; each table comes from its
 * sheet, where a reviewer may have changed cells. A sheet that still shows exactly what the model prints keeps the
 * model's table as it is (row kinds, keys, codes and PDF positions included); a sheet that differs is read back
 * through the source folder's row code, and that table is reported as edited.
 */
import ExcelJS, { type Workbook, type Worksheet } from "exceljs";
import type { BudgetDocument, Cell, Row, Table } from "../../model/document.ts";
import { resolveBalanceCodes } from "../../model/load.ts";
import { formatAmount } from "../../money/amount.ts";
import { documentGrids, type TableGrid } from "../../render/grid.ts";
import { neutraliseFormula } from "../../render/safe-cell.ts";
import { modelCells } from "../../render/xlsx/model-cell.ts";
import { writeNarrativeSheet } from "../../render/xlsx/narrative.ts";
import { NARRATIVE_SHEET, tableSheetNames } from "../../render/xlsx/sheet-name.ts";
import { MODEL_SHEET } from "../../render/xlsx/workbook.ts";
import {
  loadTemplate,
  sideColumns,
  type TableSpec,
  type Template,
  TemplateError,
  tableSpec,
} from "../../templates/template.ts";
import { ImportError } from "../errors.ts";
import { tableTitled } from "../pdf/segment.ts";
import { amountText, isEmpty, type Plain, plain, sheetMatrix } from "./cells.ts";
import type { SheetReport } from "./layout.ts";
import { amountCount, lineColumns, type SheetLine, sheetRows } from "./rows.ts";

/** A value as the writer puts it in the sheet: an amount as the model's integer, a text neutralised. */
type Written = { amount: number } | string | null;

const written = (text: string): Written => (text === "" ? null : neutraliseFormula(text));

/** The body lines renderXlsx writes for a table (see writeBodyRow in render/xlsx/sheet.ts). */
function writtenLines(grid: TableGrid, table: Table | undefined): Written[][] {
  const model = modelCells(table);
  return grid.body.map((row) =>
    row.cells.flatMap((gridCell, i) => {
      const column = grid.columns[i];
      if (!column) return [];
      if (column.type !== "amount") return [written(gridCell.text)];
      const value: Cell | undefined = model(row, gridCell, column);
      return [typeof value === "number" ? { amount: value } : written(value ?? "")];
    }),
  );
}

/** The sheet row of the grid's first body line: below the title, the meta line, the header and the column numbers. */
const firstBodyRow = (grid: TableGrid) => 3 + grid.header.length + (grid.columnNumbers ? 1 : 0);

interface Printed {
  rows: number[];
  lines: Plain[][];
}

/** The body as the sheet holds it now: the lines down to the note beneath (merged across the table) or the end. */
function printedLines(sheet: Worksheet, grid: TableGrid): Printed {
  const width = grid.columns.length;
  const printed: Printed = { rows: [], lines: [] };
  for (let r = firstBodyRow(grid); r <= sheet.rowCount; r++) {
    const first = sheet.getCell(r, 1);
    const spansTable = width > 1 && first.isMerged && sheet.getCell(r, width).master === first;
    if (spansTable) break;
    printed.rows.push(r);
    printed.lines.push(Array.from({ length: width }, (_, c) => plain(sheet.getCell(r, c + 1).value)));
  }
  while (printed.lines.length > 0 && (printed.lines[printed.lines.length - 1] ?? []).every(isEmpty)) {
    printed.lines.pop();
    printed.rows.pop();
  }
  return printed;
}

function same(printed: Plain, expected: Written, decimals: number): boolean {
  if (expected === null) return isEmpty(printed);
  if (typeof expected === "string") return printed === expected;
  return (
    typeof printed === "number" &&
    amountText(printed, decimals) === formatAmount(expected.amount, { decimals, thousands: false })
  );
}

function unchanged(printed: Printed, expected: Written[][], decimals: number): boolean {
  const trimmed = [...expected];
  while (trimmed.length > 0 && (trimmed[trimmed.length - 1] ?? []).every((w) => w === null)) trimmed.pop();
  return (
    printed.lines.length === trimmed.length &&
    trimmed.every((line, r) => line.every((w, c) => same(printed.lines[r]?.[c] ?? null, w, decimals)))
  );
}

/** The text a reader typed, without the apostrophe the writer puts before text that starts like a formula. */
const typed = (value: Plain): Plain =>
  typeof value === "string" && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;

/** Which side and column each position of a printed balance line holds, as the grid lays the sides out. */
function balanceLayout(spec: TableSpec, grid: TableGrid): { side: string; key: string }[] {
  const cells = grid.body[0]?.cells;
  if (cells) {
    return cells.map((c) => {
      const dot = c.column.indexOf(".");
      return { side: c.column.slice(0, dot), key: c.column.slice(dot + 1) };
    });
  }
  return (spec.sides ?? []).flatMap((side) => sideColumns(side).map((c) => ({ side: side.key, key: c.key })));
}

/** The printed lines as lines of template columns; a balance line as one line per side it prints. */
function sheetLines(spec: TableSpec, grid: TableGrid, printed: Printed): SheetLine[] {
  if (spec.shape !== "balance") {
    return printed.lines.map((values, i) => ({
      row: printed.rows[i] ?? 0,
      values: values.map(typed),
      columns: values.map((_, c) => c + 1),
    }));
  }
  const layout = balanceLayout(spec, grid);
  const lines: SheetLine[] = [];
  printed.lines.forEach((values, i) => {
    for (const side of spec.sides ?? []) {
      const at = lineColumns(spec, side.key).map((c) =>
        layout.findIndex((l) => l.side === side.key && l.key === c.key),
      );
      const line = at.map((position) => (position < 0 ? null : typed(values[position] ?? null)));
      if (line.every(isEmpty)) continue;
      lines.push({ row: printed.rows[i] ?? 0, side: side.key, values: line, columns: at.map((p) => p + 1) });
    }
  });
  return lines;
}

/** A table read from its sheet; rows the model has under the same key keep their PDF positions. */
function readTable(
  spec: TableSpec,
  grid: TableGrid,
  printed: Printed,
  table: Table,
  decimals: number,
  place: { file: string; sheet: string },
): Table {
  const rows: Row[] = sheetRows(spec, sheetLines(spec, grid, printed), decimals, place);
  const before = new Map(table.rows.map((r) => [r.key, r]));
  for (const row of rows) {
    const positions = before.get(row.key)?.positions;
    if (positions) row.positions = positions;
  }
  return { ...table, rows };
}

function findSheet(
  workbook: Workbook,
  name: string | undefined,
  template: Template,
  id: string,
): Worksheet | undefined {
  const named = name === undefined ? undefined : workbook.getWorksheet(name);
  if (named) return named;
  // A sheet renamed by its reader still prints its title in A1.
  return workbook.worksheets.find((ws) => {
    const title = plain(ws.getCell(1, 1).value);
    return typeof title === "string" && tableTitled(template, title) === id;
  });
}

/** Whether the 说明 sheet still shows what the model writes there (its edits are not read back). */
function narrativeUnchanged(sheet: Worksheet, model: BudgetDocument): boolean {
  const fresh = new ExcelJS.Workbook().addWorksheet(NARRATIVE_SHEET);
  writeNarrativeSheet(fresh, model);
  const filled = (matrix: Plain[][]) => {
    const rows = matrix.map((values) => values.map((v) => (isEmpty(v) ? null : v)));
    while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((v) => v === null)) rows.pop();
    return JSON.stringify(rows.map((values) => values.slice(0, 1 + values.findLastIndex((v) => v !== null))));
  };
  return filled(sheetMatrix(sheet)) === filled(sheetMatrix(fresh));
}

export interface OwnImport {
  doc: BudgetDocument;
  reason: string;
  sheets: SheetReport[];
  unmapped: string[];
  edited: string[];
}

export function importOwn(workbook: Workbook, model: BudgetDocument, file: string, wanted: string): OwnImport {
  if (wanted !== "auto" && wanted !== model.template) {
    throw new ImportError(file, `the workbook holds a ${model.template} document, not ${wanted}`);
  }
  let template: Template;
  try {
    template = loadTemplate(model.template);
  } catch (error) {
    if (error instanceof TemplateError) throw new ImportError(file, error.message);
    throw error;
  }
  const grids = documentGrids(template, model);
  const names = tableSheetNames(grids);
  const replaced = new Map<string, Table>();
  const bySheet = new Map<string, SheetReport>();
  const missing: string[] = [];
  grids.forEach((grid, i) => {
    const table = model.tables.find((t) => t.id === grid.id);
    const sheet = findSheet(workbook, names[i], template, grid.id);
    if (!sheet || !table) {
      missing.push(grid.id);
      return;
    }
    const spec = tableSpec(template, grid.id);
    const printed = printedLines(sheet, grid);
    const lines = sheetLines(spec, grid, printed);
    bySheet.set(sheet.name, {
      name: sheet.name,
      table: grid.id,
      rows: printed.lines.length,
      amounts: amountCount(spec, lines),
      problems: [],
    });
    if (unchanged(printed, writtenLines(grid, table), model.decimals)) return;
    replaced.set(grid.id, readTable(spec, grid, printed, table, model.decimals, { file, sheet: sheet.name }));
  });
  // Balance lines print a class name without its code; the edited ones get it from the catalog as on loading.
  resolveBalanceCodes({ ...model, tables: [...replaced.values()] });
  const edited = [...replaced.keys()];
  const sheets: SheetReport[] = [];
  const unmapped: string[] = [];
  let narrativeEdited = false;
  for (const ws of workbook.worksheets) {
    if (ws.name === MODEL_SHEET) continue;
    const report = bySheet.get(ws.name);
    if (report) sheets.push(report);
    else if (ws.name === NARRATIVE_SHEET) {
      narrativeEdited = !narrativeUnchanged(ws, model);
      const problems = narrativeEdited
        ? ["differs from the embedded model: the narrative is taken from the model"]
        : [];
      sheets.push({ name: ws.name, rows: 0, amounts: 0, problems });
    } else {
      sheets.push({ name: ws.name, rows: 0, amounts: 0, problems: ["not a sheet yusuan wrote; not read"] });
      unmapped.push(ws.name);
    }
  }
  const said = [
    `${model.template}: a yusuan workbook with its model embedded`,
    edited.length > 0 ? `tables edited in their sheets: ${edited.join(", ")}` : "no table edited",
    ...(missing.length > 0 ? [`sheets missing, tables kept from the model: ${missing.join(", ")}`] : []),
    ...(narrativeEdited ? [`edits on ${NARRATIVE_SHEET} not read: the narrative is the model's`] : []),
  ];
  return {
    doc: { ...model, tables: model.tables.map((t) => replaced.get(t.id) ?? t) },
    reason: said.join("; "),
    sheets,
    unmapped,
    edited,
  };
}

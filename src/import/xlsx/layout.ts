/**
 * A workbook that yusuan did not write: each sheet that prints a table's title in its first rows is that table of
 * the layout, its columns taken by position. The header above the figures is not read (its wording and merges vary
 * between systems); the body starts at the first line that holds a figure.
 */
import type { Workbook, Worksheet } from "exceljs";
import { type BudgetDocument, SCHEMA_VERSION, type Table, type Unit } from "../../model/document.ts";
import { resolveBalanceCodes } from "../../model/load.ts";
import { loadTemplate, sideColumns, type TableSpec, type Template, TemplateError } from "../../templates/template.ts";
import { ImportError } from "../errors.ts";
import { tableTitled } from "../pdf/segment.ts";
import { recognise, templateIds } from "../recognize.ts";
import { comparable } from "../text.ts";
import { isEmpty, type Plain, placesOf, sheetMatrix, textOf } from "./cells.ts";
import { amountCount, lineColumns, type SheetLine, sheetRows } from "./rows.ts";

/** How far down a sheet its title may stand. */
const TITLE_ROWS = 8;
const MAX_DECIMALS = 4;

export interface SheetReport {
  name: string;
  /** The table the sheet was read as. */
  table?: string;
  /** Body lines read. */
  rows: number;
  /** Amount cells read. */
  amounts: number;
  problems: string[];
}

interface Sheet {
  name: string;
  matrix: Plain[][];
  /** Texts of its first rows, where its title stands. */
  head: { text: string; row: number }[];
}

function readSheet(worksheet: Worksheet): Sheet {
  const matrix = sheetMatrix(worksheet);
  const head = matrix
    .slice(0, TITLE_ROWS)
    .flatMap((values, row) =>
      values
        .filter((v): v is string => typeof v === "string" && v.trim() !== "")
        .map((text) => ({ text: text.trim(), row })),
    );
  return { name: worksheet.name, matrix, head };
}

/** The table a sheet prints the title of, and the row of that title (-1 when only its name says so). */
function titleOf(template: Template, sheet: Sheet): { id: string; row: number } | undefined {
  for (const { text, row } of sheet.head) {
    const id = tableTitled(template, text);
    if (id) return { id, row };
  }
  const id = tableTitled(template, sheet.name);
  return id ? { id, row: -1 } : undefined;
}

function chooseTemplate(sheets: Sheet[], wanted: string, file: string): { template: Template; reason: string } {
  if (wanted !== "auto") {
    try {
      return { template: loadTemplate(wanted), reason: `${wanted}: chosen with --template` };
    } catch (error) {
      if (error instanceof TemplateError) throw new ImportError(file, error.message);
      throw error;
    }
  }
  const printed = sheets.flatMap((s) => [...s.head.map((h) => h.text), s.name]);
  const recognised = recognise(printed);
  if (recognised) return { template: recognised.template, reason: recognised.reason };
  // A workbook of a few tables need not print the titles a layout is recognised by: the layout most sheets match.
  let best: { template: Template; found: number } | undefined;
  for (const id of templateIds()) {
    const template = loadTemplate(id);
    const found = new Set(sheets.flatMap((s) => titleOf(template, s)?.id ?? [])).size;
    if (found > (best?.found ?? 0)) best = { template, found };
  }
  if (!best) {
    const said = sheets.map((s) => `"${s.name}" (${s.head[0]?.text.slice(0, 40) ?? "empty"})`).join(", ");
    throw new ImportError(file, `no sheet prints the title of a table of any known layout: sheets ${said}`);
  }
  return {
    template: best.template,
    reason: `${best.template.id}: ${best.found} of its ${best.template.tables.length} table titles found`,
  };
}

const FIGURE = /^[-−]?\(?[\d,]*\d(?:\.\d+)?\)?$|^[-—–－]$/;
const isFigure = (v: Plain) => typeof v === "number" || (typeof v === "string" && FIGURE.test(v.trim()));

/** A line of the column numbers 1, 2, 3 … under a header. */
function isColumnNumbers(values: Plain[]): boolean {
  const filled = values.filter((v) => !isEmpty(v)).map((v) => textOf(v).trim());
  return filled.length >= 3 && filled.every((t, i) => t === String(i + 1));
}

const NOTE = /^注[:：]/;
const EMPTY_STATEMENT = /为空表|本表无数据|本表为空/;
const META = /^(?:单位名称|部门名称|编制单位|预算单位|部门\(单位\)名称)[:：]\s*(.*)$/;
const UNIT = /单位[:：]\s*(万元|元)\s*$/;

interface Body {
  lines: Plain[][];
  rows: number[];
  first: number;
  department?: string;
  unit?: string;
  note?: string;
  emptyStatement?: string;
}

/** The lines between the first and the last that hold a figure, and what the rows around them say. */
function findBody(matrix: Plain[][], from: number): Body {
  const filled = (r: number) => (matrix[r] ?? []).filter((v) => !isEmpty(v)).map((v) => comparable(textOf(v)));
  const numeric = (r: number) => {
    const values = matrix[r] ?? [];
    return values.some(isFigure) && !isColumnNumbers(values) && !NOTE.test(filled(r)[0] ?? "");
  };
  let first = -1;
  let last = -1;
  for (let r = from; r < matrix.length; r++) {
    if (!numeric(r)) continue;
    if (first < 0) first = r;
    last = r;
  }
  const body: Body = { lines: [], rows: [], first: first < 0 ? matrix.length : first };
  for (let r = from; r < matrix.length; r++) {
    const texts = filled(r);
    if (texts.length === 0) continue;
    const inBody = r >= first && r <= last && first >= 0;
    const joined = texts.join("");
    if (inBody && !NOTE.test(joined)) {
      body.lines.push(matrix[r] ?? []);
      body.rows.push(r + 1);
    } else if (NOTE.test(joined)) {
      body.note = textOf((matrix[r] ?? []).find((v) => !isEmpty(v)) ?? "").replace(/^\s*注\s*[:：]\s*/, "");
      if (EMPTY_STATEMENT.test(joined)) body.emptyStatement = body.note;
    } else if (EMPTY_STATEMENT.test(joined)) body.emptyStatement = texts.join(" ");
    else if (r < body.first) {
      for (const text of texts) {
        const meta = META.exec(text);
        if (meta?.[1]) body.department = meta[1].replace(/单位[:：].*$/, "");
        const unit = UNIT.exec(text);
        if (unit) body.unit = unit[1];
      }
    }
  }
  return body;
}

/** The first and last column the header and body use. */
function usedColumns(matrix: Plain[][], from: number, body: Body): [number, number] {
  const rows = [...matrix.slice(from, body.first), ...body.lines];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const values of rows) {
    values.forEach((v, c) => {
      if (isEmpty(v)) return;
      first = Math.min(first, c);
      last = Math.max(last, c);
    });
  }
  return first > last ? [0, -1] : [first, last];
}

/** The template columns in printed order, with the side each belongs to (balance tables print two sides). */
function printedColumns(spec: TableSpec): { side?: string; count: number }[] {
  if (spec.shape !== "balance") return [{ count: spec.columns.length }];
  return (spec.sides ?? []).map((side) => ({ side: side.key, count: sideColumns(side).length }));
}

function sheetLines(spec: TableSpec, body: Body, start: number): SheetLine[] {
  const lines: SheetLine[] = [];
  body.lines.forEach((values, i) => {
    let offset = start;
    for (const part of printedColumns(spec)) {
      const columns = Array.from({ length: part.count }, (_, j) => offset + j);
      const line: SheetLine = {
        row: body.rows[i] ?? 0,
        values: columns.map((c) => values[c] ?? null),
        columns: columns.map((c) => c + 1),
      };
      if (part.side !== undefined) line.side = part.side;
      // A balance line may print only one side.
      if (part.side === undefined || line.values.some((v) => !isEmpty(v))) lines.push(line);
      offset += part.count;
    }
  });
  return lines;
}

/** The decimal places the figures are stored with (a table in 万元 may carry four). */
function placesNeeded(spec: TableSpec, lines: SheetLine[]): number {
  let places = 0;
  for (const line of lines) {
    lineColumns(spec, line.side).forEach((c, i) => {
      if (c.type === "amount") places = Math.max(places, placesOf(line.values[i] ?? null, MAX_DECIMALS));
    });
  }
  return places;
}

interface Mapped {
  spec: TableSpec;
  sheet: Sheet;
  body: Body;
  lines: SheetLine[];
  report: SheetReport;
}

function mapSheet(spec: TableSpec, sheet: Sheet, titleRow: number, template: Template): Mapped {
  const body = findBody(sheet.matrix, titleRow + 1);
  const [first, last] = usedColumns(sheet.matrix, titleRow + 1, body);
  const expected = printedColumns(spec).reduce((n, p) => n + p.count, 0);
  const lines = sheetLines(spec, body, first);
  const problems: string[] = [];
  if (body.lines.length > 0 && last - first + 1 !== expected) {
    problems.push(`uses ${last - first + 1} columns where the template has ${expected}; read by position`);
  }
  const unit = spec.amountUnit ?? template.amountUnit;
  if (body.unit && body.unit !== unit) problems.push(`prints amounts in ${body.unit} where the layout has ${unit}`);
  const report: SheetReport = {
    name: sheet.name,
    table: spec.id,
    rows: body.lines.length,
    amounts: amountCount(spec, lines),
    problems,
  };
  return { spec, sheet, body, lines, report };
}

function toTable(mapped: Mapped, decimals: number, file: string): Table {
  const { spec, body, lines, sheet } = mapped;
  const rows = sheetRows(spec, lines, decimals, { file, sheet: sheet.name });
  const table: Table = { id: spec.id, title: spec.title, rows };
  if (spec.amountUnit !== undefined) {
    table.amountUnit = spec.amountUnit;
    table.decimals = decimals;
  }
  if (body.unit) table.unitLine = `单位：${body.unit}`;
  if (body.department) table.department = body.department;
  if (body.note !== undefined) table.note = body.note;
  if (body.emptyStatement) table.emptyStatement = body.emptyStatement;
  return table;
}

export interface LayoutImport {
  doc: BudgetDocument;
  reason: string;
  sheets: SheetReport[];
  unmapped: string[];
}

export function importLayout(workbook: Workbook, file: string, wanted: string): LayoutImport {
  const visible = workbook.worksheets.filter((ws) => ws.state === "visible" || ws.state === undefined);
  if (visible.length === 0) throw new ImportError(file, "the workbook has no visible sheet");
  const sheets = visible.map(readSheet);
  const { template, reason } = chooseTemplate(sheets, wanted, file);
  const mapped = new Map<string, Mapped>();
  const reports: SheetReport[] = [];
  const unmapped: string[] = [];
  for (const sheet of sheets) {
    const title = titleOf(template, sheet);
    const spec = template.tables.find((t) => t.id === title?.id);
    if (!title || !spec) {
      unmapped.push(sheet.name);
      reports.push({ name: sheet.name, rows: 0, amounts: 0, problems: ["prints no table title of the layout"] });
      continue;
    }
    const taken = mapped.get(spec.id);
    if (taken) {
      unmapped.push(sheet.name);
      const problem = `prints the title of ${spec.id}, already read from sheet "${taken.sheet.name}"`;
      reports.push({ name: sheet.name, rows: 0, amounts: 0, problems: [problem] });
      continue;
    }
    const one = mapSheet(spec, sheet, title.row, template);
    mapped.set(spec.id, one);
    reports.push(one.report);
  }
  if (mapped.size === 0) {
    const said = sheets.map((s) => `"${s.name}" (${s.head[0]?.text.slice(0, 40) ?? "empty"})`).join(", ");
    throw new ImportError(file, `${reason}, but no sheet prints one of its table titles: sheets ${said}`);
  }
  // A table the layout publishes in another unit keeps its own decimals (Shanghai's 三公 table in 万元).
  const own = (m: Mapped) => m.spec.amountUnit !== undefined;
  const decimalsOf = (m: Mapped) => Math.max(template.decimals, placesNeeded(m.spec, m.lines));
  const decimals = Math.max(template.decimals, ...[...mapped.values()].filter((m) => !own(m)).map(decimalsOf));
  const tables = template.tables.flatMap((spec) => {
    const m = mapped.get(spec.id);
    return m ? [toTable(m, own(m) ? decimalsOf(m) : decimals, file)] : [];
  });
  const titles = [...mapped.values()].flatMap((m) => m.sheet.head.map((h) => comparable(h.text)));
  const year = Number(titles.map((t) => /(20\d{2}|19\d{2})年/.exec(t)?.[1]).find(Boolean) ?? template.year);
  const units = new Map<string, Unit>();
  for (const row of tables.flatMap((t) => t.rows)) {
    if (row.kind === "unit" && row.code && /^\d{6}$/.test(row.code)) {
      units.set(row.code, { code: row.code, name: row.label, type: "其他" });
    }
  }
  const doc: BudgetDocument = {
    schemaVersion: SCHEMA_VERSION,
    template: template.id,
    year,
    department: tables.find((t) => t.department)?.department ?? "",
    title: workbook.title ?? "",
    amountUnit: template.amountUnit,
    decimals,
    units: [...units.values()],
    contents: [],
    part1: { duties: [], structure: "" },
    part2: { policies: [], departmentGoal: { indicators: [] }, tasks: [] },
    part3: [],
    tables,
  };
  // Balance lines print a class name without its code; the code is the catalog's, as on loading a document.
  try {
    resolveBalanceCodes(doc);
  } catch {
    // A year before every catalog leaves the names uncoded; the validator says what it cannot check.
  }
  return { doc, reason, sheets: reports, unmapped };
}

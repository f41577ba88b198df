/**
 * A published PDF into a BudgetDocument: text with positions → lines → table regions found by their titles →
 * rows with codes, labels and figures, given kinds and keys by the same code as the source folder.
 */
import { basename } from "node:path";
import { type BudgetDocument, SCHEMA_VERSION, type Table, type Unit } from "../../model/document.ts";
import { balanceRows, CellReader, gridRows } from "../../model/source.ts";
import { type Column, loadTemplate, sideColumns, type TableSpec, type Template } from "../../templates/template.ts";
import { ImportError } from "../errors.ts";
import { readNarrative } from "../narrative/index.ts";
import { recognise } from "../recognize.ts";
import { readCover } from "./cover.ts";
import { readPdf } from "./extract.ts";
import { type Line, pageLines } from "./lines.ts";
import { segment } from "./segment.ts";
import { type Cells, type RegionReading, readRegion } from "./table.ts";

export interface TableReport {
  id: string;
  title: string;
  found: boolean;
  rows: number;
  cells: number;
  pages: number[];
  problems: string[];
}

export interface PdfImport {
  doc: BudgetDocument;
  template: Template;
  reason: string;
  tables: TableReport[];
}

function toTable(spec: TableSpec, reading: RegionReading, file: string, decimals: number): Table {
  // A table the layout publishes in another unit keeps its own decimals (Shanghai's 三公 table in 万元).
  const own = spec.amountUnit !== undefined ? reading.decimals : decimals;
  const reader = new CellReader(file, own);
  const positional = (columns: Column[], cells: Cells) => columns.map((c) => cells[c.key] ?? "");
  // Rows come out in the order they are read: grid rows as printed, balance rows side by side.
  const ordered =
    spec.shape === "balance"
      ? (spec.sides ?? []).flatMap((side) => reading.rows.filter((r) => r.cells.side === side.key))
      : reading.rows;
  const rows =
    spec.shape === "balance"
      ? balanceRows(
          spec,
          Object.fromEntries(
            (spec.sides ?? []).map((side) => [
              side.key,
              ordered.filter((r) => r.cells.side === side.key).map((r) => positional(sideColumns(side), r.cells)),
            ]),
          ),
          reader,
        )
      : gridRows(
          spec,
          ordered.map((r) => positional(spec.columns, r.cells)),
          reader,
        );
  rows.forEach((row, i) => {
    const positions = ordered[i]?.positions;
    if (positions && Object.keys(positions).length > 0) row.positions = positions;
  });
  const table: Table = { id: spec.id, title: spec.title, rows };
  if (spec.amountUnit !== undefined) {
    table.amountUnit = spec.amountUnit;
    table.decimals = own;
  }
  if (reading.unitLine) table.unitLine = reading.unitLine;
  if (reading.department) table.department = reading.department;
  if (reading.note !== undefined) table.note = reading.note;
  if (reading.emptyStatement) table.emptyStatement = reading.emptyStatement;
  return table;
}

function chooseTemplate(lines: Line[], wanted: string, file: string): { template: Template; reason: string } {
  if (wanted !== "auto") return { template: loadTemplate(wanted), reason: `${wanted}: chosen with --template` };
  const recognised = recognise(lines.map((l) => l.text));
  if (!recognised) {
    const sample = lines
      .slice(0, 3)
      .map((l) => l.text.trim())
      .join(" / ");
    throw new ImportError(
      file,
      `no known layout: none of the templates' table titles is printed (first lines: ${sample})`,
    );
  }
  return { template: recognised.template, reason: recognised.reason };
}

/** A published PDF read into a BudgetDocument in the layout recognised (or `wanted`), with a report per table. */
export async function importPdf(data: Uint8Array, file: string, wanted = "auto"): Promise<PdfImport> {
  const pages = await readPdf(data, basename(file));
  const lines = pages.flatMap(pageLines);
  const rules = new Map(pages.map((p) => [p.number, p.rules ?? []]));
  const { template, reason } = chooseTemplate(lines, wanted, basename(file));
  const { regions, narrative } = segment(lines, template);
  const readings = new Map(
    template.tables.flatMap((spec) => {
      const region = regions.find((r) => r.id === spec.id);
      return region ? [[spec.id, readRegion(spec, region.lines, rules)] as const] : [];
    }),
  );
  const ownUnit = new Set(template.tables.filter((t) => t.amountUnit !== undefined).map((t) => t.id));
  // The precision is what the document prints (whole yuan in some Shanghai documents), which decides rounding.
  const printed = [...readings.entries()].filter(([id, r]) => !ownUnit.has(id) && r.rows.length > 0);
  const decimals = printed.length > 0 ? Math.max(...printed.map(([, r]) => r.decimals)) : template.decimals;
  const tables: Table[] = [];
  const reports: TableReport[] = [];
  for (const spec of template.tables) {
    const reading = readings.get(spec.id);
    if (!reading) {
      reports.push({ id: spec.id, title: spec.title, found: false, rows: 0, cells: 0, pages: [], problems: [] });
      continue;
    }
    const table = toTable(spec, reading, basename(file), decimals);
    tables.push(table);
    const cells = table.rows.reduce(
      (n, r) => n + Object.values(r.cells).filter((c) => typeof c === "number").length,
      0,
    );
    reports.push({
      id: spec.id,
      title: spec.title,
      found: true,
      rows: table.rows.length,
      cells,
      pages: reading.pages,
      problems: reading.problems,
    });
  }
  const { year, title, department: stated } = readCover(lines);
  const units = new Map<string, Unit>();
  for (const table of tables) {
    for (const row of table.rows) {
      if (row.kind === "unit" && row.code && /^\d{6}$/.test(row.code))
        units.set(row.code, { code: row.code, name: row.label, type: "其他" });
    }
  }
  const department = stated ?? tables.find((t) => t.department)?.department ?? title;
  const amountUnit: BudgetDocument["amountUnit"] =
    /元/.test(tables.find((t) => t.unitLine)?.unitLine ?? "") &&
    !/万元/.test(tables.find((t) => t.unitLine)?.unitLine ?? "")
      ? "元"
      : template.amountUnit;
  // The text states amounts in 万元 even where the tables are in 元 (Shanghai), with the decimals of a 万元 table.
  const textDecimals = amountUnit === "万元" ? decimals : (tables.find((t) => t.amountUnit === "万元")?.decimals ?? 2);
  const { contents, part1, part2, part3 } = readNarrative(narrative, template, textDecimals, regions);
  const doc: BudgetDocument = {
    schemaVersion: SCHEMA_VERSION,
    template: template.id,
    year: year || Number(template.year),
    department,
    title,
    amountUnit,
    decimals,
    units: [...units.values()],
    contents,
    part1,
    part2,
    part3,
    tables,
  };
  return { doc, template, reason, tables: reports };
}

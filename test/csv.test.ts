import { describe, expect, it } from "vitest";
import { parseCsv } from "../src/catalog/csv.ts";
import type { BudgetDocument, Cell, Row } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { parseAmount } from "../src/money/amount.ts";
import { columnHeaderPaths } from "../src/render/csv/header.ts";
import { renderCsvTables } from "../src/render/csv/tables.ts";
import { documentGrids, type GridCell, type GridRow } from "../src/render/grid.ts";
import { neutraliseFormula } from "../src/render/safe-cell.ts";
import { loadTemplate } from "../src/templates/template.ts";

const founding = openDocument("examples/haizhu-2021").doc;
const template = loadTemplate("gz-2021-14");

function files(doc: BudgetDocument): Map<string, string> {
  return new Map(renderCsvTables(doc, template).map((f) => [f.name, f.content]));
}

function modelRow(doc: BudgetDocument, table: string, key: string): Row {
  const found = doc.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${table}`);
  return found;
}

/** The model cell a grid cell shows: balance cells name their row and a `<side>.<column>` key. */
function modelCell(doc: BudgetDocument, table: string, line: GridRow, cell: GridCell): Cell | undefined {
  if (!("row" in cell)) return modelRow(doc, table, line.key).cells[cell.column];
  if (cell.row === undefined) return undefined;
  return modelRow(doc, table, cell.row).cells[cell.column.split(".")[1] ?? ""];
}

/** Each table's CSV parsed back, beside the grid it was written from. */
function parsedTables(doc: BudgetDocument) {
  const csv = files(doc);
  return documentGrids(template, doc).map((grid) => {
    const content = csv.get(`${grid.id}.csv`) ?? "";
    return { grid, content, records: parseCsv(content) };
  });
}

function hostile(): BudgetDocument {
  const doc = structuredClone(founding);
  const t03 = modelRow(doc, "T03", "2010399");
  t03.label = "=1+1";
  t03.cells.name = "=1+1";
  const t10 = modelRow(doc, "T10", "550004/经济和社会发展类/数据分析报告");
  t10.label = "@x";
  t10.cells.label = "@x";
  t10.cells.content = '含"引号",逗号\r\n与换行';
  modelRow(doc, "T01", "income/七、上年预结转").label = "-2+3";
  return doc;
}

describe("renderCsvTables", () => {
  it("writes one file per table, named by its id", () => {
    expect([...files(founding).keys()]).toEqual(template.tables.map((t) => `${t.id}.csv`));
  });

  it("starts every file with a BOM and ends every line with CRLF", () => {
    for (const { content } of parsedTables(founding)) {
      expect(content.startsWith("\uFEFF")).toBe(true);
      expect(content.endsWith("\r\n")).toBe(true);
      const outsideQuotes = content.replace(/"(?:[^"]|"")*"/g, "");
      expect(outsideQuotes).not.toMatch(/[^\r]\n/);
    }
  });

  it("has one header line of column paths, then one line per printed line", () => {
    for (const { grid, records } of parsedTables(founding)) {
      expect(records[0]).toEqual(columnHeaderPaths(grid));
      expect(records.length).toBe(grid.body.length + 1);
      for (const record of records) expect(record.length).toBe(grid.columns.length);
    }
    const t02 = parsedTables(founding).find((t) => t.grid.id === "T02");
    expect(t02?.records[0]).toContain("本年收入/财政拨款/一般公共预算");
    const t01 = parsedTables(founding).find((t) => t.grid.id === "T01");
    expect(t01?.records[0]).toEqual(["收入/收入项目", "收入/2021 年预算", "支出/支出项目", "支出/2021 年预算"]);
  });

  it("writes every amount as a plain decimal equal to the model amount", () => {
    let amounts = 0;
    for (const { grid, records } of parsedTables(founding)) {
      grid.body.forEach((line, i) => {
        line.cells.forEach((cell, j) => {
          const value = modelCell(founding, grid.id, line, cell);
          if (cell.type !== "amount" || typeof value !== "number") return;
          const text = records[i + 1]?.[j] ?? "";
          expect(text).toMatch(/^-?\d+\.\d{2}$/);
          expect(parseAmount(text, founding.decimals)).toBe(value);
          amounts++;
        });
      });
    }
    expect(amounts).toBeGreaterThan(1000);
    const t02 = parsedTables(founding).find((t) => t.grid.id === "T02");
    expect(t02?.records[1]?.[2]).toBe("5921.56");
  });

  it("round-trips text cells, quotes and line breaks included", () => {
    for (const doc of [founding, hostile()]) {
      for (const { grid, records } of parsedTables(doc)) {
        grid.body.forEach((line, i) => {
          line.cells.forEach((cell, j) => {
            const value = modelCell(doc, grid.id, line, cell);
            if (cell.type === "amount" && typeof value === "number") return;
            expect(records[i + 1]?.[j]).toBe(neutraliseFormula(cell.text));
          });
        });
      }
    }
    const t10 = parsedTables(hostile()).find((t) => t.grid.id === "T10");
    const line = t10?.records.find((r) => r[1] === "'@x");
    expect(line?.[t10?.grid.columns.findIndex((c) => c.key === "content") ?? -1]).toBe('含"引号",逗号\r\n与换行');
  });

  it("defuses labels that a spreadsheet would run as formulas", () => {
    const tables = parsedTables(hostile());
    const cells = (id: string) => tables.find((t) => t.grid.id === id)?.records.flat() ?? [];
    expect(cells("T03")).toContain("'=1+1");
    expect(cells("T10")).toContain("'@x");
    expect(cells("T01")).toContain("'-2+3");
    for (const text of tables.flatMap((t) => t.records.flat())) expect(text).not.toMatch(/^[=+@]/);
  });
});

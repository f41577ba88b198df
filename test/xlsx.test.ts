import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetDocument, Cell } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { documentGrids, type TableGrid } from "../src/render/grid.ts";
import { neutraliseFormula } from "../src/render/safe-cell.ts";
import { tableSheetNames } from "../src/render/xlsx/sheet-name.ts";
import { renderXlsx } from "../src/render/xlsx/workbook.ts";
import { loadTemplate } from "../src/templates/template.ts";

const EXAMPLE = "examples/haizhu-2021";
const template = loadTemplate("gz-2021-14");

function example(): BudgetDocument {
  const { doc, problems } = openDocument(EXAMPLE);
  expect(problems).toEqual([]);
  return doc;
}

/** Renders, writes the file to disk and reads it back from there, as a user's spreadsheet program would. */
async function roundTrip(doc: BudgetDocument, dir: string, name: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, name);
  writeFileSync(path, await renderXlsx(doc, template));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The printed layout: title, 部门名称/单位 line, the header rows, the column numbers, then the body. */
const firstBodyRow = (grid: TableGrid) => 3 + grid.header.length + (grid.columnNumbers ? 1 : 0);

/** Every text a workbook holds, with whether any cell is a formula. */
function allTexts(workbook: ExcelJS.Workbook): { texts: string[]; formulas: string[] } {
  const texts: string[] = [];
  const formulas: string[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push(`${ws.name}!${cell.address}`);
        if (typeof cell.value === "string") texts.push(cell.value);
      });
    });
  }
  return { texts, formulas };
}

describe("renderXlsx", () => {
  const doc = example();
  const grids = documentGrids(template, doc);
  let dir = "";
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "yusuan-xlsx-"));
    workbook = await roundTrip(doc, dir, "budget.xlsx");
    mkdirSync("test-artifacts", { recursive: true });
    writeFileSync("test-artifacts/budget.xlsx", readFileSync(join(dir, "budget.xlsx")));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has a 说明 sheet and one sheet per table, named 表N and the title", () => {
    const names = workbook.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name);
    expect(names).toHaveLength(15);
    expect(names[0]).toBe("说明");
    expect(names.slice(1)).toEqual(grids.map((g) => `表${g.number} ${g.title}`));
    expect(names[1]).toBe("表1 收支总体情况表");
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it("writes every body cell of every table: amounts as numbers equal to the model, texts as the grid prints them", () => {
    let amounts = 0;
    for (const [i, grid] of grids.entries()) {
      const ws = sheet(workbook, workbook.worksheets[i + 1]?.name ?? "");
      const table = doc.tables.find((t) => t.id === grid.id);
      const rows = new Map((table?.rows ?? []).map((r) => [r.key, r]));
      const start = firstBodyRow(grid);
      grid.body.forEach((row, r) => {
        row.cells.forEach((gridCell, c) => {
          const column = grid.columns[c];
          const cell = ws.getCell(start + r, c + 1);
          const where = `${grid.id} ${row.key} ${gridCell.column}`;
          const rowKey = "row" in gridCell ? gridCell.row : row.key;
          const model: Cell | undefined = rowKey === undefined ? undefined : rows.get(rowKey)?.cells[column?.key ?? ""];
          if (column?.type === "amount" && typeof model === "number") {
            expect(typeof cell.value, where).toBe("number");
            expect(Math.round((cell.value as number) * 10 ** doc.decimals), where).toBe(model);
            expect(cell.numFmt, where).toBe("#,##0.00");
            expect(cell.alignment?.horizontal, where).toBe("right");
            amounts++;
          } else if (gridCell.text === "") {
            expect(cell.value, where).toBeNull();
          } else {
            expect(cell.value, where).toBe(neutraliseFormula(gridCell.text));
          }
        });
      });
      // Nothing of the table spills past the grid's columns.
      expect(ws.getCell(start, grid.columns.length + 1).value).toBeNull();
    }
    expect(amounts).toBeGreaterThan(1000);
  });

  it("lays T02 out as published: merged header, column numbers, frozen panes, landscape print with titles", () => {
    const grid = grids.find((g) => g.id === "T02");
    const ws = sheet(workbook, "表2 收入总体情况表");
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    expect(merges).toEqual(expect.arrayContaining(["A1:S1", "A3:A5", "B3:B5", "D3:O3", "E4:H4", "D4:D5"]));
    expect(ws.getCell("D3").value).toBe("本年收入");
    expect(ws.getCell("O3").master.address).toBe("D3");
    expect(ws.getCell("E4").value).toBe("财政拨款");
    expect(ws.getCell("A1").value).toBe("表2 收入总体情况表");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe(`部门名称：${doc.department}`);
    expect([...(ws.getRow(2).values as unknown[])]).toContain(grid?.unitLine);
    expect(ws.getCell("D3").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(ws.getCell("D3").border?.top?.style).toBe("thin");
    expect(ws.getRow(6).getCell(1).value).toBe("1");
    expect(ws.getRow(6).getCell(19).value).toBe("19");
    expect(ws.getCell("B7").font?.bold).toBe(true);

    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 6 });
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:6",
    });
    expect(ws.headerFooter.oddFooter).toContain("第 &P 页，共 &N 页");
  });

  it("indents row headers by depth and fits column widths, with the long text columns of T10 wide", () => {
    const t02 = sheet(workbook, "表2 收入总体情况表");
    expect(t02.getCell("B8").alignment?.indent).toBe(1);
    expect(t02.getCell("B9").alignment?.indent).toBe(2);
    expect(t02.getColumn(2).width).toBeGreaterThan(t02.getColumn(3).width ?? 0);
    const t10 = sheet(workbook, "表10 部门预算项目支出预算表");
    const widths = [13, 14, 15].map((c) => t10.getColumn(c).width);
    expect(widths).toEqual([40, 40, 40]);
  });

  it("prints balance tables with income and expenditure side by side", () => {
    const ws = sheet(workbook, "表1 收支总体情况表");
    expect(ws.getCell("A3").value).toBe("收入");
    expect(ws.getCell("C3").value).toBe("支出");
    expect(ws.getCell("A5").value).toBe("一、财政拨款");
    expect(ws.getCell("C5").value).toBe("一、一般公共服务支出");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 4 });
  });

  it("puts the note beneath its table", () => {
    const grid = grids.find((g) => g.id === "T04");
    const ws = sheet(workbook, "表4 财政拨款收支总体情况表");
    const below = firstBodyRow(grid as TableGrid) + (grid?.body.length ?? 0) + 1;
    expect(ws.getCell(below, 1).value).toBe(`注：${grid?.note}`);
  });

  it("writes Parts 1–3 on the 说明 sheet", () => {
    const ws = sheet(workbook, "说明");
    const { texts } = allTexts(workbook);
    expect(ws.getCell("A1").value).toBe(doc.title);
    for (const text of [doc.department, ...doc.part1.duties, ...doc.part2.policies]) {
      expect(texts.some((t) => t.includes(text.trim()))).toBe(true);
    }
    for (const section of doc.part3) expect(texts).toContain(section.title);
    for (const task of doc.part2.tasks) expect(texts).toContain(task.name);
    const project = doc.part3.flatMap((s) => s.projects ?? [])[0];
    let amount: unknown;
    ws.eachRow((row) => {
      if (row.getCell(1).value === project?.name) amount = row.getCell(3).value;
    });
    expect(Math.round((amount as number) * 10 ** doc.decimals)).toBe(project?.amount);
  });
});

describe("renderXlsx with hostile text", () => {
  it("writes text that starts like a formula neutralised, never as a formula", async () => {
    const doc = structuredClone(example());
    const project = doc.tables.find((t) => t.id === "T10")?.rows.find((r) => r.kind === "project");
    if (!project) throw new Error("the example has no T10 project");
    const link = '=HYPERLINK("http://x")';
    project.label = link;
    project.cells.label = link;
    doc.part1.duties[0] = "+cmd";
    const section = doc.part3[0];
    if (section) section.text = "@SUM(1)";
    const dir = mkdtempSync(join(tmpdir(), "yusuan-xlsx-"));
    try {
      const { texts, formulas } = allTexts(await roundTrip(doc, dir, "hostile.xlsx"));
      expect(formulas).toEqual([]);
      for (const hostile of [link, "+cmd", "@SUM(1)"]) {
        expect(texts).toContain(`'${hostile}`);
        expect(texts).not.toContain(hostile);
      }
      expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("tableSheetNames", () => {
  const grid = (number: number, title: string) => ({ number, title }) as TableGrid;

  it("keeps names within 31 characters, without forbidden characters, distinct", () => {
    const names = tableSheetNames([
      grid(1, "收支/总体[情况]表:*?"),
      grid(2, "一般公共预算基本支出情况表与一般公共预算基本支出情况表(按支出经济分类科目)"),
      grid(3, "一般公共预算基本支出情况表与一般公共预算基本支出情况表与一般公共预算基本支出情况表"),
      grid(3, "一般公共预算基本支出情况表与一般公共预算基本支出情况表与一般公共预算基本支出情况表"),
      grid(4, "'三公'经费"),
    ]);
    expect(names[0]).toBe("表1 收支 总体 情况 表");
    expect(names[1]).toBe("表2 一般公共预算基本支出情况表与一般公共预算基本支出情况表");
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\']/);
    }
    expect(new Set(names).size).toBe(names.length);
  });
});

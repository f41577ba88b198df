/**
 * XLSX import: yusuan's own budget.xlsx comes back as the very document it was written from, with a reviewer's
 * edits in the sheets carried and named; other workbooks are read sheet by sheet as the tables of a layout; bad
 * files are refused with an ImportError that names the file.
 */
import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ImportError } from "../src/import/errors.ts";
import { importPdf } from "../src/import/pdf/import.ts";
import { importXlsx } from "../src/import/xlsx/workbook.ts";
import type { BudgetDocument, Row } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { MODEL_SHEET, modelChunks, renderXlsx } from "../src/render/xlsx/workbook.ts";
import { loadTemplate } from "../src/templates/template.ts";

const EXAMPLE = "examples/haizhu-2021";
const CORPUS = "../shared/corpus";
const PREPARATION = ["sh_pt_sfj_2026_preparation_dept.xlsx", "sh_pt_sfj_2026_preparation_unit.xlsx"];
const hasCorpus = PREPARATION.every((f) => existsSync(`${CORPUS}/${f}`));
if (!hasCorpus) console.warn(`XLSX corpus tests skipped: ${CORPUS} with the Shanghai preparation workbooks is absent`);

function example(): BudgetDocument {
  const { doc, problems } = openDocument(EXAMPLE);
  expect(problems).toEqual([]);
  return doc;
}

async function rendered(doc: BudgetDocument): Promise<Uint8Array> {
  return new Uint8Array(await renderXlsx(doc, loadTemplate(doc.template)));
}

async function workbookOf(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return workbook;
}

const saved = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());

/** The sheet row whose first cell reads `text`. */
function rowWith(sheet: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === text) return r;
  throw new Error(`no row "${text}" in ${sheet.name}`);
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function row(doc: BudgetDocument, table: string, key: string): Row {
  const found = doc.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${table} ${key}`);
  return found;
}

async function refused(data: Uint8Array, file = "input.xlsx"): Promise<ImportError> {
  try {
    await importXlsx(data, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
    return error as ImportError;
  }
  throw new Error("the import did not refuse the file");
}

describe("importXlsx of yusuan's own budget.xlsx", () => {
  it("gives back the document it was written from, equal in every field", async () => {
    const doc = example();
    const result = await importXlsx(await rendered(doc), "dist/budget.xlsx");
    expect(result.doc).toEqual(doc);
    expect(result.edited).toEqual([]);
    expect(result.unmapped).toEqual([]);
    expect(result.reason).toContain("gz-2021-14");
    expect(result.reason).toBe("gz-2021-14: a yusuan workbook with its model embedded; no table edited");
    const tables = result.sheets.flatMap((s) => s.table ?? []);
    expect(tables).toEqual(doc.tables.map((t) => t.id));
    expect(result.sheets.find((s) => s.table === "T02")?.rows).toBe(19);
    expect(result.sheets.map((s) => s.name)).not.toContain(MODEL_SHEET);
  });

  it("keeps what only the model holds: PDF positions, narrative, and a model longer than one cell", async () => {
    const doc = example();
    const total = row(doc, "T03", "201");
    total.positions = { total: { page: 3, x0: 100.5, y0: 200.25, x1: 140, y1: 210 } };
    const section = doc.part3[0];
    if (!section) throw new Error("the example has no part 3");
    section.text = `=HYPERLINK("x") ${"预算说明".repeat(20_000)} -1 +2 @3`;
    const result = await importXlsx(await rendered(doc), "budget.xlsx");
    expect(result.doc).toEqual(doc);
    const hidden = sheetOf(await workbookOf(await rendered(doc)), MODEL_SHEET);
    expect(hidden.state).toBe("veryHidden");
    expect(hidden.rowCount).toBeGreaterThan(2);
  });

  it("carries an amount a reviewer changed in a sheet, exactly, and names the edited table", async () => {
    const doc = example();
    const workbook = await workbookOf(await rendered(doc));
    const sheet = sheetOf(workbook, "表3 支出总体情况表");
    // 201's 合计 is the third column; a spreadsheet stores 1234.56 as the nearest binary fraction.
    sheet.getCell(rowWith(sheet, "201"), 3).value = 1234.56;
    const result = await importXlsx(await saved(workbook), "budget.xlsx");
    expect(result.edited).toEqual(["T03"]);
    expect(result.reason).toContain("tables edited in their sheets: T03");
    const expected = structuredClone(doc);
    row(expected, "T03", "201").cells.total = 123456;
    expect(result.doc).toEqual(expected);
  });

  it("reads an edited balance table back with its lines' kinds, keys and catalog codes", async () => {
    const doc = example();
    const workbook = await workbookOf(await rendered(doc));
    const sheet = sheetOf(workbook, "表1 收支总体情况表");
    sheet.getCell(rowWith(sheet, "一、财政拨款"), 2).value = 5911.04;
    const result = await importXlsx(await saved(workbook), "budget.xlsx");
    expect(result.edited).toEqual(["T01"]);
    const expected = structuredClone(doc);
    row(expected, "T01", "income/一、财政拨款").cells.amount = 591104;
    expect(result.doc).toEqual(expected);
  });

  it("says that edits on the 说明 sheet are not read, keeping the model's narrative", async () => {
    const doc = example();
    const workbook = await workbookOf(await rendered(doc));
    sheetOf(workbook, "说明").getCell("A1").value = "改过的标题";
    const result = await importXlsx(await saved(workbook), "budget.xlsx");
    expect(result.doc).toEqual(doc);
    expect(result.reason).toContain("edits on 说明 not read");
    expect(result.sheets.find((s) => s.name === "说明")?.problems).toEqual([
      "differs from the embedded model: the narrative is taken from the model",
    ]);
  });

  it("refuses an amount with more places than the document's unit, naming the sheet and cell", async () => {
    const workbook = await workbookOf(await rendered(example()));
    const sheet = sheetOf(workbook, "表3 支出总体情况表");
    const at = rowWith(sheet, "201");
    sheet.getCell(at, 3).value = 12.345;
    const error = await refused(await saved(workbook), "budget.xlsx");
    expect(error.message).toContain(`sheet "表3 支出总体情况表" cell C${at}`);
    expect(error.message).toContain("more than 2 decimals");
  });
});

describe.skipIf(!existsSync(`${CORPUS}/sh_pt_sfj_2026_dept.pdf`))("importXlsx of a workbook of an imported PDF", () => {
  it("round-trips a Shanghai document with its PDF positions, and reads an edited side column of T04", async () => {
    const file = "sh_pt_sfj_2026_dept.pdf";
    const { doc, template } = await importPdf(new Uint8Array(readFileSync(`${CORPUS}/${file}`)), file);
    const data = new Uint8Array(await renderXlsx(doc, template));
    expect((await importXlsx(data, "budget.xlsx")).doc).toEqual(doc);

    const workbook = await workbookOf(data);
    const sheet = workbook.worksheets.find((ws) => ws.name.startsWith("表4"));
    if (!sheet) throw new Error("no sheet for T04");
    // 财政拨款支出 prints 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 after the income side's two columns.
    let at = 0;
    for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 3).value === "二、社会保障和就业支出") at = r;
    sheet.getCell(at, 5).value = 3343704.5;
    const result = await importXlsx(await saved(workbook), "budget.xlsx");
    expect(result.edited).toEqual(["T04"]);
    const edited = row(result.doc, "T04", "expenditure/二、社会保障和就业支出");
    const before = row(doc, "T04", "expenditure/二、社会保障和就业支出");
    expect(edited.cells).toEqual({ ...before.cells, generalBudget: 334370450 });
    expect(edited.positions).toEqual(before.positions);
    expect(edited.code).toBe("208");
  });
});

describe("importXlsx of other workbooks", () => {
  it("maps a workbook without the embedded model onto the layout by the titles its sheets print", async () => {
    const doc = example();
    const workbook = await workbookOf(await rendered(doc));
    workbook.removeWorksheet(sheetOf(workbook, MODEL_SHEET).id);
    const result = await importXlsx(await saved(workbook), "exported.xlsx");
    expect(result.reason).toBe("gz-2021-14: 14 of its 14 table titles found");
    expect(result.unmapped).toEqual(["说明"]);
    expect(result.sheets.filter((s) => s.table).map((s) => s.table)).toEqual(doc.tables.map((t) => t.id));
    for (const table of doc.tables) {
      const read = result.doc.tables.find((t) => t.id === table.id);
      expect(read?.rows, table.id).toEqual(table.rows);
      expect(read?.unitLine).toBe("单位：万元");
    }
    expect(result.doc.year).toBe(2021);
    expect(result.doc.department).toBe(doc.department);
  });

  it("reads a Shanghai-layout workbook: codes in 类|款|项 columns, numbers and printed figures, 三公 in 万元", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("封面").getCell("A1").value = "2026年上海市普陀区某局部门预算";
    const income = workbook.addWorksheet("收入");
    income.mergeCells("A1:I1");
    income.getCell("A1").value = "2026年部门收入预算总表";
    income.getCell("A2").value = "部门名称：上海市普陀区某局";
    income.getCell("I2").value = "单位：元";
    income.getRow(3).values = ["项目", null, null, null, "收入预算"];
    income.getRow(4).values = ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "财政拨款收入"];
    income.getRow(5).values = ["类", "款", "项"];
    income.addRow([204, null, null, "公共安全支出", 0.1 + 0.2, 0.3, "-", 0, null]);
    income.addRow([204, 6, null, "司法", "3,000.10", 3000.1, 0, 0, 0]);
    income.addRow(["204", "06", "01", "行政运行", 1234567.89, { formula: "F6", result: 1234567.89 }, 0, 0, 0]);
    const total = income.addRow(["合计", null, null, null, 1237568.29, 1237568.29, 0, 0, 0]);
    income.mergeCells(`A${total.number}:D${total.number}`);
    income.addRow([]);
    income.addRow(["注：本表为示例。"]);
    const three = workbook.addWorksheet("三公");
    three.getCell("A1").value = "2026年部门“三公”经费和机关运行经费预算表";
    three.getCell("G2").value = "单位：万元";
    three.getRow(3).values = ["“三公”经费预算数", null, null, null, null, null, "机关运行经费预算数"];
    three.getRow(4).values = ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费"];
    three.getRow(5).values = [null, null, null, "小计", "购置费", "运行费"];
    three.addRow([10.2345, 0, 1.2345, 9, 0, 9, 120.5]);

    const result = await importXlsx(await saved(workbook), "prepared.xlsx");
    expect(result.reason).toBe("sh-district-9: 2 of its 9 table titles found");
    expect(result.unmapped).toEqual(["封面"]);
    expect(result.sheets).toEqual([
      { name: "封面", rows: 0, amounts: 0, problems: ["prints no table title of the layout"] },
      { name: "收入", table: "T02", rows: 4, amounts: 19, problems: [] },
      { name: "三公", table: "T09", rows: 1, amounts: 7, problems: [] },
    ]);
    const t02 = result.doc.tables.find((t) => t.id === "T02");
    expect(t02?.rows.map((r) => [r.key, r.kind, r.cells.total, r.cells.appropriation])).toEqual([
      ["204", "class", 30, 30],
      ["20406", "section", 300010, 300010],
      ["2040601", "item", 123456789, 123456789],
      ["合计", "total", 123756829, 123756829],
    ]);
    expect(t02?.rows[0]?.cells.institutionRevenue).toBe(0);
    expect(t02?.rows[0]?.cells.otherRevenue).toBeNull();
    expect(t02?.note).toBe("本表为示例。");
    expect(t02?.department).toBe("上海市普陀区某局");
    const t09 = result.doc.tables.find((t) => t.id === "T09");
    expect(t09).toMatchObject({ amountUnit: "万元", decimals: 4, unitLine: "单位：万元" });
    expect(t09?.rows[0]?.cells).toMatchObject({ total: 102345, reception: 12345, agencyOperatingCosts: 1205000 });
    expect(result.doc).toMatchObject({ template: "sh-district-9", year: 2026, decimals: 2, amountUnit: "元" });
  });

  it.skipIf(!hasCorpus)("says which sheets of the Shanghai preparation workbooks map onto sh-district-9", async () => {
    for (const file of PREPARATION) {
      const data = new Uint8Array(readFileSync(`${CORPUS}/${file}`));
      const started = performance.now();
      const error = await refused(data, file);
      expect(performance.now() - started).toBeLessThan(5_000);
      // They are checklists of a published disclosure (公开情况检查表), one sheet each, with screenshots: no table.
      expect(error.message).toMatch(
        /no sheet prints the title of a table of any known layout: sheets "2026年(部门|单位)预算 "/,
      );
      expect(error.message).toContain("公开情况检查表");
      await expect(importXlsx(data, file, "sh-district-9")).rejects.toThrow(/no sheet prints one of its table titles/);
    }
  });
});

describe("importXlsx of bad input", () => {
  it("refuses what is not an XLSX workbook, saying what it is", async () => {
    expect((await refused(new Uint8Array(0))).message).toContain("empty");
    expect((await refused(new TextEncoder().encode("%PDF-1.7\n"))).message).toContain("a PDF");
    expect((await refused(new TextEncoder().encode("项目,金额\n"))).message).toContain("no ZIP signature");
  });

  it("refuses a damaged workbook", async () => {
    const data = await rendered(example());
    const error = await refused(data.slice(0, Math.floor(data.length / 2)));
    expect(error.message).toContain("damaged");
  });

  it("refuses an encrypted workbook and an old .xls, both OLE compound files", async () => {
    const compound = (names: string[]) => {
      const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      const body = names.flatMap((n) => [...Buffer.from(n, "utf16le")]);
      return new Uint8Array([...header, ...new Array(504).fill(0), ...body]);
    };
    expect((await refused(compound(["EncryptionInfo", "EncryptedPackage"]))).message).toContain("encrypted");
    expect((await refused(compound(["Workbook"]))).message).toContain(".xls");
  });

  it("refuses a workbook with no sheet of a known layout, saying what its sheets print", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").getCell("A1").value = "人员名单";
    const error = await refused(await saved(workbook), "people.xlsx");
    expect(error.message).toContain('sheets "Sheet1" (人员名单)');
  });
});

describe("modelChunks", () => {
  it("cuts the JSON into cells of at most 30,000 characters that join back to it, none starting like a formula", () => {
    const json = JSON.stringify({ text: `${"预".repeat(29_990)}${"-+@ 中文😀".repeat(10_000)}` });
    const chunks = modelChunks(json);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join("")).toBe(json);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(30_000);
      expect(chunk).not.toMatch(/^[=+\-@\s\uDC00-\uDFFF]|\s$/);
    }
  });

  it("cuts a text of nothing but formula characters where it must, still joining back to it", () => {
    const json = JSON.stringify({ text: "=".repeat(100_000) });
    const chunks = modelChunks(json);
    expect(chunks.join("")).toBe(json);
    expect(chunks.length).toBeLessThan(6);
  });
});

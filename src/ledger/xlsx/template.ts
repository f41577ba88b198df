/**
 * The XLSX input workbook preparers fill in (`yusuan init --xlsx <file>`): 说明 first, then one sheet per kind of
 * line as data/ledger/format.yaml lays them out — headers, widths, codes kept as text, amounts as numbers — with
 * drop-down lists for codes from the year's catalogs and for every vocabulary. Long lists live on a hidden 代码表
 * sheet that the drop-downs reference.
 */
import ExcelJS from "exceljs";
import { departmentEconomicCatalog, functionCatalog, procurementCatalog } from "../../catalog/catalog.ts";
import { loadTemplate } from "../../templates/template.ts";
import { type FormatColumn, type FormatSheet, ledgerFormat, listLabels } from "../format.ts";
import { servicePaths } from "../services.ts";
import { columnLetter } from "./columns.ts";

/** How many rows of each sheet carry the drop-downs and formats. */
const ROWS = 5000;
const CODE_SHEET = "代码表";
const LEDGER_KEYWORD = "yusuan-ledger";

type Validations = { add(range: string, validation: ExcelJS.DataValidation): void };

/** The entries of each drop-down list, for the template's year. */
function listEntries(year: number): Record<string, string[]> {
  const services = [...(servicePaths(year) ?? [])].map((p) => p.split("/"));
  const distinct = (level: number) => [...new Set(services.map((p) => p[level] ?? ""))];
  const coded = (entries: { code: string; name: string }[]) => entries.map((e) => `${e.code} ${e.name}`);
  const lists: Record<string, string[]> = {
    functionItems: coded(
      functionCatalog(year)
        .entries()
        .filter((e) => e.level === "item"),
    ),
    economicSections: coded(
      departmentEconomicCatalog()
        .entries()
        .filter((e) => e.level === "section"),
    ),
    procurementCategories: coded(procurementCatalog().entries()),
    servicesLevel1: distinct(0),
    servicesLevel2: distinct(1),
    servicesLevel3: distinct(2),
  };
  for (const name of Object.keys(ledgerFormat().lists)) lists[name] = listLabels(name);
  return lists;
}

/** Where each list stands on the code sheet: one column per list, entries from row 2. */
function codeRanges(lists: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(lists).map(([name, entries], i) => {
      const letter = columnLetter(i + 1);
      return [name, `'${CODE_SHEET}'!$${letter}$2:$${letter}$${Math.max(2, entries.length + 1)}`];
    }),
  );
}

/** The hidden sheet of long lists, laid out as codeRanges says. */
function writeCodeSheet(workbook: ExcelJS.Workbook, lists: Record<string, string[]>): void {
  const sheet = workbook.addWorksheet(CODE_SHEET, { state: "hidden" });
  Object.entries(lists).forEach(([name, entries], i) => {
    sheet.getColumn(i + 1).width = 30;
    sheet.getCell(1, i + 1).value = name;
    entries.forEach((entry, j) => {
      sheet.getCell(j + 2, i + 1).value = entry;
    });
  });
}

/** Lists filled from the workbook itself: the units and projects the preparer enters. */
const SHEET_LISTS: Record<string, string> = {
  units: `'单位'!$A$2:$A$${ROWS}`,
  projects: `'项目'!$A$2:$A$${ROWS}`,
  budgetLines: `'项目'!$A$2:$A$${ROWS}`,
};

const ERROR = "请从下拉列表中选择，或输入列表中的编码。";
const BUDGET_LINE_PROMPT = "填项目编号；基本支出（公用经费）填“公用经费”。";

/** Lists that suggest rather than restrict: a project category or purchase method of the preparer's own is fine. */
const OPEN_LISTS = new Set(["budgetLines", "projectCategories", "purchaseMethods"]);

function validation(column: FormatColumn, formula: string): ExcelJS.DataValidation {
  const rule: ExcelJS.DataValidation = { type: "list", allowBlank: !column.required, formulae: [formula] };
  if (!OPEN_LISTS.has(column.list ?? "")) {
    Object.assign(rule, { showErrorMessage: true, errorStyle: "stop", errorTitle: column.header, error: ERROR });
  }
  if (column.list === "budgetLines") {
    Object.assign(rule, { showInputMessage: true, promptTitle: column.header, prompt: BUDGET_LINE_PROMPT });
  }
  return rule;
}

function writeSheet(
  workbook: ExcelJS.Workbook,
  spec: FormatSheet,
  ranges: Record<string, string>,
  defaults: Record<string, string>,
) {
  const sheet = workbook.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  spec.columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const cell = sheet.getCell(`${letter}1`);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: column.required ? "FFFCE4D6" : "FFDDEBF7" } };
    cell.alignment = { wrapText: true, vertical: "middle" };
    const col = sheet.getColumn(i + 1);
    col.width = column.width ?? 16;
    const type = column.type ?? "text";
    col.numFmt = type === "amount" || type === "wan" ? "#,##0.00" : "@";
    if (type !== "amount" && type !== "wan") col.alignment = { wrapText: true, vertical: "top" };
    const formula = column.list ? (SHEET_LISTS[column.list] ?? ranges[column.list]) : undefined;
    if (formula) validations.add(`${letter}2:${letter}${ROWS}`, validation(column, formula));
  });
  sheet.getRow(1).height = 30;
  if (spec.keyValue) {
    const labels = (spec.rows ?? []).map((r) => r.label);
    (spec.rows ?? []).forEach((row, i) => {
      sheet.getCell(`A${i + 2}`).value = row.label;
      const value = spec.id === "meta" ? defaults[row.key] : undefined;
      if (value !== undefined) sheet.getCell(`B${i + 2}`).value = value;
    });
    const list = `"${labels.join(",")}"`;
    if (list.length <= 255) validations.add(`A2:A${ROWS}`, { type: "list", allowBlank: true, formulae: [list] });
  }
}

function writeInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet("说明");
  sheet.getColumn(1).width = 120;
  ledgerFormat().instructions.forEach((line, i) => {
    const cell = sheet.getCell(`A${i + 1}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}

/** Writes the empty input workbook for a template (gz-2021-14 by default). */
export async function writeLedgerWorkbook(path: string, templateId = "gz-2021-14"): Promise<void> {
  const template = loadTemplate(templateId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "yusuan";
  workbook.title = "部门预算编制录入表";
  workbook.keywords = LEDGER_KEYWORD;
  writeInstructions(workbook);
  const lists = listEntries(Number(template.year));
  const ranges = codeRanges(lists);
  const defaults = { template: template.id, year: template.year };
  for (const spec of ledgerFormat().sheets) writeSheet(workbook, spec, ranges, defaults);
  writeCodeSheet(workbook, lists);
  await workbook.xlsx.writeFile(path);
}

/** Fixtures for rule tests: the founding document, copies of it to break or mend, and a runner for one rule. */
import type { BudgetDocument, Cell, Fact, Row } from "../../src/model/document.ts";
import { openDocument } from "../../src/model/load.ts";
import type { Diagnostic } from "../../src/rules/diagnostic.ts";
import { type Rule, toDiagnostic } from "../../src/rules/rule.ts";
import { loadTemplate } from "../../src/templates/template.ts";

export const founding: BudgetDocument = openDocument("examples/haizhu-2021").doc;

export function copy(doc: BudgetDocument = founding): BudgetDocument {
  return structuredClone(doc);
}

/** The findings of one rule on a document. */
export function run(rule: Rule, doc: BudgetDocument = founding): Diagnostic[] {
  const out: Diagnostic[] = [];
  rule.check({ doc, template: loadTemplate(doc.template), report: (r) => out.push(toDiagnostic(rule.meta, r)) });
  return out;
}

export function row(doc: BudgetDocument, table: string, key: string): Row {
  const found = doc.tables.find((t) => t.id === table)?.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${table}`);
  return found;
}

export function setCell(doc: BudgetDocument, table: string, key: string, column: string, value: Cell): void {
  row(doc, table, key).cells[column] = value;
}

export function fact(doc: BudgetDocument, subject: string): Fact {
  const found = doc.part3.flatMap((s) => s.facts).find((f) => f.subject === subject);
  if (!found) throw new Error(`no fact ${subject}`);
  return found;
}

/** Where and what, for compact assertions. */
export const brief = (d: Diagnostic) => ({
  severity: d.severity,
  kind: d.kind,
  table: d.location.table,
  row: d.location.row,
  column: d.location.column,
  section: d.location.section,
  expected: d.expected,
  actual: d.actual,
});

/**
 * The founding document with the real mistakes in its figures corrected (rounding differences left alone): the
 * carry-over-funded project (10.53) moved out of the general budget in T06 and T10, the procurement lines brought
 * within their projects (8,000.00 → 800.00; 琶洲 场地租赁 cut to fit 493.05), the 1.00 of 政府性基金 in T14
 * removed, and the text's 公务用车购置及运行费 stated as 2.08.
 */
export function mendedFigures(): BudgetDocument {
  const doc = copy();
  for (const key of ["201", "20103", "2010399"]) {
    for (const column of ["total", "projectSubtotal", "departmentProject"]) setCell(doc, "T06", key, column, 0);
  }
  setCell(doc, "T06", "合计", "total", 5911_03);
  for (const column of ["projectSubtotal", "departmentProject"]) setCell(doc, "T06", "合计", column, 3740_00);
  const t10 = doc.tables.find((t) => t.id === "T10");
  for (const r of t10?.rows ?? []) {
    const carried =
      r.key.endsWith("市政务服务中心琶洲分中心市级事项运行保障经费") ||
      ["合计", "其中:部门项目支出", "550001", "550001/经济和社会发展类"].includes(r.key);
    if (!carried) continue;
    for (const column of ["appropriationTotal", "generalBudget"]) r.cells[column] = (r.cells[column] as number) - 1053;
    r.cells.carryover = 1053;
  }
  const cut = 536_75 - 493_05;
  for (const key of [
    "合计",
    "服务类",
    "550001",
    "550001/项目支出",
    "550001/项目支出/经济和社会发展类",
    "550001/项目支出/经济和社会发展类/琶洲政务分中心运营经费/琶洲场地租赁",
  ]) {
    for (const column of ["total", "appropriationTotal", "generalBudget"]) {
      const r = row(doc, "T13", key);
      r.cells[column] = (r.cells[column] as number) - cut;
    }
  }
  const slip = 8000_00 - 800_00;
  for (const key of ["合计", "服务类", "550004", "550004/项目支出", "550004/项目支出/经济和社会发展类"]) {
    for (const column of ["total", "appropriationTotal", "generalBudget"]) {
      const r = row(doc, "T13", key);
      r.cells[column] = (r.cells[column] as number) - slip;
    }
  }
  const item =
    "550004/项目支出/经济和社会发展类/令行禁止有呼必应综合指挥调度平台建设/令行禁止有呼必应综合指挥调度平台建设";
  for (const column of ["total", "appropriationTotal", "generalBudget"]) setCell(doc, "T13", item, column, 800_00);
  setCell(doc, "T14", "550001/项目支出/经济和社会发展类/琶洲政务分中心运营经费/其他公共人才服务", "governmentFund", 0);
  fact(doc, "vehicleTotal").amount = 208;
  for (const f of doc.part3.flatMap((s) => s.facts)) {
    if (f.subject === "procurementTotal") f.amount = (f.amount ?? 0) - cut - slip;
    if (f.subject === "procurementServices") f.amount = (f.amount ?? 0) - cut - slip;
  }
  return doc;
}

const replaceIn = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`"${from}" not found`);
  return text.replace(from, to);
};

/** `mendedFigures` with the wording, naming and disclosure mistakes corrected too: only rounding should remain. */
export function mended(): BudgetDocument {
  const doc = mendedFigures();
  for (const id of ["T05", "T07", "T11"]) {
    const table = doc.tables.find((t) => t.id === id);
    if (table)
      table.emptyStatement = `本部门2021年无${table.title.replace(/(预算)?(支出)?(情况)?表$/, "")}，故本表为空表。`;
  }
  for (const id of ["T02", "T03", "T06"]) {
    const r = row(doc, id, "208");
    r.label = "社会保障和就业支出";
    r.cells.name = r.label;
  }
  for (const id of ["T01", "T04"])
    row(doc, id, "expenditure/十四、资源勘探信息等支出").label = "十四、资源勘探工业信息等支出";
  for (const r of doc.tables.find((t) => t.id === "T13")?.rows ?? []) {
    if (r.cells.categoryName === "C081401 印刷服") r.cells.categoryName = "C081401 印刷服务";
  }
  const project = (key: string) => row(doc, "T10", key);
  const publicity = project("550001/经济和社会发展类/政务公开经费");
  publicity.cells.indicators = replaceIn(String(publicity.cells.indicators), "不超过30%", "不超过20%");
  const centre = project("550001/经济和社会发展类/政务中心运营经费");
  centre.cells.indicators = replaceIn(String(centre.cells.indicators), ")98以上", ")98%以上");
  const platform = doc.part2.tasks.flatMap((t) => t.indicators).find((i) => i.target.includes("不低于 60%"));
  if (platform) platform.target = replaceIn(platform.target, "不低于 60%", "不低于 95%");
  const interop = doc.part2.departmentGoal.indicators.find((i) => i.target === "不低于 90%");
  if (interop) interop.target = "不低于 95%";
  const overview = doc.part3.find((s) => s.id === "overview");
  if (overview) overview.text = replaceIn(overview.text, "数据管理所有收入", "数据管理局所有收入");
  doc.part1.structure = `${doc.part1.structure}心。`;
  fact(doc, "abroad").changeDirection = "持平";
  fact(doc, "reception").changeDirection = "持平";
  return doc;
}

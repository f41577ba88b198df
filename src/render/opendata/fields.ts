/**
 * The columns of data/amounts.csv as a Frictionless Table Schema: one row per published amount, with the table
 * cell it comes from and the budget dimensions that classify it. The CSV header and datapackage.json both come
 * from this list, so they cannot disagree.
 */
import type { BudgetDocument } from "../../model/document.ts";
import { yuanExponent } from "./scale.ts";

export interface Field {
  name: string;
  type: "string" | "number" | "integer" | "boolean" | "year";
  title: string;
  description: string;
  constraints?: { required?: boolean; enum?: string[] };
}

const required = { required: true };

export const FIELD_NAMES = [
  "tableId",
  "tableTitle",
  "rowKey",
  "rowLabel",
  "rowKind",
  "columnKey",
  "columnHeader",
  "amountTenThousandYuan",
  "amountYuan",
  "phase",
  "direction",
  "department",
  "year",
  "unitCode",
  "unitName",
  "functionCode",
  "governmentEconomicCode",
  "departmentEconomicCode",
  "fundSource",
  "expenditureKind",
  "projectName",
  "procurementCategoryCode",
  "isTotal",
  "isTotalColumn",
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];
export type AmountRecord = Record<FieldName, string>;

type FieldText = Omit<Field, "name">;

const FIELDS: Record<FieldName, FieldText> = {
  tableId: { type: "string", title: "表号", description: "table id in the layout, e.g. T03", constraints: required },
  tableTitle: { type: "string", title: "表名", description: "the table's printed title" },
  rowKey: {
    type: "string",
    title: "行键",
    description: "the row's key within its table (a code, or the path of labels from its unit)",
    constraints: required,
  },
  rowLabel: { type: "string", title: "行名称", description: "the row's printed label" },
  rowKind: {
    type: "string",
    title: "行类型",
    description: "the row's kind in the layout (total, class, item, unit …)",
  },
  columnKey: {
    type: "string",
    title: "列键",
    description: "the column's key; in a balance table <side>.amount",
    constraints: required,
  },
  columnHeader: { type: "string", title: "列标题", description: "the printed column header with its groups, /-joined" },
  amountTenThousandYuan: {
    type: "number",
    title: "金额（万元）",
    description: "the amount as published, in 万元 (10,000 yuan)",
    constraints: required,
  },
  amountYuan: { type: "integer", title: "金额（元）", description: "the same amount in yuan", constraints: required },
  phase: {
    type: "string",
    title: "预算阶段",
    description: "budget phase: approved for a published department budget",
    constraints: { required: true, enum: ["proposed", "approved", "adjusted", "executed"] },
  },
  direction: {
    type: "string",
    title: "收支方向",
    description: "expenditure or revenue, by table and balance-table side",
    constraints: { enum: ["expenditure", "revenue"] },
  },
  department: { type: "string", title: "部门", description: "the department whose budget this is" },
  year: { type: "year", title: "年度", description: "budget year" },
  unitCode: { type: "string", title: "单位编码", description: "the unit the row belongs to, in tables by unit" },
  unitName: { type: "string", title: "单位名称", description: "that unit's name" },
  functionCode: {
    type: "string",
    title: "支出功能分类科目编码",
    description: "function class (3 digits), section (5) or item (7)",
  },
  governmentEconomicCode: {
    type: "string",
    title: "政府预算支出经济分类科目编码",
    description: "government economic classification (5xx)",
  },
  departmentEconomicCode: {
    type: "string",
    title: "部门预算支出经济分类科目编码",
    description: "department economic classification (3xx)",
  },
  fundSource: {
    type: "string",
    title: "资金来源",
    description: "income type: 财政拨款, 一般公共预算, 政府性基金预算, 财政专户管理资金, 事业收入, 上年结转 …",
  },
  expenditureKind: {
    type: "string",
    title: "支出类型",
    description: "基本支出 (人员经费, 公用经费), 项目支出 …",
  },
  projectName: { type: "string", title: "项目名称", description: "the project a project-expenditure line belongs to" },
  procurementCategoryCode: {
    type: "string",
    title: "政府采购品目编号",
    description: "procurement category: A goods, B works, C services",
  },
  isTotal: {
    type: "boolean",
    title: "合计行",
    description: "the row is a total, subtotal or 其中 line: leave it out when summing rows",
    constraints: required,
  },
  isTotalColumn: {
    type: "boolean",
    title: "合计列",
    description: "the column is a total, subtotal or 其中 column: leave it out when summing columns",
    constraints: required,
  },
};

/** The Table Schema fields; the yuan amount is an integer unless the document publishes fractions of a yuan. */
export function amountFields(doc: BudgetDocument): Field[] {
  return FIELD_NAMES.map((name) => {
    const field: Field = { name, ...FIELDS[name] };
    if (name === "amountYuan" && yuanExponent(doc) < 0) field.type = "number";
    return field;
  });
}

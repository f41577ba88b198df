/**
 * Open data in the style of the Frictionless Fiscal Data Package: datapackage.json describes data/amounts.csv (one
 * row per published amount) with a Table Schema and a fiscal model of measures and dimensions. The caller writes
 * datapackage.json (JSON) and the files beside it.
 */
import type { BudgetDocument } from "../../model/document.ts";
import type { Template } from "../../templates/template.ts";
import type { CsvFile } from "../csv/tables.ts";
import { toCsv } from "../csv/write.ts";
import { amountRecords } from "./amounts.ts";
import { amountFields, FIELD_NAMES } from "./fields.ts";
import { loadOpenDataMapping } from "./mapping.ts";
import { fiscalModel } from "./model.ts";

export const AMOUNTS_PATH = "data/amounts.csv";

export interface OpenData {
  datapackage: Record<string, unknown>;
  files: CsvFile[];
}

/** A package name is lowercase ASCII: the template, the year and the department's own unit code. */
function packageName(doc: BudgetDocument): string {
  const unit = doc.units[0]?.code;
  return ["yusuan", doc.template, doc.year, unit].filter((p) => p !== undefined).join("-");
}

export function renderOpenData(doc: BudgetDocument, template: Template): OpenData {
  const records = amountRecords(doc, template, loadOpenDataMapping(template.id));
  const datapackage = {
    profile: "fiscal-data-package",
    name: packageName(doc),
    title: doc.title,
    description: `${doc.department} ${doc.year} 年部门预算公开表中的全部金额，每个金额一行（单位：万元与元）。`,
    countryCode: "CN",
    fiscalPeriod: { start: `${doc.year}-01-01`, end: `${doc.year}-12-31` },
    granularity: "aggregated",
    resources: [
      {
        name: "amounts",
        title: "部门预算金额（长表）",
        path: AMOUNTS_PATH,
        profile: "tabular-data-resource",
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
        schema: { fields: amountFields(doc), primaryKey: ["tableId", "rowKey", "columnKey"], missingValues: [""] },
      },
    ],
    model: fiscalModel(),
  };
  const lines = records.map((r) => FIELD_NAMES.map((name) => r[name]));
  return { datapackage, files: [{ name: AMOUNTS_PATH, content: toCsv([[...FIELD_NAMES], ...lines]) }] };
}

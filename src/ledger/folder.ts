/**
 * A ledger folder (docs/ledger-format.md): ledger.yaml with the department, its units, projects, last year's
 * figures and the texts, and one CSV file per long list (budget-lines.csv, procurement.csv,
 * purchased-services.csv). Every YAML scalar is read as a string (failsafe schema) and every amount exactly.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { RawLedger, RawRow, RawSheet } from "./cells.ts";
import { parseCsvLines } from "./csv.ts";
import { type FormatSheet, ledgerFormat, sheetFormat } from "./format.ts";
import type { Issues, Place } from "./issues.ts";

export const LEDGER_FILE = "ledger.yaml";

/** Whether a path is a ledger folder. */
export function isLedgerFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory() && existsSync(join(path, LEDGER_FILE));
}

type Yaml = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const isMap = (v: unknown): v is Yaml => v !== null && typeof v === "object" && !Array.isArray(v);

function yamlRow(value: unknown, sheet: FormatSheet, place: Place, issues: Issues): RawRow | undefined {
  if (!isMap(value)) {
    issues.add(place, "expected a mapping of column keys");
    return undefined;
  }
  const keys = sheet.columns.map((c) => c.key);
  for (const key of Object.keys(value)) {
    if (!keys.includes(key) && !(sheet.id === "projects" && key === "indicators")) {
      issues.add(place, `unknown key ${key} (expected ${keys.join(", ")})`);
    }
  }
  return {
    place,
    columns: Object.fromEntries(keys.map((k) => [k, k])),
    values: Object.fromEntries(keys.map((k) => [k, str(value[k])])),
  };
}

function yamlList(doc: Yaml, key: string, sheet: FormatSheet, file: string, issues: Issues): RawRow[] {
  const list = doc[key] ?? [];
  if (!Array.isArray(list)) {
    issues.add({ file, row: key }, "expected a list");
    return [];
  }
  return list.flatMap((item, i) => yamlRow(item, sheet, { file, row: `${key}[${i + 1}]` }, issues) ?? []);
}

/** A mapping section (narrative, changes) or the top level (meta) as key-value rows. */
function yamlKeyed(section: unknown, sheet: FormatSheet, file: string, prefix: string, issues: Issues): RawRow[] {
  if (section === undefined) return [];
  if (!isMap(section)) {
    issues.add({ file, row: prefix }, "expected a mapping");
    return [];
  }
  const known = new Set((sheet.rows ?? []).map((r) => r.key));
  const valueColumns = sheet.columns.filter((c) => c.key !== "item").map((c) => c.key);
  const rows: RawRow[] = [];
  for (const [key, value] of Object.entries(section)) {
    if (!known.has(key)) {
      if (prefix !== "") issues.add({ file, row: `${prefix}.${key}` }, `unknown key ${key}`);
      continue;
    }
    const row = (values: Record<string, string>, at: string): RawRow => ({
      place: { file, row: at },
      columns: Object.fromEntries(valueColumns.map((c) => [c, c])),
      values: { item: key, ...values },
    });
    const at = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(value)) rows.push(...value.map((v, i) => row({ value: str(v) }, `${at}[${i + 1}]`)));
    else if (isMap(value)) {
      for (const k of Object.keys(value).filter((k) => !valueColumns.includes(k))) {
        issues.add({ file, row: `${at}.${k}` }, `unknown key ${k} (expected ${valueColumns.join(", ")})`);
      }
      rows.push(row(Object.fromEntries(valueColumns.map((c) => [c, str(value[c])])), at));
    } else rows.push(row({ value: str(value) }, at));
  }
  return rows;
}

function readCsv(dir: string, sheet: FormatSheet, issues: Issues): RawSheet {
  const file = join(dir, sheet.file ?? "");
  const place = { file };
  if (!existsSync(file)) return { place, rows: [] };
  const text = readFileSync(file, "utf8");
  if (text.includes("\uFFFD")) {
    // Excel's plain "CSV" is the system code page (GBK on a Chinese Windows), not UTF-8.
    issues.add(place, "is not UTF-8 text: save it as “CSV UTF-8” (Excel) or convert it to UTF-8");
    return { place, rows: [] };
  }
  const [header, ...records] = parseCsvLines(text);
  if (!header) return { place, rows: [] };
  const keys = header.fields.map((name) => {
    const trimmed = name.trim();
    const column = sheet.columns.find((c) => c.key === trimmed || c.header === trimmed);
    if (!column) issues.add({ file, row: "row 1" }, `unknown column "${trimmed}"`);
    return column?.key;
  });
  for (const column of sheet.columns) {
    if (column.required && !keys.includes(column.key)) issues.add({ file, row: "row 1" }, `no ${column.key} column`);
  }
  const columns = Object.fromEntries(sheet.columns.map((c) => [c.key, c.key]));
  const rows = records.map((record) => {
    const values: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (key) values[key] = record.fields[i] ?? "";
    });
    if (record.fields.length > keys.length) {
      issues.add({ file, row: `row ${record.line}` }, `has ${record.fields.length} fields, the header ${keys.length}`);
    }
    return { place: { file, row: `row ${record.line}` }, columns, values };
  });
  return { place, rows };
}

/** Reads a ledger folder into rows by sheet; what cannot be read at all is an issue. */
export function readLedgerFolderRows(dir: string, issues: Issues): RawLedger {
  const file = join(dir, LEDGER_FILE);
  let doc: Yaml = {};
  try {
    const value: unknown = parse(readFileSync(file, "utf8"), { schema: "failsafe" });
    if (isMap(value)) doc = value;
    else issues.add({ file }, "expected a mapping at the top level");
  } catch (error) {
    issues.add({ file }, `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const sections = ledgerFormat().sheets.filter((s) => !s.file && s.id !== "meta" && s.id !== "indicators");
  const topLevel = new Set([...sections.map((s) => s.id), ...(sheetFormat("meta").rows ?? []).map((r) => r.key)]);
  for (const key of Object.keys(doc)) if (!topLevel.has(key)) issues.add({ file, row: key }, `unknown key ${key}`);
  const raw: RawLedger = {};
  for (const sheet of ledgerFormat().sheets) {
    if (sheet.file) {
      raw[sheet.id] = readCsv(dir, sheet, issues);
      continue;
    }
    const place = { file, row: sheet.id === "meta" ? "" : sheet.id };
    if (sheet.id === "meta") raw.meta = { place: { file }, rows: yamlKeyed(doc, sheet, file, "", issues) };
    else if (sheet.id === "indicators") continue;
    else if (sheet.keyValue) raw[sheet.id] = { place, rows: yamlKeyed(doc[sheet.id], sheet, file, sheet.id, issues) };
    else raw[sheet.id] = { place, rows: yamlList(doc, sheet.id, sheet, file, issues) };
  }
  raw.indicators = { place: { file, row: "projects" }, rows: projectIndicators(doc, file, issues) };
  return raw;
}

/** The indicators nested under each project of ledger.yaml, as rows of the indicators sheet. */
function projectIndicators(doc: Yaml, file: string, issues: Issues): RawRow[] {
  const sheet = ledgerFormat().sheets.find((s) => s.id === "indicators");
  const projects = Array.isArray(doc.projects) ? doc.projects : [];
  if (!sheet) return [];
  return projects.flatMap((p, i) => {
    if (!isMap(p) || p.indicators === undefined) return [];
    if (!Array.isArray(p.indicators)) {
      issues.add({ file, row: `projects[${i + 1}].indicators` }, "expected a list");
      return [];
    }
    return p.indicators.flatMap((indicator, j) => {
      const row = yamlRow(
        isMap(indicator) ? { ...indicator, project: str(p.id) } : indicator,
        sheet,
        { file, row: `projects[${i + 1}].indicators[${j + 1}]` },
        issues,
      );
      return row ? [row] : [];
    });
  });
}

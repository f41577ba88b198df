/**
 * Reads the human-editable source folder (docs/source-format.md) into a BudgetDocument. Every value is read as a
 * string (YAML failsafe schema) and amounts are parsed exactly; a bad cell is reported with its file, row and column.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { AmountError, parseAmount, parsePercent } from "../money/amount.ts";
import { type Column, loadTemplate, sideColumns, type TableSpec, type Template } from "../templates/template.ts";
import type { BudgetDocument, Cell, Fact, Row, Section, Table } from "./document.ts";
import { assignKeys, inferKind, splitEconomic } from "./rows.ts";

export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    message: string,
  ) {
    super(`${file}${where ? ` ${where}` : ""}: ${message}`);
  }
}

type Yaml = Record<string, unknown>;

function readYaml(file: string): Yaml {
  let value: unknown;
  try {
    value = parse(readFileSync(file, "utf8"), { schema: "failsafe" });
  } catch (error) {
    throw new SourceError(file, "", `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new SourceError(file, "", "expected a mapping at the top level");
  }
  return value as Yaml;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

export class CellReader {
  constructor(
    readonly file: string,
    readonly decimals: number,
  ) {}

  amount(text: string, where: string): number | null {
    try {
      return parseAmount(text, this.decimals);
    } catch (error) {
      if (error instanceof AmountError) throw new SourceError(this.file, where, error.message);
      throw error;
    }
  }

  percent(text: string, where: string): number {
    try {
      return parsePercent(text);
    } catch (error) {
      if (error instanceof AmountError) throw new SourceError(this.file, where, error.message);
      throw error;
    }
  }

  cell(column: Column, text: string, where: string): Cell {
    if (column.type === "amount") return this.amount(text, `${where}, column ${column.key} (${column.header})`);
    return text.trim() === "" ? null : text.trim();
  }
}

/** The row's raw values by column key, from a positional list or a mapping. */
function rawCells(raw: unknown, columns: Column[], reader: CellReader, where: string): Record<string, string> {
  if (Array.isArray(raw)) {
    if (raw.length !== columns.length) {
      throw new SourceError(reader.file, where, `has ${raw.length} cells, the table has ${columns.length} columns`);
    }
    return Object.fromEntries(columns.map((c, i) => [c.key, str(raw[i])]));
  }
  if (raw !== null && typeof raw === "object") {
    const map = raw as Yaml;
    const unknown = Object.keys(map).filter((k) => !columns.some((c) => c.key === k));
    if (unknown.length > 0) throw new SourceError(reader.file, where, `unknown column ${unknown.join(", ")}`);
    return Object.fromEntries(columns.map((c) => [c.key, str(map[c.key])]));
  }
  throw new SourceError(reader.file, where, "a row is a list of cells or a mapping by column key");
}

/** A code printed in parts (类 | 款 | 项): the parts joined, each zero-padded to its width (款 2 → 02). */
function joinedCode(parts: { text: string; digits: number }[]): string | undefined {
  const digits = parts.filter((p) => /^\d+$/.test(p.text));
  if (digits.length === 0) return undefined;
  // A whole code printed in the first part column (2080505) stands as it is.
  if (digits.length === 1 && digits[0] && digits[0].text.length > digits[0].digits) return digits[0].text;
  return digits.map((p) => p.text.padStart(p.digits, "0")).join("");
}

interface ReadRow {
  label: string;
  code?: string;
  /** Every code the row prints (unit, function, economic), for its key. */
  codeKey?: string;
  cells: Record<string, Cell>;
}

/** One printed row of cells: amounts parsed, its label and codes found. */
function readRow(columns: Column[], values: Record<string, string>, reader: CellReader, where: string): ReadRow {
  const cells: Record<string, Cell> = {};
  let label = "";
  const codes: string[] = [];
  const parts: { text: string; digits: number }[] = [];
  for (const column of columns) {
    const text = (values[column.key] ?? "").trim();
    cells[column.key] = reader.cell(column, text, where);
    if (column.type === "label") label = text;
    if (column.type === "code" && column.codeDigits !== undefined) parts.push({ text, digits: column.codeDigits });
    else if (column.type === "code" && text) codes.push(text);
    if (column.type === "economic") {
      const split = splitEconomic(text);
      if (split) codes.push(split.code);
      if (column.label) label = split ? split.name : text;
    }
  }
  const joined = joinedCode(parts);
  if (joined) codes.push(joined);
  // 合计 printed across the code columns is the row's label.
  const words = parts.find((p) => p.text && !/^\d+$/.test(p.text));
  if (!label && words) label = words.text;
  const code = codes[codes.length - 1];
  return { label, ...(code ? { code } : {}), ...(codes.length > 0 ? { codeKey: codes.join("/") } : {}), cells };
}

export function gridRows(spec: TableSpec, raws: unknown[], reader: CellReader): Row[] {
  const rows: Omit<Row, "key">[] = [];
  const codeKeys: (string | undefined)[] = [];
  raws.forEach((raw, i) => {
    const where = `row ${i + 1}`;
    const { codeKey, ...read } = readRow(spec.columns, rawCells(raw, spec.columns, reader, where), reader, where);
    rows.push({ kind: inferKind(spec, read.label, read.code).kind, ...read });
    codeKeys.push(codeKey);
  });
  return assignKeys(spec, rows, codeKeys);
}

export function balanceRows(spec: TableSpec, table: Yaml, reader: CellReader): Row[] {
  const rows: Omit<Row, "key">[] = [];
  const codeKeys: (string | undefined)[] = [];
  for (const side of spec.sides ?? []) {
    const lines = table[side.key];
    if (!Array.isArray(lines)) throw new SourceError(reader.file, "", `the ${side.key} side is missing`);
    const columns = sideColumns(side);
    lines.forEach((line, i) => {
      const where = `${side.key} line ${i + 1}`;
      const { codeKey, ...read } = readRow(columns, rawCells(line, columns, reader, where), reader, where);
      rows.push({ kind: inferKind(spec, read.label, read.code).kind, side: side.key, ...read });
      codeKeys.push(codeKey);
    });
  }
  return assignKeys(spec, rows, codeKeys);
}

function readTable(dir: string, spec: TableSpec, decimals: number): Table | undefined {
  const file = join(dir, "tables", `${spec.id}.yaml`);
  if (!existsSync(file)) return undefined;
  const raw = readYaml(file);
  const reader = new CellReader(file, decimals);
  if (raw.table !== undefined && raw.table !== spec.id) {
    throw new SourceError(file, "", `says it is table ${str(raw.table)}, expected ${spec.id}`);
  }
  let rows: Row[];
  if (spec.shape === "balance") rows = balanceRows(spec, raw, reader);
  else if (Array.isArray(raw.rows)) rows = gridRows(spec, raw.rows, reader);
  else throw new SourceError(file, "", "has no rows");
  const optional = (key: string) => (typeof raw[key] === "string" ? { [key]: raw[key] as string } : {});
  return {
    id: spec.id,
    title: str(raw.title) || spec.title,
    ...optional("unitLine"),
    ...optional("department"),
    ...optional("note"),
    ...optional("emptyStatement"),
    rows,
  };
}

function readFact(raw: unknown, reader: CellReader, where: string): Fact {
  const f = (raw ?? {}) as Yaml;
  const fact: Fact = { subject: str(f.subject), text: str(f.text) };
  const amount = str(f.amount);
  if (amount && f.unit === undefined) fact.amount = reader.amount(amount, `${where}, amount`) ?? undefined;
  if (amount && f.unit !== undefined) {
    fact.quantity = amount;
    fact.unit = str(f.unit);
  }
  if (str(f.changeDirection)) fact.changeDirection = str(f.changeDirection);
  if (str(f.changeAmount)) fact.changeAmount = reader.amount(str(f.changeAmount), `${where}, changeAmount`) ?? 0;
  if (str(f.percentDirection)) fact.percentDirection = str(f.percentDirection);
  if (str(f.changePercent)) {
    fact.changePercent = reader.percent(str(f.changePercent), `${where}, changePercent`);
    const decimals = /\.(\d+)/.exec(str(f.changePercent))?.[1]?.length ?? 0;
    if (decimals < 2) fact.percentDecimals = decimals;
  }
  if (str(f.reason)) fact.reason = str(f.reason);
  return fact;
}

function readSection(raw: unknown, reader: CellReader, index: number): Section {
  const s = (raw ?? {}) as Yaml;
  const where = `part3 section ${index + 1} (${str(s.id)})`;
  const section: Section = {
    id: str(s.id),
    title: str(s.title),
    text: str(s.text).trim(),
    facts: (Array.isArray(s.facts) ? s.facts : []).map((f, i) => readFact(f, reader, `${where}, fact ${i + 1}`)),
  };
  if (Array.isArray(s.projects)) {
    section.projects = s.projects.map((p, i) => {
      const project = (p ?? {}) as Yaml;
      const amount = reader.amount(str(project.amount), `${where}, project ${i + 1}`) ?? 0;
      return { name: str(project.name), amount, goal: str(project.goal).trim() };
    });
  }
  if (Array.isArray(s.terms)) {
    section.terms = s.terms.map((t) => ({ term: str((t as Yaml).term), definition: str((t as Yaml).definition) }));
  }
  return section;
}

const indicators = (v: unknown) =>
  (Array.isArray(v) ? v : []).map((i) => ({ name: str((i as Yaml).name), target: str((i as Yaml).target) }));

/** Reads a source folder. The result is checked against the schema by the caller (see load.ts). */
export function readSource(dir: string): BudgetDocument {
  const file = join(dir, "document.yaml");
  if (!existsSync(file)) throw new SourceError(dir, "", "no document.yaml in this folder");
  const doc = readYaml(file);
  let template: Template;
  try {
    template = loadTemplate(str(doc.template));
  } catch (error) {
    throw new SourceError(file, "template", (error as Error).message);
  }
  const reader = new CellReader(file, template.decimals);
  const part1 = (doc.part1 ?? {}) as Yaml;
  const part2 = (doc.part2 ?? {}) as Yaml;
  const goal = (part2.departmentGoal ?? {}) as Yaml;
  const optional = (o: Yaml, key: string) => (typeof o[key] === "string" ? { [key]: (o[key] as string).trim() } : {});
  return {
    schemaVersion: str(doc.schemaVersion) as BudgetDocument["schemaVersion"],
    template: template.id,
    year: Number(str(doc.year)),
    department: str(doc.department),
    title: str(doc.title),
    amountUnit: (str(doc.amountUnit) || template.amountUnit) as BudgetDocument["amountUnit"],
    decimals: template.decimals,
    units: (Array.isArray(doc.units) ? doc.units : []).map((u) => {
      const unit = (u ?? {}) as Yaml;
      return { code: str(unit.code), name: str(unit.name), type: str(unit.type) as "机关" };
    }),
    contents: strings(doc.contents),
    part1: { duties: strings(part1.duties), structure: str(part1.structure).trim() },
    part2: {
      policies: strings(part2.policies),
      departmentGoal: {
        ...optional(goal, "annualGoal"),
        ...optional(goal, "overallGoal"),
        indicators: indicators(goal.indicators),
        ...optional(goal, "budgetCompletion"),
      },
      tasks: (Array.isArray(part2.tasks) ? part2.tasks : []).map((t) => {
        const task = (t ?? {}) as Yaml;
        return { name: str(task.name), goal: str(task.goal), indicators: indicators(task.indicators) };
      }),
    },
    part3: (Array.isArray(doc.part3) ? doc.part3 : []).map((s, i) => readSection(s, reader, i)),
    tables: template.tables.flatMap((spec) => readTable(dir, spec, template.decimals) ?? []),
  };
}

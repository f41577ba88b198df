/**
 * Rows as the template reads them. Derive says what kind each row is meant to be; the row's label and codes are
 * run through the template's own row-kind rules (inferKind) and keys (assignKeys), exactly as when a published
 * document is read, so the validator and the renderers see the rows derive meant — and a row the template would
 * read differently is a bug caught here, not a wrong table.
 */
import { type Catalog, functionCatalog } from "../../catalog/catalog.ts";
import type { Cell, Row, Table } from "../../model/document.ts";
import { assignKeys, inferKind, splitEconomic } from "../../model/rows.ts";
import type { TableSpec, Template } from "../../templates/template.ts";
import type { Layout } from "../layout.ts";
import type { Leaf } from "../leaves.ts";
import type { Ledger } from "../types.ts";

export interface DraftRow {
  kind: string;
  cells: Record<string, Cell>;
}

export interface BalanceLine {
  side: string;
  label: string;
  amount: number;
  code?: string;
}

/** What every table module derives from. */
export interface DeriveContext {
  ledger: Ledger;
  template: Template;
  layout: Layout;
  leaves: Leaf[];
}

export class DeriveError extends Error {}

/** Grid rows: label and codes read from the cells as the source reader reads them, kinds checked, keys assigned. */
export function gridRows(spec: TableSpec, drafts: DraftRow[]): Row[] {
  const rows: Omit<Row, "key">[] = [];
  const codeKeys: (string | undefined)[] = [];
  const keys = new Set(spec.columns.map((c) => c.key));
  for (const draft of drafts) {
    const unknown = Object.keys(draft.cells).filter((k) => !keys.has(k));
    if (unknown.length > 0) throw new DeriveError(`${spec.id} has no column ${unknown.join(", ")} (see the layout)`);
    const cells: Record<string, Cell> = {};
    let label = "";
    const codes: string[] = [];
    for (const column of spec.columns) {
      const value = draft.cells[column.key];
      cells[column.key] = value ?? (column.type === "amount" ? 0 : null);
      const text = typeof value === "string" ? value : "";
      if (column.type === "label") label = text;
      if (column.type === "code" && text) codes.push(text);
      if (column.type === "economic") {
        const split = splitEconomic(text);
        if (split) codes.push(split.code);
        if (column.label) label = split ? split.name : text;
      }
    }
    const code = codes[codes.length - 1];
    const { kind } = inferKind(spec, label, code);
    if (kind !== draft.kind) {
      throw new DeriveError(`${spec.id}: the row "${label}" is meant as ${draft.kind} but the template reads ${kind}`);
    }
    rows.push({ kind, ...(code ? { code } : {}), label, cells });
    codeKeys.push(codes.length > 0 ? codes.join("/") : undefined);
  }
  return assignKeys(spec, rows, codeKeys);
}

/** Balance-table lines, kinds as the template reads them. */
export function balanceRows(spec: TableSpec, lines: BalanceLine[]): Row[] {
  const rows = lines.map((line) => ({
    kind: inferKind(spec, line.label).kind,
    side: line.side,
    ...(line.code ? { code: line.code } : {}),
    label: line.label,
    cells: { amount: line.amount } as Record<string, Cell>,
  }));
  return assignKeys(spec, rows, []);
}

export function table(context: DeriveContext, spec: TableSpec, rows: Row[]): Table {
  const { template, ledger } = context;
  return { id: spec.id, title: spec.title, unitLine: template.unitLine, department: ledger.department, rows };
}

/** Items grouped by a key, groups in order of first appearance. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** 一 … 九十九, as ordinals are printed before lines and sections. */
export function chineseNumeral(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n < 10) return digits[n] ?? "";
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : digits[tens]}十${ones === 0 ? "" : digits[ones]}`;
}

const functionCatalogs = new Map<number, Catalog>();

/** The catalog name of a function code in the ledger's year. */
export function functionName(ledger: Ledger, code: string): string {
  let catalog = functionCatalogs.get(ledger.year);
  if (!catalog) {
    catalog = functionCatalog(ledger.year);
    functionCatalogs.set(ledger.year, catalog);
  }
  return catalog.get(code)?.name ?? code;
}

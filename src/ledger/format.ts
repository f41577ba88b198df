/**
 * The ledger input format as data (data/ledger/format.yaml): the sheets of the workbook, which are also the CSV
 * files and ledger.yaml sections of a ledger folder, their columns, and the vocabularies their cells take.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";

export type ColumnType = "text" | "amount" | "wan" | "code" | "flag";

export interface FormatColumn {
  key: string;
  header: string;
  type?: ColumnType;
  list?: string;
  required?: boolean;
  width?: number;
}

/** A row of a key-value sheet (部门, 文字, 上年数与变动原因): what may be written against the key. */
export interface FormatRow {
  key: string;
  label: string;
  required?: boolean;
  repeat?: boolean;
  type?: ColumnType;
  previous?: boolean;
  reason?: boolean;
}

export interface FormatSheet {
  id: string;
  sheet: string;
  /** The CSV file of a ledger folder holding these rows; sheets without one live in ledger.yaml. */
  file?: string;
  keyValue?: boolean;
  columns: FormatColumn[];
  rows?: FormatRow[];
}

export interface ListEntry {
  key: string;
  label: string;
  also?: string[];
  level1?: string;
}

export interface LedgerFormat {
  sheets: FormatSheet[];
  lists: Record<string, ListEntry[]>;
  instructions: string[];
}

let format: LedgerFormat | undefined;

export function ledgerFormat(): LedgerFormat {
  format ??= parse(readFileSync(dataPath("ledger/format.yaml"), "utf8")) as LedgerFormat;
  return format;
}

export function sheetFormat(id: string): FormatSheet {
  const sheet = ledgerFormat().sheets.find((s) => s.id === id);
  if (!sheet) throw new Error(`data/ledger/format.yaml has no sheet "${id}"`);
  return sheet;
}

/** The key a cell's text stands for in a vocabulary: its key, its label or another accepted spelling. */
export function listKey(list: string, text: string): string | undefined {
  const wanted = text.normalize("NFKC").trim();
  for (const entry of ledgerFormat().lists[list] ?? []) {
    const names = [entry.key, entry.label, ...(entry.also ?? [])].map((n) => n.normalize("NFKC"));
    if (names.includes(wanted)) return entry.key;
  }
  return undefined;
}

export function listLabels(list: string): string[] {
  return (ledgerFormat().lists[list] ?? []).map((e) => e.label);
}

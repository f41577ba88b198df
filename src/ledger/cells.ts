/**
 * The cells of a ledger row, as read from a CSV file, ledger.yaml or a workbook: text with the place it came from,
 * parsed by the column's type in data/ledger/format.yaml. A bad cell becomes an issue naming its row and column.
 */
import { AmountError, parseScaled } from "../money/amount.ts";
import { type FormatColumn, ledgerFormat, listKey, sheetFormat } from "./format.ts";
import type { Issues, Place } from "./issues.ts";

export interface RawRow {
  place: Place;
  /** How each column is named where it was read (for issues), by column key. */
  columns: Record<string, string>;
  /** Cell texts by column key; an empty cell is "". */
  values: Record<string, string>;
}

/** The rows of one sheet (or CSV file, or ledger.yaml section), with where the sheet itself is. */
export interface RawSheet {
  place: Place;
  rows: RawRow[];
}

/** The sheets of a ledger by id (meta, units, projects, indicators, lines, …). */
export type RawLedger = Record<string, RawSheet>;

/** The code at the start of a cell, so that a drop-down entry "2010301 行政运行" reads as 2010301. */
function leadingCode(text: string): string {
  const m = /^\s*([0-9A-Za-z]+)(?:[\s　].*)?$/s.exec(text);
  return m?.[1] ?? text.trim();
}

/** Parses the cells of one row by their column types; a bad cell becomes an issue and reads as undefined. */
export class Cells {
  constructor(
    private readonly row: RawRow,
    private readonly columns: FormatColumn[],
    private readonly issues: Issues,
  ) {}

  private column(key: string): FormatColumn {
    const column = this.columns.find((c) => c.key === key);
    if (!column) throw new Error(`no column ${key} in the ledger format`);
    return column;
  }

  private fail(key: string, message: string): undefined {
    this.issues.add(this.row.place, message, this.row.columns[key] ?? key);
    return undefined;
  }

  raw(key: string): string {
    return (this.row.values[key] ?? "").trim();
  }

  text(key: string): string {
    const text = this.raw(key);
    if (text === "" && this.column(key).required) this.fail(key, "is empty; it is required");
    return text;
  }

  code(key: string): string {
    return leadingCode(this.text(key));
  }

  /** Fen (amount) or 0.01 万元 (wan): exact, never through a float. */
  scaled(key: string): number | undefined {
    const text = this.text(key);
    if (text === "") return undefined;
    const unit = this.column(key).type === "wan" ? "万元" : "元";
    try {
      const value = parseScaled(text, 2);
      if (value < 0) return this.fail(key, `"${text}" is negative; a budget amount is not`);
      return value;
    } catch (error) {
      if (error instanceof AmountError) return this.fail(key, `${error.message} (an amount in ${unit})`);
      throw error;
    }
  }

  listed<T extends string>(key: string, list: string, fallback?: T): T | undefined {
    const text = this.text(key);
    if (text === "") return fallback;
    const found = listKey(list, text);
    if (found === undefined) return this.fail(key, `"${text}" is not one of the ${list} (${listHint(list)})`);
    return found as T;
  }

  flag(key: string): boolean {
    return this.listed(key, "yesNo") === "true";
  }
}

function listHint(list: string): string {
  return (ledgerFormat().lists[list] ?? [])
    .map((e) => (e.key === e.label ? e.key : `${e.label} / ${e.key}`))
    .join(", ");
}

export function cells(row: RawRow, sheet: string, issues: Issues): Cells {
  return new Cells(row, sheetFormat(sheet).columns, issues);
}

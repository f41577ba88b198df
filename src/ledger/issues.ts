/**
 * Input errors of a ledger, each with the place a preparer can find it: the file (and sheet), the row and the
 * column. All errors of a ledger are collected before any is reported, so one run lists everything to fix.
 */
import { InputError } from "../model/load.ts";

export interface Place {
  /** The ledger file: ledger.yaml, budget-lines.csv, or the workbook. */
  file: string;
  /** The workbook sheet, for a workbook. */
  sheet?: string;
  /** The row as the preparer sees it: the CSV line or workbook row number, or an entry of ledger.yaml. */
  row?: string;
}

export interface LedgerIssue extends Place {
  column?: string;
  message: string;
}

export function describeIssue(issue: LedgerIssue): string {
  const where = [issue.sheet ? `sheet ${issue.sheet}` : "", issue.row ?? ""].filter((s) => s !== "").join(" ");
  const column = issue.column ? `${where ? ", " : ""}column ${issue.column}` : "";
  return `${issue.file}${where || column ? " " : ""}${where}${column}: ${issue.message}`;
}

/** The most issues one error message lists; the rest are counted. */
const SHOWN = 50;

/** A ledger that cannot be derived; an InputError, so the command line reports it as unusable input. */
export class LedgerError extends InputError {
  constructor(readonly issues: LedgerIssue[]) {
    const lines = issues.slice(0, SHOWN).map(describeIssue);
    if (issues.length > SHOWN) lines.push(`… and ${issues.length - SHOWN} more`);
    super(lines.join("\n"));
  }
}

/** Collects issues; `fail` throws them all at once. */
export class Issues {
  readonly list: LedgerIssue[] = [];

  add(place: Place, message: string, column?: string): void {
    this.list.push({ ...place, ...(column ? { column } : {}), message });
  }

  /** An issue at a record read from a ledger, in one of its columns (by key). */
  at(record: object, message: string, column?: string): void {
    this.add(originOf(record), message, column === undefined ? undefined : columnOf(record, column));
  }

  fail(): void {
    if (this.list.length > 0) throw new LedgerError(this.list);
  }
}

/** Where each record of a ledger was read from, so that checks across records can name it. */
const origins = new WeakMap<object, Place & { columns?: Record<string, string> }>();

export function setOrigin(record: object, place: Place, columns?: Record<string, string>): void {
  origins.set(record, { ...place, ...(columns ? { columns } : {}) });
}

export function originOf(record: object): Place & { columns?: Record<string, string> } {
  return origins.get(record) ?? { file: "ledger" };
}

/** How a column of a record is named in its file: `amount` in a CSV, `G (金额（元）)` in a workbook. */
export function columnOf(record: object, key: string): string {
  return originOf(record).columns?.[key] ?? key;
}

/**
 * How a ledger becomes a disclosure of one template (data/ledger/<template>.yaml): column filters, row labels,
 * empty-table statements, contents and the Part 3 wording. Read once per template.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { dataPath } from "../paths.ts";
import type { FundSource, LineKind, UnitType } from "./types.ts";

/** Which rounded amounts a column sums. */
export interface ColumnFilter {
  sources?: FundSource[];
  kind?: "basic" | "project";
  special?: boolean;
}

export type Columns = Record<string, ColumnFilter>;

export interface BalanceSide {
  classes: string[];
  sources: string;
  numbered: boolean;
  yearTotal: string;
  after: string[];
  grandTotal: string;
}

export interface BalanceLayout {
  income: [string, string][];
  expenditure: BalanceSide;
}

export interface PurchaseLayout {
  totals: Record<string, string>;
  unitCodeOnParts?: boolean;
  basic: string;
  project: string;
  basicItem: string;
  columns: Columns;
}

export interface SectionWording {
  facts?: Record<string, string>;
  text?: string;
  /** The text when the section has nothing to list (no key projects). */
  none?: string;
  /** The unit of each quantity fact. */
  units?: Record<string, string>;
  term?: string;
  plannedPurchasesNote?: string;
}

export interface Layout {
  title: string;
  subjects: {
    appropriation: FundSource[];
    threePublic: Record<string, string[]>;
    administrativeCosts: { unitTypes: UnitType[]; kinds: LineKind[] };
  };
  tables: {
    T01: BalanceLayout;
    T04: BalanceLayout;
    T02: { columns: Columns };
    T03: { columns: Columns };
    T06: { rowsFrom: ColumnFilter; columns: Columns };
    T07: { rowsFrom: ColumnFilter; columns: Columns };
    T08: { categories: Record<string, { label: string; kind: string }>; householdClass: string; columns: Columns };
    T09: { sources: FundSource[] };
    T10: { memo: { label: string; special: boolean }[]; columns: Columns; indicator: string };
    T12: { rows: { label: string; kind: string; subjects: string[] }[]; columns: Columns };
    T13: PurchaseLayout;
    T14: PurchaseLayout;
  };
  emptyStatement: string;
  emptySubjects: Record<string, string>;
  roundingNote: string;
  contents: Record<string, string | string[]>;
  structure: string;
  structureAlone: string;
  sameChangeAs: Record<string, string>;
  change: Record<string, string>;
  sections: Record<string, SectionWording>;
  budgetCompletion: string;
  glossary: { term: string; definition: string }[];
}

const cache = new Map<string, Layout>();

export function hasLayout(template: string): boolean {
  return /^[a-z0-9-]+$/.test(template) && existsSync(layoutPath(template));
}

function layoutPath(template: string): string {
  return dataPath(`ledger/${template}.yaml`);
}

export function loadLayout(template: string): Layout {
  let layout = cache.get(template);
  if (!layout) {
    if (!hasLayout(template)) throw new Error(`no ledger layout for template "${template}" in data/ledger/`);
    layout = parse(readFileSync(layoutPath(template), "utf8"), { merge: true }) as Layout;
    cache.set(template, layout);
  }
  return layout;
}

/** Fills {name} placeholders; one left unfilled is a bug in the layout or in derive, never printed. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`wording placeholder {${name}} has no value in "${text}"`);
    return String(values[name]);
  });
}

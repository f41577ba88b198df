/**
 * A table seen by the relation language: each row with its parent, children, unit and position, and the selectors
 * (kind:, code:, label:, side:, unitCode:, unit:, categoryCode:, before:, after:, under:) that pick rows out of it.
 */
import type { BudgetDocument, Row, Table } from "../../model/document.ts";
import { normaliseLabel, parentIndexes } from "../../model/rows.ts";
import type { Selector } from "../../templates/relation.ts";
import type { TableSpec, Template } from "../../templates/template.ts";

export interface IndexedRow {
  row: Row;
  index: number;
  parent?: number;
  children: number[];
  /** The code of the unit this row belongs to (its own, for a unit row). */
  unitCode?: string;
  /** The name of that unit as the table prints it (layouts that print units without codes name them only). */
  unitName?: string;
  /** The kinds of its ancestors. */
  ancestorKinds: Set<string>;
}

export type Bindings = Record<string, string | undefined>;

export class TableIndex {
  readonly rows: IndexedRow[];
  private readonly selections = new Map<string, IndexedRow[]>();
  private readonly firsts = new Map<string, number | undefined>();

  constructor(
    readonly spec: TableSpec,
    readonly table: Table,
  ) {
    const parents = parentIndexes(spec, table.rows);
    this.rows = table.rows.map((row, index) => ({
      row,
      index,
      parent: parents[index],
      children: [],
      ancestorKinds: new Set<string>(),
    }));
    for (const r of this.rows) {
      if (r.parent !== undefined) this.rows[r.parent]?.children.push(r.index);
      for (let p = r.parent; p !== undefined; p = this.rows[p]?.parent)
        r.ancestorKinds.add(this.rows[p]?.row.kind ?? "");
      const unit = this.unitOf(r);
      r.unitCode = unit?.row.code;
      r.unitName = unit?.row.label;
    }
  }

  private unitOf(r: IndexedRow): IndexedRow | undefined {
    for (let at: IndexedRow | undefined = r; at; at = at.parent === undefined ? undefined : this.rows[at.parent]) {
      if (at.row.kind === "unit") return at;
    }
    return undefined;
  }

  children(r: IndexedRow): IndexedRow[] {
    return r.children.flatMap((i) => this.rows[i] ?? []);
  }

  /** Where a row stands against the first row of a kind on its side: -1 before, 1 after (and before a grand total). */
  private position(r: IndexedRow, kind: string): number {
    const mark = this.firstOfKind(r.row.side, kind);
    if (mark === undefined || r.index === mark) return 0;
    if (r.index < mark) return -1;
    const grand = this.firstOfKind(r.row.side, "grandTotal") ?? Number.POSITIVE_INFINITY;
    return r.index < grand ? 1 : 0;
  }

  /** The index of the first row of a kind on a side (undefined side: the whole table). */
  private firstOfKind(side: string | undefined, kind: string): number | undefined {
    const key = `${side ?? ""}|${kind}`;
    if (!this.firsts.has(key)) {
      this.firsts.set(key, this.rows.find((x) => x.row.side === side && x.row.kind === kind)?.index);
    }
    return this.firsts.get(key);
  }

  private matches(r: IndexedRow, s: Selector, value: string): boolean {
    switch (s.name) {
      case "kind":
        return r.row.kind === value;
      case "code":
        return r.row.code === value;
      case "label":
        return normaliseLabel(r.row.label) === normaliseLabel(value);
      case "side":
        return r.row.side === value;
      case "unitCode":
        return r.unitCode === value;
      case "unit":
        return r.unitName !== undefined && normaliseLabel(r.unitName) === normaliseLabel(value);
      case "categoryCode":
        return String(r.row.cells.categoryCode ?? "").startsWith(value);
      case "before":
        return this.position(r, value) < 0;
      case "after":
        return this.position(r, value) > 0;
      case "under":
        return r.ancestorKinds.has(value);
      default:
        return false;
    }
  }

  /** The rows every selector matches; `$code`, `$unitCode`, `$label`, `$name`, `$unit` are taken from the bindings. */
  select(selectors: Selector[], bindings: Bindings = {}): IndexedRow[] {
    const resolved = selectors.map((s) => ({
      s,
      value: s.value.startsWith("$") ? bindings[s.value.slice(1)] : s.value,
    }));
    if (resolved.some((x) => x.value === undefined)) return [];
    // The same selection recurs for every row and every column a relation expands to: compute it once.
    const key = resolved.map(({ s, value }) => `${s.name}:${value}`).join(" ");
    let rows = this.selections.get(key);
    if (!rows) {
      rows = this.rows.filter((r) => resolved.every(({ s, value }) => this.matches(r, s, value ?? "")));
      this.selections.set(key, rows);
    }
    return rows;
  }
}

export function bindingsOf(r: IndexedRow): Bindings {
  return { code: r.row.code, unitCode: r.unitCode, label: r.row.label };
}

/** Indexes of every table of a document, built once per validation. */
export class DocumentIndex {
  private readonly tables = new Map<string, TableIndex>();

  constructor(
    readonly doc: BudgetDocument,
    readonly template: Template,
  ) {
    for (const table of doc.tables) {
      const spec = template.tables.find((t) => t.id === table.id);
      if (spec) this.tables.set(table.id, new TableIndex(spec, table));
    }
  }

  table(id: string): TableIndex | undefined {
    return this.tables.get(id);
  }
}

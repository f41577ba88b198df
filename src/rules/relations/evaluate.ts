/**
 * Evaluates a parsed relation on a document: expands `each` and `*`, sums the cells each side names, and decides
 * the comparison with the rounding rule. A reference that names no row makes that instance not applicable; the
 * rules that require rows to exist (tables-present, the narrative rule) report absences themselves.
 */
import { add, exact, type Interval, intersects, negate, published, ZERO } from "../../money/interval.ts";
import type { CellRef, ParsedRelation, Term } from "../../templates/relation.ts";
import type { Location } from "../diagnostic.ts";
import { type Bindings, bindingsOf, type DocumentIndex, type IndexedRow, type TableIndex } from "./table-index.ts";

export interface Operand {
  value: number;
  interval: Interval;
  cells: Location[];
}

export type Status = "ok" | "rounding" | "error";

export interface Outcome {
  relation: ParsedRelation;
  /** The `each` row this instance was evaluated for. */
  row?: IndexedRow;
  /** The column `*` stood for. */
  column?: string;
  left: Operand;
  right: Operand;
  status: Status;
}

interface Scope {
  index: DocumentIndex;
  table?: TableIndex;
  row?: IndexedRow;
  bindings: Bindings;
  star?: string;
}

function rowsOf(ref: CellRef, scope: Scope): { table: TableIndex; rows: IndexedRow[] } | undefined {
  if (ref.children) {
    if (!scope.table || !scope.row) return undefined;
    return { table: scope.table, rows: scope.table.children(scope.row) };
  }
  if (ref.table === undefined) {
    if (!scope.table || !scope.row) return undefined;
    return { table: scope.table, rows: [scope.row] };
  }
  const table = scope.index.table(ref.table);
  if (!table) return undefined;
  const rows = table.select(ref.selectors, scope.bindings);
  return rows.length === 0 && !ref.aggregate ? undefined : { table, rows };
}

function operand(terms: Term[], scope: Scope): Operand | undefined {
  let value = 0;
  let interval = ZERO;
  const cells: Location[] = [];
  for (const term of terms) {
    const found = rowsOf(term.ref, scope);
    if (!found) return undefined;
    const column = term.ref.column === "*" ? scope.star : term.ref.column;
    if (!column) return undefined;
    for (const r of found.rows) {
      const cell = r.row.cells[column];
      const amount = typeof cell === "number" ? cell : 0;
      // A printed 0.00 is taken as exactly nothing (a fund source the department does not have), not as a rounded
      // amount of up to ±0.005: otherwise every empty column of a wide table would widen the tolerance.
      const bounds = typeof cell === "number" && cell !== 0 ? published(cell) : exact(0);
      value += term.sign * amount;
      interval = add(interval, term.sign > 0 ? bounds : negate(bounds));
      cells.push({ table: found.table.table.id, row: r.row.key, column });
    }
  }
  return { value, interval, cells };
}

/** The value of a sum of references outside any `each`, e.g. a narrative subject's cell; undefined if absent. */
export function sumOfRefs(terms: Term[], index: DocumentIndex, bindings: Bindings = {}): Operand | undefined {
  return operand(terms, { index, bindings });
}

export function decide(op: ParsedRelation["op"], left: Operand, right: Operand): Status {
  const holds =
    op === "=" ? left.value === right.value : op === "<=" ? left.value <= right.value : left.value >= right.value;
  if (holds) return "ok";
  const possible =
    op === "="
      ? intersects(left.interval, right.interval)
      : op === "<="
        ? left.interval.lo <= right.interval.hi
        : left.interval.hi >= right.interval.lo;
  return possible ? "rounding" : "error";
}

function usesStar(relation: ParsedRelation): boolean {
  return [...relation.left, ...relation.right].some((t) => t.ref.column === "*");
}

/** The amount columns `*` ranges over: those of the each-table, or of the first table named. */
function starColumns(relation: ParsedRelation, index: DocumentIndex): (string | undefined)[] {
  if (!usesStar(relation)) return [undefined];
  const id = relation.each?.table ?? relation.left[0]?.ref.table;
  const table = id === undefined ? undefined : index.table(id);
  return table ? table.spec.columns.filter((c) => c.type === "amount").map((c) => c.key) : [];
}

function eachRows(
  relation: ParsedRelation,
  index: DocumentIndex,
): { table?: TableIndex; rows: (IndexedRow | undefined)[] } {
  const each = relation.each;
  if (!each) return { rows: [undefined] };
  const table = index.table(each.table);
  if (!table) return { rows: [] };
  let rows = table.select(each.selectors);
  if (each.scope === "parents") rows = rows.filter((r) => r.children.length > 0);
  return { table, rows };
}

export function* evaluate(relation: ParsedRelation, index: DocumentIndex): Generator<Outcome> {
  const { table, rows } = eachRows(relation, index);
  const columns = starColumns(relation, index);
  for (const row of rows) {
    for (const column of columns) {
      const scope: Scope = { index, table, row, bindings: row ? bindingsOf(row) : {}, star: column };
      const left = operand(relation.left, scope);
      const right = operand(relation.right, scope);
      if (!left || !right) continue;
      yield { relation, row, column, left, right, status: decide(relation.op, left, right) };
    }
  }
}

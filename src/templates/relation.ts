/**
 * The relation language: how a template says which cells must add up (see the header of
 * data/templates/gz-2021-14.relations.yaml). This module parses it into a small tree that the validator evaluates.
 */
import type { Relation, Template } from "./template.ts";

export interface Selector {
  name: string;
  value: string;
}

export interface CellRef {
  /** The table the cell is in; absent for the current row of `each`. */
  table?: string;
  selectors: Selector[];
  /** A column key, or `*` for every amount column. */
  column: string;
  /** `sum(children.column)`: the sum over the current row's children. */
  children: boolean;
  /** `sum(T13[…].total)`: zero or more rows (none sums to 0); a plain reference needs at least one row. */
  aggregate: boolean;
}

export interface Term {
  sign: 1 | -1;
  ref: CellRef;
}

export type Comparison = "=" | "<=" | ">=";

export interface Each {
  table: string;
  scope: "rows" | "parents" | "select";
  selectors: Selector[];
}

export interface ParsedRelation {
  id: string;
  source: string;
  each?: Each;
  left: Term[];
  op: Comparison;
  right: Term[];
}

export class RelationError extends Error {}

const SELECTOR_NAMES = new Set([
  "kind",
  "code",
  "label",
  "side",
  "unitCode",
  "unit",
  "categoryCode",
  "before",
  "after",
  "under",
]);

function parseSelectors(text: string, where: string): Selector[] {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(":");
      const name = part.slice(0, colon);
      if (colon < 1 || !SELECTOR_NAMES.has(name)) throw new RelationError(`${where}: bad selector "${part}"`);
      return { name, value: part.slice(colon + 1) };
    });
}

const REF = /^(?:(T\d{2})(?:\[([^\]]*)\])?\.)?([A-Za-z][A-Za-z0-9]*|\*)$/;
const CHILDREN = /^children\.([A-Za-z][A-Za-z0-9]*|\*)$/;
const SUM = /^sum\((.*)\)$/;

export function parseRef(text: string, where: string): CellRef {
  const sum = SUM.exec(text);
  const inner = sum?.[1]?.trim() ?? text;
  const children = CHILDREN.exec(inner);
  if (sum && children?.[1]) return { selectors: [], column: children[1], children: true, aggregate: true };
  const m = REF.exec(inner);
  if (!m?.[3]) throw new RelationError(`${where}: cannot read "${text}"`);
  const selectors = m[2] ? parseSelectors(m[2], where) : [];
  return { table: m[1], selectors, column: m[3], children: false, aggregate: sum !== null };
}

/** Splits a sum at top-level + and - (not those inside a [selector], where labels may contain them). */
export function parseSum(text: string, where: string): Term[] {
  const terms: Term[] = [];
  let depth = 0;
  let start = 0;
  let sign: 1 | -1 = 1;
  const push = (end: number) => {
    const part = text.slice(start, end).trim();
    if (!part) throw new RelationError(`${where}: empty term in "${text}"`);
    terms.push({ sign, ref: parseRef(part, where) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "[" || ch === "(") depth++;
    else if (ch === "]" || ch === ")") depth--;
    else if (depth === 0 && (ch === "+" || ch === "-") && /\s/.test(text[i - 1] ?? " ")) {
      push(i);
      sign = ch === "+" ? 1 : -1;
      start = i + 1;
    }
  }
  push(text.length);
  return terms;
}

/** `T03 rows`, `T02 parents`, `T13 kind:item`, or `T01 parents side:income`. */
function parseEach(text: string, where: string): Each {
  const m = /^(T\d{2})\s+(?:(rows|parents)\b)?(.*)$/.exec(text.trim());
  if (!m?.[1]) throw new RelationError(`${where}: cannot read each "${text}"`);
  const scope = (m[2] as "rows" | "parents" | undefined) ?? "select";
  const selectors = parseSelectors(m[3] ?? "", where);
  if (scope === "select" && selectors.length === 0) throw new RelationError(`${where}: cannot read each "${text}"`);
  return { table: m[1], scope, selectors };
}

export function parseRelation(relation: Relation, templateId = ""): ParsedRelation {
  const where = `${templateId} relation ${relation.id}`;
  const m = /^(.*?)\s(<=|>=|=)\s(.*)$/.exec(relation.assert);
  if (!m?.[1] || !m[2] || !m[3]) throw new RelationError(`${where}: an assertion needs =, <= or >=`);
  return {
    id: relation.id,
    source: relation.assert,
    each: relation.each === undefined ? undefined : parseEach(relation.each, where),
    left: parseSum(m[1], where),
    op: m[2] as Comparison,
    right: parseSum(m[3], where),
  };
}

/** Every table and column a relation names must exist in the template: a typo is an error, not a silent pass. */
export function checkRelation(parsed: ParsedRelation, template: Template): void {
  const where = `${template.id} relation ${parsed.id}`;
  const columnsOf = (id: string) => {
    const spec = template.tables.find((t) => t.id === id);
    if (!spec) throw new RelationError(`${where}: no table ${id}`);
    return new Set(spec.columns.map((c) => c.key));
  };
  if (parsed.each) columnsOf(parsed.each.table);
  for (const term of [...parsed.left, ...parsed.right]) {
    const table = term.ref.table ?? parsed.each?.table;
    if (!table) throw new RelationError(`${where}: "${term.ref.column}" needs a table or an each`);
    const columns = columnsOf(table);
    if (term.ref.column !== "*" && !columns.has(term.ref.column)) {
      throw new RelationError(`${where}: table ${table} has no column ${term.ref.column}`);
    }
  }
}

export function parseRelations(template: Template): ParsedRelation[] {
  return template.relations.map((r) => {
    const parsed = parseRelation(r, template.id);
    checkRelation(parsed, template);
    return parsed;
  });
}

/**
 * The finest amounts a disclosure is built from. Budget lines are summed into leaves — fund source × basic/project ×
 * unit × block (a project, or the unit's 人员/公用/对个人和家庭 category) × function item × economic section — and the
 * leaves are rounded once, down that tree (round.ts). Every published budget amount is a sum of rounded leaves.
 */
import { governmentCodeFor } from "../catalog/catalog.ts";
import type { ColumnFilter, Layout } from "./layout.ts";
import { roundTree } from "./round.ts";
import { FUND_SOURCES, type FundSource, type Ledger, type LineKind, type UnitType } from "./types.ts";

/** The T08 category of basic expenditure, or "project". */
export type Block = "personnelUnified" | "personnelOther" | "operating" | "household" | "project";

export interface Leaf {
  source: FundSource;
  kind: "basic" | "project";
  lineKind: LineKind;
  block: Block;
  unit: string;
  unitType: UnitType;
  project: string | null;
  special: boolean;
  functionCode: string;
  economicCode: string;
  /** The government economic section (5xx) of a basic leaf, by its unit's type. */
  governmentCode: string;
  /** Fen. */
  exact: number;
  /** Published units (0.01 万元). */
  amount: number;
}

export function matches(leaf: Pick<Leaf, "source" | "kind" | "special">, filter: ColumnFilter): boolean {
  if (filter.sources && !filter.sources.includes(leaf.source)) return false;
  if (filter.kind && filter.kind !== leaf.kind) return false;
  if (filter.special !== undefined && (leaf.kind !== "project" || filter.special !== leaf.special)) return false;
  return true;
}

interface CompiledFilter {
  key: string;
  sources?: Set<string>;
  kind?: string;
  special?: boolean;
}

const compiled = new WeakMap<Record<string, ColumnFilter>, CompiledFilter[]>();

function compile(columns: Record<string, ColumnFilter>): CompiledFilter[] {
  let filters = compiled.get(columns);
  if (!filters) {
    filters = Object.entries(columns).map(([key, f]) => ({
      key,
      ...(f.sources ? { sources: new Set<string>(f.sources) } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.special !== undefined ? { special: f.special } : {}),
    }));
    compiled.set(columns, filters);
  }
  return filters;
}

/** The sum of each column's filter over some leaves. */
export function columnSums(
  leaves: readonly Pick<Leaf, "source" | "kind" | "special" | "amount">[],
  columns: Record<string, ColumnFilter>,
): Record<string, number> {
  const filters = compile(columns);
  const sums: Record<string, number> = {};
  for (const f of filters) sums[f.key] = 0;
  for (const leaf of leaves) {
    for (const f of filters) {
      if (f.sources && !f.sources.has(leaf.source)) continue;
      if (f.kind && f.kind !== leaf.kind) continue;
      if (f.special !== undefined && (leaf.kind !== "project" || f.special !== leaf.special)) continue;
      sums[f.key] = (sums[f.key] ?? 0) + leaf.amount;
    }
  }
  return sums;
}

const BLOCK_ORDER: Block[] = ["personnelUnified", "personnelOther", "operating", "household", "project"];

/** The path of a leaf in the rounding tree: source › basic/project › unit › block › function item › economic. */
function treePath(leaf: Leaf, unitOrder: Map<string, number>, projectOrder: Map<string, number>): string[] {
  const pad = (n: number | undefined) => String(n ?? 0).padStart(6, "0");
  const block =
    leaf.project === null ? `b${BLOCK_ORDER.indexOf(leaf.block)}` : `p${pad(projectOrder.get(leaf.project))}`;
  return [
    pad(FUND_SOURCES.indexOf(leaf.source)),
    leaf.kind,
    pad(unitOrder.get(leaf.unit)),
    block,
    leaf.functionCode,
    leaf.economicCode,
  ];
}

/** Sums the budget lines into leaves and rounds them; leaves come out in tree order. */
export function budgetLeaves(ledger: Ledger, layout: Layout): Leaf[] {
  const units = new Map(ledger.units.map((u) => [u.code, u]));
  const projects = new Map(ledger.projects.map((p) => [p.id, p]));
  const unitOrder = new Map(ledger.units.map((u, i) => [u.code, i]));
  const projectOrder = new Map(ledger.projects.map((p, i) => [p.id, i]));
  const byKey = new Map<string, Leaf>();
  for (const line of ledger.lines) {
    const unitType = units.get(line.unit)?.type ?? "机关";
    const basic = line.kind !== "project";
    const household = basic && line.economicCode.startsWith(layout.tables.T08.householdClass);
    const block: Block = household ? "household" : line.kind;
    const project = basic ? null : line.project;
    const key = [line.source, block, line.unit, project ?? "", line.functionCode, line.economicCode].join("|");
    const leaf = byKey.get(key);
    if (leaf) {
      leaf.exact += line.amount;
      continue;
    }
    byKey.set(key, {
      source: line.source,
      kind: basic ? "basic" : "project",
      lineKind: line.kind,
      block,
      unit: line.unit,
      unitType,
      project,
      special: project !== null && (projects.get(project)?.special ?? false),
      functionCode: line.functionCode,
      economicCode: line.economicCode,
      governmentCode: basic ? (governmentCodeFor(line.economicCode, unitType) ?? "") : "",
      exact: line.amount,
      amount: 0,
    });
  }
  // Joined with a separator below every character, a path sorts as its levels do, one after the other.
  const entries = [...byKey.values()].map((leaf) => {
    const path = treePath(leaf, unitOrder, projectOrder);
    return { leaf, path, key: path.join("\u0001") };
  });
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rounded = roundTree(
    entries,
    (e) => e.path,
    (e) => e.leaf.exact,
  );
  return entries.map((e, i) => {
    e.leaf.amount = rounded[i] ?? 0;
    return e.leaf;
  });
}

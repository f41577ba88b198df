/**
 * Procurement and purchased services, rounded within what they are paid from: their total under one budget line and
 * fund source is its exact amount rounded half up, or that line's rounded budget from that source if that is less —
 * so no published purchase exceeds its published budget line.
 */
import type { Leaf } from "./leaves.ts";
import { apportion, roundHalfUp } from "./round.ts";
import {
  type BudgetLineRef,
  FUND_SOURCES,
  type FundSource,
  type ProcurementLine,
  type PurchasedServiceLine,
} from "./types.ts";

/** One row of the procurement or purchased-services table: the lines that print as one, with an amount per source. */
export interface PurchaseRow<L> {
  ref: BudgetLineRef;
  /** The first of its lines, for the row's texts. */
  line: L;
  exact: Partial<Record<FundSource, number>>;
  amounts: Partial<Record<FundSource, number>>;
}

/**
 * Groups lines into table rows by `identity` (within their budget line) and rounds each row's amount per source so
 * that the rows paid from one budget line and source add up to that sum rounded half up — or to the budget line's
 * rounded amount from that source if that is less, so that no published purchase exceeds its published budget.
 */
export function purchaseRows<L extends (ProcurementLine | PurchasedServiceLine) & BudgetLineRef>(
  lines: readonly L[],
  identity: (line: L) => string,
  leaves: readonly Leaf[],
): PurchaseRow<L>[] {
  const rows = new Map<string, PurchaseRow<L>>();
  for (const line of lines) {
    const key = `${line.unit}|${line.project ?? ""}|${identity(line)}`;
    let row = rows.get(key);
    if (!row) {
      row = { ref: { unit: line.unit, project: line.project }, line, exact: {}, amounts: {} };
      rows.set(key, row);
    }
    row.exact[line.source] = (row.exact[line.source] ?? 0) + line.amount;
  }
  const budget = new Map<string, number>();
  for (const leaf of leaves) {
    if (leaf.block !== "project" && leaf.block !== "operating") continue;
    const key = `${leaf.unit}|${leaf.project ?? ""}|${leaf.source}`;
    budget.set(key, (budget.get(key) ?? 0) + leaf.amount);
  }
  const groups = new Map<string, { row: PurchaseRow<L>; source: FundSource }[]>();
  for (const row of rows.values()) {
    for (const source of FUND_SOURCES) {
      if (row.exact[source] === undefined) continue;
      const key = `${row.ref.unit}|${row.ref.project ?? ""}|${source}`;
      const group = groups.get(key);
      if (group) group.push({ row, source });
      else groups.set(key, [{ row, source }]);
    }
  }
  for (const [key, members] of groups) {
    const exact = members.map((m) => m.row.exact[m.source] ?? 0);
    const target = Math.min(roundHalfUp(exact.reduce((a, b) => a + b, 0)), budget.get(key) ?? 0);
    apportion(exact, target).forEach((units, i) => {
      const m = members[i];
      if (m) m.row.amounts[m.source] = units;
    });
  }
  return [...rows.values()];
}

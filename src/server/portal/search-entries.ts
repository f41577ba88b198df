/**
 * What the portal's search can find in a published budget: the department, its units, projects and procurement
 * items, each with its amount and the page of the budget book that shows it. Amounts are kept in fen (0.01 元), so
 * that documents in 万元 and in 元 are found by the same figure.
 */
import type { BudgetDocument, Row } from "../../model/document.ts";
import { parseScaled } from "../../money/amount.ts";
import { FEN, rescale } from "../../money/scale.ts";
import { bookFigures } from "../../render/charts/figures.ts";
import { bookPath } from "../../render/html/outline.ts";
import type { SearchEntry } from "../../store/published.ts";
import { leaves, type Template, tableSpec } from "../../templates/template.ts";

/** A figure as typed in the search box, read as 万元 and as 元 (two decimals at most): the amounts in fen it may mean. */
export function queryAmounts(query: string): number[] {
  const text = query.trim();
  if (!/^[\d,]+(\.\d{1,2})?$/.test(text)) return [];
  try {
    const typed = parseScaled(text, 2);
    return [rescale(typed, { amountUnit: "万元", decimals: 2 }, FEN), rescale(typed, FEN, FEN)];
  } catch {
    return []; // too large to be an amount
  }
}

function firstAmount(template: Template, tableId: string, row: Row): number | null {
  const column = leaves(tableSpec(template, tableId).columns).find((c) => c.type === "amount");
  const value = column ? row.cells[column.key] : undefined;
  return typeof value === "number" ? value : null;
}

export function searchEntries(doc: BudgetDocument, template: Template): SearchEntry[] {
  const fen = (amount: number | null) => {
    if (amount === null) return null;
    try {
      return rescale(amount, doc, FEN);
    } catch {
      return null; // printed finer than a fen: found by its name, not by a figure typed in the search box
    }
  };
  const entries: SearchEntry[] = [{ kind: "department", text: doc.department, amount: null, path: bookPath.overview }];
  const figures = bookFigures(doc, template);
  for (const unit of doc.units) {
    const page = figures?.units.some((u) => u.code === unit.code) ? bookPath.unit(unit.code) : bookPath.overview;
    entries.push({ kind: "unit", text: unit.name, amount: null, path: page });
  }
  if (!figures) return entries;
  for (const project of figures.projects) {
    entries.push({
      kind: "project",
      text: project.name,
      amount: fen(project.amount),
      path: bookPath.project(project.unitCode, project.ordinal),
    });
  }
  for (const line of figures.procurement) {
    entries.push({
      kind: "procurement",
      text: line.row.label,
      amount: fen(firstAmount(template, figures.sources.procurement, line.row)),
      path: bookPath.table(figures.sources.procurement),
    });
  }
  return entries;
}

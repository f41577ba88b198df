/**
 * Checks of what a ledger buys: procurement lines against the procurement catalog, purchased services against the
 * purchased-services catalog, and both against the budget line they are paid from, which they may not exceed.
 */
import { procurementCatalog } from "../catalog/catalog.ts";
import { inferKind } from "../model/rows.ts";
import { formatAmount } from "../money/amount.ts";
import { type Template, tableSpec } from "../templates/template.ts";
import type { Issues } from "./issues.ts";
import { servicePaths } from "./services.ts";
import type { BudgetLineRef, FundSource, Ledger, Project } from "./types.ts";

const yuan = (fen: number) => formatAmount(fen, { decimals: 2 });

/** The exact budget of each (budget line, fund source): a project, or a unit's 公用经费. */
function budgetLineKey(ref: BudgetLineRef, source: FundSource): string {
  return `${ref.unit}|${ref.project ?? ""}|${source}`;
}

function budgets(ledger: Ledger): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of ledger.lines) {
    if (line.kind !== "project" && line.kind !== "operating") continue;
    const key = budgetLineKey({ unit: line.unit, project: line.kind === "project" ? line.project : null }, line.source);
    map.set(key, (map.get(key) ?? 0) + line.amount);
  }
  return map;
}

function checkPaidFrom(
  what: string,
  lines: (BudgetLineRef & { source: FundSource; amount: number })[],
  ledger: Ledger,
  projects: Map<string, Project>,
  issues: Issues,
): void {
  const units = new Set(ledger.units.map((u) => u.code));
  const totals = new Map<string, { amount: number; last: object }>();
  for (const line of lines) {
    if (!units.has(line.unit)) issues.at(line, `no unit ${line.unit} in the units`, "unit");
    if (line.project !== null) {
      const project = projects.get(line.project);
      if (!project) issues.at(line, `no project "${line.project}" in the projects`, "budgetLine");
      else if (project.unit !== line.unit) {
        issues.at(line, `project ${project.id} belongs to unit ${project.unit}, not ${line.unit}`, "unit");
      }
    }
    const key = budgetLineKey(line, line.source);
    totals.set(key, { amount: (totals.get(key)?.amount ?? 0) + line.amount, last: line });
  }
  const budget = budgets(ledger);
  for (const [key, { amount, last }] of totals) {
    const available = budget.get(key) ?? 0;
    if (amount <= available) continue;
    const [unit, project, source] = key.split("|");
    const line = project ? `project ${project}` : `the 公用经费 of unit ${unit}`;
    issues.at(
      last,
      `${what} paid from ${line} (${source}) total ${yuan(amount)} yuan, more than its budget of ${yuan(available)} yuan`,
      "amount",
    );
  }
}

function checkProcurement(ledger: Ledger, projects: Map<string, Project>, issues: Issues): void {
  const catalog = procurementCatalog();
  const items = new Map<string, string>();
  for (const line of ledger.procurement) {
    if (!catalog.has(line.categoryCode)) {
      issues.at(line, `品目 ${line.categoryCode} is not in the procurement catalog`, "category");
    }
    const key = `${line.unit}|${line.project ?? ""}|${line.item}`;
    const shape = `${line.categoryCode}|${line.quantity}|${line.measureUnit}`;
    if (items.has(key) && items.get(key) !== shape) {
      issues.at(line, `"${line.item}" is listed twice under one budget line with different 品目 or quantity`, "item");
    }
    items.set(key, shape);
  }
  checkPaidFrom("procurement", ledger.procurement, ledger, projects, issues);
}

function checkServices(ledger: Ledger, projects: Map<string, Project>, issues: Issues): void {
  const paths = servicePaths(ledger.year);
  for (const line of ledger.purchasedServices) {
    const path = `${line.catalog1}/${line.catalog2}/${line.catalog3}`;
    if (paths && !paths.has(path)) {
      issues.at(line, `${path} is not in the purchased-services catalog (data/catalogs)`, "catalog3");
    }
  }
  checkPaidFrom("purchased services", ledger.purchasedServices, ledger, projects, issues);
}

/** Units that print in the purchased-services table must be recognisable there as units. */
function checkServiceUnits(ledger: Ledger, template: Template, issues: Issues): void {
  const t14 = tableSpec(template, "T14");
  const pattern = t14.kindRules.find((r) => r.kind === "unit")?.label ?? "";
  const used = new Set(ledger.purchasedServices.map((l) => l.unit));
  for (const unit of ledger.units) {
    if (used.has(unit.code) && inferKind(t14, unit.name, unit.code).kind !== "unit") {
      issues.at(
        unit,
        `${template.id} reads a unit row of table T14 by a name matching /${pattern}/, which "${unit.name}" does not`,
        "name",
      );
    }
  }
}

export function checkPurchases(
  ledger: Ledger,
  template: Template,
  projects: Map<string, Project>,
  issues: Issues,
): void {
  checkProcurement(ledger, projects, issues);
  checkServices(ledger, projects, issues);
  checkServiceUnits(ledger, template, issues);
}

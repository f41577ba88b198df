/**
 * Checks across the records of a ledger, before anything is derived: every code is in the year's catalogs, every
 * reference resolves, basic expenditure is what the template can publish, and no procurement or purchased service
 * exceeds the budget line it is paid from. Each problem is an issue at the record that causes it.
 */
import { type Catalog, departmentEconomicCatalog, functionCatalog, governmentCodeFor } from "../catalog/catalog.ts";
import { inferKind } from "../model/rows.ts";
import { barePercents } from "../rules/percent-sign.ts";
import { loadTemplate, type Template, tableSpec } from "../templates/template.ts";
import { checkPurchases } from "./check-purchases.ts";
import { listLabels } from "./format.ts";
import { type Issues, originOf, type Place } from "./issues.ts";
import { hasLayout, loadLayout } from "./layout.ts";
import type { BudgetLine, Ledger, LedgerUnit, Project } from "./types.ts";

/** The function items the template ties to one department economic section in basic expenditure (T03 ↔ T09). */
export function personnelItemPairs(template: Template): { item: string; economic: string }[] {
  return template.relations.flatMap((r) => {
    const m = /^T03\[code:(\d{7})\]\.basic = sum\(T09\[code:(\d{5})\]\.amount\)$/.exec(r.assert.trim());
    return m?.[1] && m[2] ? [{ item: m[1], economic: m[2] }] : [];
  });
}

function checkUnits(ledger: Ledger, issues: Issues): void {
  const seen = new Set<string>();
  for (const unit of ledger.units) {
    if (!/^\d{6}$/.test(unit.code)) issues.at(unit, `unit code "${unit.code}" is not 6 digits`, "code");
    if (seen.has(unit.code)) issues.at(unit, `unit ${unit.code} is listed twice`, "code");
    seen.add(unit.code);
  }
  if (ledger.units.length === 0) issues.add(originOf(ledger), "the ledger lists no units");
}

function checkProjects(ledger: Ledger, template: Template, issues: Issues): void {
  const units = new Set(ledger.units.map((u) => u.code));
  const ids = new Set<string>();
  const names = new Set<string>();
  const t10 = tableSpec(template, "T10");
  for (const project of ledger.projects) {
    if (ids.has(project.id)) issues.at(project, `project id ${project.id} is used twice`, "id");
    ids.add(project.id);
    if (names.has(project.name)) issues.at(project, `two projects are named "${project.name}"`, "name");
    names.add(project.name);
    if (!units.has(project.unit)) issues.at(project, `no unit ${project.unit} in the units`, "unit");
    const kind = inferKind(t10, project.name).kind;
    if (project.name && kind !== "project") {
      issues.at(project, `"${project.name}" would be read as a ${kind} row of the project table; rename it`, "name");
    }
    if (project.category && inferKind(t10, project.category).kind !== "category") {
      issues.at(project, `a project category ends in 类, like ${listLabels("projectCategories")[0]}`, "category");
    }
    for (const indicator of project.indicators) {
      const bare = barePercents(indicator.name, indicator.target.text);
      if (bare.length > 0) {
        issues.at(indicator, `"${indicator.name}" is a rate: write its target with % (${bare.join("、")})`, "target");
      }
    }
  }
  for (const indicator of ledger.departmentIndicators) {
    const bare = barePercents(indicator.name, indicator.target);
    if (bare.length > 0) {
      issues.at(indicator, `"${indicator.name}" is a rate: write its target with % (${bare.join("、")})`, "target");
    }
  }
}

interface LineContext {
  ledger: Ledger;
  template: Template;
  projects: Map<string, Project>;
  units: Map<string, LedgerUnit>;
  functions: Catalog;
  pairs: { item: string; economic: string }[];
}

function checkLine(line: BudgetLine, context: LineContext, issues: Issues) {
  const { ledger, template, projects, units, functions, pairs } = context;
  const unit = units.get(line.unit);
  if (!unit) issues.at(line, `no unit ${line.unit} in the units`, "unit");
  const fn = functions.get(line.functionCode);
  if (fn?.level !== "item") {
    const what = fn ? `a ${fn.level}, not an item (项, 7 digits)` : `not in the ${ledger.year} function classification`;
    issues.at(line, `function code ${line.functionCode} is ${what}`, "function");
  }
  const econ = departmentEconomicCatalog().get(line.economicCode);
  if (econ?.level !== "section") {
    const what = econ ? "a class, not a section (款, 5 digits)" : "not in the department economic classification";
    issues.at(line, `economic code ${line.economicCode} is ${what}`, "economic");
  }
  if (line.kind === "project") {
    if (!line.project) return issues.at(line, "a project line names its project", "project");
    const project = projects.get(line.project);
    if (!project) return issues.at(line, `no project "${line.project}" in the projects`, "project");
    if (project.unit !== line.unit) {
      issues.at(line, `project ${project.id} belongs to unit ${project.unit}, not ${line.unit}`, "unit");
    }
    return;
  }
  if (line.project) issues.at(line, "basic expenditure belongs to no project; leave the project empty", "project");
  const allowed = loadLayout(template.id).tables.T09.sources;
  if (!allowed.includes(line.source)) {
    issues.at(
      line,
      `basic expenditure must be funded by ${allowed.join(", ")}: ${template.id} ties the basic expenditure table (T08) to the general-budget economic table (T09)`,
      "source",
    );
  }
  const econClass = line.economicCode.slice(0, 3);
  const wanted = line.kind === "operating" ? ["302"] : ["301", "303"];
  if (!wanted.includes(econClass)) {
    issues.at(
      line,
      `${line.kind} expenditure uses economic class ${wanted.join(" or ")}, not ${econClass}`,
      "economic",
    );
  }
  if (unit && econ && !governmentCodeFor(line.economicCode, unit.type)) {
    issues.at(
      line,
      `economic code ${line.economicCode} has no government economic code for a ${unit.type}`,
      "economic",
    );
  }
  for (const pair of pairs) {
    if ((line.functionCode === pair.item) !== (line.economicCode === pair.economic)) {
      issues.at(
        line,
        `in basic expenditure, function item ${pair.item} goes with economic section ${pair.economic} and only with it`,
        line.functionCode === pair.item ? "economic" : "function",
      );
    }
  }
}

/** Checks a ledger; `at` is where its department-level entries (template, year, texts) were read. */
export function checkLedger(ledger: Ledger, issues: Issues, at: Place = originOf(ledger)): void {
  let template: Template;
  try {
    template = loadTemplate(ledger.template);
  } catch (error) {
    issues.add(at, (error as Error).message, "template");
    return;
  }
  if (!hasLayout(template.id)) {
    issues.add(at, `ledgers cannot yet be derived for template ${template.id} (no data/ledger/${template.id}.yaml)`);
    return;
  }
  const projects = new Map(ledger.projects.map((p) => [p.id, p]));
  checkUnits(ledger, issues);
  checkProjects(ledger, template, issues);
  const funded = new Set(ledger.lines.flatMap((l) => l.project ?? []));
  for (const project of ledger.projects) {
    if (!funded.has(project.id)) issues.at(project, `project ${project.id} has no budget lines`, "id");
  }
  const context: LineContext = {
    ledger,
    template,
    projects,
    units: new Map(ledger.units.map((u) => [u.code, u])),
    functions: functionCatalog(ledger.year),
    pairs: personnelItemPairs(template),
  };
  for (const line of ledger.lines) checkLine(line, context, issues);
  checkPurchases(ledger, template, projects, issues);
}

/**
 * From rows of cells to ledger records. A ledger folder and a workbook are both read into rows (one list per sheet
 * of data/ledger/format.yaml, cells.ts); this module builds the Ledger from them, collecting every bad cell as an
 * issue, and then checks it.
 */

import { parseTarget } from "../model/target.ts";
import { Cells, cells, type RawLedger, type RawRow } from "./cells.ts";
import { checkLedger } from "./check.ts";
import { type FormatRow, listKey, sheetFormat } from "./format.ts";
import { type Issues, type Place, setOrigin } from "./issues.ts";
import {
  type BudgetLineRef,
  CHANGE_SUBJECTS,
  type Change,
  type ChangeSubject,
  type FundSource,
  type Ledger,
  type LineKind,
  type Project,
  type UnitType,
} from "./types.ts";

/** The row of a key-value sheet that a key (or its label) names. */
function keyedRow(sheet: string, row: RawRow, issues: Issues): FormatRow | undefined {
  const rows = sheetFormat(sheet).rows ?? [];
  const item = (row.values.item ?? "").trim();
  const wanted = item.normalize("NFKC");
  const found = rows.find((r) => r.key === item || r.label.normalize("NFKC") === wanted);
  if (!found && item !== "") {
    issues.add(row.place, `"${item}" is not an item of this sheet (${rows.map((r) => r.label).join(", ")})`);
  }
  return found;
}

function readMeta(
  rows: RawRow[],
  issues: Issues,
  at: Place,
): Pick<Ledger, "template" | "year" | "department" | "title"> {
  const values: Record<string, string> = {};
  for (const row of rows) {
    const spec = keyedRow("meta", row, issues);
    if (spec) values[spec.key] = (row.values.value ?? "").trim();
  }
  for (const spec of sheetFormat("meta").rows ?? []) {
    if (spec.required && !values[spec.key]) issues.add(at, `${spec.key} (${spec.label}) is missing`);
  }
  const year = Number(values.year ?? "");
  if (values.year && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
    issues.add(at, `year "${values.year}" is not a year`);
  }
  const department = values.department ?? "";
  return { template: values.template ?? "", year, department, title: values.title ?? "" };
}

function readChanges(rows: RawRow[], issues: Issues, at: Place): Ledger["changes"] {
  const changes: Partial<Record<ChangeSubject, Change>> = {};
  setOrigin(changes, at);
  for (const row of rows) {
    const spec = keyedRow("changes", row, issues);
    if (!spec) continue;
    const c = cells(row, "changes", issues);
    const change: Change = {};
    const previous = c.scaled("previous");
    const reason = c.raw("reason");
    if (previous !== undefined) {
      if (spec.previous) change.previous = previous;
      else
        issues.add(
          row.place,
          `last year's ${spec.label} is the sum of its parts; give the parts`,
          row.columns.previous,
        );
    }
    if (reason !== "") {
      if (spec.reason) change.reason = reason;
      else issues.add(row.place, `the text states no change of ${spec.label} on its own`, row.columns.reason);
    }
    setOrigin(change, row.place, row.columns);
    if (CHANGE_SUBJECTS.includes(spec.key as ChangeSubject)) changes[spec.key as ChangeSubject] = change;
  }
  return changes;
}

function quantity(text: string, row: RawRow, issues: Issues): string {
  if (text !== "" && !/^\d+(\.\d+)?$/.test(text))
    issues.add(row.place, `"${text}" is not a quantity`, row.columns.value);
  return text;
}

function readNarrative(rows: RawRow[], issues: Issues, at: Place): Ledger["narrative"] {
  const lists: Record<string, string[]> = {};
  const rowOf: Record<string, RawRow> = {};
  for (const row of rows) {
    const spec = keyedRow("narrative", row, issues);
    if (!spec) continue;
    const value = (row.values.value ?? "").trim();
    if (value === "") continue;
    if (!spec.repeat && lists[spec.key]) issues.add(row.place, `${spec.label} is given twice`);
    lists[spec.key] = [...(lists[spec.key] ?? []), value];
    rowOf[spec.key] = row;
  }
  for (const spec of sheetFormat("narrative").rows ?? []) {
    if (spec.required && !lists[spec.key]) issues.add(at, `${spec.key} (${spec.label}) is missing`);
  }
  const one = (key: string) => lists[key]?.[0] ?? "";
  const fen = (key: string): number => {
    const row = rowOf[key];
    if (!row) return 0;
    const c = new Cells(row, [{ key: "value", header: "", type: "amount" }], issues);
    return c.scaled("value") ?? 0;
  };
  const count = (key: string) => {
    const row = rowOf[key];
    return row ? quantity(one(key), row, issues) : "";
  };
  return {
    duties: lists.duties ?? [],
    structure: one("structure"),
    policies: lists.policies ?? [],
    annualGoal: one("annualGoal"),
    overallGoal: one("overallGoal"),
    budgetCompletion: one("budgetCompletion"),
    assets: {
      date: one("assetsDate"),
      fixedAssets: fen("fixedAssets"),
      buildings: count("buildings"),
      vehicles: count("vehicles"),
      equipmentOver1m: count("equipmentOver1m"),
      plannedPurchases: fen("plannedPurchases"),
      plannedPurchasesNote: one("plannedPurchasesNote"),
    },
  };
}

function readProjects(rows: RawRow[], indicatorRows: RawRow[], issues: Issues): Project[] {
  const projects = rows.map((row) => {
    const c = cells(row, "projects", issues);
    const project: Project = {
      id: c.text("id"),
      unit: c.code("unit"),
      name: c.text("name"),
      category: c.text("category"),
      special: c.flag("special"),
      key: c.flag("key"),
      content: c.text("content"),
      goal: c.text("goal"),
      indicators: [],
    };
    setOrigin(project, row.place, row.columns);
    return project;
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  for (const row of indicatorRows) {
    const c = cells(row, "indicators", issues);
    const id = c.text("project");
    const category = c.listed<string>("category", "indicatorCategories");
    const name = c.text("name");
    const text = c.text("target");
    const project = byId.get(id);
    if (id !== "" && !project) issues.add(row.place, `no project "${id}" in the projects`, row.columns.project);
    if (!project || category === undefined || name === "" || text === "") continue;
    const target = parseTarget(text) ?? { op: "=", value: "", unit: "", text };
    const indicator = { category, name, target };
    setOrigin(indicator, row.place, row.columns);
    project.indicators.push(indicator);
  }
  return projects;
}

/** The budget line a procurement or purchased-service row is paid from: a project id, or 公用经费. */
function budgetLineRef(c: Cells): BudgetLineRef {
  const text = c.text("budgetLine");
  return { unit: c.code("unit"), project: listKey("operatingBudgetLine", text) !== undefined ? null : text };
}

export function readRecords(raw: RawLedger, issues: Issues, at: Place): Ledger {
  const rows = (id: string) => raw[id]?.rows ?? [];
  const place = (id: string) => raw[id]?.place ?? at;
  const units = rows("units").map((row) => {
    const c = cells(row, "units", issues);
    const unit = {
      code: c.code("code"),
      name: c.text("name"),
      type: c.listed<UnitType>("type", "unitTypes") ?? "机关",
    };
    setOrigin(unit, row.place, row.columns);
    return unit;
  });
  const lines = rows("lines").flatMap((row) => {
    const c = cells(row, "lines", issues);
    const kind = c.listed<LineKind>("kind", "lineKinds");
    const line = {
      unit: c.code("unit"),
      functionCode: c.code("function"),
      economicCode: c.code("economic"),
      source: c.listed<FundSource>("source", "fundSources"),
      kind,
      project: c.raw("project") === "" ? null : c.raw("project"),
      amount: c.scaled("amount"),
    };
    if (line.source === undefined || line.kind === undefined || line.amount === undefined) return [];
    const complete = { ...line, source: line.source, kind: line.kind, amount: line.amount };
    setOrigin(complete, row.place, row.columns);
    return [complete];
  });
  const procurement = rows("procurement").flatMap((row) => {
    const c = cells(row, "procurement", issues);
    const amount = c.scaled("amount");
    const source = c.listed<FundSource>("source", "fundSources", "generalBudget");
    const line = {
      ...budgetLineRef(c),
      item: c.text("item"),
      categoryCode: c.code("category").toUpperCase(),
      quantity: c.raw("quantity"),
      measureUnit: c.raw("measureUnit"),
    };
    if (amount === undefined || source === undefined) return [];
    const complete = { ...line, source, amount };
    setOrigin(complete, row.place, row.columns);
    return [complete];
  });
  const purchasedServices = rows("purchasedServices").flatMap((row) => {
    const c = cells(row, "purchasedServices", issues);
    const amount = c.scaled("amount");
    const source = c.listed<FundSource>("source", "fundSources", "generalBudget");
    const line = {
      ...budgetLineRef(c),
      catalog1: c.text("catalog1"),
      catalog2: c.text("catalog2"),
      catalog3: c.text("catalog3"),
      method: c.text("method"),
    };
    if (amount === undefined || source === undefined) return [];
    const complete = { ...line, source, amount };
    setOrigin(complete, row.place, row.columns);
    return [complete];
  });
  return {
    ...readMeta(rows("meta"), issues, place("meta")),
    units,
    projects: readProjects(rows("projects"), rows("indicators"), issues),
    lines,
    procurement,
    purchasedServices,
    changes: readChanges(rows("changes"), issues, place("changes")),
    narrative: readNarrative(rows("narrative"), issues, place("narrative")),
    departmentIndicators: rows("departmentIndicators").map((row) => {
      const c = cells(row, "departmentIndicators", issues);
      const indicator = { name: c.text("name"), target: c.text("target") };
      setOrigin(indicator, row.place, row.columns);
      return indicator;
    }),
    glossary: rows("glossary").map((row) => {
      const c = cells(row, "glossary", issues);
      return { term: c.text("term"), definition: c.text("definition") };
    }),
  };
}

/** Builds and checks a ledger from rows read anywhere; `at` is where its department-level entries are. */
export function ledgerFromRows(raw: RawLedger, issues: Issues, at: Place): Ledger {
  const ledger = readRecords(raw, issues, at);
  setOrigin(ledger, at);
  issues.fail();
  checkLedger(ledger, issues, at);
  issues.fail();
  return ledger;
}

/**
 * derive(ledger, template) → BudgetDocument: the whole disclosure from budget lines. Leaves are rounded once
 * (leaves.ts), every table is sums of them (tables/), empty tables get their statement, and Part 3 states the
 * tables' own figures with changes on last year (narrative.ts). Nobody types a total, so the tables add up and
 * agree with each other and with the text.
 */
import { type BudgetDocument, SCHEMA_VERSION, type Table } from "../model/document.ts";
import { isEmptyTable } from "../rules/empty-table-statement.ts";
import type { Template } from "../templates/template.ts";
import { checkLedger } from "./check.ts";
import { Issues, originOf } from "./issues.ts";
import { fill, loadLayout } from "./layout.ts";
import { budgetLeaves } from "./leaves.ts";
import { narrative } from "./narrative.ts";
import { balanceTable } from "./tables/balance.ts";
import { basicTable } from "./tables/basic.ts";
import type { DeriveContext } from "./tables/build.ts";
import { economicTable } from "./tables/economic.ts";
import { emptyTable } from "./tables/empty.ts";
import { functionTable } from "./tables/function.ts";
import { procurementTable } from "./tables/procurement.ts";
import { projectTable } from "./tables/projects.ts";
import { purchasedServicesTable } from "./tables/purchased-services.ts";
import { threePublicTable } from "./tables/three-public.ts";
import type { Ledger } from "./types.ts";

const TABLES: Record<string, (context: DeriveContext) => Table> = {
  T01: (c) => balanceTable(c, "T01"),
  T02: (c) => functionTable(c, "T02"),
  T03: (c) => functionTable(c, "T03"),
  T04: (c) => balanceTable(c, "T04"),
  T05: (c) => emptyTable(c, "T05"),
  T06: (c) => functionTable(c, "T06"),
  T07: (c) => functionTable(c, "T07"),
  T08: basicTable,
  T09: economicTable,
  T10: projectTable,
  T11: (c) => emptyTable(c, "T11"),
  T12: threePublicTable,
  T13: procurementTable,
  T14: purchasedServicesTable,
};

/** Derives the disclosure; a ledger with input errors raises a LedgerError listing them all. */
export function derive(ledger: Ledger, template: Template): BudgetDocument {
  const issues = new Issues();
  if (ledger.template !== template.id) {
    issues.add(
      originOf(ledger),
      `the ledger is written for template ${ledger.template}, not ${template.id}`,
      "template",
    );
  }
  checkLedger(ledger, issues);
  issues.fail();
  const layout = loadLayout(template.id);
  const context: DeriveContext = { ledger, template, layout, leaves: budgetLeaves(ledger, layout) };
  const tables = template.tables.map((spec) => {
    const build = TABLES[spec.id];
    if (!build) throw new Error(`derive cannot build table ${spec.id} of ${template.id}`);
    const built = build(context);
    if (spec.id === "T01") built.note = layout.roundingNote;
    if (isEmptyTable(built)) {
      const subject = layout.emptySubjects[spec.id] ?? spec.title;
      built.emptyStatement = fill(layout.emptyStatement, { year: ledger.year, subject });
    }
    return built;
  });
  const title = ledger.title || fill(layout.title, { year: ledger.year, department: ledger.department });
  const doc: BudgetDocument = {
    schemaVersion: SCHEMA_VERSION,
    template: template.id,
    year: ledger.year,
    department: ledger.department,
    title,
    amountUnit: template.amountUnit,
    decimals: template.decimals,
    units: ledger.units.map((u) => ({ ...u })),
    contents: [],
    part1: { duties: [], structure: "" },
    part2: { policies: [], departmentGoal: { indicators: [] }, tasks: [] },
    part3: [],
    tables,
  };
  return narrative(doc, context);
}

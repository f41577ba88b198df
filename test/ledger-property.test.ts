/**
 * Properties of derive over random ledgers (seeded, src/ledger/synthetic.ts): every derived document validates with
 * zero diagnostics, every total is the exact sum of its published parts, and no published amount strays from its
 * exact amount by more than the rounding bound.
 */
import { describe, expect, it } from "vitest";
import { derive } from "../src/ledger/derive.ts";
import { LedgerError } from "../src/ledger/issues.ts";
import { FEN_PER_UNIT, roundHalfUp } from "../src/ledger/round.ts";
import { syntheticLedger } from "../src/ledger/synthetic.ts";
import type { FundSource, Ledger } from "../src/ledger/types.ts";
import type { BudgetDocument, Row } from "../src/model/document.ts";
import { schemaProblems } from "../src/model/load.ts";
import { parentIndexes } from "../src/model/rows.ts";
import { validate } from "../src/rules/index.ts";
import { loadTemplate, tableSpec } from "../src/templates/template.ts";

const template = loadTemplate("gz-2021-14");
const CASES = 300;
const VALIDATED = 120;

const ledgerFor = (seed: number, dropReasons = false): Ledger =>
  syntheticLedger({
    seed,
    units: 1 + (seed % 7),
    projects: (seed * 7) % 13,
    linesPerProject: 1 + (seed % 4),
    dropReasons,
  });

const cell = (row: Row | undefined, column: string) => Number(row?.cells[column] ?? 0);
const rows = (doc: BudgetDocument, table: string) => doc.tables.find((t) => t.id === table)?.rows ?? [];
const within = (published: number, exact: number, units: number) =>
  Math.abs(published * FEN_PER_UNIT - exact) < units * FEN_PER_UNIT;

function parentsAddUp(doc: BudgetDocument): string[] {
  const wrong: string[] = [];
  for (const table of doc.tables) {
    const spec = tableSpec(template, table.id);
    const parents = parentIndexes(spec, table.rows);
    const columns = spec.columns.filter((c) => c.type === "amount").map((c) => c.key);
    table.rows.forEach((row, i) => {
      const children = table.rows.filter((_, j) => parents[j] === i);
      for (const column of children.length > 0 ? columns : []) {
        const sum = children.reduce((a, c) => a + cell(c, column), 0);
        if (sum !== cell(row, column)) wrong.push(`${table.id} ${row.key} ${column}`);
      }
    });
  }
  return wrong;
}

/** The T10 column of each fund source that has one of its own. */
const T10_COLUMNS: [string, FundSource][] = [
  ["generalBudget", "generalBudget"],
  ["governmentFund", "governmentFund"],
  ["stateCapital", "stateCapital"],
  ["specialAccount", "specialAccount"],
  ["institutionRevenue", "institutionRevenue"],
  ["otherFunds", "otherRevenue"],
  ["carryover", "carryover"],
];

function roundingBounds(ledger: Ledger, doc: BudgetDocument): string[] {
  const wrong: string[] = [];
  const fen = (keep: (l: Ledger["lines"][number]) => boolean) =>
    ledger.lines.filter(keep).reduce((a, l) => a + l.amount, 0);
  const total = rows(doc, "T01").find((r) => r.kind === "grandTotal");
  if (cell(total, "amount") !== roundHalfUp(fen(() => true))) wrong.push("grand total is not rounded half up");
  // nodes of the rounding tree are their exact amount rounded down or up
  const t02 = rows(doc, "T02").find((r) => r.kind === "total");
  for (const [column, source] of [
    ["generalBudget", "generalBudget"],
    ["carryover", "carryover"],
  ] as const) {
    if (
      !within(
        cell(t02, column),
        fen((l) => l.source === source),
        1,
      )
    )
      wrong.push(`T02 total ${column}`);
  }
  for (const project of ledger.projects) {
    const row = rows(doc, "T10").find((r) => r.kind === "project" && r.label === project.name);
    for (const [column, source] of T10_COLUMNS) {
      const exact = fen((l) => l.project === project.id && l.source === source);
      if (!within(cell(row, column), exact, 1)) wrong.push(`T10 ${project.id} ${column}`);
    }
  }
  const t08 = rows(doc, "T08");
  t08.forEach((row, i) => {
    if (row.kind !== "operating") return;
    const unit = t08
      .slice(0, i)
      .reverse()
      .find((r) => r.kind === "unit")?.code;
    const exact = fen((l) => l.unit === unit && l.kind === "operating");
    if (!within(cell(row, "generalBudget"), exact, 1)) wrong.push(`T08 ${row.key}`);
  });
  // any other total of k leaves is within k units: the function items
  for (const row of rows(doc, "T02").filter((r) => r.kind === "item")) {
    const lines = ledger.lines.filter((l) => l.functionCode === row.code);
    const leaves = new Set(lines.map((l) => [l.source, l.unit, l.kind, l.project, l.economicCode].join("|")));
    if (
      !within(
        cell(row, "total"),
        fen((l) => l.functionCode === row.code),
        leaves.size,
      )
    )
      wrong.push(`T02 ${row.code}`);
  }
  // purchases: each paid-from group is its exact sum rounded down or up, and never above its published budget
  for (const [table, lines] of [
    ["T13", ledger.procurement],
    ["T14", ledger.purchasedServices],
  ] as const) {
    const published = rows(doc, table).find((r) => r.kind === "total");
    const exact = (lines as { source: FundSource; amount: number }[]).reduce((a, l) => a + l.amount, 0);
    const groups = new Set(lines.map((l) => `${l.unit}|${l.project}|${l.source}`)).size;
    if (!within(cell(published, "total"), exact, Math.max(1, groups))) wrong.push(`${table} total`);
  }
  return wrong;
}

describe("derive on random ledgers", () => {
  it(`keeps every total exact and every amount within its rounding bound (${CASES} ledgers)`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const ledger = ledgerFor(seed);
      const doc = derive(ledger, template);
      expect({ seed, wrong: parentsAddUp(doc) }).toEqual({ seed, wrong: [] });
      expect({ seed, wrong: roundingBounds(ledger, doc) }).toEqual({ seed, wrong: [] });
    }
  });

  it(`derives documents that validate with zero diagnostics (${VALIDATED} ledgers)`, () => {
    for (let seed = 1; seed <= VALIDATED; seed++) {
      const doc = derive(ledgerFor(seed * 13), template);
      expect(schemaProblems(doc)).toEqual([]);
      const found = validate(doc).map((d) => `${d.rule} ${d.severity} ${d.message}`);
      expect({ seed, found }).toEqual({ seed, found: [] });
    }
  });

  it("refuses a ledger whose text would leave a required reason out, and only for that", () => {
    let refused = 0;
    for (let seed = 1; seed <= 60; seed++) {
      try {
        const doc = derive(ledgerFor(seed, true), template);
        expect(validate(doc).filter((d) => d.rule === "change-wording")).toEqual([]);
      } catch (error) {
        expect(error).toBeInstanceOf(LedgerError);
        for (const issue of (error as LedgerError).issues) expect(issue.message).toMatch(/state the reason/);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
  });
});

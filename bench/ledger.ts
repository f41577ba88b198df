/**
 * How long derive takes: on the demo ledger and on generated ledgers up to a province-sized department, warm, median
 * of several runs. `tsx bench/ledger.ts --json` prints the figures as one JSON line.
 */
import { performance } from "node:perf_hooks";
import { derive } from "../src/ledger/derive.ts";
import { readLedgerFolder } from "../src/ledger/load.ts";
import { syntheticLedger } from "../src/ledger/synthetic.ts";
import type { Ledger } from "../src/ledger/types.ts";
import { validate } from "../src/rules/index.ts";
import { loadTemplate } from "../src/templates/template.ts";

const json = process.argv.includes("--json");
const template = loadTemplate("gz-2021-14");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function timed(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return Math.round(median(times));
}

interface Figures {
  name: string;
  units: number;
  projects: number;
  lines: number;
  purchases: number;
  tableRows: number;
  deriveMs: number;
  validateMs?: number;
  diagnostics?: number;
}

function measure(name: string, ledger: Ledger, runs: number, withValidation: boolean): Figures {
  const doc = derive(ledger, template);
  const figures: Figures = {
    name,
    units: ledger.units.length,
    projects: ledger.projects.length,
    lines: ledger.lines.length,
    purchases: ledger.procurement.length + ledger.purchasedServices.length,
    tableRows: doc.tables.reduce((n, t) => n + t.rows.length, 0),
    deriveMs: timed(() => derive(ledger, template), runs),
  };
  if (withValidation) {
    figures.validateMs = timed(() => validate(doc), 1);
    figures.diagnostics = validate(doc).length;
  }
  return figures;
}

const results = [
  measure("demo (examples/ledger-demo)", readLedgerFolder("examples/ledger-demo"), 5, true),
  measure(
    "50 units × 500 projects",
    syntheticLedger({ seed: 1, units: 50, projects: 500, linesPerProject: 6 }),
    3,
    true,
  ),
  measure(
    "50 units × 5,000 projects",
    syntheticLedger({ seed: 2, units: 50, projects: 5_000, linesPerProject: 6 }),
    3,
    false,
  ),
  measure(
    "200 units × 20,000 projects",
    syntheticLedger({ seed: 3, units: 200, projects: 20_000, linesPerProject: 6 }),
    3,
    false,
  ),
];

if (json) {
  const largest = results[results.length - 1];
  console.log(
    JSON.stringify({
      ledgerDemoDeriveMs: results[0]?.deriveMs,
      largestLedgerLines: largest?.lines,
      largestLedgerDeriveMs: largest?.deriveMs,
      ledgers: results,
    }),
  );
} else {
  console.log("derive(ledger, gz-2021-14), warm, median of runs");
  for (const r of results) {
    const validation = r.validateMs === undefined ? "" : `, validate ${r.validateMs} ms (${r.diagnostics} findings)`;
    console.log(
      `  ${r.name}: ${r.lines} budget lines, ${r.purchases} purchase lines → ${r.tableRows} table rows: derive ${r.deriveMs} ms${validation}`,
    );
  }
}

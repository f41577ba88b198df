/**
 * `npm run bench`: how long the main jobs take on the founding document, in process (warm, median of several runs)
 * and as whole CLI processes (cold). `npm run -s bench -- --json` prints the figures as one JSON line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { openDocument } from "../src/model/load.ts";
import { OUTPUT_NAMES, publish } from "../src/publish/publish.ts";
import { validate } from "../src/rules/index.ts";
import { loadTemplate } from "../src/templates/template.ts";

const SEED = "examples/haizhu-2021";
const RUNS = 5;
const json = process.argv.includes("--json");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function processMs(args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ["bin/yusuan.mjs", ...args], { stdio: "ignore" });
    times.push(performance.now() - start);
  }
  return median(times);
}

const { doc } = openDocument(SEED);
const template = loadTemplate(doc.template);
const diagnostics = validate(doc);
await publish(doc, template, diagnostics); // warm caches: fonts, templates, catalogs

const loadMs = await timed(() => openDocument(SEED));
const validateMs = await timed(() => validate(doc));
const perOutput: Record<string, number[]> = {};
const buildMs = await timed(async () => {
  const { timings } = await publish(doc, template, diagnostics);
  for (const [name, ms] of Object.entries(timings)) perOutput[name] = [...(perOutput[name] ?? []), ms];
}, 3);
const outputs = Object.fromEntries(OUTPUT_NAMES.map((name) => [name, median(perOutput[name] ?? [])]));
const validateProcessMs = processMs(["validate", SEED, "--format", "json"]);

/** PDF import speed on the largest corpus documents, as seconds per 50 pages (warm, median). */
async function pdfImportPer50Pages(): Promise<{ perPage: number; pages: number; file: string } | undefined> {
  const corpus = "../shared/corpus";
  if (!existsSync(corpus)) return undefined;
  const { importPdf } = await import("../src/import/pdf/import.ts");
  const { readPdf } = await import("../src/import/pdf/extract.ts");
  const files = ["gz_2026_zwfwsjglj.pdf", "gz_2026_fgw.pdf", "sh_pt_wanli_2025.pdf"].map((f) => `${corpus}/${f}`);
  let worst: { perPage: number; pages: number; file: string } | undefined;
  for (const file of files) {
    const data = new Uint8Array(readFileSync(file));
    const pages = (await readPdf(data.slice(), file)).length;
    const ms = await timed(() => importPdf(data.slice(), file), 3);
    const perPage = ms / pages;
    if (!worst || perPage > worst.perPage) worst = { perPage, pages, file };
  }
  return worst;
}
const pdfImport = await pdfImportPer50Pages();

/** The authoring bench (bench/ledger.ts) runs in its own process; its figures join this JSON line. */
function ledgerFigures(): Record<string, unknown> {
  const run = spawnSync(process.execPath, ["--import", "tsx", "bench/ledger.ts", ...(json ? ["--json"] : [])], {
    encoding: "utf8",
  });
  if (!json) {
    process.stdout.write(run.stdout);
    return {};
  }
  const { ledgerDemoDeriveMs, largestLedgerLines, largestLedgerDeriveMs } = JSON.parse(
    run.stdout.trim().split("\n").pop() ?? "{}",
  );
  return { ledgerDemoDeriveMs, largestLedgerLines, largestLedgerDeriveMs };
}

const figures = {
  seedLoadMs: round(loadMs),
  seedValidateMs: round(validateMs),
  seedValidateProcessMs: round(validateProcessMs),
  seedBuildSeconds: round(buildMs / 1000, 3),
  seedPdfSeconds: outputs.pdf === undefined ? null : round(outputs.pdf / 1000, 3),
  outputsMs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, round(v)])),
  pdfImportSecondsPer50Pages: pdfImport ? round((pdfImport.perPage * 50) / 1000, 3) : null,
};

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

if (json) {
  console.log(JSON.stringify({ ...figures, ...ledgerFigures() }));
} else {
  const target = 3;
  console.log(`founding document (${SEED}), median of ${RUNS} runs in process, 3 as processes`);
  console.log(`  load source folder      ${figures.seedLoadMs} ms`);
  console.log(`  validate                ${figures.seedValidateMs} ms (${validate(doc).length} findings)`);
  console.log(`  validate, whole process ${figures.seedValidateProcessMs} ms`);
  for (const [name, ms] of Object.entries(figures.outputsMs)) console.log(`  build ${name.padEnd(18)}${ms} ms`);
  console.log(
    `  build, all outputs      ${figures.seedBuildSeconds} s (target ${target} s: ${(figures.seedBuildSeconds / target).toFixed(2)} of it)`,
  );
  if (pdfImport) {
    const per50 = figures.pdfImportSecondsPer50Pages ?? 0;
    console.log(
      `  PDF import              ${per50} s per 50 pages (slowest: ${pdfImport.file.split("/").pop()}, ${pdfImport.pages} pages; target 2 s: ${(per50 / 2).toFixed(2)} of it)`,
    );
  } else console.log("  PDF import              skipped: ../shared/corpus is absent");
  ledgerFigures();
}

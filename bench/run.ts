/**
 * `npm run bench`: how long the main jobs take on the founding document, in process (warm, median of several runs)
 * and as whole CLI processes (cold). `npm run -s bench -- --json` prints the figures as one JSON line.
 */
import { spawnSync } from "node:child_process";
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

const figures = {
  seedLoadMs: round(loadMs),
  seedValidateMs: round(validateMs),
  seedValidateProcessMs: round(validateProcessMs),
  seedBuildSeconds: round(buildMs / 1000, 3),
  seedPdfSeconds: outputs.pdf === undefined ? null : round(outputs.pdf / 1000, 3),
  outputsMs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, round(v)])),
};

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

if (json) {
  console.log(JSON.stringify(figures));
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
}

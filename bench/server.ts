/**
 * `npm run bench:server`: the server under load, as a separate process (`yusuan serve --demo`) on SQLite and then
 * on a fresh PostgreSQL database, measured from this process: a published budget page with autocannon (requests/s,
 * p99 latency), and upload + validation of the founding document through the API (median of the round trips).
 * `npm run -s bench:server -- --json` ends with the figures as one JSON line (for pages, the worse of the two pages).
 * Options: `--duration <s>` (per page, default 10), `--connections <n>` (default 10), `--uploads <n>` (default 20).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DEMO_PASSWORD } from "../src/server/demo.ts";
import { foundingDocument } from "../test/support/api-client.ts";
import { postgresDatabase } from "../test/support/stores.ts";

interface CannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number }) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const json = args.includes("--json");
const DURATION = option("duration", 10);
const CONNECTIONS = option("connections", 10);
const UPLOADS = option("uploads", 20);
const PAGES = ["/budgets/1/", "/budgets/1/table-T01.html"];
const TARGET = { rps: 1000, p99Ms: 50, uploadMs: 300 };

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("port"))));
    });
  });
}

/** Starts `yusuan serve --demo` on `db` and resolves once it listens. */
async function startServer(db: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/yusuan.mjs", "serve", "--db", db, "--demo", "--port", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s: ${output}`)), 180_000);
    child.stderr?.on("data", (chunk) => {
      output += chunk;
      if (output.includes("yusuan serving")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function measurePage(base: string, path: string) {
  await fetch(`${base}${path}`).then((r) => r.arrayBuffer()); // warm the published-file cache
  const result = await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: DURATION });
  if (result.non2xx > 0 || result.errors > 0)
    log(`  ${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99Ms: result.latency.p99 };
}

/** Signs in as the demo preparer and uploads the founding document UPLOADS times, each on the newest version. */
async function measureUploads(base: string): Promise<number> {
  const login = await fetch(`${base}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "preparer", password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, "x-csrf-token": csrfToken };
  const budget = (await (await fetch(`${base}/api/v1/budgets/1`, { headers })).json()) as { budget: { head: number } };
  const file = new Blob([JSON.stringify(foundingDocument())], { type: "application/json" });
  const times: number[] = [];
  for (let head = budget.budget.head; times.length < UPLOADS; head++) {
    const form = new FormData();
    form.set("baseVersion", String(head));
    form.set("file", file, "haizhu-2021.json");
    const start = performance.now();
    const response = await fetch(`${base}/api/v1/budgets`, { method: "POST", headers, body: form });
    await response.arrayBuffer();
    times.push(performance.now() - start);
    if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
  }
  return median(times);
}

async function measure(db: string, name: string) {
  log(`${name}: starting the server on ${db.replace(/\/\/[^@]*@/, "//")}`);
  const { child, base } = await startServer(db);
  try {
    const pages = [];
    for (const path of PAGES) {
      log(`${name}: ${path} for ${DURATION} s with ${CONNECTIONS} connections`);
      pages.push({ path, ...(await measurePage(base, path)) });
    }
    log(`${name}: ${UPLOADS} uploads of the founding document`);
    return { pages, uploadMs: await measureUploads(base) };
  } finally {
    await stopServer(child);
  }
}

const dir = mkdtempSync(join(tmpdir(), "yusuan-bench-"));
const postgres = await postgresDatabase();
let results: { sqlite: Awaited<ReturnType<typeof measure>>; postgres: Awaited<ReturnType<typeof measure>> };
try {
  results = {
    sqlite: await measure(join(dir, "bench.db"), "SQLite"),
    postgres: await measure(postgres.url, "PostgreSQL"),
  };
} finally {
  rmSync(dir, { recursive: true, force: true });
  await postgres.drop();
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "ok" : "MISS");
const rows: string[][] = [["measure", "SQLite", "PostgreSQL", "target", "SQLite/target", "PG/target"]];
for (const [i, path] of PAGES.entries()) {
  const [s, p] = [results.sqlite.pages[i], results.postgres.pages[i]];
  if (!s || !p) continue;
  const rate = (x: number) => `${fixed(x / TARGET.rps, 2)} ${verdict(x >= TARGET.rps)}`;
  const late = (x: number) => `${fixed(x / TARGET.p99Ms, 2)} ${verdict(x < TARGET.p99Ms)}`;
  rows.push([`${path} req/s`, fixed(s.rps, 0), fixed(p.rps, 0), `≥ ${TARGET.rps}`, rate(s.rps), rate(p.rps)]);
  rows.push([`${path} p99 ms`, fixed(s.p99Ms), fixed(p.p99Ms), `< ${TARGET.p99Ms}`, late(s.p99Ms), late(p.p99Ms)]);
}
const up = (x: number) => `${fixed(x / TARGET.uploadMs, 2)} ${verdict(x < TARGET.uploadMs)}`;
const [su, pu] = [results.sqlite.uploadMs, results.postgres.uploadMs];
rows.push(["upload+validate median ms", fixed(su), fixed(pu), `< ${TARGET.uploadMs}`, up(su), up(pu)]);
const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
for (const row of rows)
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd : cell.padStart).call(cell, widths[c] ?? 0)).join("  "));
console.log(
  `(${DURATION} s × ${CONNECTIONS} connections per page; ${UPLOADS} uploads, median; server in its own process)`,
);

if (json) {
  const worst = (pages: { rps: number; p99Ms: number }[]) => ({
    rps: Math.round(Math.min(...pages.map((p) => p.rps))),
    p99: Math.max(...pages.map((p) => p.p99Ms)),
  });
  const [s, p] = [worst(results.sqlite.pages), worst(results.postgres.pages)];
  console.log(
    JSON.stringify({
      pageRps: s.rps,
      pageP99Ms: s.p99,
      uploadValidateMs: Math.round(su),
      pageRpsPg: p.rps,
      pageP99MsPg: p.p99,
      uploadValidateMsPg: Math.round(pu),
    }),
  );
}

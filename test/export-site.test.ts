/**
 * `yusuan export-site`: the portal as static files from a real SQLite store (the founding document, seedDemo, and
 * its next year): every link of every page leads to a file that exists, no link is absolute, the books are the
 * published ones with the bar, the comparisons and the offline search are there, and nothing is written outside
 * the folder — not into a folder of other files, not through a hostile path stored with a published budget.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetDocument } from "../src/model/document.ts";
import { buildServer } from "../src/server/app.ts";
import { FOUNDING_DEPARTMENT, publishDocument, seedDemo } from "../src/server/demo.ts";
import { stripBanner } from "../src/server/portal/banner.ts";
import { ExportError, exportSite } from "../src/server/portal/export.ts";
import { openStore, type Store } from "../src/store/connect.ts";
import { getPublishedFile, listPublished, type PublishedBudget } from "../src/store/published.ts";
import { foundingDocument } from "./support/api-client.ts";
import { hasChromium, LAUNCH } from "./support/chromium.ts";
import { sqliteStore } from "./support/stores.ts";

/** Publishes a document as an admin may, who takes it through every step. */
const publishAsAdmin = (store: Store, doc: BudgetDocument) =>
  publishDocument(store, doc, { preparer: "admin", reviewer: "admin", admin: "admin" });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split("\\").join("/"));
}

/** Every href and src of a page, entities decoded. */
const linksOf = (html: string) =>
  [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&"));

describe("export-site", () => {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-export-"));
  const out = join(dir, "site");
  let store: Store;
  let app: FastifyInstance;
  let founding: PublishedBudget;
  let next: PublishedBudget;

  beforeAll(async () => {
    store = await sqliteStore();
    const foundingId = await seedDemo(store);
    const doc = structuredClone(foundingDocument());
    doc.year = 2022;
    const nextId = await publishAsAdmin(store, doc);
    const published = await listPublished(store.db);
    [founding, next] = [foundingId, nextId].map(
      (id) => published.find((p) => p.budgetId === id) as PublishedBudget,
    ) as [PublishedBudget, PublishedBudget];
    app = await buildServer(store);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the portal, and every link of every page resolves to a file of the folder", async () => {
    const summary = await exportSite(store, out);
    expect(summary).toMatchObject({ budgets: 2, departments: 1 });
    const files = filesUnder(out);
    expect(files.length).toBe(summary.files);
    for (const expected of [
      "index.html",
      "search.html",
      "search.js",
      "search-index.json",
      `departments/${founding.departmentId}.html`,
      `compare/${founding.budgetId}-${next.budgetId}.html`,
      `budgets/${founding.budgetId}/index.html`,
      `budgets/${founding.budgetId}/budget.pdf`,
      `budgets/${next.budgetId}/csv/T01.csv`,
    ]) {
      expect(files, expected).toContain(expected);
    }
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      for (const link of linksOf(readFileSync(join(out, file), "utf8"))) {
        if (link.startsWith("#")) continue;
        expect(link, `${file}: ${link}`).not.toMatch(/^(\/|[a-z]+:)/i);
        const path = link.replace(/[#?].*$/, "");
        const target = join(out, dirname(file), path.endsWith("/") || path === "" ? `${path}index.html` : path);
        expect(relative(out, target).startsWith(".."), `${file}: ${link}`).toBe(false);
        expect(existsSync(target), `${file}: ${link}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("writes each book as published plus the bar, as the server serves it", async () => {
    for (const path of ["index.html", "table-T10.html", "project-550001-3.html"]) {
      const exported = readFileSync(join(out, "budgets", String(founding.budgetId), path), "utf8");
      expect(exported).toContain('<nav class="portal-banner"');
      expect(exported).toContain('<a class="portal-home" href="../../index.html">');
      expect(exported).toContain(`title="sha256:${founding.hash}"`);
      const served = (await app.inject({ method: "GET", url: `/budgets/${founding.budgetId}/${path}` })).body;
      const raw = Buffer.from((await getPublishedFile(store.db, founding.versionId, path)) ?? []).toString("utf8");
      expect(stripBanner(exported)).toBe(stripBanner(served));
      expect(stripBanner(exported)).toBe(raw);
    }
    const pdf = readFileSync(join(out, "budgets", String(founding.budgetId), "budget.pdf"));
    expect(pdf.equals(Buffer.from((await getPublishedFile(store.db, founding.versionId, "budget.pdf")) ?? []))).toBe(
      true,
    );
  });

  it("writes the front page, the department with its comparison, and a search that works offline", () => {
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toContain(FOUNDING_DEPARTMENT);
    expect(home).toContain(`title="sha256:${founding.hash}"`);
    expect(home).toContain('action="search.html"');
    const department = readFileSync(join(out, "departments", `${founding.departmentId}.html`), "utf8");
    expect(department).toContain(`href="../compare/${founding.budgetId}-${next.budgetId}.html"`);
    const compare = readFileSync(join(out, "compare", `${founding.budgetId}-${next.budgetId}.html`), "utf8");
    expect(compare).toContain('id="compare-title"');

    const search = readFileSync(join(out, "search.html"), "utf8");
    expect(search).toContain(`<a href="budgets/${founding.budgetId}/project-550001-3.html">琶洲政务分中心运营经费</a>`);
    expect(search).toContain('<script src="search.js" defer></script>');
    expect(search).not.toMatch(/<script>/);
    const index = JSON.parse(readFileSync(join(out, "search-index.json"), "utf8"));
    const project = index.entries.find(
      (e: { text: string; year: number }) => e.text === "琶洲政务分中心运营经费" && e.year === 2021,
    );
    expect(project).toMatchObject({ kind: "project", amount: 493_050_000, year: 2021 });
    expect(existsSync(join(out, project.href))).toBe(true);
  });

  it.skipIf(!hasChromium)("filters the offline search in a browser opened from disk, on a phone", async () => {
    const browser = await chromium.launch(LAUNCH);
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`file://${join(out, "search.html")}?q=493.05`);
      await expect.poll(() => page.locator("#portal-search-status").textContent()).toContain("找到 2 条");
      const visible = page.locator(".portal-hits tbody tr:visible");
      expect(await visible.count()).toBe(2);
      expect(await visible.first().locator("th").textContent()).toBe("琶洲政务分中心运营经费");
      await page.fill("#portal-q", "琶洲");
      expect(await page.locator("#portal-search-status").textContent()).toMatch(/找到 \d+ 条/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("writes over an earlier export, but not into a folder of other files", async () => {
    await expect(exportSite(store, out)).resolves.toMatchObject({ budgets: 2 });
    const other = join(dir, "other");
    mkdirSync(other);
    writeFileSync(join(other, "notes.txt"), "mine");
    await expect(exportSite(store, other)).rejects.toThrow(ExportError);
    expect(readdirSync(other)).toEqual(["notes.txt"]);
  });

  it("refuses a published path that would land outside the folder", async () => {
    // On a copy of the store: published files cannot be deleted again, and the other tests need a clean one.
    await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
    const copy = join(dir, "hostile.db");
    cpSync(store.location, copy);
    const hostile = await openStore(copy);
    try {
      await hostile.db
        .insertInto("published_files")
        .values({ version_id: founding.versionId, path: "../../escaped.html", content: Buffer.from("<body>x</body>") })
        .execute();
      const target = join(dir, "hostile");
      await expect(exportSite(hostile, target)).rejects.toThrow(/refusing to write/);
      expect(existsSync(join(dir, "escaped.html"))).toBe(false);
      expect(existsSync(join(target, "..", "..", "escaped.html"))).toBe(false);
    } finally {
      await hostile.close();
    }
  });

  it("runs as `yusuan export-site`, and says what is wrong with bad input", () => {
    const cli = (args: string[]) => spawnSync(process.execPath, ["bin/yusuan.mjs", ...args], { encoding: "utf8" });
    const cliOut = join(dir, "cli");
    const ok = cli(["export-site", "--db", store.location, "--out", cliOut]);
    expect(ok.stderr).toMatch(/2 published budgets of 1 departments, \d+ files/);
    expect(ok.status).toBe(0);
    expect(existsSync(join(cliOut, "index.html"))).toBe(true);
    const db = join(dir, "missing", "nowhere.db");
    const bad = cli(["export-site", "--db", db, "--out", join(dir, "cli-2")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/yusuan: cannot open the store/);
    const noOut = cli(["export-site"]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain("--out");
  });
});

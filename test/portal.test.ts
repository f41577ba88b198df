/**
 * The public portal through app.inject on a real SQLite store seeded with the founding document (seedDemo), plus
 * the founding department's next year and a second department: the front page, a department's years, the books
 * with the portal's bar (ETag, 304), the downloads, search by name and amount (and hostile queries), comparisons.
 */
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BudgetDocument, Row } from "../src/model/document.ts";
import { buildServer } from "../src/server/app.ts";
import { FOUNDING_DEPARTMENT, publishDocument, seedDemo } from "../src/server/demo.ts";
import { stripBanner } from "../src/server/portal/banner.ts";
import { wanYuan } from "../src/server/portal/format.ts";
import type { Store } from "../src/store/connect.ts";
import { getPublishedFile, listPublished, type PublishedBudget } from "../src/store/published.ts";
import { foundingDocument } from "./support/api-client.ts";
import { decodeHtml } from "./support/html.ts";
import { sqliteStore } from "./support/stores.ts";

const SECOND_DEPARTMENT = "广州市海珠区示例局（甲&乙）";

const rowOf = (doc: BudgetDocument, table: string, kind: string): Row => {
  const row = doc.tables.find((t) => t.id === table)?.rows.find((r) => r.kind === kind);
  if (!row) throw new Error(`no ${kind} row in ${table}`);
  return row;
};

/** Publishes a document as an admin may, who takes it through every step. */
const publishAsAdmin = (store: Store, doc: BudgetDocument) =>
  publishDocument(store, doc, { preparer: "admin", reviewer: "admin", admin: "admin" });

/** The founding department's 2022: 公务用车运行维护费 up from 2.08 to 3.00 万元. */
function nextYear(): BudgetDocument {
  const doc = structuredClone(foundingDocument());
  doc.year = 2022;
  for (const kind of ["threePublicTotal", "vehicleTotal", "vehicleOperation"])
    rowOf(doc, "T12", kind).cells.total = 300;
  return doc;
}

describe("public portal", () => {
  let store: Store;
  let app: FastifyInstance;
  let founding: PublishedBudget;
  let next: PublishedBudget;
  let other: PublishedBudget;

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

  beforeAll(async () => {
    store = await sqliteStore();
    const foundingId = await seedDemo(store);
    const nextId = await publishAsAdmin(store, nextYear());
    const otherId = await publishAsAdmin(store, { ...foundingDocument(), department: SECOND_DEPARTMENT });
    const published = await listPublished(store.db);
    const byId = (id: number) => published.find((p) => p.budgetId === id) as PublishedBudget;
    [founding, next, other] = [byId(foundingId), byId(nextId), byId(otherId)];
    app = await buildServer(store);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it("lists published budgets by department, newest year first, with the content hash and downloads", async () => {
    const response = await get("/");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    const html = response.body;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(FOUNDING_DEPARTMENT);
    expect(html).toContain("广州市海珠区示例局（甲&amp;乙）");
    expect(html).toContain(`title="sha256:${founding.hash}"`);
    expect(html).toContain(`sha256:${founding.hash.slice(0, 12)}…`);
    expect(html.indexOf(`/budgets/${next.budgetId}/"`)).toBeLessThan(html.indexOf(`/budgets/${founding.budgetId}/"`));
    for (const file of ["budget.pdf", "budget.xlsx", "tables.html", "datapackage.json", "budget.json"]) {
      expect(html).toContain(`href="/budgets/${founding.budgetId}/${file}"`);
    }
    expect(html).toContain(`href="/departments/${founding.departmentId}"`);
    expect(html).toMatch(/<label for="portal-q">[^<]+<\/label>/);
    expect(html).toContain('role="search"');
  });

  it("says so when nothing is published", async () => {
    const empty = await sqliteStore();
    const emptyApp = await buildServer(empty);
    try {
      const response = await emptyApp.inject({ method: "GET", url: "/" });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain("尚未公开任何预算");
      expect((await emptyApp.inject({ method: "GET", url: "/compare" })).body).toContain("尚未公开任何预算");
    } finally {
      await emptyApp.close();
      await empty.close();
    }
  });

  it("shows a department's years with their key figures and links to compare them", async () => {
    const response = await get(`/departments/${founding.departmentId}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain(`<h1>${FOUNDING_DEPARTMENT}</h1>`);
    expect(html).toContain("2022 年预算");
    expect(html).toMatch(/<caption>主要数字/);
    expect(html).toMatch(
      /<th scope="row">公务用车运行维护费<\/th><td class="amount">3\.00<\/td><td class="amount">2\.08<\/td>/,
    );
    expect(html).toContain(`href="/compare?a=${founding.budgetId}&amp;b=${next.budgetId}"`);
    expect(html).not.toContain(SECOND_DEPARTMENT);
    expect((await get("/departments/9999")).statusCode).toBe(404);
    expect((await get("/departments/abc")).statusCode).toBe(404);
  });

  it("serves the book as published, with the portal's bar after <body>, and revalidates by ETag", async () => {
    const response = await get(`/budgets/${founding.budgetId}/`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toMatch(
      /<body class="book">\s*<a class="skip-link"[^>]*>[^<]*<\/a><!-- portal-banner --><nav class="portal-banner"/,
    );
    expect(html).toContain(`内容哈希 <code class="hash" title="sha256:${founding.hash}">`);
    expect(html).toContain(`<a href="/departments/${founding.departmentId}">${FOUNDING_DEPARTMENT}</a> · 2021 年预算`);
    const raw = await getPublishedFile(store.db, founding.versionId, "index.html");
    expect(stripBanner(html)).toBe(Buffer.from(raw ?? []).toString("utf8"));

    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"[0-9a-f]{32}-1-b\d+"$/);
    const again = await get(`/budgets/${founding.budgetId}/index.html`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(
      (await get(`/budgets/${founding.budgetId}/index.html`, { "if-none-match": `W/"x", ${etag}` })).statusCode,
    ).toBe(304);
    // A second request is served from memory and is the same page.
    expect((await get(`/budgets/${founding.budgetId}/index.html`)).body).toBe(html);
    // A department name is escaped in the bar too.
    expect((await get(`/budgets/${other.budgetId}/units.html`)).body).toContain("示例局（甲&amp;乙）</a>");
    expect((await get(`/budgets/${founding.budgetId}/no-such.html`)).statusCode).toBe(404);
    expect((await get(`/budgets/${founding.budgetId}/no-such.html`)).headers.etag).toBeUndefined();
    expect((await get(`/budgets/${founding.budgetId}/made-up.pdf`)).statusCode).toBe(404);
    expect((await get("/budgets/9999/index.html")).statusCode).toBe(404);
    expect((await get(`/budgets/${founding.budgetId}/..%2Fx`)).statusCode).toBe(404);
  });

  it("serves the PDF and the workbook as downloads that open", async () => {
    const pdf = await get(`/budgets/${founding.budgetId}/budget.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const xlsx = await get(`/budgets/${founding.budgetId}/budget.xlsx`);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const amounts: unknown[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => amounts.push(cell.value))));
    // 琶洲政务分中心运营经费, a project of the founding document: 493.05 万元.
    expect(amounts).toContain(493.05);

    const csv = await get(`/budgets/${founding.budgetId}/csv/T01.csv`);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const json = await get(`/budgets/${founding.budgetId}/budget.json`);
    expect(json.json().department).toBe(FOUNDING_DEPARTMENT);
  });

  it("finds a project by name, grouped, marked and linked to its page in the book", async () => {
    const html = (await get(`/search?q=${encodeURIComponent("琶洲政务分中心")}`)).body;
    expect(html).toMatch(/<caption>项目（<span class="portal-count">\d+<\/span> 条）<\/caption>/);
    expect(html).toContain(
      `<a href="/budgets/${founding.budgetId}/project-550001-3.html"><mark>琶洲政务分中心</mark>运营经费</a>`,
    );
    expect(html).toContain("493.05 万元");
    expect(html).toContain(SECOND_DEPARTMENT.replace("&", "&amp;"));
    const departments = (await get(`/search?q=${encodeURIComponent("海珠区")}`)).body;
    expect(departments).toMatch(/<caption>部门（<span class="portal-count">\d+<\/span> 条）<\/caption>/);
    expect(departments.indexOf("<caption>部门")).toBeLessThan(departments.indexOf("<caption>单位"));
    const groups = (await get(`/search?q=${encodeURIComponent("中心")}`)).body.match(/<caption>[^（]+/g);
    expect(groups).toEqual(["<caption>单位", "<caption>项目", "<caption>政府采购"]);
  });

  it("finds amounts typed in 万元 or in 元", async () => {
    for (const q of ["493.05", "4930500", "4,930,500.00"]) {
      const html = (await get(`/search?q=${encodeURIComponent(q)}`)).body;
      expect(html, q).toContain("琶洲政务分中心运营经费");
      expect(html, q).toContain("<mark>493.05 万元</mark>");
    }
  });

  it("escapes a hostile query, limits its length, and says when nothing is found", async () => {
    const hostile = "<script>alert(1)</script>";
    const html = (await get(`/search?q=${encodeURIComponent(hostile)}`)).body;
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("没有找到");
    const attribute = (await get(`/search?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`)).body;
    expect(attribute).not.toContain("<img");
    const long = (await get(`/search?q=${"预".repeat(300)}`)).body;
    expect(long).toContain(`value="${"预".repeat(100)}"`);
    expect(long).not.toContain("预".repeat(101));
    const empty = (await get("/search?q=")).body;
    expect(empty).toContain('<form class="portal-search"');
    expect(empty).not.toContain('role="status"');
    expect((await get("/search?q=a&q=b")).statusCode).toBe(200);
  });

  it("compares a budget with itself, with its next year, and with another department", async () => {
    const itself = await get(`/compare?a=${founding.budgetId}&b=${founding.budgetId}`);
    expect(itself.statusCode).toBe(200);
    expect(itself.body).toContain('id="compare-title"');
    expect(itself.body).toContain("2021 年预算（甲）");

    const years = (await get(`/compare?a=${founding.budgetId}&b=${next.budgetId}`)).body;
    expect(years).toMatch(
      /<tr data-figure="vehicleOperation"><th scope="row">[^<]+<\/th><td class="amount">2\.08<\/td><td class="amount">3\.00<\/td><td class="amount compare-up">\+0\.92<\/td>/,
    );
    expect(years).toContain(`<option value="${next.budgetId}" selected>`);

    const byDepartment = (await get(`/compare?department=${founding.departmentId}`)).body;
    expect(byDepartment).toContain(`<option value="${founding.budgetId}" selected>`);
    expect(byDepartment).toContain(`<option value="${next.budgetId}" selected>`);
    expect(byDepartment).toContain("预算对比：2021 年预算 与 2022 年预算");

    const departments = (await get(`/compare?a=${founding.budgetId}&b=${other.budgetId}`)).body;
    expect(decodeHtml(departments)).toContain(`${SECOND_DEPARTMENT} 2021 年预算`);
    expect(departments).not.toContain(SECOND_DEPARTMENT);

    expect((await get("/compare")).body).toContain('<select id="compare-a" name="a" required>');
    for (const bad of ["a=9999&b=1", "a=x&b=1", "a=1&b=-1", "department=9999", "department=x"]) {
      const response = await get(`/compare?${bad}`);
      expect(response.statusCode, bad).toBe(404);
      expect(response.body, bad).toContain("错误 404");
    }
  });

  it("formats fen as 万元 in integers", () => {
    expect(wanYuan(493_050_000)).toBe("493.05 万元");
    expect(wanYuan(0)).toBe("0.00 万元");
    expect(wanYuan(123_456_789_000_000)).toBe("123,456,789.00 万元");
    expect(wanYuan(1_234_567)).toBe("1.234567 万元");
    expect(wanYuan(1_230_000)).toBe("1.23 万元");
  });
});

/**
 * The workbench in a real browser against a real listening server and SQLite file: a preparer signs in, uploads a
 * JSON file through the form, sees the findings beside the tables, edits a change reason and submits; a reviewer
 * comments on a table and approves; an admin publishes; an anonymous visitor finds it on the portal and opens the
 * book. No page may log an error or break the CSP (which forbids inline scripts). Screenshots go to test-artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/server/app.ts";
import { DEMO_PASSWORD, FOUNDING_DEPARTMENT, seedDemo } from "../src/server/demo.ts";
import type { Store } from "../src/store/connect.ts";
import { foundingDocument } from "./support/api-client.ts";
import { hasChromium, LAUNCH, sayIfSkipped } from "./support/chromium.ts";
import { sqliteStore } from "./support/stores.ts";

const ARTIFACTS = "test-artifacts";

sayIfSkipped("workbench browser test");

describe.skipIf(!hasChromium)("the review workflow in Chromium", () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let dir: string;
  let file: string;
  /** Console errors, page errors, CSP violations and failed requests, from every page opened. */
  const problems: string[] = [];

  // seedDemo publishes the founding document (book, PDF, workbook): seconds, more on a loaded machine.
  beforeAll(async () => {
    store = await sqliteStore();
    await seedDemo(store);
    app = await buildServer(store);
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), "yusuan-workbench-"));
    file = join(dir, "haizhu-2022.json");
    const doc = foundingDocument();
    doc.year = 2022;
    writeFileSync(file, JSON.stringify(doc));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch(LAUNCH);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser (own cookies) with problems collected; the favicon the site does not have is not one. */
  async function visitor(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    return page;
  }

  async function signIn(username: string): Promise<Page> {
    const page = await visitor();
    await page.goto(`${base}/workbench`);
    expect(page.url()).toBe(`${base}/login?next=%2Fworkbench`);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', DEMO_PASSWORD);
    await Promise.all([page.waitForURL(`${base}/workbench`), page.click('button:has-text("登录")')]);
    return page;
  }

  const text = (page: Page) => page.locator("main").innerText();
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `workbench-${name}.png`), fullPage: false });

  it("goes from upload to publication", async () => {
    // The preparer uploads next year's budget and lands on its page, findings beside the tables.
    const preparer = await signIn("preparer");
    expect(await text(preparer)).toContain(`本部门预算：${FOUNDING_DEPARTMENT}`);
    await shot(preparer, "1-preparer-dashboard");
    const uploadForm = preparer.locator("form.upload-form.stack");
    await uploadForm.locator('input[type="file"]').setInputFiles(file);
    await Promise.all([
      preparer.waitForURL(/\/workbench\/budgets\/\d+\?done=uploaded$/),
      uploadForm.locator("button").click(),
    ]);
    const budgetUrl = preparer.url().replace(/\?.*$/, "");
    const id = Number(/(\d+)$/.exec(budgetUrl)?.[1]);
    let seen = await text(preparer);
    expect(seen).toContain("已上传，生成了新版本");
    expect(seen).toContain("草稿");
    expect(seen).toMatch(/共 \d+ 条：错误 \d+，警告 \d+/);
    const t04 = preparer.locator("#table-T04");
    await t04.scrollIntoViewIfNeeded();
    const marked = t04.locator("td.finding-error").first();
    expect(await marked.isVisible()).toBe(true);
    expect(await marked.evaluate((el) => getComputedStyle(el).boxShadow)).not.toBe("none");
    expect(await t04.locator(".findings").innerText()).toContain("本表审核发现");
    await t04.screenshot({ path: join(ARTIFACTS, "workbench-2-findings-T04.png") });

    // A change reason edited in the form makes version 2, whose diff says what changed.
    const reason = preparer.locator('textarea[name="reason:threePublic:0"]');
    await reason.fill("因公务用车改革，运行维护费按实际车辆安排。");
    await Promise.all([preparer.waitForURL(/done=edited/), preparer.click('button:has-text("保存说明文字")')]);
    seen = await text(preparer);
    expect(seen).toContain("已保存说明文字");
    expect(seen).toContain("当前第 2 版");
    await Promise.all([preparer.waitForURL(/\/versions\/2$/), preparer.click('a:has-text("1 处变更")')]);
    seen = await text(preparer);
    expect(seen).toContain("与第 1 版相比共 1 处变更");
    expect(seen).toContain("因公务用车改革");
    await shot(preparer, "3-version-diff");
    await preparer.goto(budgetUrl);
    await Promise.all([preparer.waitForURL(/done=submitted/), preparer.click('button:has-text("提交第 2 版审核")')]);
    expect(await text(preparer)).toContain("已提交审核");

    // The reviewer finds it at the top of the queue, comments on a row of T04 and approves.
    const reviewer = await signIn("reviewer");
    const firstRow = reviewer.locator(".wb-table tbody tr").first();
    expect(await firstRow.innerText()).toContain("待审核");
    await Promise.all([reviewer.waitForURL(budgetUrl), firstRow.locator("a").first().click()]);
    const commentForm = reviewer.locator("#comments-T04 form");
    await commentForm.locator('select[name="rowKey"]').selectOption("income/一、一般公共预算");
    await commentForm.locator('textarea[name="text"]').fill("一般公共预算收入与表6不一致，已知悉，下年修正。");
    await Promise.all([reviewer.waitForURL(/done=commented/), commentForm.locator("button").click()]);
    expect(await reviewer.locator("#comments-T04").innerText()).toContain("一般公共预算收入与表6不一致");
    await reviewer.locator("#comments-T04").screenshot({ path: join(ARTIFACTS, "workbench-4-comment.png") });
    await Promise.all([reviewer.waitForURL(/done=approved/), reviewer.click('button:has-text("审核通过第 2 版")')]);
    expect(await text(reviewer)).toContain("已审核通过");

    // The admin publishes it from the dashboard; its page then shows the content hash and the public link.
    const admin = await signIn("admin");
    expect(await admin.locator("#publish-title + ul").innerText()).toContain("2022");
    await shot(admin, "5-admin-dashboard");
    await Promise.all([admin.waitForURL(/done=published/), admin.click('button:has-text("公开第 2 版")')]);
    seen = await text(admin);
    expect(seen).toContain("已公开第 2 版");
    expect(await admin.locator(".published-info code.hash").innerText()).toMatch(/^[0-9a-f]{64}$/);
    await shot(admin, "6-published");

    // Anyone can now find it on the portal and read the book.
    const anonymous = await visitor();
    await anonymous.goto(`${base}/`);
    const link = anonymous.locator(`a[href^="/budgets/${id}"]`).first();
    expect(await link.innerText()).toContain("2022");
    await Promise.all([anonymous.waitForURL(new RegExp(`/budgets/${id}/`)), link.click()]);
    expect(await anonymous.locator("body").innerText()).toContain(FOUNDING_DEPARTMENT);
    await shot(anonymous, "7-published-book");

    expect(problems).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDocument } from "../src/model/load.ts";
import { renderBook } from "../src/render/html/book.ts";
import { renderHtmlPage } from "../src/render/html/page.ts";
import { validate } from "../src/rules/index.ts";
import { loadTemplate } from "../src/templates/template.ts";
import { hasChromium, LAUNCH, sayIfSkipped } from "./support/chromium.ts";

const ARTIFACTS = "test-artifacts";

sayIfSkipped("browser tests");

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 812 },
];

/** Opens a file, collecting console errors, page errors and any request for another file. */
async function openFile(
  browser: Browser,
  url: string,
  width: number,
  height: number,
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`);
  });
  await page.goto(url, { waitUntil: "load" });
  return { page, problems };
}

describe.skipIf(!hasChromium)("the published page in Chromium", () => {
  let browser: Browser;
  let dir: string;
  let url: string;
  let tableCount: number;

  beforeAll(async () => {
    const { doc } = openDocument("examples/haizhu-2021");
    tableCount = doc.tables.length;
    dir = mkdtempSync(join(tmpdir(), "yusuan-html-"));
    const file = join(dir, "haizhu-2021.html");
    writeFileSync(file, renderHtmlPage(doc, loadTemplate(doc.template)));
    url = pathToFileURL(file).href;
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch(LAUNCH);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = (width: number, height: number) => openFile(browser, url, width, height);

  for (const viewport of VIEWPORTS) {
    it(`shows every table caption at ${viewport.name} width without errors`, async () => {
      const { page, problems } = await open(viewport.width, viewport.height);
      const captions = page.locator("table.budget-table > caption");
      expect(await captions.count()).toBe(tableCount);
      for (const caption of await captions.all()) {
        await caption.scrollIntoViewIfNeeded();
        expect(await caption.isVisible()).toBe(true);
        expect(await caption.textContent()).toMatch(/^表\d+ \S/);
      }
      const overflow = await page
        .locator("html")
        .evaluate((root) => ({ scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }));
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
      await page.screenshot({ path: join(ARTIFACTS, `html-${viewport.name}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("scrolls a wide table inside its own box on a phone", async () => {
    const { page } = await open(375, 812);
    const region = page.locator("#table-T02 .table-scroll");
    const box = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    await region.evaluate((el) => {
      el.scrollLeft = 400;
    });
    await region.scrollIntoViewIfNeeded();
    await region.screenshot({ path: join(ARTIFACTS, "html-phone-T02-scrolled.png") });
    await page.close();
  });
});

describe.skipIf(!hasChromium)("the budget book in Chromium, opened from files on disk", () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    const { doc } = openDocument("examples/haizhu-2021");
    const pages = renderBook(doc, loadTemplate(doc.template), {
      diagnostics: validate(doc),
      downloads: { xlsx: "budget.xlsx", pdf: "budget.pdf", csvDir: "csv", dataPackage: "datapackage.json" },
    });
    dir = mkdtempSync(join(tmpdir(), "yusuan-book-"));
    for (const page of pages) {
      mkdirSync(dirname(join(dir, page.path)), { recursive: true });
      writeFileSync(join(dir, page.path), page.html);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch(LAUNCH);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a page of the book. */
  const open = (path: string, width: number, height = 900) =>
    openFile(browser, pathToFileURL(join(dir, path)).href, width, height);

  const pageScroll = (page: Page) =>
    page.locator("html").evaluate((root) => ({ scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }));

  for (const viewport of VIEWPORTS) {
    it(`shows the overview with its charts at ${viewport.name} width`, async () => {
      const { page, problems } = await open("index.html", viewport.width, viewport.height);
      const charts = page.locator("figure.chart svg.chart-svg");
      expect(await charts.count()).toBe(5);
      for (const chart of await charts.all()) {
        await chart.scrollIntoViewIfNeeded();
        expect(await chart.isVisible()).toBe(true);
        const box = await chart.boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(200);
        expect(box?.width ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(viewport.width);
      }
      expect(await page.locator('[data-figure="totalBudget"] .figure-value').textContent()).toBe("5,921.56");
      const scroll = await pageScroll(page);
      expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
      await page.screenshot({ path: join(ARTIFACTS, `book-overview-${viewport.name}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("keeps a wide table inside its box, with findings marked and a switch that hides them", async () => {
    for (const viewport of VIEWPORTS) {
      const { page, problems } = await open("table-T10.html", viewport.width, viewport.height);
      const scroll = await pageScroll(page);
      expect(scroll.scrollWidth, viewport.name).toBeLessThanOrEqual(scroll.clientWidth);
      const region = page.locator(".table-scroll").first();
      const box = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
      await page.screenshot({ path: join(ARTIFACTS, `book-table-T10-${viewport.name}.png`) });
      expect(problems).toEqual([]);
      await page.close();
    }
    const { page } = await open("table-T06.html", 1280);
    const cell = page.locator('td[data-row="201"][data-column="total"]');
    const marked = () => cell.evaluate((el) => getComputedStyle(el).boxShadow);
    const reference = cell.locator(".finding-ref");
    expect(await marked()).not.toBe("none");
    expect(await reference.isVisible()).toBe(true);
    await page.locator("label.findings-toggle").click();
    expect(await marked()).toBe("none");
    expect(await reference.isVisible()).toBe(false);
    await page.locator("label.findings-toggle").click();
    expect(await reference.isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await marked()).toBe("none");
    expect(await reference.isVisible()).toBe(false);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    await page.close();
  });

  it("reads a project page on a phone without sideways scrolling", async () => {
    const { page, problems } = await open("project-550001-3.html", 375, 812);
    const scroll = await pageScroll(page);
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth);
    expect(await page.locator("h1").textContent()).toBe("琶洲政务分中心运营经费");
    await page.screenshot({ path: join(ARTIFACTS, "book-project-phone.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

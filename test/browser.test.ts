import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDocument } from "../src/model/load.ts";
import { renderHtmlPage } from "../src/render/html/page.ts";
import { loadTemplate } from "../src/templates/template.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = "test-artifacts";
const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install the Debian package "chromium")`);
}

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 812 },
];

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
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the page, collecting console errors, page errors and any request that leaves the file. */
  async function open(width: number, height: number): Promise<{ page: Page; problems: string[] }> {
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

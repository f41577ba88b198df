import { describe, expect, it } from "vitest";
import type { BudgetDocument } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { formatAmount } from "../src/money/amount.ts";
import { fact } from "../src/render/charts/figures.ts";
import { type BookPage, renderBook } from "../src/render/html/book.ts";
import type { Diagnostic } from "../src/rules/diagnostic.ts";
import { validate } from "../src/rules/index.ts";
import { loadTemplate } from "../src/templates/template.ts";
import { decodeHtml } from "./support/html.ts";

const SCRIPT = "<script>alert(1)</script>";
const IMAGE = '"><img src=x onerror=alert(1)>';
const DOWNLOADS = { xlsx: "budget.xlsx", pdf: "budget.pdf", csvDir: "csv", dataPackage: "datapackage.json" };

function example(): BudgetDocument {
  const { doc, problems } = openDocument("examples/haizhu-2021");
  expect(problems).toEqual([]);
  return doc;
}

const template = loadTemplate("gz-2021-14");
const money = (amount: number | undefined) => formatAmount(amount ?? Number.NaN, { decimals: 2 });

function byPath(pages: BookPage[]): Map<string, string> {
  return new Map(pages.map((p) => [p.path, p.html]));
}

const ids = (html: string) => new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => decodeHtml(m[1] ?? "")));
const hrefs = (html: string) => [...html.matchAll(/ (?:href|src)="([^"]*)"/g)].map((m) => decodeHtml(m[1] ?? ""));

/** The files a book may link to besides its pages: the other outputs the build writes next to it. */
function downloadFiles(doc: BudgetDocument): Set<string> {
  return new Set(["budget.xlsx", "budget.pdf", "datapackage.json", ...doc.tables.map((t) => `csv/${t.id}.csv`)]);
}

/** Every relative link resolves to a page (and its anchor) or a download; nothing leaves the folder. */
function brokenLinks(pages: Map<string, string>, downloads: Set<string>): string[] {
  const anchors = new Map([...pages].map(([path, html]) => [path, ids(html)]));
  const broken: string[] = [];
  for (const [path, html] of pages) {
    for (const href of hrefs(html)) {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
        broken.push(`${path}: external ${href}`);
        continue;
      }
      const [file = "", fragment] = href.split("#");
      const target = file === "" ? path : file;
      if (!pages.has(target)) {
        if (!downloads.has(target) || fragment) broken.push(`${path}: ${href}`);
        continue;
      }
      if (fragment && !anchors.get(target)?.has(fragment)) broken.push(`${path}: ${href} (no anchor)`);
    }
  }
  return broken;
}

const tableSection = (html: string, id: string) =>
  new RegExp(`<section class="table-section" id="table-${id}">[\\s\\S]*?</section>`).exec(html)?.[0] ?? `no ${id}`;

/** The opening tag of the body cell of `table` at row and column, from the page that shows it. */
function cellTag(html: string, row: string, column: string): string {
  const tags = html.match(/<t[dh]\b[^>]*>/g) ?? [];
  return (
    tags.find((t) => t.includes(`data-row="${row}"`) && t.includes(`data-column="${column}"`)) ??
    `no cell ${row} ${column}`
  );
}

describe("renderBook on the example", () => {
  const doc = example();
  const diagnostics = validate(doc);
  const pages = renderBook(doc, template, { diagnostics, downloads: DOWNLOADS });
  const site = byPath(pages);
  const page = (path: string) => site.get(path) ?? "";

  it("has an overview, the parts, a page per table, unit and project, the findings and the full text", () => {
    const paths = [...site.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        "index.html",
        "budget.html",
        "part1.html",
        "part2.html",
        "part3.html",
        "tables.html",
        "units.html",
        "findings.html",
        ...doc.tables.map((t) => `table-${t.id}.html`),
        ...doc.units.map((u) => `unit-${u.code}.html`),
      ]),
    );
    const projects = doc.tables.find((t) => t.id === "T10")?.rows.filter((r) => r.kind === "project") ?? [];
    expect(paths.filter((p) => p.startsWith("project-"))).toHaveLength(projects.length);
    expect(new Set(paths).size).toBe(paths.length);
    for (const html of site.values()) {
      expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(html).not.toMatch(/<script|<link\b|@import|url\(/i);
    }
  });

  it("links its pages to each other with no broken relative link, and every page is reachable", () => {
    expect(brokenLinks(site, downloadFiles(doc))).toEqual([]);
    const seen = new Set(["index.html"]);
    const queue = ["index.html"];
    while (queue.length > 0) {
      for (const href of hrefs(page(queue.shift() ?? ""))) {
        const file = href.split("#")[0] ?? "";
        if (site.has(file) && !seen.has(file)) {
          seen.add(file);
          queue.push(file);
        }
      }
    }
    expect([...site.keys()].filter((p) => !seen.has(p))).toEqual([]);
  });

  it("prints the key figures of the model on the overview", () => {
    const index = page("index.html");
    const figure = (id: string) => section(index, id);
    const total = fact(doc, "totalBudget");
    expect(total?.amount).toBe(592156);
    expect(figure("totalBudget")).toContain(`>${money(total?.amount)}<`);
    expect(figure("totalBudget")).toContain("5,921.56");
    expect(figure("totalBudget")).toContain("1,544.74");
    expect(figure("totalBudget")).toContain("35.29%");
    const t03 = doc.tables.find((t) => t.id === "T03")?.rows.find((r) => r.kind === "total");
    expect(figure("basic")).toContain(`>${money(t03?.cells.basic as number)}<`);
    expect(figure("project")).toContain(`>${money(t03?.cells.project as number)}<`);
    const t12 = doc.tables.find((t) => t.id === "T12")?.rows.find((r) => r.kind === "threePublicTotal");
    expect(figure("threePublic")).toContain(`>${money(t12?.cells.total as number)}<`);
    expect(figure("threePublic")).toContain("42.86%");
    const t13 = doc.tables.find((t) => t.id === "T13")?.rows.find((r) => r.kind === "total");
    expect(figure("procurement")).toContain(`>${money(t13?.cells.total as number)}<`);
    expect(figure("procurement")).toContain("10,362.15");
    const largest = [...(doc.tables.find((t) => t.id === "T10")?.rows ?? [])]
      .filter((r) => r.kind === "project")
      .sort((a, b) => (b.cells.total as number) - (a.cells.total as number))[0];
    expect(section(index, "largest-projects")).toContain(escapeText(largest?.label ?? "?"));
    expect(section(index, "largest-projects")).toContain(money(largest?.cells.total as number));
  });

  it("draws each chart as an SVG with one data mark per category, a caption and a text alternative", () => {
    const index = page("index.html");
    const figures = [...index.matchAll(/<figure class="chart" id="chart-([^"]+)"[\s\S]*?<\/figure>/g)];
    const rows = (id: string) => doc.tables.find((t) => t.id === id)?.rows ?? [];
    const expected: Record<string, number> = {
      "basic-project": 2,
      "function-class": rows("T03").filter((r) => r.kind === "class").length,
      units: doc.units.length * 2,
      economic: new Set(
        rows("T09")
          .filter((r) => r.kind === "econClass")
          .map((r) => r.code),
      ).size,
      procurement: 3,
    };
    expect(figures.map((f) => f[1])).toEqual(Object.keys(expected));
    for (const [markup, id = ""] of figures) {
      const svg = /<svg[\s\S]*?<\/svg>/.exec(markup)?.[0] ?? "";
      expect(svg, id).toMatch(/^<svg class="chart-svg" role="img" aria-label="[^"]+"/);
      expect(svg.match(/ecmeta_ssr_type="chart"/g)?.length, id).toBe(expected[id]);
      expect(svg, id).toContain("WenQuanYi Micro Hei");
      expect(svg, id).not.toMatch(/stroke="rgb\(255,255,255\)"/);
      expect(markup, id).toMatch(/<figcaption[^>]*><span class="chart-title">[^<]+<\/span>/);
      expect(markup, id).toMatch(/<details class="chart-details">[\s\S]*<table class="chart-data">/);
    }
    const byClass = figures.find((f) => f[1] === "function-class")?.[0] ?? "";
    expect(byClass).toContain("科学技术支出");
    expect(byClass).toContain("5,411.72");
  });

  it("marks the cell of a finding on T06 row 201 with its severity, its message and a footnote", () => {
    const number = diagnostics.findIndex(
      (d) => d.location.table === "T06" && d.location.row === "201" && d.location.column === "total",
    );
    expect(number).toBeGreaterThanOrEqual(0);
    const message = diagnostics[number]?.message ?? "";
    for (const path of ["table-T06.html", "budget.html"]) {
      const html = tableSection(page(path), "T06");
      const tag = cellTag(html, "201", "total");
      expect(tag, path).toMatch(/class="[^"]*\bfinding finding-error\b/);
      expect(decodeHtml(/title="([^"]*)"/.exec(tag)?.[1] ?? ""), path).toContain(message);
      expect(html, path).toContain(`<a href="#finding-${number + 1}" id="ref-${number + 1}"`);
      expect(html, path).toMatch(new RegExp(`<li class="finding-item finding-item-error" id="finding-${number + 1}"`));
      expect(cellTag(html, "206", "total"), path).not.toContain("finding");
    }
  });

  it("lists a section's narrative findings next to that section and marks the phrase", () => {
    const part3 = page("part3.html");
    const threePublic = /<section class="explanation" id="section-threePublic">([\s\S]*?)<\/section>/.exec(part3)?.[1];
    const own = diagnostics.filter((d) => !d.location.table && d.location.section === "threePublic");
    expect(own.length).toBeGreaterThan(0);
    for (const d of own) expect(decodeHtml(threePublic ?? "")).toContain(d.message);
    expect(threePublic).toMatch(/<mark class="finding finding-error"/);
    expect(page("part1.html")).toContain('<aside class="findings findings-warning"');
  });

  it("has a switch for the marks that works without script, and prints without them", () => {
    for (const path of ["table-T06.html", "part3.html", "budget.html"]) {
      const html = page(path);
      expect(html, path).toMatch(/<body class="book">\n<input type="checkbox" id="show-findings"[^>]*checked>/);
      expect(html, path).toContain('<label for="show-findings" class="findings-toggle">');
    }
    const html = page("table-T06.html");
    expect(html).toContain(".findings-switch:not(:checked) ~ * .finding-ref");
    const print = html.slice(html.lastIndexOf("@media print"));
    expect(print).toMatch(
      /\.findings-switch ~ \* \.finding-ref,\s*\.findings-switch ~ \* \.findings \{\s*display: none;/,
    );
  });

  it("links the downloads: PDF, workbook and data package on the overview, CSV and XLSX by each table", () => {
    const index = page("index.html");
    for (const file of ["budget.pdf", "budget.xlsx", "datapackage.json"]) expect(index).toContain(`href="${file}"`);
    for (const table of doc.tables) {
      const html = page(`table-${table.id}.html`);
      expect(html, table.id).toContain(`href="csv/${table.id}.csv"`);
      expect(html, table.id).toContain('href="budget.xlsx"');
      expect(page("tables.html")).toContain(`href="csv/${table.id}.csv"`);
    }
    const bare = byPath(renderBook(doc, template));
    expect(bare.has("findings.html")).toBe(false);
    for (const html of bare.values()) expect(html).not.toMatch(/href="(?:budget\.(?:pdf|xlsx)|csv\/|datapackage)/);
    expect(brokenLinks(bare, new Set())).toEqual([]);
  });

  it("drills down from a unit to its projects, their indicators and what is bought under them", () => {
    const unit = page("unit-550001.html");
    expect(unit).toContain("人员支出(统发)");
    expect(unit).toContain("205.08");
    expect(unit).toContain('href="project-550001-3.html">琶洲政务分中心运营经费</a>');
    const project = page("project-550001-3.html");
    expect(project).toContain("<h1>琶洲政务分中心运营经费</h1>");
    expect(project).toContain(">493.05<");
    expect(project).toContain("<h2>绩效目标</h2>");
    expect(project).toContain("琶洲分中心年度服务人次");
    expect(project).toContain("琶洲场地租赁");
    expect(project).toContain("385.00");
    expect(project).toContain("其他公共人才服务");
    expect(project).toContain("536.75");
  });

  it("still publishes the text, tables and findings for a layout whose figures it does not know", () => {
    const other = { ...template, id: "unknown-layout" };
    const book = byPath(renderBook(doc, other, { diagnostics, downloads: DOWNLOADS }));
    expect(book.has("units.html")).toBe(false);
    expect(book.get("index.html")).not.toContain("<svg");
    expect(book.has("table-T06.html")).toBe(true);
    expect(brokenLinks(book, downloadFiles(doc))).toEqual([]);
  });
});

describe("renderBook escapes hostile text", () => {
  const hostile = example();
  const unit = hostile.units[0];
  if (!unit) throw new Error("the example has no unit");
  unit.name = `${SCRIPT}${IMAGE}`;
  for (const table of hostile.tables) {
    for (const row of table.rows) {
      if (row.kind === "unit" && row.code === unit.code) row.label = `${IMAGE}${SCRIPT}`;
      if (row.kind === "project") {
        row.label = `${SCRIPT}${row.label}${IMAGE}`;
        row.key = `${row.key}${IMAGE}`;
        row.cells.content = `${IMAGE}\n${SCRIPT}`;
        row.cells.indicators = `1.产出数量:(${SCRIPT})${IMAGE}`;
      }
    }
  }
  const project = hostile.tables.find((t) => t.id === "T10")?.rows.find((r) => r.kind === "project");
  const diagnostics: Diagnostic[] = [
    {
      rule: "test",
      severity: "error",
      kind: "cross-table",
      message: `${SCRIPT}${IMAGE}`,
      messageEn: SCRIPT,
      location: { table: "T10", row: project?.key ?? "", column: "total" },
      expected: IMAGE,
      actual: SCRIPT,
    },
    {
      rule: "test",
      severity: "warning",
      kind: "narrative",
      message: `${IMAGE}${SCRIPT}`,
      messageEn: IMAGE,
      location: { section: "overview", text: "按照综合预算" },
    },
  ];
  const pages = renderBook(hostile, template, { diagnostics, downloads: DOWNLOADS });

  it("never lets a unit name, project name or finding become markup", () => {
    for (const { path, html } of pages) {
      expect(html, path).not.toContain(SCRIPT);
      expect(html, path).not.toMatch(/<script|<img/i);
    }
    const all = pages.map((p) => p.html).join("\n");
    expect(all).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(all).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    const table = pages.find((p) => p.path === "table-T10.html")?.html ?? "";
    expect(cellTag(table, escapeText(project?.key ?? ""), "total")).toMatch(/finding-error/);
  });
});

const escapeText = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

/** The markup of the element that carries `data-figure` or `id` equal to `id`, up to the next key figure or section. */
function section(page: string, id: string): string {
  const html = page.slice(page.indexOf("<body"));
  const start = html.search(new RegExp(`(?:data-figure|id)="${id}"`));
  if (start < 0) return `no ${id}`;
  const rest = html.slice(start + 1);
  const end = rest.search(/data-figure="|<section class="overview-section"/);
  return rest.slice(0, end < 0 ? undefined : end);
}

describe("renderBook with a figure table in another unit", () => {
  it("leaves the figures out rather than add amounts of different units", () => {
    const doc = example();
    const t13 = doc.tables.find((t) => t.id === "T13");
    if (!t13) throw new Error("the example has no T13");
    t13.amountUnit = "元";
    t13.decimals = 0;
    const book = byPath(renderBook(doc, template));
    expect(book.get("index.html")).not.toContain("<svg");
    expect(book.get("index.html")).not.toContain('data-figure="procurement"');
    expect(book.has("units.html")).toBe(false);
    expect(brokenLinks(book, new Set())).toEqual([]);
  });
});

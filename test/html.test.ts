import { describe, expect, it } from "vitest";
import type { BudgetDocument } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { documentGrids } from "../src/render/grid.ts";
import { escapeHtml } from "../src/render/html/escape.ts";
import { renderHtmlPage } from "../src/render/html/page.ts";
import { loadTemplate } from "../src/templates/template.ts";
import { decodeHtml } from "./support/html.ts";

const EXAMPLE = "examples/haizhu-2021";
const SCRIPT = "<script>alert(1)</script>";
const IMAGE = '"><img src=x onerror=alert(1)>';

function example(): BudgetDocument {
  const { doc, problems } = openDocument(EXAMPLE);
  expect(problems).toEqual([]);
  return doc;
}

const template = loadTemplate("gz-2021-14");

/** The markup of each Part 4 table by table id. */
function tableSections(html: string): Map<string, string> {
  const sections = html.matchAll(/<section class="table-section" id="table-(T\d+)">([\s\S]*?)<\/section>/g);
  return new Map([...sections].map((m) => [m[1] ?? "", m[2] ?? ""]));
}

/** Body cells of one table by `row␟column`, as their text. */
function cellsByKey(section: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of section.matchAll(/<(td|th)\b([^>]*)>([^<]*)<\/\1>/g)) {
    const attrs = m[2] ?? "";
    const row = /data-row="([^"]*)"/.exec(attrs)?.[1];
    const column = /data-column="([^"]*)"/.exec(attrs)?.[1];
    if (row !== undefined && column !== undefined)
      cells.set(`${decodeHtml(row)}\u241f${decodeHtml(column)}`, m[3] ?? "");
  }
  return cells;
}

describe("escapeHtml", () => {
  it("escapes markup and both quotes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("renderHtmlPage", () => {
  const doc = example();
  const html = renderHtmlPage(doc, template);
  const grids = documentGrids(template, doc);
  const sections = tableSections(html);

  it("is one Chinese page with no script and no external resource", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//i);
  });

  it("links the contents to every part, Part 3 section and table, and every link has its target", () => {
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs).toEqual(expect.arrayContaining(["part1", "part2", "part3", "part4"]));
    for (const section of doc.part3) expect(hrefs).toContain(`section-${section.id}`);
    for (const grid of grids) expect(hrefs).toContain(`table-${grid.id}`);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
  });

  it("gives every table of the example a caption with its title", () => {
    expect(grids.map((g) => g.id)).toEqual(doc.tables.map((t) => t.id));
    for (const grid of grids) {
      const caption = /<caption>([\s\S]*?)<\/caption>/.exec(sections.get(grid.id) ?? "")?.[1] ?? "";
      expect(decodeHtml(caption), grid.id).toContain(`表${grid.number} ${grid.title}`);
    }
  });

  it("prints T02's three merged header rows, 本年收入 spanning twelve columns", () => {
    const thead = /<thead>([\s\S]*?)<\/thead>/.exec(sections.get("T02") ?? "")?.[1] ?? "";
    const headerRows = [...thead.matchAll(/<tr>(.*?)<\/tr>/g)].filter((m) => m[1]?.includes('<th scope="col"'));
    expect(headerRows).toHaveLength(3);
    expect(thead).toMatch(/<th scope="col" colspan="12"[^>]*>本年收入<\/th>/);
    expect(thead).toContain('<tr class="column-numbers">');
  });

  it("puts every amount of every grid in the cell named by its row and column", () => {
    let amounts = 0;
    for (const grid of grids) {
      const cells = cellsByKey(sections.get(grid.id) ?? "");
      for (const row of grid.body) {
        for (const cell of row.cells) {
          if (cell.type !== "amount" || cell.text === "") continue;
          const rowKey = "row" in cell ? cell.row : row.key;
          expect(cells.get(`${rowKey}\u241f${cell.column}`), `${grid.id} ${rowKey} ${cell.column}`).toBe(cell.text);
          amounts++;
        }
      }
    }
    expect(amounts).toBeGreaterThan(1000);
  });

  it("marks total rows and indents rows by depth", () => {
    const t02 = sections.get("T02") ?? "";
    expect(t02).toContain('<tr data-kind="total" class="total">');
    expect(t02).toMatch(/<th scope="row" class="label sticky" style="--depth: 3" data-row="2010399"/);
  });

  it("still shows a table whose only row is a zero total", () => {
    const t07 = sections.get("T07") ?? "";
    expect(doc.tables.find((t) => t.id === "T07")?.rows).toHaveLength(1);
    expect(t07).toContain("<caption>");
    expect(t07).toMatch(/data-kind="total"[\s\S]*>0\.00</);
  });

  it("escapes hostile text from a project label, a duty and a section text", () => {
    const hostile = structuredClone(doc);
    const project = hostile.tables.find((t) => t.id === "T10")?.rows.find((r) => r.kind === "project");
    if (!project) throw new Error("the example has no project in T10");
    project.label = `${SCRIPT}${IMAGE}`;
    project.key = `${IMAGE}${SCRIPT}`;
    const keyProject = hostile.part3.flatMap((s) => s.projects ?? [])[0];
    if (keyProject) keyProject.name = `${IMAGE}${SCRIPT}`;
    hostile.part1.duties[0] = `${SCRIPT}${IMAGE}`;
    const section = hostile.part3[0];
    if (section) section.text = `${IMAGE}\n${SCRIPT}`;
    const page = renderHtmlPage(hostile, template);
    expect(page).not.toContain(SCRIPT);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain(`data-row="${escapeHtml(`${IMAGE}${SCRIPT}`)}"`);
  });
});

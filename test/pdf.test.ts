/**
 * The print PDF, read back the way a reader's viewer or a search engine reads it (pdfjs-dist text extraction): the
 * words must come out as the characters they are, the contents must point at the right pages, and every amount of
 * every table must be printed on that table's pages exactly as often as the grid holds it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { BudgetDocument } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { documentGrids, type TableGrid } from "../src/render/grid.ts";
import { partTitles } from "../src/render/outline.ts";
import { renderPdf } from "../src/render/pdf/document.ts";
import { fitTable } from "../src/render/pdf/fit.ts";
import { loadTemplate } from "../src/templates/template.ts";

const EXAMPLE = "examples/haizhu-2021";
const HOSTILE = "<script>x</script>";
const template = loadTemplate("gz-2021-14");

function example(): BudgetDocument {
  const { doc, problems } = openDocument(EXAMPLE);
  expect(problems).toEqual([]);
  return doc;
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
}

/** One printed line: its runs of text, a new run wherever a visible gap (a cell border, a column) separates them. */
type Line = string[];

interface PageText {
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

/**
 * Items on one baseline (within half a point) make a line, read left to right. A visible gap over 1.5 pt starts a new
 * run, whether pdfjs leaves it empty or fills it with a whitespace item of that width.
 */
function linesOf(items: RawItem[]): Line[] {
  const placed = items
    .filter((i) => i.str !== "")
    .map((i) => ({
      text: i.str,
      x: i.transform[4] ?? 0,
      y: i.transform[5] ?? 0,
      end: (i.transform[4] ?? 0) + i.width,
    }));
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: (typeof placed)[] = [];
  for (const item of placed) {
    const row = rows.find((r) => Math.abs((r[0]?.y ?? 0) - item.y) < 0.5);
    if (row) row.push(item);
    else rows.push([item]);
  }
  const GAP = 1.5;
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    const runs: string[] = [];
    let open = false;
    let end = Number.NEGATIVE_INFINITY;
    for (const item of row) {
      const blank = item.text.trim() === "";
      if (item.x - end > GAP || (blank && item.end - item.x > GAP)) open = false;
      if (!blank) {
        if (open) runs[runs.length - 1] += item.text;
        else runs.push(item.text);
        open = true;
      } else if (open) runs[runs.length - 1] += item.text;
      if (blank && item.end - item.x > GAP) open = false;
      end = item.end;
    }
    return runs.map((r) => r.trim()).filter((r) => r !== "");
  });
}

async function readPages(data: Buffer): Promise<PageText[]> {
  const pdf = await getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    pages.push({
      number: n,
      width: viewport.width,
      height: viewport.height,
      lines: linesOf(content.items.filter((i): i is RawItem & typeof i => "str" in i)),
    });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}

/** Text compared without any whitespace: pdfjs may or may not report the spaces between runs. */
const squeeze = (text: string) => text.replace(/\s+/g, "");
const flat = (page: PageText) => squeeze(page.lines.flat().join(""));

/** The contents entries ("title … page") of pages `from`..`to` (1-based), by squeezed title. */
function contentsEntries(pages: PageText[], from: number, to: number): Map<string, number> {
  const entries = new Map<string, number>();
  for (const page of pages.slice(from - 1, to)) {
    for (const line of page.lines) {
      const last = line[line.length - 1] ?? "";
      if (line.length >= 2 && /^\d+$/.test(last)) entries.set(squeeze(line.slice(0, -1).join("")), Number(last));
    }
  }
  return entries;
}

/** Whether `text` is printed as a run, or wrapped over runs on the lines below (a header in a narrow column). */
function printedWrapped(text: string, lines: Line[], from = 0): boolean {
  if (text === "") return true;
  return lines.slice(from, from + 20).some((line, i) =>
    line.some((run) => {
      const piece = squeeze(run);
      return piece !== "" && text.startsWith(piece) && printedWrapped(text.slice(piece.length), lines, from + i + 1);
    }),
  );
}

const amountPattern = (decimals: number) =>
  new RegExp(`^-?\\d{1,3}(,\\d{3})*${decimals > 0 ? `\\.\\d{${decimals}}` : ""}$`);

/** The amounts of a grid, as its cells print them, sorted (a multiset). */
const gridAmounts = (grid: TableGrid) =>
  grid.body
    .flatMap((row) => row.cells)
    .filter((c) => c.type === "amount" && c.text !== "")
    .map((c) => c.text)
    .sort();

describe("renderPdf", () => {
  const doc = example();
  const grids = documentGrids(template, doc);
  const titles = partTitles(doc);
  let pdf: Buffer;
  let pages: PageText[];
  let renderMs: number;
  let contents: Map<string, number>;

  beforeAll(async () => {
    const started = performance.now();
    pdf = await renderPdf(doc, template);
    renderMs = performance.now() - started;
    const dir = mkdtempSync(join(tmpdir(), "yusuan-pdf-"));
    writeFileSync(join(dir, "budget.pdf"), pdf);
    mkdirSync("test-artifacts", { recursive: true });
    writeFileSync("test-artifacts/budget.pdf", pdf);
    pages = await readPages(readFileSync(join(dir, "budget.pdf")));
    rmSync(dir, { recursive: true });
    const part1 = contentsEntries(pages, 2, 2).get(squeeze(titles[0] ?? ""));
    contents = contentsEntries(pages, 2, (part1 ?? 3) - 1);
  }, 60_000);

  it("is a PDF of a reasonable number of pages", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(pages.length).toBeLessThanOrEqual(60);
    // Only a gross regression fails here: the machines tests run on are shared, so the < 3 s target is measured apart.
    expect(renderMs).toBeLessThan(20_000);
  });

  it("has the cover with year, title and department, as text", () => {
    const cover = pages[0] as PageText;
    expect(flat(cover)).toContain(squeeze(doc.title));
    expect(flat(cover)).toContain(squeeze(doc.department));
    expect(flat(cover)).toContain(String(doc.year));
  });

  it("extracts Chinese as the characters printed, rare ones included", () => {
    const all = pages.map(flat).join("");
    for (const text of ["琶洲", "数据运菅能力", "政务服务数据管理局", "（"]) expect(all).toContain(text);
    // Kangxi radicals or private-use code points instead of ideographs mean a broken ToUnicode map.
    expect(all).not.toMatch(/[\u2e80-\u2fdf\ue000-\uf8ff\ufffd]/u);
  });

  it("lists every part, Part 3 section and table on the contents page, with the page each starts on", () => {
    const firstBody = Math.min(...contents.values());
    for (const caption of [...titles, ...doc.part3.map((s) => s.title), ...grids.map((g) => g.caption)]) {
      const number = contents.get(squeeze(caption));
      expect(number, caption).toBeDefined();
      const printed = pages.find((p) => p.number >= firstBody && flat(p).includes(squeeze(caption)));
      expect(printed?.number, caption).toBe(number);
    }
  });

  /** The pages a table is printed on: from the page the contents give it to the page before the next table's. */
  const tablePages = (grid: TableGrid) => {
    const starts = grids.map((g) => contents.get(squeeze(g.caption)) ?? 0);
    const i = grids.indexOf(grid);
    return pages.slice((starts[i] ?? 1) - 1, (starts[i + 1] ?? pages.length + 1) - 1);
  };

  it("prints every table's title, department and unit line on its first page, its note after it", () => {
    let notes = 0;
    for (const grid of grids) {
      const [first] = tablePages(grid);
      const text = flat(first as PageText);
      expect(text, grid.id).toContain(squeeze(grid.caption));
      expect(text, grid.id).toContain(squeeze(`部门名称：${grid.department}`));
      expect(text, grid.id).toContain(squeeze(grid.unitLine ?? ""));
      if (grid.note?.trim()) {
        expect(tablePages(grid).map(flat).join(""), grid.id).toContain(squeeze(`注：${grid.note}`));
        notes++;
      }
    }
    expect(notes).toBeGreaterThan(0);
  });

  it("prints every amount of every table on that table's pages, as often as the grid has it", () => {
    const isAmount = amountPattern(doc.decimals);
    let checked = 0;
    for (const grid of grids) {
      const printed = tablePages(grid)
        .flatMap((p) => p.lines.flat())
        // pdfjs joins an amount and the next cell's label into one item when they stand close: split at the space.
        .flatMap((run) => run.split(/\s+/))
        .filter((word) => isAmount.test(word))
        .sort();
      const expected = gridAmounts(grid);
      expect(printed, grid.id).toEqual(expected);
      checked += expected.length;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("prints the merged header and the column numbers of a wide table", () => {
    const t02 = grids.find((g) => g.id === "T02") as TableGrid;
    const page = pages[(contents.get(squeeze(t02.caption)) ?? 0) - 1] as PageText;
    for (const cell of t02.header.flat()) expect(printedWrapped(squeeze(cell.text), page.lines), cell.text).toBe(true);
    const numbers = page.lines.find((line) => line.join(" ") === (t02.columnNumbers ?? []).join(" "));
    expect(numbers).toBeDefined();
  });

  it("sets Parts 1–3 on portrait pages and Part 4 on landscape pages", () => {
    const [part1, part4] = [contents.get(squeeze(titles[0] ?? "")), contents.get(squeeze(titles[3] ?? ""))];
    expect(part1).toBeDefined();
    expect(part4).toBeDefined();
    for (const page of pages) {
      if (page.number >= (part4 ?? 0)) expect(page.width, `page ${page.number}`).toBeGreaterThan(page.height);
      else expect(page.height, `page ${page.number}`).toBeGreaterThan(page.width);
    }
  });

  it("numbers every page but the cover in its footer", () => {
    for (const page of pages.slice(1)) {
      expect(flat(page), `page ${page.number}`).toContain(`第${page.number}页/共${pages.length}页`);
    }
    expect(flat(pages[0] as PageText)).not.toContain("第1页");
  });
});

describe("fitting tables to a landscape page", () => {
  const grids = documentGrids(template, example());

  it("fits every table's columns in the page width, smaller type for the widest", () => {
    for (const grid of grids) {
      const fit = fitTable(grid, 770, 523);
      const total = fit.widths.reduce((a, b) => a + b, 0) + grid.columns.length * 4.5 + 0.5;
      expect(total, grid.id).toBeLessThanOrEqual(770.01);
      expect(fit.widths.every((w) => w > 0)).toBe(true);
    }
    const size = (id: string) => fitTable(grids.find((g) => g.id === id) as TableGrid, 770, 523).fontSize;
    expect(size("T02")).toBeLessThan(size("T03"));
    expect(size("T11")).toBeLessThan(size("T03"));
  });
});

describe("hostile text", () => {
  it("prints markup in a label as the plain text it is", async () => {
    const doc = example();
    const t10 = doc.tables.find((t) => t.id === "T10");
    const project = t10?.rows.find((r) => r.kind === "project");
    if (!t10 || !project) throw new Error("the example has no T10 project");
    project.label = HOSTILE;
    project.cells.label = HOSTILE;
    const keyProject = doc.part3.flatMap((s) => s.projects ?? [])[0];
    if (keyProject) keyProject.name = `${HOSTILE}项目`;
    doc.tables = [t10];
    const pages = await readPages(await renderPdf(doc, template));
    const lines = pages.flatMap((p) => p.lines.flat());
    expect(lines.filter((run) => run.includes(HOSTILE)).length).toBeGreaterThanOrEqual(2);
  });
});

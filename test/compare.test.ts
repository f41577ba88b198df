import { describe, expect, it } from "vitest";
import type { BudgetDocument, Row } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { compareBody, compareFigures, compareTables, percentChange } from "../src/render/html/compare.ts";
import { loadTemplate } from "../src/templates/template.ts";

const SCRIPT = "<script>alert(1)</script>";
const template = loadTemplate("gz-2021-14");

function example(): BudgetDocument {
  const { doc, problems } = openDocument("examples/haizhu-2021");
  expect(problems).toEqual([]);
  return doc;
}

const rowOf = (doc: BudgetDocument, table: string, test: (r: Row) => boolean): Row => {
  const found = doc.tables.find((t) => t.id === table)?.rows.find(test);
  if (!found) throw new Error(`no such row in ${table}`);
  return found;
};

/** Next year's budget of the founding department: more for vehicles and projects, one function item new, one gone. */
function nextYear(): BudgetDocument {
  const doc = structuredClone(example());
  doc.year = 2022;
  for (const kind of ["threePublicTotal", "vehicleTotal", "vehicleOperation"])
    rowOf(doc, "T12", (r) => r.kind === kind).cells.total = 300;
  const total = rowOf(doc, "T03", (r) => r.kind === "total");
  total.cells.total = 597156;
  total.cells.project = 380053;
  const t03 = doc.tables.find((t) => t.id === "T03");
  if (!t03) throw new Error("no T03");
  t03.rows = t03.rows.filter((r) => r.key !== "2100799");
  t03.rows.push({
    key: "2069999",
    kind: "item",
    code: "2069999",
    label: "其他科学技术支出",
    cells: { code: "2069999", name: "其他科学技术支出", total: 5000 },
  });
  return doc;
}

const a = { label: "2021 年", doc: example() };
const b = { label: "2022 年", doc: nextYear() };

describe("percentChange", () => {
  it("is hundredths of a percent of the first figure, rounded half away from zero in integers", () => {
    expect(percentChange(208, 300)).toBe(4423);
    expect(percentChange(300, 208)).toBe(-3067);
    expect(percentChange(20_000, 20_001)).toBe(1);
    expect(percentChange(20_000, 19_999)).toBe(-1);
    expect(percentChange(0, 5)).toBeUndefined();
    // A fen-scaled total times 10⁴ passes 2⁵³; the result is still exact.
    expect(percentChange(900_000_000_000_000, 900_000_000_090_000)).toBe(0);
    expect(percentChange(9_000_000_000_000, 9_000_900_000_000)).toBe(1);
  });
});

describe("compareFigures", () => {
  it("finds no difference between a budget and itself", () => {
    const c = compareFigures(a, { label: "副本", doc: example() }, template);
    expect(c.sameTemplate).toBe(true);
    expect(c.scale).toEqual({ amountUnit: "万元", decimals: 2 });
    expect(c.figures.map((f) => f.id)).toEqual([
      "incomeTotal",
      "expenditureTotal",
      "appropriation",
      "basic",
      "project",
      "threePublicTotal",
      "abroad",
      "vehiclePurchase",
      "vehicleOperation",
      "reception",
      "agencyOperatingCosts",
      "procurementTotal",
    ]);
    expect(c.figures.every((f) => f.difference === 0)).toBe(true);
  });

  it("gives each key figure on both sides with its difference and percentage", () => {
    const figures = new Map(compareFigures(a, b, template).figures.map((f) => [f.id, f]));
    expect(figures.get("incomeTotal")).toMatchObject({ a: 592156, b: 592156, difference: 0, percent: 0 });
    expect(figures.get("appropriation")).toMatchObject({ a: 591103, b: 591103 });
    expect(figures.get("basic")).toMatchObject({ a: 217103, b: 217103, difference: 0 });
    expect(figures.get("project")).toMatchObject({ a: 375053, b: 380053, difference: 5000, percent: 133 });
    expect(figures.get("threePublicTotal")).toMatchObject({ a: 208, b: 300, difference: 92, percent: 4423 });
    // Nothing to grow from: no percentage rather than a division by zero.
    expect(figures.get("reception")).toEqual({ id: "reception", name: "公务接待费", a: 0, b: 0, difference: 0 });
  });

  it("brings amounts in 元 and in 万元 to one unit in integers before subtracting", () => {
    const inYuan = structuredClone(a.doc);
    inYuan.amountUnit = "元";
    for (const table of inYuan.tables)
      for (const row of table.rows)
        for (const [key, cell] of Object.entries(row.cells))
          if (typeof cell === "number") row.cells[key] = cell * 10_000;
    const c = compareFigures(a, { label: "按元", doc: inYuan }, template);
    expect(c.scale).toEqual({ amountUnit: "元", decimals: 2 });
    expect(c.figures.find((f) => f.id === "incomeTotal")).toMatchObject({ a: 5_921_560_000, difference: 0 });
    expect(c.figures.every((f) => f.difference === 0)).toBe(true);
  });
});

describe("compareTables", () => {
  const tables = compareTables(a, b, template);
  const t03 = tables.find((t) => t.id === "T03");

  it("compares every table of the layout by its first amount column", () => {
    expect(tables.map((t) => t.id)).toEqual(template.tables.map((t) => t.id));
    expect(t03).toMatchObject({ column: "total", header: "合计", scale: { amountUnit: "万元", decimals: 2 } });
  });

  it("aligns rows by key and marks the rows one side lacks", () => {
    const rows = new Map(t03?.rows.map((r) => [r.key, r]));
    expect(rows.get("总计")).toMatchObject({ a: 592156, b: 597156, difference: 5000, kind: "total" });
    expect(rows.get("2060101")).toMatchObject({ a: 113074, b: 113074, difference: 0, depth: 3 });
    expect(rows.get("2100799")).toMatchObject({ only: "a", a: 4774, b: undefined });
    expect(rows.get("2100799")?.difference).toBeUndefined();
    expect(rows.get("2069999")).toMatchObject({ only: "b", a: undefined, b: 5000, label: "2069999 其他科学技术支出" });
    expect(t03?.rows.filter((r) => r.only).map((r) => r.key)).toEqual(["2100799", "2069999"]);
  });
});

describe("compareBody", () => {
  const html = compareBody(a, b, template);

  it("prints figures, differences and percentages from the integers", () => {
    const row = /<tr data-figure="threePublicTotal">.*<\/tr>/.exec(html)?.[0];
    expect(row).toBe(
      '<tr data-figure="threePublicTotal"><th scope="row">“三公”经费</th><td class="amount">2.08</td><td class="amount">3.00</td><td class="amount compare-up">+0.92</td><td class="amount compare-up">+44.23%</td></tr>',
    );
    expect(html).toContain('<td class="amount compare-up">+1.33%</td>');
  });

  it("marks a row present on one side only in words", () => {
    expect(html).toMatch(
      /<tr class="compare-only"><th [^>]*data-row="2069999">[^<]*<span class="compare-only-note">仅见于2022 年<\/span>/,
    );
    expect(html).toMatch(/<tr class="compare-only"><th [^>]*data-row="2100799">.*仅见于2021 年/);
  });

  it("captions every table and scopes every header cell", () => {
    const tables = html.match(/<table\b[^>]*>\n<caption>/g) ?? [];
    expect(tables).toHaveLength((html.match(/<table\b/g) ?? []).length);
    expect(tables).toHaveLength(1 + template.tables.length);
    expect(html.match(/<th(?=[\s>])(?![^>]*scope="(?:row|col)")[^>]*>/g)).toBeNull();
  });

  it("escapes a hostile department name and side label", () => {
    const hostile = structuredClone(b.doc);
    hostile.department = SCRIPT;
    const out = compareBody(a, { label: `"><img src=x onerror=alert(1)>`, doc: hostile }, template);
    expect(out).not.toContain("<script");
    expect(out).not.toContain("<img");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("compares only the key figures when the layouts differ, and says so", () => {
    const other = structuredClone(b.doc);
    other.template = "mof-final-9";
    other.tables = [];
    const out = compareBody(a, { label: "决算", doc: other }, template);
    expect(compareTables(a, { label: "决算", doc: other }, template)).toEqual([]);
    expect(out).toContain("两份预算的报表格式不同（广州市部门预算公开模板（14张表）；");
    expect(out).toContain("只比较主要数字");
    expect(out).not.toContain('class="table-section compare-section"');
    expect(out).toContain(
      '<tr data-figure="incomeTotal"><th scope="row">收入总计</th><td class="amount">5,921.56</td><td class="amount">—</td><td></td><td class="amount">—</td></tr>',
    );
  });
});

describe("a compared column whose header names the year", () => {
  it("is headed without a year, since each side has its own", () => {
    const { doc } = openDocument("examples/haizhu-2021");
    const template = loadTemplate(doc.template);
    const tables = compareTables({ label: "2021", doc }, { label: "2022", doc: { ...doc, year: 2022 } }, template);
    for (const table of tables) expect(table.header).not.toContain("{year}");
    expect(tables.find((t) => t.id === "T09")?.header).toBe("预算");
  });
});

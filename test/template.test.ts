import { describe, expect, it } from "vitest";
import { openDocument } from "../src/model/load.ts";
import { headerRows } from "../src/render/grid.ts";
import { parseRelation, parseRelations, RelationError } from "../src/templates/relation.ts";
import { loadTemplate, TemplateError, tableSpec } from "../src/templates/template.ts";

const template = loadTemplate("gz-2021-14");

describe("the gz-2021-14 template", () => {
  it("declares the 14 tables of the founding document in order", () => {
    expect(template.tables.map((t) => t.id)).toEqual(
      Array.from({ length: 14 }, (_, i) => `T${String(i + 1).padStart(2, "0")}`),
    );
    expect(tableSpec(template, "T13").title).toBe("政府采购预算表");
  });

  it("gives every table its printed number of columns", () => {
    const counts = Object.fromEntries(template.tables.map((t) => [t.id, t.columns.length]));
    expect(counts).toMatchObject({
      T02: 19,
      T03: 9,
      T05: 9,
      T06: 7,
      T08: 13,
      T09: 3,
      T10: 15,
      T11: 22,
      T13: 14,
      T14: 13,
    });
  });

  it("computes the merged multi-row header of T02 from its column tree", () => {
    const rows = headerRows(tableSpec(template, "T02").columnTree, 2021);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.find((c) => c.text === "本年收入")).toEqual({
      text: "本年收入",
      colspan: 12,
      rowspan: 1,
      column: 3,
    });
    expect(rows[0]?.find((c) => c.text === "总计")?.rowspan).toBe(3);
    expect(rows[1]?.find((c) => c.text === "财政拨款")?.colspan).toBe(4);
    // Every header row covers all 19 columns once the spans are counted.
    const covered = new Array(3).fill(0);
    rows.forEach((row, r) => {
      for (const cell of row) for (let k = 0; k < cell.rowspan; k++) covered[r + k] += cell.colspan;
    });
    expect(covered).toEqual([19, 19, 19]);
  });

  it("parses every relation and each names existing tables and columns", () => {
    const relations = parseRelations(template);
    expect(relations.length).toBeGreaterThan(60);
    expect(new Set(relations.map((r) => r.id)).size).toBe(relations.length);
    const crossTable = relations.filter((r) => new Set([...r.left, ...r.right].map((t) => t.ref.table)).size > 1);
    expect(crossTable.length).toBeGreaterThan(15);
  });

  it("rejects a relation that names a column the table lacks", () => {
    const bad = parseRelation({ id: "x", each: "T03 rows", assert: "total = basic + projct" });
    expect(() =>
      parseRelations({ ...template, relations: [{ id: "x", each: "T03 rows", assert: bad.source }] }),
    ).toThrow(/T03 has no column projct/);
    expect(() => parseRelation({ id: "y", assert: "total basic" })).toThrow(RelationError);
  });

  it("maps every narrative subject to a parseable cell reference", () => {
    const relation = (id: string, assert: string) => parseRelation({ id, assert: `${assert} = ${assert}` });
    for (const [subject, ref] of Object.entries(template.narrative.subjects)) {
      expect(() => relation(subject, ref)).not.toThrow();
    }
  });

  it("refuses unknown and malformed template ids", () => {
    expect(() => loadTemplate("nope-2000")).toThrow(TemplateError);
    expect(() => loadTemplate("../etc/passwd")).toThrow(/not a template id/);
  });
});

describe("row kinds inferred by the template on the founding document", () => {
  const { doc } = openDocument("examples/haizhu-2021");
  const kinds = (id: string) =>
    Object.fromEntries(doc.tables.find((t) => t.id === id)?.rows.map((r) => [r.key, r.kind]) ?? []);

  it("reads function codes as class, section and item", () => {
    expect(kinds("T03")).toMatchObject({ 总计: "total", "206": "class", "20601": "section", "2060101": "item" });
  });

  it("reads units, categories and projects in T10", () => {
    expect(kinds("T10")).toMatchObject({
      "550004": "unit",
      "550004/经济和社会发展类": "category",
      "550004/经济和社会发展类/令行禁止有呼必应综合指挥调度平台建设": "project",
      "其中:部门项目支出": "memo",
    });
  });

  it("reads the economic table's paired codes", () => {
    const t09 = doc.tables.find((t) => t.id === "T09");
    const row = t09?.rows.find((r) => r.key === "50208/30231");
    expect(row).toMatchObject({ kind: "econSection", code: "30231", label: "公务用车运行维护费" });
  });

  it("resolves balance-table expenditure lines to function classes by name", () => {
    const t01 = doc.tables.find((t) => t.id === "T01");
    expect(t01?.rows.find((r) => r.label === "六、科学技术支出")?.code).toBe("206");
    expect(t01?.rows.find((r) => r.label === "十四、资源勘探信息等支出")?.code).toBeUndefined();
  });
});

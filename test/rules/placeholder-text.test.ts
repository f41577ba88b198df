import { describe, expect, it } from "vitest";
import type { BudgetDocument, Row, Section, Table } from "../../src/model/document.ts";
import { narrativeTexts } from "../../src/model/texts.ts";
import { placeholderText as rule } from "../../src/rules/placeholder-text.ts";
import { founding, run } from "./fixture.ts";

const check = (doc: BudgetDocument) => run(rule, doc);

function find<T>(items: T[], test: (item: T) => boolean): T {
  const found = items.find(test);
  if (!found) throw new Error("not in the founding document");
  return found;
}

const section = (doc: BudgetDocument, id: string): Section => find(doc.part3, (s) => s.id === id);
const table = (doc: BudgetDocument, id: string): Table => find(doc.tables, (t) => t.id === id);
const project = (doc: BudgetDocument, label: string): Row => find(table(doc, "T10").rows, (r) => r.label === label);

describe("placeholder-text", () => {
  it("finds no placeholder in the founding document, whose codes and × signs are not placeholders", () => {
    expect(check(founding)).toEqual([]);
    expect(check(structuredClone(founding))).toEqual([]);
  });

  it("finds placeholders in narrative texts, by section and phrase, each once", () => {
    const doc = structuredClone(founding);
    doc.part1.structure = "本部门预算包括:XX局本级预算。";
    doc.part2.policies.push("18、依据【文件名称】(〔2020〕XX号)");
    const overview = section(doc, "overview");
    overview.text = overview.text.replace("广州市海珠区政务服务数据管理所", "{单位}");
    const fact = section(doc, "threePublic").facts[0];
    if (fact) fact.reason = "……";
    section(doc, "assets").text += "\n待补充\n";
    doc.contents.push("十五、ＸＸ情况");
    const found = check(doc);
    expect(found.map((d) => d.location)).toEqual([
      { section: "contents", text: "ＸＸ" },
      { section: "part1", text: "XX" },
      { section: "part2", text: "XX" },
      { section: "part2", text: "【文件名称】" },
      { section: "overview", text: "{单位}" },
      { section: "threePublic", text: "……" },
      { section: "assets", text: "待补充" },
    ]);
    expect(new Set(found.map((d) => [d.severity, d.kind].join()))).toEqual(new Set(["error,wording"]));
    expect(found[1]?.message).toBe("残留模板占位符“XX”，应填写实际内容");
  });

  it("finds placeholders in table titles, notes and text cells by table, row and column", () => {
    const doc = structuredClone(founding);
    table(doc, "T05").note = "此处填写说明";
    const row = project(doc, "政务中心运营经费");
    row.cells.goal = "保障××中心正常运作";
    row.label = "xx经费";
    row.cells.label = "xx经费";
    const found = check(doc);
    expect(found.map((d) => [d.location, d.actual])).toEqual([
      [{ table: "T05" }, "此处填写"],
      [{ table: "T10", row: row.key, column: "label" }, "xx"],
      [{ table: "T10", row: row.key, column: "goal" }, "××"],
    ]);
  });

  it("leaves an ellipsis that ends a list, bracketed headings and words containing x alone", () => {
    const doc = structuredClone(founding);
    doc.part1.structure = "下属单位包括:甲中心、乙中心……【政策依据】box maxx A090101";
    expect(check(doc)).toEqual([]);
  });

  it("gives a Part 3 fact only when the section's text does not already contain it", () => {
    const texts = narrativeTexts(founding).filter((t) => t.section === "threePublic");
    expect(texts.map((t) => t.text)).toEqual([
      section(founding, "threePublic").title,
      section(founding, "threePublic").text,
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { BudgetDocument } from "../../src/model/document.ts";
import { contentsTitle, contentsMatch as rule } from "../../src/rules/contents-match.ts";
import { founding, run } from "./fixture.ts";

const check = (doc: BudgetDocument) => run(rule, doc);

describe("contents-match", () => {
  it("compares titles without ordinal, spaces, quotes or full-width forms", () => {
    expect(contentsTitle("十三、政府采购预算表")).toBe("政府采购预算表");
    expect(contentsTitle("六、机关运行经费 （行政经费）安排情况")).toBe("机关运行经费(行政经费)安排情况");
    expect(contentsTitle("五、“三公”经费预算情况")).toBe(contentsTitle('五、"三公"经费预算情况'));
  });

  it("finds the founding document's contents complete and exact", () => {
    expect(check(founding)).toEqual([]);
  });

  it("reports a table and a section the contents does not list", () => {
    const doc = structuredClone(founding);
    doc.contents = doc.contents.filter((e) => !/十三、政府采购预算表|七、政府采购情况/.test(e));
    const found = check(doc);
    expect(found.map((d) => [d.location, d.severity, d.kind])).toEqual([
      [{ table: "T13" }, "warning", "compliance"],
      [{ section: "procurement" }, "warning", "compliance"],
    ]);
    expect(found[0]?.message).toBe("目录未列出表13《政府采购预算表》");
  });

  it("reports contents entries for a table or a section the document lacks", () => {
    const doc = structuredClone(founding);
    doc.tables = doc.tables.filter((t) => t.id !== "T14");
    doc.part3 = doc.part3.filter((s) => s.id !== "glossary");
    doc.contents.push("十五、国有资本经营预算支出表");
    const found = check(doc);
    expect(found.map((d) => d.location)).toEqual([
      { section: "contents", text: "十、专业名词解释" },
      { section: "contents", text: "十四、政府购买服务预算表" },
      { section: "contents", text: "十五、国有资本经营预算支出表" },
    ]);
    expect(found.map((d) => d.messageEn)).toEqual([
      'The table of contents lists "十、专业名词解释", a section Part 3 does not contain',
      'The table of contents lists "十四、政府购买服务预算表", a table the document does not contain',
      'The table of contents lists "十五、国有资本经营预算支出表", a table the document does not contain',
    ]);
  });

  it("does not take the entries of Parts 1 and 2 for tables or sections", () => {
    const doc = structuredClone(founding);
    doc.contents.splice(2, 0, "三、部门人员情况");
    expect(check(doc)).toEqual([]);
  });
});

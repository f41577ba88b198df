import { describe, expect, it } from "vitest";
import type { BudgetDocument } from "../../src/model/document.ts";
import { sectionsPresent as rule } from "../../src/rules/sections-present.ts";
import { founding, run } from "./fixture.ts";

const check = (doc: BudgetDocument) => run(rule, doc);

describe("sections-present", () => {
  it("finds every part and section in the founding document", () => {
    expect(check(founding)).toEqual([]);
  });

  it("reports a missing Part 3 section and one without text, by section id", () => {
    const doc = structuredClone(founding);
    doc.part3 = doc.part3.filter((s) => s.id !== "assets");
    const glossary = doc.part3.find((s) => s.id === "glossary");
    if (glossary) glossary.text = " \n";
    const found = check(doc);
    expect(found.map((d) => [d.location, d.severity, d.kind])).toEqual([
      [{ section: "assets" }, "error", "compliance"],
      [{ section: "glossary" }, "error", "compliance"],
    ]);
    expect(found[0]?.message).toBe("第三部分缺少模板规定的说明“国有资产占有使用情况”");
    expect(found[1]?.messageEn).toBe('Part 3 section "专业名词解释" (glossary) has no text');
  });

  it("reports Part 1 without duties or structure and Part 2 without policies or goals", () => {
    const doc = structuredClone(founding);
    doc.part1 = { duties: [""], structure: "" };
    doc.part2 = { policies: [], departmentGoal: { indicators: [] }, tasks: [] };
    const found = check(doc);
    expect(found.map((d) => d.location)).toEqual([
      { section: "part1" },
      { section: "part1" },
      { section: "part2" },
      { section: "part2" },
    ]);
    expect(found.map((d) => d.message)).toEqual([
      "第一部分缺少“主要职责”",
      "第一部分缺少“机构设置”",
      "第二部分缺少“确定工作目标所依据的政策”",
      "第二部分缺少“部门整体及主要工作任务绩效目标”",
    ]);
  });

  it("takes a Part 2 with tasks but no department-wide goal as having its goals", () => {
    const doc = structuredClone(founding);
    doc.part2.departmentGoal = { indicators: [] };
    expect(check(doc)).toEqual([]);
  });
});

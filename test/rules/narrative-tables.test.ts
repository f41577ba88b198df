import { describe, expect, it } from "vitest";
import { narrativeTables as rule } from "../../src/rules/narrative-tables.ts";
import { brief, copy, fact, mendedFigures, run } from "./fixture.ts";

describe("narrative-tables", () => {
  it("finds the founding document's two statements that contradict the tables", () => {
    expect(run(rule).map(brief)).toEqual([
      expect.objectContaining({ severity: "error", section: "expenditure", expected: "5921.56", actual: "5911.03" }),
      expect.objectContaining({ severity: "error", section: "threePublic", expected: "2.08", actual: "0.00" }),
    ]);
  });

  it("passes when the text quotes the tables", () => {
    expect(run(rule, mendedFigures())).toEqual([]);
  });

  it("calls a difference of one cent that rounding explains a warning, and a larger one an error", () => {
    const doc = copy(mendedFigures());
    fact(doc, "incomeCarryover").amount = 10_52;
    fact(doc, "agencyOperatingCosts").amount = 64_55;
    const found = run(rule, doc).map(brief);
    expect(found).toContainEqual(expect.objectContaining({ severity: "warning", kind: "rounding", actual: "10.52" }));
    expect(found).toContainEqual(
      expect.objectContaining({ severity: "error", kind: "narrative", actual: "64.55", expected: "64.65" }),
    );
  });

  it("checks each key project against its line in the project table", () => {
    const doc = copy(mendedFigures());
    const keyProjects = doc.part3.find((s) => s.id === "keyProjects")?.projects ?? [];
    const [first, second] = keyProjects;
    if (!first || !second) throw new Error("the founding document lists key projects");
    first.amount = 500_00;
    second.name = "不存在的项目";
    const found = run(rule, doc);
    expect(found.map((d) => d.message)).toEqual([
      expect.stringContaining("琶洲政务分中心运营经费”预算为 500.00 万元"),
      "重点项目“不存在的项目”不在项目支出预算表中",
    ]);
  });

  it("finds a key project named with its unit in brackets under that unit, and only there", () => {
    const doc = copy(mendedFigures());
    const first = doc.part3.find((s) => s.id === "keyProjects")?.projects?.[0];
    const rows = doc.tables.find((t) => t.id === "T10")?.rows ?? [];
    const at = rows.findIndex((r) => r.kind === "project" && r.label === first?.name);
    const unit = rows.slice(0, at).findLast((r) => r.kind === "unit");
    if (!first || !unit) throw new Error("the founding document lists key projects under units");
    const name = first.name;
    first.name = `${name}（${unit.label}）`;
    expect(run(rule, doc)).toEqual([]);
    first.name = `${name}（另一个单位）`;
    expect(run(rule, doc).map((d) => d.message)).toEqual([`重点项目“${name}（另一个单位）”不在项目支出预算表中`]);
  });
});

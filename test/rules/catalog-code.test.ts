import { describe, expect, it } from "vitest";
import { catalogCode as rule } from "../../src/rules/catalog-code.ts";
import { brief, copy, mended, row, run, setCell } from "./fixture.ts";

describe("catalog-code", () => {
  it("finds the founding document's misprinted and outdated names as warnings", () => {
    const found = run(rule).map(brief);
    expect(found).toHaveLength(7);
    expect(found.every((d) => d.severity === "warning")).toBe(true);
    expect(found.filter((d) => d.row === "208").map((d) => d.table)).toEqual(["T02", "T03", "T06"]);
  });

  it("passes names as the catalog prints them", () => {
    expect(run(rule, mended())).toEqual([]);
  });

  it("reports a code the year's catalog lacks as an error", () => {
    const doc = copy(mended());
    setCell(doc, "T03", "2060103", "code", "2060188");
    setCell(doc, "T13", "550001/基本支出/公用经费/复印纸", "categoryCode", "A999999");
    const found = run(rule, doc).map(brief);
    expect(found).toEqual([
      expect.objectContaining({ severity: "error", table: "T03", row: "2060103", column: "code" }),
      expect.objectContaining({ severity: "error", table: "T13", column: "categoryCode" }),
    ]);
  });

  it("checks unit codes against the department's units", () => {
    const doc = copy(mended());
    setCell(doc, "T08", "550003", "unitCode", "550009");
    row(doc, "T08", "550004").label = "某某中心";
    const found = run(rule, doc).map(brief);
    expect(found).toEqual([
      expect.objectContaining({ severity: "error", table: "T08", row: "550003" }),
      expect.objectContaining({ severity: "warning", table: "T08", row: "550004", actual: "某某中心" }),
    ]);
  });

  it("says so, instead of failing, when the year is older than every catalog", () => {
    const doc = copy();
    doc.year = 2015;
    expect(run(rule, doc).map((d) => [d.severity, d.message])).toEqual([
      ["info", "没有2015年或更早的分类目录，未核对编码与名称"],
    ]);
  });

  it("checks both codes of an economic-classification row", () => {
    const doc = copy(mended());
    setCell(doc, "T09", "50208/30231", "governmentEconomic", "[50208]公务用车运行费");
    expect(run(rule, doc).map(brief)).toEqual([
      expect.objectContaining({ severity: "warning", table: "T09", actual: "公务用车运行费" }),
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { relations as rule } from "../../src/rules/relations.ts";
import { brief, copy, founding, mendedFigures, row, run, setCell } from "./fixture.ts";

describe("relations", () => {
  it("reports the founding document's broken relations: 13 errors and 18 rounding warnings", () => {
    const found = run(rule);
    expect(found.filter((d) => d.severity === "error")).toHaveLength(13);
    expect(found.filter((d) => d.kind === "rounding")).toHaveLength(18);
    const procurement = found.find((d) => d.location.table === "T13" && d.location.row === "合计");
    expect(procurement && brief(procurement)).toEqual({
      severity: "error",
      kind: "cross-table",
      table: "T13",
      row: "合计",
      column: "total",
      section: undefined,
      expected: "5921.56",
      actual: "10362.15",
    });
  });

  it("passes a document whose figures agree, leaving only rounding", () => {
    expect(run(rule, mendedFigures()).filter((d) => d.kind !== "rounding")).toEqual([]);
  });

  it("calls a 0.01 difference in a sum rounding, with both intervals", () => {
    const doc = copy();
    setCell(doc, "T03", "2060101", "total", 1130_75);
    const found = run(rule, doc).filter((d) => d.location.table === "T03" && d.location.row === "2060101");
    expect(found.map(brief)).toContainEqual(
      expect.objectContaining({ severity: "warning", kind: "rounding", column: "total" }),
    );
    // total = basic + project (+ four columns of 0.00, exactly nothing): two parts of ±0.005 each.
    expect(found.map((x) => x.intervals)).toContainEqual({
      expected: ["1130.730", "1130.750"],
      actual: ["1130.745", "1130.755"],
    });
  });

  it("calls a 0.10 difference an error, not rounding", () => {
    const doc = copy();
    setCell(doc, "T03", "2060101", "total", 1130_84);
    const found = run(rule, doc).filter((d) => d.location.row === "2060101" && d.location.table === "T03");
    expect(found.map(brief)).toContainEqual(
      expect.objectContaining({
        severity: "error",
        kind: "arithmetic",
        column: "total",
        expected: "1130.74",
        actual: "1130.84",
      }),
    );
  });

  it("checks a 类 against its 款 and the 款 against its 项", () => {
    const doc = copy();
    setCell(doc, "T03", "20601", "basic", 1600_00);
    const found = run(rule, doc).filter((d) => d.location.table === "T03" && d.location.column === "basic");
    expect(found.map((d) => d.location.row)).toEqual(expect.arrayContaining(["206", "20601"]));
  });

  it("checks a figure across tables", () => {
    const doc = copy();
    setCell(doc, "T12", "2.公务用车运行维护费", "total", 1_00);
    const found = run(rule, doc).map(brief);
    expect(found).toContainEqual(expect.objectContaining({ severity: "error", kind: "cross-table", table: "T09" }));
  });

  it("names a tenfold difference as a likely unit slip", () => {
    const d = run(rule).find((x) => x.actual === "8000.00");
    expect(d?.message).toContain("疑似单位或小数点错位");
    expect(d?.messageEn).toContain("unit or decimal-point slip");
  });

  it("does not apply a relation whose rows are absent", () => {
    const doc = copy(founding);
    doc.tables = doc.tables.filter((t) => t.id !== "T13");
    expect(run(rule, doc).some((d) => d.location.table === "T13")).toBe(false);
    expect(row(founding, "T13", "合计")).toBeDefined();
  });
});

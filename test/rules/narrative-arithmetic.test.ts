import { describe, expect, it } from "vitest";
import { percentConsistent, narrativeArithmetic as rule } from "../../src/rules/narrative-arithmetic.ts";
import { brief, copy, fact, mendedFigures, run } from "./fixture.ts";

describe("narrative-arithmetic", () => {
  it("finds that the founding document's 公务用车 figures contradict each other", () => {
    const found = run(rule).map(brief);
    expect(found).toEqual([
      expect.objectContaining({ severity: "error", section: "threePublic", expected: "0.00", actual: "2.08" }),
      expect.objectContaining({ severity: "error", section: "threePublic", expected: "2.08", actual: "0.00" }),
      expect.objectContaining({ severity: "error", section: "threePublic", expected: "100.00", actual: "42.86" }),
    ]);
  });

  it("passes the mended document, whose every stated change is consistent", () => {
    expect(run(rule, mendedFigures())).toEqual([]);
  });

  it("decides percentages with the rounding of both figures", () => {
    // 5,921.56 up 1,544.74 from 4,376.82 is 35.2937…%: 35.29 holds, 35.30 does not.
    expect(percentConsistent(5921_56, 1544_74, 35_29)).toBe(true);
    expect(percentConsistent(5921_56, 1544_74, 35_30)).toBe(false);
    expect(percentConsistent(2_08, -1_56, 42_86)).toBe(true);
    expect(percentConsistent(0, -1_56, 42_86)).toBe(false);
    // 3,944.08 up 286.07 from 3,658.01 is 7.82%: printed 7.8% (one decimal) holds, 7.7% does not.
    expect(percentConsistent(3944_08, 286_07, 7_80, 1)).toBe(true);
    expect(percentConsistent(3944_08, 286_07, 7_80)).toBe(false);
    expect(percentConsistent(3944_08, 286_07, 7_70, 1)).toBe(false);
  });

  it("reports a misstated percentage and a total its parts do not make", () => {
    const doc = copy(mendedFigures());
    fact(doc, "totalBudget").changePercent = 35_30;
    fact(doc, "procurementGoods").amount = 40_00;
    const found = run(rule, doc).map(brief);
    expect(found).toContainEqual(expect.objectContaining({ section: "overview", expected: "35.29", actual: "35.30" }));
    expect(found).toContainEqual(expect.objectContaining({ section: "procurement", severity: "error" }));
  });

  it("adds the parts' changes: a total that fell while its parts did not", () => {
    const doc = copy(mendedFigures());
    fact(doc, "vehicleTotal").changeDirection = "增加";
    expect(run(rule, doc).map((d) => d.message)).toContainEqual(expect.stringContaining("组成部分的变动合计"));
  });
});

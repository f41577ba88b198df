import { describe, expect, it } from "vitest";
import { projectIndicators } from "../../src/model/indicators.ts";
import { indicatorConsistency as rule, similarity } from "../../src/rules/indicator-consistency.ts";
import { brief, copy, mended, run } from "./fixture.ts";

describe("indicator-consistency", () => {
  it("finds the founding document's indicators with two different targets", () => {
    const found = run(rule).map(brief);
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: "error",
          table: "T10",
          row: "550001/经济和社会发展类/政务公开经费",
          actual: "则诉率不超过30%",
        }),
        expect.objectContaining({
          severity: "error",
          table: "T10",
          row: "550002/经济和社会发展类/政务服务平台及数字政府建设经费",
        }),
        expect.objectContaining({ severity: "warning", section: "part2", actual: "不低于 90%" }),
      ]),
    );
  });

  it("passes when each indicator has one target", () => {
    expect(run(rule, mended())).toEqual([]);
  });

  it("reads the numbered indicator lines of a project", () => {
    expect(
      projectIndicators(
        "1.产出数量:(琶洲分中心年度服务人次)20000\n2.服务对象满意度:(区审批系统故障响应率(%))不低于95%",
      ),
    ).toEqual([
      { name: "琶洲分中心年度服务人次", target: "20000" },
      { name: "区审批系统故障响应率(%)", target: "不低于95%" },
    ]);
  });

  it("matches names by similarity, not equality", () => {
    expect(
      similarity("区府名义进行的政务公开类行政诉讼败诉率", "区府办名义进行的政务公开类行政诉讼败诉率"),
    ).toBeGreaterThan(0.9);
    expect(similarity("年度服务人数", "区级单位联网率")).toBeLessThan(0.3);
  });

  it("reports a changed target, where it is stated in the project table", () => {
    const doc = copy(mended());
    const task = doc.part2.tasks.flatMap((t) => t.indicators).find((i) => i.name === "琶洲分中心年度服务人次");
    if (task) task.target = "30000 人以上";
    expect(run(rule, doc).map(brief)).toEqual([
      expect.objectContaining({ table: "T10", expected: "30000 人以上", actual: "20000" }),
    ]);
  });
});

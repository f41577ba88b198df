import { describe, expect, it } from "vitest";
import type { BudgetDocument } from "../../src/model/document.ts";
import { projectIndicators as parseIndicatorLines } from "../../src/model/indicators.ts";
import { barePercents, percentSign as rule } from "../../src/rules/percent-sign.ts";
import { founding, row, run } from "./fixture.ts";

const KEY = "550001/经济和社会发展类/政务中心运营经费";

const check = (doc: BudgetDocument) => run(rule, doc);

function corrected(): BudgetDocument {
  const doc = structuredClone(founding);
  const project = row(doc, "T10", KEY);
  project.cells.indicators = String(project.cells.indicators).replace("98以上", "98%以上");
  return doc;
}

describe("percent-sign", () => {
  it("parses numbered indicator lines into name and target, several to a line, bracketed names whole", () => {
    expect(
      parseIndicatorLines(
        "3.产出数量:(区政务服务中心窗口制服覆盖率)(除新进人员)98以上\n" +
          "1.产出数量:(报告)1份2.服务对象满意度:(满意度)不低于95%。\n" +
          "5、服务对象满意度:(故障响应率(%))不低于95%\n" +
          "4.产出数量:(通勤率100%",
      ),
    ).toEqual([
      { name: "区政务服务中心窗口制服覆盖率", target: "(除新进人员)98以上" },
      { name: "报告", target: "1份" },
      { name: "满意度", target: "不低于95%" },
      { name: "故障响应率(%)", target: "不低于95%" },
    ]);
  });

  it("takes counts, units, ranges and non-rates for what they are", () => {
    expect(barePercents("覆盖率", "98以上")).toEqual(["98"]);
    expect(barePercents("覆盖率", "90-95%")).toEqual([]);
    expect(barePercents("开设综合服务窗口数量", "11")).toEqual([]);
    expect(barePercents("办件完成率", "3万以上")).toEqual([]);
    expect(barePercents("审批辅导开展率", "每年10次")).toEqual([]);
    expect(barePercents("工作效率", "提升20")).toEqual([]);
  });

  it("finds the one rate of the founding document stated without its %", () => {
    const found = check(founding);
    expect(found.map((d) => [d.location, d.severity, d.kind, d.expected, d.actual])).toEqual([
      [
        { table: "T10", row: KEY, column: "indicators" },
        "warning",
        "wording",
        "(除新进人员、孕妇等特殊情况)98%以上",
        "(除新进人员、孕妇等特殊情况)98以上",
      ],
    ]);
    expect(found[0]?.message).toBe(
      "比率指标“区政务服务中心窗口制服覆盖率”的目标值“(除新进人员、孕妇等特殊情况)98以上”中的 98 缺少百分号“%”",
    );
  });

  it("accepts the founding document with the % restored", () => {
    expect(check(corrected())).toEqual([]);
  });

  it("finds a rate without its % in Part 2", () => {
    const doc = corrected();
    const indicator = doc.part2.tasks[0]?.indicators[1];
    if (indicator) indicator.target = "败诉率不高于 20";
    const found = check(doc);
    expect(found.map((d) => [d.location, d.expected])).toEqual([
      [{ section: "part2", text: "败诉率不高于 20" }, "败诉率不高于 20%"],
    ]);
  });
});

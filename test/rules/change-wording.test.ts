import { describe, expect, it } from "vitest";
import type { BudgetDocument } from "../../src/model/document.ts";
import { changeWording as rule } from "../../src/rules/change-wording.ts";
import { fact, founding, run } from "./fixture.ts";

const check = (doc: BudgetDocument) => run(rule, doc);

/** The founding document with its zero changes of 出国 and 接待 worded 持平. */
function corrected(): BudgetDocument {
  const doc = structuredClone(founding);
  fact(doc, "abroad").changeDirection = "持平";
  fact(doc, "reception").changeDirection = "持平";
  return doc;
}

describe("change-wording", () => {
  it("finds the founding document's zero changes worded 增加", () => {
    const found = check(founding);
    expect(found.map((d) => [d.location, d.severity, d.kind, d.expected, d.actual])).toEqual([
      [
        { section: "threePublic", text: "因公出国(境)经费预算0万元,较上年增加0万元" },
        "warning",
        "wording",
        "持平",
        "增加",
      ],
      [{ section: "threePublic", text: "公务接待费预算0万元,较上年增加0万元" }, "warning", "wording", "持平", "增加"],
    ]);
    expect(found[0]?.message).toBe(
      "“因公出国(境)经费预算0万元,较上年增加0万元”：较上年变动为零，应表述为“持平”，而不是“增加”",
    );
  });

  it("accepts the corrected document", () => {
    expect(check(corrected())).toEqual([]);
  });

  it("finds directions that contradict each other or the figures", () => {
    const doc = corrected();
    fact(doc, "totalBudget").percentDirection = "下降";
    fact(doc, "agencyOperatingCosts").percentDirection = "增长";
    fact(doc, "incomeTotal").changeDirection = "持平";
    expect(check(doc).map((d) => [d.location.section, d.message])).toEqual([
      [
        "overview",
        "“2021 年收支总预算 5,921.56 万元,较上年增加 1544.74 万元,增长 35.29%”：增减额表述为“增加”，增减率却表述为“下降”，方向矛盾",
      ],
      ["income", "“2021年收入预算 5,921.56 万元,较上年增加 1544.74 万元,增长 35.29%”：表述为“持平”，但较上年有增减"],
      [
        "agencyOperating",
        "“本部门机关运行经费(行政经费)预算安排 64.65 万元,较上年减少 9.44 万元,下降 12.74%”：增减额表述为“减少”，增减率却表述为“增长”，方向矛盾",
      ],
    ]);
  });

  it("requires the reason of any change of the 三公 expenses", () => {
    const doc = corrected();
    fact(doc, "vehicleTotal").reason = undefined;
    const reception = fact(doc, "reception");
    Object.assign(reception, { changeDirection: "增加", changeAmount: 5, reason: "" });
    const found = check(doc);
    expect(found.map((d) => [d.location.text, d.kind, d.severity])).toEqual([
      [fact(doc, "vehicleTotal").text, "compliance", "warning"],
      [reception.text, "compliance", "warning"],
    ]);
  });

  it("requires the reason of a change beyond 10%, stated or computed, and not of a smaller one", () => {
    const doc = corrected();
    const operating = fact(doc, "agencyOperatingCosts");
    operating.reason = undefined; // 下降 12.74%
    const total = fact(doc, "totalBudget"); // 1,000.00 of last year's 4,921.56 万元: 20.3%
    Object.assign(total, { changeAmount: 100000, changePercent: undefined, percentDirection: undefined, reason: "" });
    const income = fact(doc, "incomeTotal"); // 1.00 万元: 0.02%
    Object.assign(income, { changeAmount: 100, changePercent: undefined, percentDirection: undefined, reason: "" });
    expect(check(doc).map((d) => [d.location.section, d.kind])).toEqual([
      ["overview", "compliance"],
      ["agencyOperating", "compliance"],
    ]);
  });
});

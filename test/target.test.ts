import { describe, expect, it } from "vitest";
import { parseTarget } from "../src/model/target.ts";

describe("parseTarget", () => {
  it.each([
    ["98%以上", ">=", "98", "%"],
    ["不低于 95%", ">=", "95", "%"],
    [">=10", ">=", "10", ""],
    [">98%", ">", "98", "%"],
    ["3万以上", ">=", "3", "万"],
    ["不多于 200 条", "<=", "200", "条"],
    ["区政府政务公开工作投诉率低于 5%", "<", "5", "%"],
    ["败诉率不超过30%", "<=", "30", "%"],
    ["100%", "=", "100", "%"],
    ["11", "=", "11", ""],
    ["监测发现错误3天内完成修改", "=", "3", "天"],
    ["(区级联网单位/区级全部单位)*100%达到90%以上", ">=", "90", "%"],
  ])("reads %s as %s %s %s", (text, op, value, unit) => {
    expect(parseTarget(text)).toEqual({ op, value, unit, text });
  });

  it("gives nothing for a target without a figure", () => {
    expect(parseTarget("实现市区联动")).toBeUndefined();
  });
});

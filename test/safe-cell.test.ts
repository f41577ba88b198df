import { describe, expect, it } from "vitest";
import { neutraliseFormula, safeFileName } from "../src/render/safe-cell.ts";

describe("neutraliseFormula", () => {
  it.each(["=SUM(A1)", "+1", "-1+2", "@cmd", "\t=1"])("defuses %s", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it("leaves ordinary text alone", () => {
    expect(neutraliseFormula("政务中心运营经费")).toBe("政务中心运营经费");
  });
});

describe("safeFileName", () => {
  it("keeps Chinese and drops separators and control characters", () => {
    expect(safeFileName('T02 收入/总体:情况"表')).toBe("T02_收入_总体_情况_表");
    expect(safeFileName("../../etc/passwd")).toBe(".._.._etc_passwd");
  });
});

/**
 * The acceptance test of the validator: on the founding document it reports every real mistake an auditor finds,
 * with the right severity, and nothing else — mending exactly those mistakes leaves only rounding warnings.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic, Location } from "../src/rules/diagnostic.ts";
import { validate } from "../src/rules/index.ts";
import { founding, mended, mendedFigures } from "./rules/fixture.ts";

type Expected = { rule: string; severity: string; at: Partial<Location>; count?: number };

/** The mistakes of the 2021 海珠区政务服务数据管理局 budget, as an auditor lists them. */
const MISTAKES: [string, Expected[]][] = [
  [
    "T06 counts the carried-over 10.53 as general budget (5,921.56 against 5,911.03 in T02 and T04)",
    [
      { rule: "relations", severity: "error", at: { table: "T06", row: "合计", column: "total" } },
      { rule: "relations", severity: "error", at: { table: "T06", row: "201" } },
      { rule: "relations", severity: "error", at: { table: "T04", row: "income/一、一般公共预算" } },
      { rule: "narrative-tables", severity: "error", at: { section: "expenditure" } },
    ],
  ],
  [
    "T10 funds the 10.53 project from the general budget, though T01 and T02 say it is carried over",
    [
      { rule: "relations", severity: "error", at: { table: "T10", row: "合计", column: "carryover" } },
      { rule: "relations", severity: "error", at: { table: "T02", row: "总计", column: "generalBudget" } },
    ],
  ],
  [
    "procurement (10,362.15) exceeds the whole budget (5,921.56)",
    [{ rule: "relations", severity: "error", at: { table: "T13", row: "合计", column: "total" } }],
  ],
  [
    "procurement for 令行禁止… is 8,000.00 against a project of 800.00: a tenfold slip",
    [
      {
        rule: "relations",
        severity: "error",
        at: {
          table: "T13",
          row: "550004/项目支出/经济和社会发展类/令行禁止有呼必应综合指挥调度平台建设/令行禁止有呼必应综合指挥调度平台建设",
        },
      },
    ],
  ],
  [
    "procurement for 琶洲政务分中心运营经费 (536.75) exceeds its project (493.05)",
    [
      {
        rule: "relations",
        severity: "error",
        at: { table: "T13", row: "550001/项目支出/经济和社会发展类/琶洲政务分中心运营经费/印刷费" },
      },
    ],
  ],
  [
    "T14 puts 1.00 of 政府性基金 on a line whose appropriation is 1.00 in all, in a department without fund budget",
    [
      { rule: "relations", severity: "error", at: { table: "T14", column: "appropriationTotal" } },
      { rule: "relations", severity: "error", at: { table: "T14", column: "governmentFund" }, count: 2 },
    ],
  ],
  [
    "the text says 公务用车购置及运行费 0 万元, though its parts are 0 + 2.08 and its fall of 1.56 is called 42.86%",
    [
      { rule: "narrative-tables", severity: "error", at: { section: "threePublic" } },
      { rule: "narrative-arithmetic", severity: "error", at: { section: "threePublic" }, count: 3 },
    ],
  ],
  [
    "出国 and 接待 are said to 增加 0 万元, where the reason says they are 持平",
    [{ rule: "change-wording", severity: "warning", at: { section: "threePublic" }, count: 2 }],
  ],
  [
    "T05, T07 and T11 are empty without a statement of why",
    [
      { rule: "empty-table-statement", severity: "error", at: { table: "T05" } },
      { rule: "empty-table-statement", severity: "error", at: { table: "T07" } },
      { rule: "empty-table-statement", severity: "error", at: { table: "T11" } },
    ],
  ],
  [
    "208 is printed 社会保障和就业出 in T02, T03 and T06",
    [{ rule: "catalog-code", severity: "warning", at: { row: "208" }, count: 3 }],
  ],
  [
    "215 is printed with its pre-2020 name 资源勘探信息等支出 in T01 and T04",
    [{ rule: "catalog-code", severity: "warning", at: { row: "expenditure/十四、资源勘探信息等支出" }, count: 2 }],
  ],
  [
    "C081401 is printed 印刷服 (truncated) twice",
    [{ rule: "catalog-code", severity: "warning", at: { table: "T13", column: "categoryCode" }, count: 2 }],
  ],
  [
    "the text misnames the department (…数据管理所有收入) and the unit list stops at …服务管理中",
    [{ rule: "department-name", severity: "warning", at: {}, count: 2 }],
  ],
  ["a rate target of 98 without its % sign", [{ rule: "percent-sign", severity: "warning", at: { table: "T10" } }]],
  [
    "Part 2 and the project table set different targets for the same indicators",
    [
      {
        rule: "indicator-consistency",
        severity: "error",
        at: { table: "T10", row: "550001/经济和社会发展类/政务公开经费" },
      },
      {
        rule: "indicator-consistency",
        severity: "error",
        at: { table: "T10", row: "550002/经济和社会发展类/政务服务平台及数字政府建设经费" },
      },
      { rule: "indicator-consistency", severity: "warning", at: { section: "part2" } },
    ],
  ],
];

const matches = (d: Diagnostic, e: Expected) =>
  d.rule === e.rule &&
  d.severity === e.severity &&
  Object.entries(e.at).every(([k, v]) => d.location[k as keyof Location] === v);

describe("auditing the founding document", () => {
  const found = validate(founding);

  for (const [mistake, expected] of MISTAKES) {
    it(`finds that ${mistake}`, () => {
      for (const e of expected) {
        const hits = found.filter((d) => matches(d, e));
        if (e.count === undefined) expect(hits.length, JSON.stringify(e)).toBeGreaterThanOrEqual(1);
        else expect(hits.length, JSON.stringify(e)).toBe(e.count);
      }
    });
  }

  it("calls rounding artefacts warnings, each with both intervals", () => {
    const rounding = found.filter((d) => d.kind === "rounding");
    expect(rounding.length).toBeGreaterThanOrEqual(10);
    for (const d of rounding) {
      expect(d.severity).toBe("warning");
      expect(d.intervals?.expected).toHaveLength(2);
      expect(d.intervals?.actual).toHaveLength(2);
    }
    const t08 = rounding.find(
      (d) => d.location.table === "T08" && d.location.row === "合计" && d.location.column === "total",
    );
    expect(t08).toMatchObject({ expected: "2171.04", actual: "2171.03" });
  });

  it("raises nothing else: mending the figures removes every error of the figures", () => {
    const rest = validate(mendedFigures()).filter((d) => d.severity === "error");
    expect(rest.map((d) => d.rule).sort()).toEqual([
      "empty-table-statement",
      "empty-table-statement",
      "empty-table-statement",
      "indicator-consistency",
      "indicator-consistency",
    ]);
  });

  it("raises nothing else: mending every listed mistake leaves only rounding warnings", () => {
    const rest = validate(mended());
    expect(rest.filter((d) => d.kind !== "rounding")).toEqual([]);
    expect(rest.length).toBe(found.filter((d) => d.kind === "rounding").length);
  });
});

/**
 * Tables whose rows the rules drawn between them say, not the baselines: the national final accounts centre each cell
 * on its own (a code above its label, a figure between the lines of a wrapped label), leave zeros blank, print a
 * second panel's codes mid-line and continue tables over pages without their header; a row can also be broken by the
 * page. And balance tables whose columns the header places, with columns only some documents print.
 */
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import type { TextItem } from "../src/import/pdf/extract.ts";
import type { Line } from "../src/import/pdf/lines.ts";
import { ruledRows } from "../src/import/pdf/rows.ts";
import { horizontalRules, type Rule } from "../src/import/pdf/rules.ts";
import { readRegion } from "../src/import/pdf/table.ts";
import { loadTemplate, tableSpec } from "../src/templates/template.ts";

/** A line of runs, each [text, x0, x1], at height y on a page. */
function line(page: number, y: number, ...runs: [string, number, number][]): Line {
  const items: TextItem[] = runs.map(([text, x0, x1]) => ({ page, text, x0, x1, y, h: 11 }));
  return { page, y, items, text: runs.map((r) => r[0]).join(" ") };
}

/** Full-width rules at these heights. */
const rules = (x0: number, x1: number, ...ys: number[]): Rule[] => ys.map((y) => ({ y, x0, x1 }));

const cellsOf = (rows: { cells: Record<string, string> }[], keys: string[]) =>
  rows.map((r) => keys.map((k) => r.cells[k] ?? ""));

describe("the rules a page draws", () => {
  it("reads stroked segments and thin filled boxes as rules, through the current transform", () => {
    const ops = {
      fnArray: [OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath],
      argsArray: [
        null,
        [1, 0, 0, 1, 0, 100],
        // A stroked line from (10, 50) to (200, 50), drawn 100 points up.
        [OPS.stroke, [new Float32Array([0, 10, 50, 1, 200, 50])], null],
        null,
        // A thin filled box (a rule drawn as a rectangle) and a cell's background (not a rule).
        [OPS.fill, [new Float32Array([0, 10, 30, 1, 200, 30, 1, 200, 30.8, 1, 10, 30.8, 4])], null],
        [OPS.fill, [new Float32Array([0, 10, 0, 1, 200, 0, 1, 200, 20, 1, 10, 20, 4])], null],
      ],
    };
    const found = horizontalRules(ops, [1, 0, 0, 1, 0, 0]).map((r) => [r.x0, r.x1, Math.round(r.y * 10) / 10]);
    expect(found).toEqual([
      [10, 200, 150],
      [10, 200, 30.4],
    ]);
  });
});

describe("rows between rules (一般公共预算财政拨款基本支出决算表)", () => {
  const spec = tableSpec(loadTemplate("mof-final-9"), "T06");
  const header = [
    line(1, 676.7, ["经济分类", 33, 77], ["经济分类", 335, 379]),
    line(1, 659.5, ["科目编码", 33, 77], ["科目编码", 335, 379]),
    line(1, 653.5, ["科目名称", 154, 198], ["决算数", 268, 301], ["科目名称", 443, 487], ["决算数", 540, 573]),
    line(1, 643.4, ["款", 72, 83], ["款", 374, 385]),
    line(1, 636.2, ["类", 19, 30], ["类", 321, 332]),
  ];
  // Each row prints its codes on one baseline and its label 7 points lower; a figure stands on either.
  const body = [
    line(1, 614.1, ["301", 27, 43], ["2,082.85", 263, 301], ["302", 329, 346], ["171.07", 539, 569]),
    line(1, 607.0, ["工资福利支出", 102, 168], ["商品和服务支出", 405, 482]),
    line(1, 584.8, ["301", 27, 43], ["01", 72, 83], ["302", 329, 346]),
    line(
      1,
      577.7,
      ["基本工资", 102, 146],
      ["262.33", 266, 296],
      ["01", 374, 385],
      ["办公费", 405, 438],
      ["21.21", 539, 563],
    ),
    line(1, 555.5, ["301", 27, 43], ["03", 72, 83], ["302", 329, 346]),
    line(1, 548.4, ["奖金", 102, 124], ["03", 374, 385], ["咨询费", 405, 438]),
    // The table goes on over the page without its header, opening with a row of blank figures.
    line(2, 740.2, ["303", 27, 43], ["05", 72, 83], ["302", 329, 346]),
    line(2, 733.0, ["生活补助", 102, 146], ["25", 374, 385], ["专用燃料费", 405, 460]),
    line(2, 710.9, ["303", 27, 43], ["07", 72, 83], ["302", 329, 346]),
    line(2, 703.8, ["医疗费补助", 102, 157], ["26", 374, 385], ["劳务费", 405, 438], ["2.01", 544, 563]),
  ];
  const drawn = new Map([
    [1, rules(12, 583, 689.7, 625.9, 596.6, 567.4, 538.1)],
    [2, rules(12, 583, 770.0, 722.7, 693.4)],
  ]);
  const keys = ["side", "classCode", "sectionCode", "label", "amount"];

  it("joins what stands between two rules into one row, codes, label and figure", () => {
    const reading = readRegion(spec, [...header, ...body], drawn);
    expect(cellsOf(reading.rows, keys)).toEqual([
      ["personnel", "301", "", "工资福利支出", "2,082.85"],
      ["operating", "302", "", "商品和服务支出", "171.07"],
      ["personnel", "301", "01", "基本工资", "262.33"],
      ["operating", "302", "01", "办公费", "21.21"],
      ["personnel", "301", "03", "奖金", ""],
      ["operating", "302", "03", "咨询费", ""],
      ["personnel", "303", "05", "生活补助", ""],
      ["operating", "302", "25", "专用燃料费", ""],
      ["personnel", "303", "07", "医疗费补助", ""],
      ["operating", "302", "26", "劳务费", "2.01"],
    ]);
  });

  it("leaves lines apart where the rules hold two rows (numbers one above the other in a column)", () => {
    const lines = [
      line(1, 600, ["201", 45, 63], ["一般公共服务支出", 185, 281], ["2,106.66", 388, 430]),
      line(1, 583, ["208", 45, 63], ["社会保障和就业支出", 185, 293], ["326.72", 397, 430]),
    ];
    const joined = ruledRows(lines, new Map([[1, rules(40, 560, 620, 560)]]));
    expect(joined.lines).toEqual(lines);
    expect(joined.ruled.size).toBe(0);
  });
});

describe("a row broken by the page (部门预算项目支出及其他支出预算表)", () => {
  const spec = tableSpec(loadTemplate("gd-2026-12"), "T12");
  const figures = (): [string, number, number][] =>
    [201, 261, 322, 392, 452, 490, 528].map((x, i): [string, number, number] => [i < 3 ? "121.41" : "0.00", x, x + 21]);
  const header = (page: number) =>
    line(page, 531, ["支出项目类别", 47, 167], ["总计", 191, 211], ["绩效目标", 653, 693]);

  it("puts a name begun at the foot of a page before the rest of its row on the next", () => {
    const lines = [
      header(1),
      line(1, 452, ["政务大数据中心升级改造项目", 43, 163], ...figures(), ["完成系统重构升级改造", 549, 789]),
      line(1, 350, ["广州市数字政府运营中", 68, 168]),
      header(2),
      line(2, 470, ["心2026年基层数智赋能平台", 43, 163], ...figures(), ["本项目从多维度推进", 549, 789]),
      line(2, 455, ["建设项目", 43, 83]),
    ];
    const drawn = new Map([
      [1, rules(40, 800, 510, 400, 300)],
      [2, rules(40, 800, 510, 430)],
    ]);
    const labels = readRegion(spec, lines, drawn).rows.map((r) => r.cells.label);
    expect(labels).toEqual(["政务大数据中心升级改造项目", "广州市数字政府运营中心2026年基层数智赋能平台建设项目"]);
  });
});

describe("balance tables placed by their header", () => {
  it("puts a figure printed off its column's alignment under its header (财政拨款收入支出决算总表)", () => {
    const spec = tableSpec(loadTemplate("mof-final-9"), "T04");
    const lines = [
      line(1, 429.9, ["收入", 165, 189], ["支出", 520, 544]),
      line(1, 413.1, ["国有资本经营", 698, 770]),
      line(1, 405.3, ["一般公共预算", 528, 600], ["政府性基金预", 614, 686]),
      line(1, 397.5, ["预", 728, 740]),
      line(
        1,
        389.8,
        ["项目", 133, 157],
        ["决算数", 237, 273],
        ["项目", 359, 383],
        ["合计", 475, 499],
        ["财", 558, 570],
      ),
      line(1, 389.8, ["算", 644, 656]),
      line(1, 382.0, ["算财政拨", 710, 758]),
      line(1, 374.2, ["政拨款", 534, 570], ["财政拨款", 614, 662]),
      line(1, 366.4, ["款", 716, 728]),
      line(
        1,
        344.1,
        ["一、一般公共预算财政拨款", 72, 216],
        ["2,940.05", 232, 274],
        ["一、一般公共服务支出", 294, 414],
        ["2,106.66", 470, 512],
        ["2,106.66", 546, 588],
      ),
      line(
        1,
        86.2,
        ["总计", 133, 157],
        ["2,961.68", 232, 274],
        ["总计", 359, 383],
        ["2,961.68", 470, 512],
        ["2,961.68", 558, 600],
      ),
    ];
    const reading = readRegion(spec, lines);
    expect(reading.problems).toEqual([]);
    expect(cellsOf(reading.rows, ["side", "label", "amount", "generalBudget", "governmentFund"])).toEqual([
      ["income", "一、一般公共预算财政拨款", "2,940.05", "", ""],
      ["expenditure", "一、一般公共服务支出", "2,106.66", "2,106.66", ""],
      ["income", "总计", "2,961.68", "", ""],
      ["expenditure", "总计", "2,961.68", "2,961.68", ""],
    ]);
  });

  describe("the unit-level 财务收支预算总表's optional columns", () => {
    const spec = tableSpec(loadTemplate("sh-district-9"), "T01");
    const row = (...extra: [string, number, number][]) =>
      line(
        1,
        340.6,
        ["一、财政拨款收入", 58, 154],
        ["86,959,408.34", 200, 278],
        ["一、公共安全支出", 284, 372],
        ["79,189,400.34", 466, 535],
        ...extra,
      );
    const keys = ["side", "label", "amount", "personnel", "operating", "project"];

    it("reads 人员经费, 公用经费 and 项目支出 where the header prints them", () => {
      const lines = [
        line(1, 436.6, ["本年收入", 142, 190], ["本年支出", 506, 554]),
        line(1, 412.6, ["预算数", 598, 634]),
        line(1, 388.6, ["项目", 106, 130], ["预算数", 209, 245], ["项目", 348, 372], ["基本支出", 592, 640]),
        line(1, 376.6, ["合计", 481, 505], ["项目支出", 715, 763]),
        line(1, 364.6, ["人员经费", 554, 602], ["公用经费", 630, 678]),
        row(["12,604,173", 559, 613], ["1,744,680", 641, 689], ["64,840,547", 726, 780]),
      ];
      expect(cellsOf(readRegion(spec, lines).rows, keys)).toEqual([
        ["income", "一、财政拨款收入", "86,959,408.34", "", "", ""],
        ["expenditure", "一、公共安全支出", "79,189,400.34", "12,604,173", "1,744,680", "64,840,547"],
      ]);
    });

    it("leaves them blank in the department's version, which prints one 预算数", () => {
      const lines = [
        line(1, 436.6, ["本年收入", 142, 190], ["本年支出", 506, 554]),
        line(1, 388.6, ["项目", 106, 130], ["预算数", 209, 245], ["项目", 348, 372], ["预算数", 481, 517]),
        row(),
      ];
      expect(cellsOf(readRegion(spec, lines).rows, keys)).toEqual([
        ["income", "一、财政拨款收入", "86,959,408.34", "", "", ""],
        ["expenditure", "一、公共安全支出", "79,189,400.34", "", "", ""],
      ]);
    });
  });
});

/**
 * How a table region's lines become rows when the order of the figures cannot say where they belong: columns placed
 * by the header printed over them (wrapped, repeated, or printed blank throughout), lines of words that are rows of
 * their own in a layout that leaves zeros blank, and group names printed once in a merged cell.
 */
import { describe, expect, it } from "vitest";
import type { TextItem } from "../src/import/pdf/extract.ts";
import { figurePlace, placeColumns } from "../src/import/pdf/header.ts";
import type { Line } from "../src/import/pdf/lines.ts";
import { readRegion } from "../src/import/pdf/table.ts";
import { loadTemplate, tableSpec } from "../src/templates/template.ts";

/** A line of runs, each [text, x0, x1], at height y. */
function line(y: number, ...runs: [string, number, number][]): Line {
  const items: TextItem[] = runs.map(([text, x0, x1]) => ({ page: 1, text, x0, x1, y, h: 11 }));
  return { page: 1, y, items, text: runs.map((r) => r[0]).join(" ") };
}

const template = loadTemplate("js-2019-12");

describe("columns placed by their header", () => {
  // Jiangsu's 三公 table: headers wrapped in their cells, 小计 twice, and 公务用车购置费 blank on the only row.
  const header = [
    line(612, ["合计", 211, 246], ["会议费", 890, 941], ["培训费", 983, 1035]),
    line(604, ["因公出国", 380, 449]),
    line(594, ["小计", 305, 339], ["公务接待费", 779, 866]),
    line(585, ["(境)费", 380, 449], ["公务用车购置", 559, 662], ["公务用车运行", 670, 773]),
    line(575, ["小计", 491, 525]),
    line(565, ["费", 602, 619], ["维护费", 695, 747]),
  ];
  const spec = tableSpec(template, "T09");

  it("finds a header wrapped over lines, and tells two 小计 apart by their order", () => {
    const places = placeColumns(spec.columns, header);
    expect(places?.map((p) => [p.key, Math.round(p.center)])).toEqual([
      ["total", 229],
      ["threePublicTotal", 322],
      ["abroad", 415],
      ["vehicleTotal", 508],
      ["vehiclePurchase", 611],
      ["vehicleOperation", 722],
      ["reception", 823],
      ["meeting", 916],
      ["training", 1009],
    ]);
  });

  it("puts a right-aligned figure under its header, past a column printed blank", () => {
    const places = placeColumns(spec.columns, header) ?? [];
    const figure = (x0: number, x1: number): TextItem => ({ page: 1, text: "411.20", x0, x1, y: 530, h: 11 });
    expect(figurePlace(places, figure(520, 553))?.key).toBe("vehicleTotal");
    expect(figurePlace(places, figure(741, 774))?.key).toBe("vehicleOperation");
  });

  it("says nothing when a header is not printed", () => {
    expect(placeColumns(spec.columns, header.slice(0, 2))).toBeUndefined();
  });
});

describe("a layout that leaves zeros blank (收入预算总表)", () => {
  const lines = [
    line(669, ["项目名称", 466, 535], ["金额", 829, 863]),
    line(634, ["收入总计", 466, 535], ["27,664.22", 908, 957]),
    line(598, ["小计", 463, 497], ["27,664.22", 908, 957]),
    line(561, ["一般公共预算资金", 296, 432], ["公共财政拨款(补助)资金", 463, 650], ["27,664.22", 908, 957]),
    line(522, ["专项收入", 463, 531]),
    line(485, ["政府性基金", 322, 407], ["小计", 463, 497]),
    line(448, ["小计", 463, 497]),
    line(412, ["财政专户管理资金", 296, 432], ["专户管理教育收费", 463, 599]),
    line(375, ["其他非税收入", 463, 565]),
    line(338, ["小计", 463, 497]),
    line(301, ["事业收入", 463, 531]),
    line(283, ["其他资金", 330, 398]),
    line(265, ["经营收入", 463, 531]),
  ];

  it("reads a line of words on the rows' grid as a row, and a name between rows as its group's", () => {
    const reading = readRegion(tableSpec(template, "T02"), lines);
    expect(reading.rows.map((r) => [r.cells.label, r.cells.amount ?? ""])).toEqual([
      ["收入总计", "27,664.22"],
      ["一般公共预算资金小计", "27,664.22"],
      ["公共财政拨款(补助)资金", "27,664.22"],
      ["专项收入", ""],
      ["政府性基金小计", ""],
      ["财政专户管理资金小计", ""],
      ["专户管理教育收费", ""],
      ["其他非税收入", ""],
      ["其他资金小计", ""],
      ["事业收入", ""],
      ["经营收入", ""],
    ]);
  });

  it("keeps a label wrapped over two lines in its row", () => {
    const spec = tableSpec(template, "T12");
    const reading = readRegion(spec, [
      line(1095, ["采购品目大类", 48, 151], ["专项名称", 192, 261], ["经济科目", 334, 403]),
      line(1095, ["采购物品名称", 458, 561], ["采购组织形", 591, 677], ["总计", 720, 754]),
      line(1074, ["式", 625, 642]),
      line(825, ["家具用具", 441, 485], ["部门集中采购", 582, 648], ["1.00", 763, 785]),
      line(805, ["其他办公消耗用品及类似物", 441, 573]),
      line(798, ["分散自行组织", 582, 648], ["4.50", 763, 785]),
      line(792, ["品", 441, 452]),
      line(771, ["办公设备购置费", 158, 235], ["办公设备购置", 300, 366], ["54.00", 757, 785]),
    ]);
    expect(reading.rows.map((r) => [r.cells.project, r.cells.economic, r.cells.itemName, r.cells.method])).toEqual([
      [undefined, undefined, "家具用具", "部门集中采购"],
      [undefined, undefined, "其他办公消耗用品及类似物品", "分散自行组织"],
      ["办公设备购置费", "办公设备购置", undefined, undefined],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { BudgetDocument, Section } from "../../src/model/document.ts";
import { departmentName as rule } from "../../src/rules/department-name.ts";
import { founding, run } from "./fixture.ts";

const NAME = "广州市海珠区政务服务数据管理局";
const GRID = "广州市海珠区城市社区网格化服务管理中心";

const check = (doc: BudgetDocument) => run(rule, doc);

function section(doc: BudgetDocument, id: string): Section {
  const found = doc.part3.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

/** The founding document with the department's 局 and the structure text's last unit restored. */
function corrected(): BudgetDocument {
  const doc = structuredClone(founding);
  const overview = section(doc, "overview");
  overview.text = overview.text.replace("数据管理所有收入", "数据管理局所有收入");
  doc.part1.structure = `${doc.part1.structure}心。`;
  return doc;
}

describe("department-name", () => {
  it("finds the founding document's shortened department name and its half-named unit", () => {
    const found = check(founding);
    expect(found.map((d) => [d.location, d.severity, d.kind, d.expected, d.actual])).toEqual([
      [
        { section: "overview", text: "广州市海珠区政务服务数据管理所有收入" },
        "warning",
        "wording",
        NAME,
        "广州市海珠区政务服务数据管理",
      ],
      [
        { section: "part1", text: "广州市海珠区城市社区网格化服务管理中" },
        "warning",
        "wording",
        GRID,
        "广州市海珠区城市社区网格化服务管理中",
      ],
    ]);
    expect(found[0]?.message).toBe(`部门名称少了“局”字：“广州市海珠区政务服务数据管理所有收入”，应为“${NAME}”`);
    expect(found[1]?.message).toBe(
      `机构设置未完整列出下属单位 550004“${GRID}”，只印出“广州市海珠区城市社区网格化服务管理中”`,
    );
  });

  it("accepts the corrected document", () => {
    expect(check(corrected())).toEqual([]);
  });

  it("finds the shortened name in Parts 1 and 2 too, but not a unit named after the department", () => {
    const doc = corrected();
    doc.part1.duties.push("(十四)广州市海珠区政务服务数据管理负责的其他工作。");
    doc.part2.policies.push("18、广州市海珠区政务服务数据管理办法");
    doc.units.push({ code: "550005", name: "广州市海珠区政务服务数据管理中心", type: "事业单位" });
    doc.part1.structure += "广州市海珠区政务服务数据管理中心";
    expect(check(doc).map((d) => d.location)).toEqual([
      { section: "part1", text: "广州市海珠区政务服务数据管理负责的其" },
      { section: "part2", text: "广州市海珠区政务服务数据管理办法" },
    ]);
  });

  it("finds a unit the structure text does not name at all", () => {
    const doc = corrected();
    doc.part1.structure = doc.part1.structure.replace("、广州市海珠区企业审批服务中心", "");
    const found = check(doc);
    expect(found.map((d) => [d.location, d.message])).toEqual([
      [{ section: "part1" }, "机构设置未列出下属单位 550003“广州市海珠区企业审批服务中心”"],
    ]);
  });
});

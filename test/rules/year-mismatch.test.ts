import { describe, expect, it } from "vitest";
import type { BudgetDocument, Section } from "../../src/model/document.ts";
import { yearMismatch as rule, strayYears } from "../../src/rules/year-mismatch.ts";
import { founding, run } from "./fixture.ts";

const check = (doc: BudgetDocument) => run(rule, doc);

function section(doc: BudgetDocument, id: string): Section {
  const found = doc.part3.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

describe("year-mismatch", () => {
  it("reads years, but not those of titles, document numbers and spans covering the budget year", () => {
    expect(strayYears("2019 年收支总预算,2020年决算,2021年度预算", 2021)).toEqual(["2019 年"]);
    expect(strayYears("《2019年工作要点》(穗府〔2019〕8号)(穗府办函(2017)306号文)", 2021)).toEqual([]);
    expect(strayYears("建设总体规划(2020-2022年),2016—2018年", 2021)).toEqual(["2016—2018年"]);
  });

  it("finds no stray year in the founding document", () => {
    expect(check(founding)).toEqual([]);
    expect(check(structuredClone(founding))).toEqual([]);
  });

  it("finds a year carried over in a section text, a fact and a table title", () => {
    const doc = structuredClone(founding);
    const overview = section(doc, "overview");
    overview.text = overview.text.replace("2021 年收支总预算", "2019 年收支总预算");
    const fact = section(doc, "agencyOperating").facts[0];
    if (fact) fact.reason = "2018年度机构改革后调减";
    const t12 = doc.tables.find((t) => t.id === "T12");
    if (t12) t12.title = `2020年${t12.title}`;
    const t13 = doc.tables.find((t) => t.id === "T13");
    if (t13) t13.title = `2017年${t13.title}`;
    const found = check(doc);
    expect(found.map((d) => [d.location, d.severity, d.kind])).toEqual([
      [{ table: "T13", text: "2017年" }, "warning", "wording"],
      [{ section: "overview", text: "2019 年" }, "warning", "wording"],
      [{ section: "agencyOperating", text: "2018年度" }, "warning", "wording"],
    ]);
    expect(found[1]?.message).toBe("“2019 年”既不是预算年度2021年，也不是上年2020年，疑为沿用往年文字");
  });
});

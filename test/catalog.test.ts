import { describe, expect, it } from "vitest";
import {
  departmentEconomicCatalog,
  functionCatalog,
  governmentCodeFor,
  governmentEconomicCatalog,
  procurementCatalog,
} from "../src/catalog/catalog.ts";
import { parseCsv } from "../src/catalog/csv.ts";
import { openDocument } from "../src/model/load.ts";
import { splitEconomic } from "../src/model/rows.ts";

describe("catalogs", () => {
  it("hold every 2021 function class with its official name", () => {
    const f = functionCatalog(2021);
    const classes = f.entries().filter((e) => e.level === "class");
    expect(classes.length).toBeGreaterThanOrEqual(30);
    expect(f.get("215")?.name).toBe("资源勘探工业信息等支出");
    expect(f.get("208")?.name).toBe("社会保障和就业支出");
    expect(f.get("2060101")).toMatchObject({ name: "行政运行", level: "item" });
  });

  it("give every 款 and 项 its parent", () => {
    const f = functionCatalog(2021);
    for (const e of f.entries()) {
      if (e.code.length > 3) expect(f.has(e.code.slice(0, e.code.length - 2)), e.code).toBe(true);
    }
  });

  it("contain every code of the founding document", () => {
    const { doc } = openDocument("examples/haizhu-2021");
    const f = functionCatalog(2021);
    for (const id of ["T02", "T03", "T06"]) {
      for (const row of doc.tables.find((t) => t.id === id)?.rows ?? []) {
        if (row.code) expect(f.has(row.code), `${id} ${row.code}`).toBe(true);
      }
    }
    for (const row of doc.tables.find((t) => t.id === "T09")?.rows ?? []) {
      const gov = splitEconomic(String(row.cells.governmentEconomic ?? ""));
      if (gov) expect(governmentEconomicCatalog().has(gov.code), gov.code).toBe(true);
      if (row.code) expect(departmentEconomicCatalog().has(row.code), row.code).toBe(true);
    }
    for (const row of doc.tables.find((t) => t.id === "T13")?.rows ?? []) {
      const code = row.cells.categoryCode;
      if (typeof code === "string") expect(procurementCatalog().has(code), code).toBe(true);
    }
  });

  it("map department economic codes to government codes by unit type", () => {
    expect(governmentCodeFor("30101", "机关")).toBe("50101");
    expect(governmentCodeFor("30101", "事业单位")).toBe("50501");
    expect(governmentCodeFor("30201", "事业单位")).toBe("50502");
    expect(governmentCodeFor("30231", "机关")).toBe("50208");
    expect(governmentCodeFor("30309", "事业单位")).toBe("50901");
    expect(governmentCodeFor("30100", "机关")).toBeUndefined();
  });

  it("agree with every pair the founding document's economic table prints", () => {
    const { doc } = openDocument("examples/haizhu-2021");
    for (const row of doc.tables.find((t) => t.id === "T09")?.rows ?? []) {
      const gov = splitEconomic(String(row.cells.governmentEconomic ?? ""));
      if (!gov || !row.code || row.code.length !== 5) continue;
      const type = gov.code.startsWith("505") ? "事业单位" : "机关";
      expect(governmentCodeFor(row.code, type), `${row.code} ${type}`).toBe(gov.code);
    }
  });

  it("fall back to the nearest earlier year's function catalog", () => {
    expect(functionCatalog(2026).id).toBe("function-2021");
    expect(() => functionCatalog(1999)).toThrow(/no function classification/);
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["multi\nline", "z"],
    ]);
  });
});

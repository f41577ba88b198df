import { describe, expect, it } from "vitest";
import { parseCsv } from "../src/catalog/csv.ts";
import type { BudgetDocument } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";
import { parseAmount } from "../src/money/amount.ts";
import { loadOpenDataMapping } from "../src/render/opendata/mapping.ts";
import { AMOUNTS_PATH, renderOpenData } from "../src/render/opendata/package.ts";
import { loadTemplate, type Template } from "../src/templates/template.ts";

const founding = openDocument("examples/haizhu-2021").doc;
const template = loadTemplate("gz-2021-14");

interface Field {
  name: string;
  type: string;
}
interface DataPackage {
  profile: string;
  name: string;
  resources: { name: string; path: string; schema: { fields: Field[]; primaryKey: string[] } }[];
  model: {
    measures: Record<string, { source: string; currency: string; factor: number }>;
    dimensions: Record<string, { attributes: Record<string, { source: string }> }>;
  };
}

function openData(doc: BudgetDocument = founding, layout: Template = template) {
  const { datapackage, files } = renderOpenData(doc, layout);
  const content = files.find((f) => f.name === AMOUNTS_PATH)?.content ?? "";
  const [header = [], ...lines] = parseCsv(content);
  const records = lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? ""])));
  return { datapackage: datapackage as unknown as DataPackage, content, header, records };
}

const amount = (text: string | undefined) => parseAmount(text ?? "", founding.decimals) ?? Number.NaN;

/** The amounts the model holds: every number in an amount column, by table. */
function modelAmounts(doc: BudgetDocument): Map<string, number> {
  const out = new Map<string, number>();
  for (const spec of template.tables) {
    const table = doc.tables.find((t) => t.id === spec.id);
    const columns = spec.columns.filter((c) => c.type === "amount");
    for (const row of table?.rows ?? []) {
      for (const c of columns) {
        const value = row.cells[c.key];
        const column = row.side === undefined ? c.key : `${row.side}.${c.key}`;
        if (typeof value === "number") out.set(`${spec.id}|${row.key}|${column}`, value);
      }
    }
  }
  return out;
}

describe("renderOpenData", () => {
  const { datapackage, content, header, records } = openData();

  it("describes amounts.csv with a Table Schema whose fields are the CSV header", () => {
    expect(datapackage.profile).toBe("fiscal-data-package");
    expect(datapackage.name).toMatch(/^[a-z0-9._-]+$/);
    const [resource] = datapackage.resources;
    expect(resource?.path).toBe(AMOUNTS_PATH);
    expect(resource?.schema.fields.map((f) => f.name)).toEqual(header);
    for (const f of resource?.schema.fields ?? [])
      expect(["string", "number", "integer", "boolean", "year"]).toContain(f.type);
    expect(resource?.schema.fields.find((f) => f.name === "amountYuan")?.type).toBe("integer");
    expect(content.startsWith("\uFEFF")).toBe(true);
  });

  it("maps measures and dimension attributes to fields of the resource", () => {
    const names = new Set(header);
    const { measures, dimensions } = datapackage.model;
    expect(measures.amountYuan).toMatchObject({ currency: "CNY", factor: 1 });
    expect(measures.amountTenThousandYuan).toMatchObject({ currency: "CNY", factor: 10000 });
    for (const m of Object.values(measures)) expect(names.has(m.source)).toBe(true);
    for (const d of Object.values(dimensions)) {
      for (const a of Object.values(d.attributes)) expect(names.has(a.source)).toBe(true);
    }
  });

  it("has every amount of every table exactly once, equal to the model amount", () => {
    const expected = modelAmounts(founding);
    const seen = new Map<string, number>();
    for (const r of records) {
      const key = `${r.tableId}|${r.rowKey}|${r.columnKey}`;
      expect(seen.has(key)).toBe(false);
      seen.set(key, amount(r.amountTenThousandYuan));
    }
    expect(seen).toEqual(expected);
    for (const spec of template.tables) {
      const count = [...expected.keys()].filter((k) => k.startsWith(`${spec.id}|`)).length;
      expect(records.filter((r) => r.tableId === spec.id).length).toBe(count);
    }
    expect(records.length).toBe(1517);
  });

  it("states yuan as 万元 × 10000 exactly", () => {
    for (const r of records) {
      expect(r.amountYuan).toMatch(/^-?\d+$/);
      expect(r.amountTenThousandYuan).toMatch(/^-?\d+\.\d{2}$/);
      expect(Number(r.amountYuan)).toBe(amount(r.amountTenThousandYuan) * 100);
    }
  });

  it("lets analysts sum T03 without double counting", () => {
    const total = (rows: Record<string, string>[]) => rows.reduce((s, r) => s + amount(r.amountTenThousandYuan), 0);
    const t03 = records.filter((r) => r.tableId === "T03" && r.columnKey === "total");
    const printed = t03.find((r) => r.rowKind === "total");
    expect(printed?.amountTenThousandYuan).toBe("5921.56");
    expect(total(t03.filter((r) => r.rowKind === "class"))).toBe(amount("5921.56"));
    // The leaves (项 rows) add up to 5921.57: the publication rounds 20805 to 243.57 while its items 119.53 + 124.05
    // make 243.58, a rounding difference the document itself contains. Each leaf may carry at most 0.01 of it.
    const leaves = t03.filter((r) => r.isTotal === "false");
    expect(leaves.every((r) => r.rowKind === "item")).toBe(true);
    expect(Math.abs(total(leaves) - amount("5921.56"))).toBeLessThanOrEqual(leaves.length);
    expect(total(leaves)).toBe(amount("5921.57"));
  });

  it("fills the dimensions of a T10 project amount", () => {
    const found = records.find(
      (r) =>
        r.tableId === "T10" && r.rowKey === "550004/经济和社会发展类/数据分析报告" && r.columnKey === "generalBudget",
    );
    expect(found).toMatchObject({
      amountTenThousandYuan: "5.00",
      amountYuan: "50000",
      phase: "approved",
      direction: "expenditure",
      department: founding.department,
      year: "2021",
      unitCode: "550004",
      unitName: "广州市海珠区城市社区网格化服务管理中心",
      fundSource: "一般公共预算",
      expenditureKind: "项目支出",
      projectName: "数据分析报告",
      isTotal: "false",
      isTotalColumn: "false",
    });
  });

  it("classifies function, economic and procurement rows and balance-table sides", () => {
    const find = (table: string, row: string, column: string) =>
      records.find((r) => r.tableId === table && r.rowKey === row && r.columnKey === column);
    expect(find("T02", "2060101", "generalBudget")).toMatchObject({ functionCode: "2060101", direction: "revenue" });
    expect(find("T09", "50101/30101", "amount")).toMatchObject({
      governmentEconomicCode: "50101",
      departmentEconomicCode: "30101",
      expenditureKind: "人员经费",
    });
    expect(find("T13", "550001/基本支出/公用经费/复印纸", "total")).toMatchObject({
      procurementCategoryCode: "A090101",
      expenditureKind: "公用经费",
      isTotalColumn: "true",
    });
    expect(find("T01", "income/七、上年预结转", "income.amount")).toMatchObject({ fundSource: "上年结转" });
    expect(find("T01", "expenditure/六、科学技术支出", "expenditure.amount")).toMatchObject({
      functionCode: "206",
      direction: "expenditure",
    });
    expect(find("T08", "550002/公用经费", "generalBudget")).toMatchObject({ expenditureKind: "公用经费" });
    expect(find("T10", "其中:部门项目支出", "total")?.isTotal).toBe("true");
  });

  it("maps only tables, columns, sides and row kinds that the layout declares", () => {
    const mapping = loadOpenDataMapping(template.id);
    expect(mapping).toBeDefined();
    for (const [id, entry] of Object.entries(mapping?.tables ?? {})) {
      const spec = template.tables.find((t) => t.id === id);
      expect(spec, id).toBeDefined();
      const columns = spec?.columns.map((c) => c.key) ?? [];
      for (const key of Object.keys(entry.columns ?? {})) expect(columns, `${id}.${key}`).toContain(key);
      const sides = spec?.sides?.map((s) => s.key) ?? [];
      for (const key of Object.keys(entry.sides ?? {})) expect(sides, `${id} side ${key}`).toContain(key);
      const kinds = spec?.rowKinds.map((k) => k.kind) ?? [];
      for (const key of Object.keys(entry.rowKinds ?? {})) expect(kinds, `${id} kind ${key}`).toContain(key);
      for (const key of entry.projects?.kinds ?? []) expect(kinds, `${id} project kind ${key}`).toContain(key);
    }
  });

  it("leaves the mapped dimensions empty for a layout without a mapping", () => {
    const { records: bare } = openData(founding, { ...template, id: "no-open-data-mapping" });
    expect(bare.length).toBe(records.length);
    for (const r of bare)
      expect([r.direction, r.fundSource, r.expenditureKind, r.projectName]).toEqual(["", "", "", ""]);
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    const doc = structuredClone(founding);
    const row = doc.tables.find((t) => t.id === "T03")?.rows.find((r) => r.key === "2010399");
    if (row) row.label = "=1+1";
    const found = openData(doc).records.find((r) => r.tableId === "T03" && r.rowKey === "2010399");
    expect(found?.rowLabel).toBe("'=1+1");
  });
});

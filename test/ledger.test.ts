import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseCsvLines } from "../src/ledger/csv.ts";
import { derive } from "../src/ledger/derive.ts";
import { ledgerFormat, sheetFormat } from "../src/ledger/format.ts";
import {
  initWorkbook,
  isLedger,
  isLedgerInput,
  isLedgerWorkbook,
  LedgerError,
  loadLedger,
  readLedgerFolder,
} from "../src/ledger/index.ts";
import { apportion, FEN_PER_UNIT, roundHalfUp, roundTree } from "../src/ledger/round.ts";
import { random } from "../src/ledger/synthetic.ts";
import type { BudgetLine, FundSource, Ledger } from "../src/ledger/types.ts";
import type { BudgetDocument, Row, Table } from "../src/model/document.ts";
import { schemaProblems } from "../src/model/load.ts";
import { parentIndexes } from "../src/model/rows.ts";
import { validate } from "../src/rules/index.ts";
import { ingest } from "../src/server/ingest.ts";
import { loadTemplate, tableSpec } from "../src/templates/template.ts";

const DEMO = "examples/ledger-demo";
const template = loadTemplate("gz-2021-14");

let ledger: Ledger;
let doc: BudgetDocument;

beforeAll(() => {
  ledger = readLedgerFolder(DEMO);
  doc = derive(ledger, template);
});

const tableOf = (d: BudgetDocument, id: string): Table => {
  const found = d.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const rowsOf = (d: BudgetDocument, id: string, kind: string) => tableOf(d, id).rows.filter((r) => r.kind === kind);
const amount = (row: Row | undefined, column: string) => Number(row?.cells[column] ?? Number.NaN);

/** Every parent row (by the template's row levels) equals the sum of its children, in every amount column. */
function parentsAddUp(d: BudgetDocument): string[] {
  const wrong: string[] = [];
  for (const table of d.tables) {
    const spec = tableSpec(template, table.id);
    const amounts = spec.columns.filter((c) => c.type === "amount").map((c) => c.key);
    const parents = parentIndexes(spec, table.rows);
    table.rows.forEach((row, i) => {
      const children = table.rows.filter((_, j) => parents[j] === i);
      if (children.length === 0) return;
      for (const column of amounts) {
        const sum = children.reduce((a, c) => a + amount(c, column), 0);
        if (sum !== amount(row, column))
          wrong.push(`${table.id} ${row.key} ${column}: ${amount(row, column)} ≠ ${sum}`);
      }
    });
  }
  return wrong;
}

describe("the demo ledger", () => {
  it("derives a complete disclosure that validates with zero diagnostics", () => {
    expect(doc.tables.map((t) => t.id)).toEqual(template.tables.map((t) => t.id));
    expect(doc.part3.map((s) => s.id)).toEqual(template.narrative.sections.map((s) => s.id));
    expect(schemaProblems(doc)).toEqual([]);
    expect(validate(doc)).toEqual([]);
  });

  it("publishes tables whose every total is the exact sum of its published parts", () => {
    expect(parentsAddUp(doc)).toEqual([]);
    const t01 = tableOf(doc, "T01");
    const line = (label: string) =>
      amount(
        t01.rows.find((r) => r.label === label),
        "amount",
      );
    expect(line("收入总计")).toBe(line("支出总计"));
    const t13 = tableOf(doc, "T13").rows;
    const t13Total = (kind: string) =>
      amount(
        t13.find((r) => r.kind === kind),
        "total",
      );
    expect(t13Total("total")).toBe(t13Total("goodsTotal") + t13Total("worksTotal") + t13Total("servicesTotal"));
    const memo = rowsOf(doc, "T10", "memo").reduce((a, r) => a + amount(r, "total"), 0);
    expect(memo).toBe(amount(rowsOf(doc, "T10", "total")[0], "total"));
  });

  it("keeps every published amount within the rounding bound of its exact amount", () => {
    const fen = (lines: BudgetLine[]) => lines.reduce((a, l) => a + l.amount, 0);
    const off = (published: number, exact: number) => Math.abs(published * FEN_PER_UNIT - exact);
    // the grand total is its exact amount rounded half up: within ½ of 0.01 万元 (50 yuan)
    const total = amount(rowsOf(doc, "T01", "grandTotal")[0], "amount");
    expect(total).toBe(roundHalfUp(fen(ledger.lines)));
    expect(off(total, fen(ledger.lines))).toBeLessThanOrEqual(FEN_PER_UNIT / 2);
    // a fund source's total, a project's amount from one source, and a unit's basic category from one source are
    // nodes of the rounding tree: their exact amount rounded down or up (within 100 yuan)
    for (const [label, source] of [
      ["（一）一般公共预算", "generalBudget"],
      ["七、上年预结转", "carryover"],
    ] as const) {
      const row = tableOf(doc, "T01").rows.find((r) => r.label === label);
      expect(off(amount(row, "amount"), fen(ledger.lines.filter((l) => l.source === source)))).toBeLessThan(
        FEN_PER_UNIT,
      );
    }
    const t10Columns: [string, FundSource][] = [
      ["generalBudget", "generalBudget"],
      ["institutionRevenue", "institutionRevenue"],
      ["carryover", "carryover"],
    ];
    for (const project of ledger.projects) {
      const row = rowsOf(doc, "T10", "project").find((r) => r.label === project.name);
      for (const [column, source] of t10Columns) {
        const exact = fen(ledger.lines.filter((l) => l.project === project.id && l.source === source));
        expect(off(amount(row, column), exact)).toBeLessThan(FEN_PER_UNIT);
      }
    }
    // any other total of k leaves is within k × 100 yuan: the function items of T02
    for (const row of rowsOf(doc, "T02", "item")) {
      const lines = ledger.lines.filter((l) => l.functionCode === row.code);
      const leaves = new Set(lines.map((l) => [l.source, l.unit, l.kind, l.project, l.economicCode].join("|")));
      expect(off(amount(row, "total"), fen(lines))).toBeLessThan(leaves.size * FEN_PER_UNIT);
    }
  });

  it("states every Part 3 figure from the tables, with changes computed from the published figures", () => {
    const fact = (subject: string) => doc.part3.flatMap((s) => s.facts).find((f) => f.subject === subject);
    const total = fact("totalBudget");
    expect(total?.amount).toBe(amount(rowsOf(doc, "T01", "grandTotal")[0], "amount"));
    expect(total?.changeAmount).toBe((total?.amount ?? 0) - (ledger.changes.totalBudget?.previous ?? 0));
    expect(total?.text).toMatch(/^2021年收支总预算5,129\.47万元，较上年增加549\.11万元，增长11\.99%$/);
    expect(fact("abroad")?.changeDirection).toBe("持平");
    expect(fact("reception")?.reason).toBe(ledger.changes.reception?.reason);
    expect(doc.part2.tasks.map((t) => t.name)).toEqual(ledger.projects.filter((p) => p.key).map((p) => p.name));
    expect(tableOf(doc, "T01").note).toMatch(/最大余数法/);
  });

  it("publishes empty tables with their statement", () => {
    for (const id of ["T05", "T07", "T11"])
      expect(tableOf(doc, id).emptyStatement).toMatch(/^本部门2021年无.+，故本表为空表。$/);
    expect(tableOf(doc, "T13").emptyStatement).toBeUndefined();
  });

  it("derives the same document every time", () => {
    expect(derive(readLedgerFolder(DEMO), template)).toEqual(doc);
  });
});

describe("sum-preserving rounding", () => {
  it("gives the leftover units to the largest remainders", () => {
    expect(apportion([1_195_300, 1_240_500], 244)).toEqual([120, 124]);
    expect(apportion([5_000, 5_000, 5_000], 2)).toEqual([1, 1, 0]);
    expect(() => apportion([10_000], 3)).toThrow(RangeError);
    expect(() =>
      roundTree(
        [["a"], ["b"], ["a"]],
        (p) => p,
        () => 1,
      ),
    ).toThrow(/not sorted/);
  });

  it("rounds every node of a tree down or up, and the whole half up", () => {
    const rand = random(7);
    for (let round = 0; round < 200; round++) {
      const leaves = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => ({
        path: [String(Math.floor(rand() * 3)), String(Math.floor(rand() * 4))],
        fen: Math.floor(rand() * 5_000_000),
      })).sort((a, b) => a.path.join().localeCompare(b.path.join()));
      const units = roundTree(
        leaves,
        (l) => l.path,
        (l) => l.fen,
      );
      const exact = leaves.reduce((a, l) => a + l.fen, 0);
      expect(units.reduce((a, u) => a + u, 0)).toBe(roundHalfUp(exact));
      for (const prefix of ["0", "1", "2"]) {
        const members = leaves.map((l, i) => ({ l, u: units[i] ?? 0 })).filter((m) => m.l.path[0] === prefix);
        const e = members.reduce((a, m) => a + m.l.fen, 0) / FEN_PER_UNIT;
        const u = members.reduce((a, m) => a + m.u, 0);
        expect(u === Math.floor(e) || u === Math.ceil(e)).toBe(true);
      }
      leaves.forEach((l, i) => {
        expect(Math.abs((units[i] ?? 0) * FEN_PER_UNIT - l.fen)).toBeLessThan(FEN_PER_UNIT);
      });
    }
  });
});

/** A copy of the demo ledger with one file edited. */
function demoWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-ledger-"));
  cpSync(DEMO, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerError);
    return (error as Error).message;
  }
  throw new Error("expected a LedgerError");
}

describe("input errors", () => {
  it("names the file, row and column of a bad cell, and lists every error at once", () => {
    const dir = demoWith("budget-lines.csv", (t) =>
      t.replace("1268378.43", "1268378.4x").replace("30102,一般公共预算", "30102,一般预算"),
    );
    const message = errorOf(() => readLedgerFolder(dir));
    expect(message).toMatch(/budget-lines\.csv row 2, column amount: "1268378\.4x" is not a number/);
    expect(message).toMatch(/budget-lines\.csv row 3, column source: "一般预算" is not one of the fundSources/);
  });

  it("checks codes against the year's catalogs and references against the ledger", () => {
    const dir = demoWith("budget-lines.csv", (t) =>
      t.replace("720001,2010301,30201,", "720001,2019999,30201,").replace(",项目支出,P101,", ",项目支出,P999,"),
    );
    const message = errorOf(() => readLedgerFolder(dir));
    expect(message).toMatch(
      /budget-lines\.csv row \d+, column function: function code 2019999 is not in the 2021 function/,
    );
    expect(message).toMatch(/budget-lines\.csv row \d+, column project: no project "P999" in the projects/);
  });

  it("refuses procurement beyond the budget line it is paid from", () => {
    const dir = demoWith("procurement.csv", (t) => t.replace("政务云资源租用服务,C0499,1,项,一般公共预算,", "$&9"));
    expect(errorOf(() => readLedgerFolder(dir))).toMatch(
      /procurement\.csv row \d+, column amount: procurement paid from project P302 \(generalBudget\) total [\d,.]+ yuan, more than its budget of [\d,.]+ yuan/,
    );
  });

  it("refuses basic expenditure the template cannot publish", () => {
    const dir = demoWith("budget-lines.csv", (t) =>
      t.replace("720002,2010350,30201,一般公共预算", "720002,2010350,30201,事业收入"),
    );
    expect(errorOf(() => readLedgerFolder(dir))).toMatch(
      /column source: basic expenditure must be funded by generalBudget/,
    );
  });

  it("requires the reason for a change the text must explain", () => {
    const dir = demoWith("ledger.yaml", (t) => t.replace(/ {4}reason: 严格执行公务接待标准.*\n/, ""));
    const read = readLedgerFolder(dir);
    expect(errorOf(() => derive(read, template))).toMatch(
      /ledger\.yaml changes\.reception, column reason: 公务接待费 减少 0\.40 万元 on last year, 33\.33%: state the reason/,
    );
  });

  it("asks for UTF-8 when a CSV file is saved in another encoding", () => {
    const dir = demoWith("purchased-services.csv", (t) => t);
    writeFileSync(
      join(dir, "purchased-services.csv"),
      Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x2c, 0xb5, 0xa5, 0xce, 0xbb, 0x0a]),
    );
    expect(errorOf(() => readLedgerFolder(dir))).toMatch(/purchased-services\.csv: is not UTF-8 text/);
  });

  it("refuses an unknown key in ledger.yaml", () => {
    const dir = demoWith("ledger.yaml", (t) => t.replace('year: "2021"', 'year: "2021"\nyaer: "2021"'));
    expect(errorOf(() => readLedgerFolder(dir))).toMatch(/ledger\.yaml yaer: unknown key yaer/);
  });

  it("refuses a rate target without its % sign", () => {
    const dir = demoWith("ledger.yaml", (t) => t.replace('target: "100%"}', 'target: "100"}'));
    expect(errorOf(() => readLedgerFolder(dir))).toMatch(
      /ledger\.yaml projects\[\d+\]\.indicators\[\d+\], column target: ".+率" is a rate: write its target with % \(100\)/,
    );
  });
});

describe("the XLSX input workbook", () => {
  /** The demo's folder, typed into the workbook `init` writes as a preparer would: amounts and codes as numbers. */
  async function fillWorkbook(path: string): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const yaml = parse(readFileSync(join(DEMO, "ledger.yaml"), "utf8"), { schema: "failsafe" }) as Record<
      string,
      unknown
    >;
    const sheetOf = (id: string) => {
      const spec = sheetFormat(id);
      const sheet = workbook.getWorksheet(spec.sheet);
      if (!sheet) throw new Error(`no sheet ${spec.sheet}`);
      const columns = new Map<string, number>();
      sheet.getRow(1).eachCell((cell, col) => {
        const column = spec.columns.find((c) => c.header === cell.value);
        if (column) columns.set(column.key, col);
      });
      return { spec, sheet, columns };
    };
    const typed = (type: string | undefined, text: string): ExcelJS.CellValue =>
      (type === "amount" || type === "wan" || type === "code") && /^\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    const addRows = (id: string, records: Record<string, string>[]) => {
      const { spec, sheet, columns } = sheetOf(id);
      records.forEach((record, i) => {
        for (const column of spec.columns) {
          const text = record[column.key] ?? "";
          if (text !== "") sheet.getCell(i + 2, columns.get(column.key) ?? 0).value = typed(column.type, text);
        }
      });
    };
    /** Key-value sheets: the first value goes beside its label, further ones (a list) on new rows at the end. */
    const setItems = (id: string, values: Record<string, unknown>) => {
      const { spec, sheet, columns } = sheetOf(id);
      for (const row of spec.rows ?? []) {
        const value = values[row.key];
        if (value === undefined) continue;
        let at = 0;
        sheet.eachRow((r, n) => {
          if (r.getCell(1).value === row.label) at = n;
        });
        const entries = Array.isArray(value) ? value : [value];
        entries.forEach((entry, i) => {
          const n = i === 0 ? at : sheet.rowCount + 1;
          sheet.getCell(n, 1).value = row.label;
          const cells = typeof entry === "string" ? { value: entry } : (entry as Record<string, string>);
          for (const [key, text] of Object.entries(cells)) {
            const column = spec.columns.find((c) => c.key === key);
            sheet.getCell(n, columns.get(key) ?? 0).value = typed(row.type ?? column?.type, text);
          }
        });
      }
    };
    const csv = (file: string) => {
      const [header, ...records] = parseCsvLines(readFileSync(join(DEMO, file), "utf8"));
      return records.map((r) => Object.fromEntries((header?.fields ?? []).map((h, i) => [h, r.fields[i] ?? ""])));
    };
    const projects = yaml.projects as Record<string, unknown>[];
    setItems("meta", yaml);
    addRows("units", yaml.units as Record<string, string>[]);
    addRows("projects", projects as Record<string, string>[]);
    addRows(
      "indicators",
      projects.flatMap((p) => (p.indicators as Record<string, string>[]).map((i) => ({ ...i, project: String(p.id) }))),
    );
    for (const sheet of ledgerFormat().sheets.filter((s) => s.file)) addRows(sheet.id, csv(sheet.file ?? ""));
    // as the drop-down list writes a code: with its name
    sheetOf("lines").sheet.getCell("B2").value = "2010301 行政运行";
    setItems("changes", yaml.changes as Record<string, unknown>);
    setItems("narrative", yaml.narrative as Record<string, unknown>);
    addRows("departmentIndicators", yaml.departmentIndicators as Record<string, string>[]);
    addRows("glossary", yaml.glossary as Record<string, string>[]);
    await workbook.xlsx.writeFile(path);
  }

  let filled: string;

  beforeAll(async () => {
    filled = join(mkdtempSync(join(tmpdir(), "yusuan-xlsx-")), "ledger.xlsx");
    await initWorkbook(filled);
    await fillWorkbook(filled);
  });

  it("writes instructions first, drop-down lists from the catalogs, and the code table hidden", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "yusuan-xlsx-")), "empty.xlsx");
    await initWorkbook(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets[0]?.name).toBe("说明");
    expect(workbook.getWorksheet("代码表")?.state).toBe("hidden");
    const lines = workbook.getWorksheet("预算明细");
    expect(lines?.getRow(1).values).toContain("功能科目（项）");
    const rule = lines?.getCell("B2").dataValidation;
    expect(rule?.type).toBe("list");
    expect(String(rule?.formulae?.[0])).toMatch(/^'代码表'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    const codes = workbook.getWorksheet("代码表");
    const column = (codes?.getRow(1).values as string[]).indexOf("functionItems");
    expect(codes?.getColumn(column).values).toContain("2080505 机关事业单位基本养老保险缴费支出");
  });

  it("reads back, filled by a preparer, to the same ledger and the same document", async () => {
    const read = await loadLedger(filled);
    expect(read).toEqual(ledger);
    expect(derive(read, template)).toEqual(doc);
  });

  it("is derived when a preparer uploads it to the workbench", async () => {
    const uploaded = await ingest("本部门预算台账.xlsx", new Uint8Array(readFileSync(filled)));
    expect(uploaded.kind).toBe("ledger");
    expect(uploaded.doc).toEqual(doc);
    expect(uploaded.diagnostics).toEqual([]);
  });

  it("reports input errors by sheet, row and column", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(filled);
    const sheet = (name: string) => {
      const found = workbook.getWorksheet(name);
      if (!found) throw new Error(`no sheet ${name}`);
      return found;
    };
    sheet("预算明细").getCell("G3").value = "12,3x5";
    sheet("政府采购").getCell("G2").value = "财政拨款";
    const broken = filled.replace(/\.xlsx$/, "-broken.xlsx");
    await workbook.xlsx.writeFile(broken);
    const message = await loadLedger(broken).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(message).toMatch(
      /ledger-broken\.xlsx sheet 预算明细 row 3, column G \(金额（元）\): "12,3x5" is not a number/,
    );
    expect(message).toMatch(/sheet 政府采购 row 2, column G \(资金来源\): "财政拨款" is not one of the fundSources/);
  });

  it("is told apart from a document source folder and from a disclosure workbook", async () => {
    expect(isLedger(DEMO)).toBe(true);
    expect(isLedger("examples/haizhu-2021")).toBe(false);
    expect(await isLedgerWorkbook(filled)).toBe(true);
    const other = join(mkdtempSync(join(tmpdir(), "yusuan-xlsx-")), "budget.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明");
    workbook.addWorksheet("表1 收支总体情况表");
    await workbook.xlsx.writeFile(other);
    expect(await isLedgerWorkbook(other)).toBe(false);
    expect(await isLedgerInput(DEMO)).toBe(true);
    expect(await isLedgerInput(filled)).toBe(true);
  });
});

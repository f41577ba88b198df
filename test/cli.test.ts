import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function yusuan(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/yusuan.mjs", ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("yusuan validate", () => {
  it("prints the JSON contract and exits by whether errors were found", () => {
    const r = yusuan("validate", "examples/haizhu-2021", "--format", "json");
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["document", "diagnostics", "summary"]);
    expect(out.document).toEqual({ department: "广州市海珠区政务服务数据管理局", year: 2021, template: "gz-2021-14" });
    expect(Object.keys(out.summary)).toEqual(["errors", "warnings", "infos"]);
    expect(r.status).toBe(out.summary.errors > 0 ? 1 : 0);
    const allowed = ["rule", "severity", "kind", "message", "messageEn", "location", "expected", "actual", "intervals"];
    for (const d of out.diagnostics) {
      expect(Object.keys(d).every((k) => allowed.includes(k))).toBe(true);
      expect(["error", "warning", "info"]).toContain(d.severity);
      expect(d.message).toMatch(/\p{Script=Han}/u);
      expect(d.messageEn).not.toMatch(/^$/);
    }
    const misprint = out.diagnostics.find(
      (d: { location: { table: string; row: string } }) => d.location.row === "208",
    );
    expect(misprint).toMatchObject({
      rule: "catalog-code",
      expected: "社会保障和就业支出",
      actual: "社会保障和就业出",
    });
  });

  it("prints findings for people, grouped by table, in Chinese or English", () => {
    const zh = yusuan("validate", "examples/haizhu-2021");
    expect(zh.stdout).toContain("── T02 收入总体情况表 ──");
    expect(zh.stdout).toMatch(/\d+ 个错误，\d+ 个警告/);
    const en = yusuan("validate", "examples/haizhu-2021", "--lang", "en");
    expect(en.stdout).toMatch(/\d+ errors, \d+ warnings/);
    expect(en.stdout).toContain('the 2021 function classification names it "社会保障和就业支出"');
  });

  it("exits 2 with a one-line message for unusable input, never a stack trace", () => {
    const r = yusuan("validate", "no/such/budget");
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("yusuan: no/such/budget: no such file or folder");
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it("exits 2 on a usage error", () => {
    expect(yusuan("validate").status).toBe(2);
    expect(yusuan("frobnicate").status).toBe(2);
    expect(yusuan("validate", "examples/haizhu-2021", "--format", "xml").status).toBe(2);
  });
});

describe("yusuan on other inputs", () => {
  it("derives a ledger and finds nothing to report", () => {
    const r = yusuan("validate", "examples/ledger-demo", "--format", "json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it.skipIf(!existsSync("../shared/corpus/gz_2026_xfj.pdf"))(
    "imports a published PDF and says which layout it chose",
    () => {
      const r = yusuan("validate", "../shared/corpus/gz_2026_xfj.pdf", "--format", "json");
      expect(r.stderr).toContain("gd-2026-12: 12 of its 12 table titles found");
      expect(JSON.parse(r.stdout).document).toMatchObject({ template: "gd-2026-12", year: 2026 });
    },
  );

  it("summarises many inputs in a table, marking what it cannot read", () => {
    const r = yusuan("validate", "examples/haizhu-2021", "examples/ledger-demo", "README.md");
    expect(r.stdout).toMatch(/^document\s+layout\s+tables/);
    expect(r.stdout).toContain("haizhu-2021");
    expect(r.stdout).toContain("✗ README.md");
    expect(r.status).toBe(2);
  });
});

describe("yusuan import", () => {
  it("writes one document to a .json file and several to a folder, with a summary", () => {
    const out = mkdtempSync(join(tmpdir(), "yusuan-import-"));
    const one = yusuan("import", "examples/haizhu-2021", "--out", join(out, "haizhu.json"));
    expect(one.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "haizhu.json"), "utf8")).department).toBe(
      "广州市海珠区政务服务数据管理局",
    );
    const many = yusuan(
      "import",
      "examples/haizhu-2021",
      "examples/ledger-demo",
      "--out",
      join(out, "all"),
      "--format",
      "json",
    );
    expect(JSON.parse(many.stdout).documents.map((d: { document: string }) => d.document)).toEqual([
      "haizhu-2021",
      "ledger-demo",
    ]);
    expect(existsSync(join(out, "all", "ledger-demo.json"))).toBe(true);
  });
});

describe("yusuan build", () => {
  it("writes the page and the model, and the model validates like its source", () => {
    const out = mkdtempSync(join(tmpdir(), "yusuan-build-"));
    const r = yusuan("build", "examples/haizhu-2021", "--out", out);
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("收支总预算");
    expect(readFileSync(join(out, "budget.html"), "utf8")).toContain("收支总体情况表");
    for (const file of [
      "budget.json",
      "budget.pdf",
      "budget.xlsx",
      "csv/T01.csv",
      "datapackage.json",
      "data/amounts.csv",
    ]) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const fromSource = JSON.parse(yusuan("validate", "examples/haizhu-2021", "--format", "json").stdout);
    const fromJson = JSON.parse(yusuan("validate", join(out, "budget.json"), "--format", "json").stdout);
    expect(fromJson).toEqual(fromSource);
  });

  it("publishes the committed JSON schema", () => {
    const printed = JSON.parse(yusuan("schema").stdout);
    expect(printed).toEqual(JSON.parse(readFileSync("schema/budget-document-1.json", "utf8")));
    expect(printed.$id).toMatch(/budget-document-1\.json$/);
  });
});

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, openDocument, schemaProblems } from "../src/model/load.ts";

/** A copy of the founding document with one file edited. */
function copyWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "yusuan-source-"));
  cpSync("examples/haizhu-2021", dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

describe("reading a source folder", () => {
  it("names the file, row and column of an amount that is not a number", () => {
    const dir = copyWith("tables/T03.yaml", (t) => t.replace('"1130.74"', '"11a0.74"'));
    expect(() => openDocument(dir)).toThrow(InputError);
    expect(() => openDocument(dir)).toThrow(/T03\.yaml row \d+, column total \(合计\): "11a0\.74" is not a number/);
  });

  it("says how many cells a row has against the table's columns", () => {
    const dir = copyWith("tables/T12.yaml", (t) => t.replace('"64.65", ', ""));
    expect(() => openDocument(dir)).toThrow(/T12\.yaml row 1: has 4 cells, the table has 5 columns/);
  });

  it("reports a YAML syntax error with its file", () => {
    const dir = copyWith("tables/T05.yaml", (t) => `${t}\n  - [unclosed\n`);
    expect(() => openDocument(dir)).toThrow(/T05\.yaml: not valid YAML/);
  });

  it("refuses an unknown column key in a mapping row", () => {
    const dir = copyWith("tables/T10.yaml", (t) => t.replace("    appropriationTotal: ", "    appropTotal: "));
    expect(() => openDocument(dir)).toThrow(/T10\.yaml row \d+: unknown column appropTotal/);
  });

  it("names an unknown template", () => {
    const dir = copyWith("document.yaml", (t) => t.replace("template: gz-2021-14", "template: xx-1999-1"));
    expect(() => openDocument(dir)).toThrow(/document\.yaml template: unknown template "xx-1999-1"/);
  });

  it("refuses a path that is neither a folder nor a .json document", () => {
    expect(() => openDocument("README.md")).toThrow(/expected a source folder or a \.json document/);
    expect(() => openDocument("no/such/place")).toThrow(/no such file or folder/);
  });

  it("reports a document that breaks the schema as problems, not an exception", () => {
    const { doc } = openDocument("examples/haizhu-2021");
    const broken = { ...doc, year: "2021", tables: [{ id: "T01" }] };
    const problems = schemaProblems(broken);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.path).join(" ")).toMatch(/\/year|\/tables\/0/);
  });

  it("reads its own JSON output back to the same document", () => {
    const { doc } = openDocument("examples/haizhu-2021");
    const dir = mkdtempSync(join(tmpdir(), "yusuan-json-"));
    writeFileSync(join(dir, "budget.json"), JSON.stringify(doc));
    const again = openDocument(join(dir, "budget.json"));
    expect(again.problems).toEqual([]);
    expect(again.doc).toEqual(doc);
  });
});

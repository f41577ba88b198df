import { describe, expect, it } from "vitest";
import { plausibility as rule } from "../../src/rules/plausibility.ts";
import { brief, copy, row, run, setCell } from "./fixture.ts";

describe("plausibility", () => {
  it("finds nothing implausible in the founding document", () => {
    expect(run(rule)).toEqual([]);
  });

  it("reports a negative amount as an error at its cell", () => {
    const doc = copy();
    setCell(doc, "T03", "2060103", "basic", -24_00);
    expect(run(rule, doc).map(brief)).toEqual([
      expect.objectContaining({ severity: "error", table: "T03", row: "2060103", column: "basic", actual: "-24.00" }),
    ]);
  });

  it("reports a line printed twice under the same parent as a warning", () => {
    const doc = copy();
    const t08 = doc.tables.find((t) => t.id === "T08");
    const line = row(doc, "T08", "550001/公用经费");
    t08?.rows.splice(t08.rows.indexOf(line) + 1, 0, { ...structuredClone(line), key: "550001/公用经费#2" });
    expect(run(rule, doc).map(brief)).toEqual([
      expect.objectContaining({ severity: "warning", table: "T08", row: "550001/公用经费#2" }),
    ]);
  });
});

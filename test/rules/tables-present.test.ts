import { describe, expect, it } from "vitest";
import { tablesPresent as rule } from "../../src/rules/tables-present.ts";
import { brief, copy, run } from "./fixture.ts";

describe("tables-present", () => {
  it("passes the founding document, which publishes all 14 tables", () => {
    expect(run(rule)).toEqual([]);
  });

  it("reports each table of the template the document leaves out", () => {
    const doc = copy();
    doc.tables = doc.tables.filter((t) => t.id !== "T07" && t.id !== "T12");
    expect(run(rule, doc).map(brief)).toEqual([
      expect.objectContaining({ severity: "error", kind: "compliance", table: "T07" }),
      expect.objectContaining({ severity: "error", kind: "compliance", table: "T12" }),
    ]);
  });
});

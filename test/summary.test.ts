import { describe, expect, it } from "vitest";
import { summaryTable } from "../src/cli/summary.ts";

describe("summaryTable", () => {
  it("aligns columns by display width and explains unreadable documents under the table", () => {
    const text = summaryTable([
      { document: "预算.pdf", layout: "gd-2026-12", tables: "12/12", cells: 471, errors: 4, warnings: 17 },
      {
        document: "x.pdf",
        layout: "",
        tables: "",
        cells: 0,
        errors: 0,
        warnings: 0,
        failure: "x.pdf: no known layout",
      },
    ]);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^document\s+layout\s+tables\s+cells\s+errors\s+warnings$/);
    expect(lines[2]).toMatch(/^预算\.pdf\s+gd-2026-12\s+12\/12\s+471\s+4\s+17$/);
    expect(lines[3]).toMatch(/^x\.pdf ✗/);
    expect(lines.at(-1)).toBe("✗ x.pdf: no known layout");
    // 预算.pdf takes 8 columns on a terminal, as many as "document": both are padded to the same width.
    expect(lines[2]?.indexOf("gd-2026-12")).toBe((lines[0]?.indexOf("layout") ?? 0) - 2);
  });
});

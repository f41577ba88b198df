import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPdf } from "../src/import/pdf/import.ts";
import { tableGrid } from "../src/render/grid.ts";

const CORPUS = "../shared/corpus";
const hasCorpus = existsSync(join(CORPUS, "sh_pt_sfj_2026_unit.pdf"));
if (!hasCorpus) console.warn(`optional-column rendering tests skipped: ${CORPUS} is absent`);

async function t01Headers(file: string): Promise<string[]> {
  const { doc, template } = await importPdf(new Uint8Array(readFileSync(join(CORPUS, file))), file);
  const table = doc.tables.find((t) => t.id === "T01");
  if (!table) throw new Error(`${file}: no T01`);
  const grid = tableGrid(template, doc, table);
  expect(grid.body.every((row) => row.cells.length === grid.columns.length)).toBe(true);
  return (grid.header.at(-1) ?? []).map((cell) => cell.text);
}

describe.skipIf(!hasCorpus)("columns only some documents of a layout print", () => {
  it("are rendered where the document prints them (unit level) and left out where it does not (department)", async () => {
    const unit = await t01Headers("sh_pt_sfj_2026_unit.pdf");
    const department = await t01Headers("sh_pt_sfj_2026_dept.pdf");
    for (const header of ["人员经费", "公用经费", "项目支出"]) {
      expect(unit).toContain(header);
      expect(department).not.toContain(header);
    }
  });
});

import { describe, expect, it } from "vitest";
import type { BudgetDocument, Table } from "../../src/model/document.ts";
import { emptyTableStatement as rule } from "../../src/rules/empty-table-statement.ts";
import { founding, run } from "./fixture.ts";

const check = (doc: BudgetDocument) => run(rule, doc);

function table(doc: BudgetDocument, id: string): Table {
  const found = doc.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
}

/** The founding document with the statements its three empty tables lack. */
function corrected(): BudgetDocument {
  const doc = structuredClone(founding);
  table(doc, "T05").emptyStatement = "本部门2021年无非税收入预算安排，故本表为空表。";
  table(doc, "T07").emptyStatement = "本部门2021年无政府性基金预算财政拨款安排，故本表为空表。";
  table(doc, "T11").emptyStatement = "本部门2021年无转移支付项目预算，故本表为空表。";
  return doc;
}

describe("empty-table-statement", () => {
  it("finds the three empty tables of the founding document that do not say why they are empty", () => {
    const found = check(founding);
    expect(found.map((d) => [d.location, d.severity, d.kind])).toEqual([
      [{ table: "T05" }, "error", "compliance"],
      [{ table: "T07" }, "error", "compliance"],
      [{ table: "T11" }, "error", "compliance"],
    ]);
    expect(found[0]?.message).toBe("表5《非税收入预算表》无数据，但未说明为空表的原因");
    expect(found[0]?.messageEn).toBe("Table T05 (非税收入预算表) has no data but no statement of why it is empty");
  });

  it("accepts empty tables that say why, and tables with data that say nothing", () => {
    expect(check(corrected())).toEqual([]);
  });

  it("counts a table with a single non-zero amount as having data, and a table without rows as empty", () => {
    const doc = corrected();
    const t05 = table(doc, "T05");
    t05.emptyStatement = undefined;
    const total = t05.rows[0];
    if (total) total.cells.total = 1;
    table(doc, "T11").rows = [];
    table(doc, "T11").emptyStatement = "";
    expect(check(doc).map((d) => d.location)).toEqual([{ table: "T11" }]);
  });

  it("warns of a statement copied from another table", () => {
    const doc = corrected();
    table(doc, "T07").emptyStatement = "本部门2021年无非税收入，故本表为空表。";
    const found = check(doc);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "warning",
      kind: "wording",
      location: { table: "T07", text: "本部门2021年无非税收入，故本表为空表。" },
    });
    expect(found[0]?.message).toContain("非税收入");
  });

  it("accepts a statement that names its own table's subject besides another", () => {
    const doc = corrected();
    table(doc, "T07").emptyStatement = "本部门无政府性基金预算，也无国有资本经营预算，故本表为空表。";
    expect(check(doc)).toEqual([]);
  });
});

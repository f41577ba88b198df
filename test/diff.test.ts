import { describe, expect, it } from "vitest";
import { alignByKey, diffDocuments, excerpt, summarizeChanges } from "../src/model/diff.ts";
import type { BudgetDocument, Row, Table } from "../src/model/document.ts";
import { openDocument } from "../src/model/load.ts";

function example(): BudgetDocument {
  const { doc, problems } = openDocument("examples/haizhu-2021");
  expect(problems).toEqual([]);
  return doc;
}

const table = (doc: BudgetDocument, id: string): Table => {
  const found = doc.tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const row = (doc: BudgetDocument, id: string, key: string): Row => {
  const found = table(doc, id).rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${id}`);
  return found;
};

describe("diffDocuments", () => {
  const before = example();

  it("finds nothing between identical documents", () => {
    const changes = diffDocuments(before, structuredClone(before));
    expect(changes).toEqual([]);
    expect(Object.values(summarizeChanges(changes)).every((n) => n === 0)).toBe(true);
  });

  describe("a preparer's edits", () => {
    const after = structuredClone(before);
    // Listed out of order on purpose: the diff orders meta, parts, then tables in template order.
    const t12 = table(after, "T12");
    const removed = t12.rows.findIndex((r) => r.kind === "reception");
    t12.rows.splice(removed, 1);
    t12.rows.push({ key: "培训费", kind: "row", label: "培训费", cells: { label: "培训费", total: 150 } });
    row(after, "T02", "2060101").cells.total = 130000;
    const overview = after.part3.find((s) => s.id === "overview");
    if (!overview) throw new Error("no overview section");
    overview.text = overview.text.replace("按照综合预算的原则", "按照全口径预算的原则");
    after.department = "广州市海珠区政务服务和数据管理局";
    const changes = diffDocuments(before, after);

    it("are exactly the changes made, in document order", () => {
      expect(changes.map((c) => c.kind)).toEqual(["meta", "text", "cell", "rowRemoved", "rowAdded"]);
      expect(summarizeChanges(changes)).toMatchObject({ meta: 1, text: 1, cell: 1, rowAdded: 1, rowRemoved: 1 });
    });

    it("names the department change", () => {
      expect(changes[0]).toMatchObject({
        location: { part: "meta", path: "department" },
        before: "广州市海珠区政务服务数据管理局",
        after: "广州市海珠区政务服务和数据管理局",
        message: "部门名称：广州市海珠区政务服务数据管理局 → 广州市海珠区政务服务和数据管理局",
        messageEn: "department: 广州市海珠区政务服务数据管理局 → 广州市海珠区政务服务和数据管理局",
      });
    });

    it("quotes a narrative text around its first difference", () => {
      const change = changes[1];
      expect(change?.location).toEqual({ part: "part3", section: "overview", path: "text" });
      expect(change?.message).toBe(
        "第三部分 一、部门预算收支情况总体说明 正文 文字已修改：“按照综合预算的原则,广州市海珠区…” → “按照全口径预算的原则,广州市海珠区…”",
      );
      expect(change?.excerpt).toEqual({
        before: "按照综合预算的原则,广州市海珠区…",
        after: "按照全口径预算的原则,广州市海珠区…",
      });
      expect(change?.after).toBe(overview.text);
    });

    it("gives a cell's amounts as integers and prints them as the table does", () => {
      expect(changes[2]).toMatchObject({
        kind: "cell",
        location: { part: "table", table: "T02", row: "2060101", label: "2060101 行政运行", column: "total" },
        before: 113074,
        after: 130000,
        difference: 16926,
        message: "T02 行 2060101 行政运行 · 总计：1,130.74 → 1,300.00",
        messageEn: "T02 row 2060101 行政运行 · total: 1,130.74 → 1,300.00",
      });
    });

    it("reports a removed and an added row by key, with its amount", () => {
      expect(changes[3]).toMatchObject({
        location: { table: "T12", row: "(三)公务接待费" },
        message: "T12 删除行 (三)公务接待费 · 合计 0.00",
      });
      expect(changes[4]).toMatchObject({
        location: { table: "T12", row: "培训费" },
        message: "T12 新增行 培训费 · 合计 1.50",
        messageEn: "T12 row added: 培训费 · total 1.50",
      });
    });

    it("is deterministic", () => {
      expect(diffDocuments(before, after)).toEqual(changes);
    });
  });

  it("matches rows by key, so an inserted row leaves the rows below it unchanged", () => {
    const after = structuredClone(before);
    table(after, "T03").rows.splice(1, 0, {
      key: "2069999",
      kind: "item",
      code: "2069999",
      label: "其他科学技术支出",
      cells: { code: "2069999", name: "其他科学技术支出", total: 100 },
    });
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => [c.kind, c.location.row])).toEqual([["rowAdded", "2069999"]]);
    expect(changes[0]?.message).toBe("T03 新增行 2069999 其他科学技术支出 · 合计 1.00");
  });

  it("tells an inserted duty from an edited one", () => {
    const after = structuredClone(before);
    const duties = after.part1.duties;
    duties.splice(1, 0, "新增的职责。");
    duties[4] = `${duties[4]}（修订）`;
    const changes = diffDocuments(before, after);
    expect(changes.map((c) => [c.kind, c.location.path])).toEqual([
      ["added", "duties/1"],
      ["text", "duties/4"],
    ]);
    expect(changes[0]?.message).toBe("第一部分 主要职责 第 2 条 新增：新增的职责。");
  });

  it("reports a Part 3 figure as a value, in the document's unit", () => {
    const after = structuredClone(before);
    const fact = after.part3.find((s) => s.id === "threePublic")?.facts.find((f) => f.subject === "threePublicTotal");
    if (!fact) throw new Error("no 三公 fact");
    fact.amount = 300;
    const changes = diffDocuments(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: "value",
      location: { part: "part3", section: "threePublic", path: "facts/threePublicTotal/amount" },
      before: 208,
      after: 300,
      difference: 92,
    });
    expect(changes[0]?.message).toMatch(/^第三部分 五、.*“三公”经费 金额：2\.08 → 3\.00$/);
  });

  it("orders tables by the template, whatever the documents' order", () => {
    const after = structuredClone(before);
    after.tables.reverse();
    row(after, "T13", "合计").cells.total = 1;
    row(after, "T01", "income/收入总计").cells.amount = 1;
    expect(diffDocuments(before, after).map((c) => c.location.table)).toEqual(["T01", "T13"]);
  });
});

describe("alignByKey", () => {
  it("keeps removed items where they stood and tells repeated keys apart", () => {
    const pairs = alignByKey(["a", "b", "x", "c", "x"], ["a", "c", "x", "d"], (s) => s);
    expect(pairs).toEqual([
      ["a", "a"],
      ["b", undefined],
      ["c", "c"],
      ["x", "x"],
      ["x", undefined],
      [undefined, "d"],
    ]);
  });
});

describe("excerpt", () => {
  it("cuts both texts around the first difference", () => {
    const text = "一二三四五六七八九十".repeat(5);
    const changed = `${text.slice(0, 25)}变${text.slice(26)}`;
    expect(excerpt(text, changed, 3)).toEqual({ before: "…三四五六七八九…", after: "…三四五变七八九…" });
  });
});

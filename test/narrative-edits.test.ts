import { describe, expect, it } from "vitest";
import { openDocument } from "../src/model/load.ts";
import { validate } from "../src/rules/index.ts";
import { HttpError } from "../src/server/http-error.ts";
import { applyEdits } from "../src/server/narrative-edits.ts";

const { doc } = openDocument("examples/haizhu-2021");
const section = (d: typeof doc, id: string) => {
  const found = d.part3.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};

describe("editing the narrative", () => {
  it("replaces a printed reason in the text too, so fact and text agree", () => {
    const before = section(doc, "agencyOperating");
    const old = before.facts[0]?.reason ?? "";
    expect(before.text).toContain(old);
    const edited = applyEdits(doc, {
      reasons: [{ section: "agencyOperating", fact: 0, reason: "压减会议费和差旅费" }],
    });
    const after = section(edited, "agencyOperating");
    expect(after.facts[0]?.reason).toBe("压减会议费和差旅费");
    expect(after.text).toContain("压减会议费和差旅费");
    expect(after.text).not.toContain(old);
    expect(after.text.replace("压减会议费和差旅费", old)).toBe(before.text);
    expect(section(doc, "agencyOperating").text).toBe(before.text);
  });

  it("states a new reason right after the sentence of its figure", () => {
    const fact = section(doc, "procurement").facts[0];
    expect(fact?.reason).toBeUndefined();
    const edited = applyEdits(doc, { reasons: [{ section: "procurement", fact: 0, reason: "新增政务云服务采购" }] });
    expect(section(edited, "procurement").text).toContain(`${fact?.text}，主要原因是新增政务云服务采购`);
  });

  it("replaces a section's text and keeps the document valid to check", () => {
    const edited = applyEdits(doc, { sections: [{ id: "transfer", text: "本部门无转移支付预算。\r\n" }] });
    expect(section(edited, "transfer").text).toBe("本部门无转移支付预算。\n");
    expect(() => validate(edited)).not.toThrow();
  });

  it("refuses an unknown section or fact and an over-long text with a 422", () => {
    const refusals = [
      { sections: [{ id: "nowhere", text: "x" }] },
      { reasons: [{ section: "procurement", fact: 99, reason: "x" }] },
      { sections: [{ id: "transfer", text: "字".repeat(20_001) }] },
    ];
    for (const edits of refusals) {
      expect(() => applyEdits(doc, edits)).toThrow(HttpError);
      try {
        applyEdits(doc, edits);
      } catch (error) {
        expect((error as HttpError).status).toBe(422);
      }
    }
  });
});

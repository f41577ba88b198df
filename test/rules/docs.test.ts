import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleDoc, rulesIndex } from "../../src/rules/docs.ts";
import { rules } from "../../src/rules/index.ts";
import { message } from "../../src/rules/messages.ts";
import { schema } from "../../src/rules/schema.ts";

const all = [schema, ...rules];

describe("rule documentation", () => {
  it("has a current page per rule, generated from its meta (run `npm run docs:rules` after changing a rule)", () => {
    for (const rule of all) {
      const path = `docs/rules/${rule.meta.id}.md`;
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, "utf8"), path).toBe(ruleDoc(rule));
    }
    expect(readFileSync("docs/rules/README.md", "utf8")).toBe(rulesIndex(all));
  });

  it("gives every rule a unique id with messages in both languages", () => {
    expect(new Set(all.map((r) => r.meta.id)).size).toBe(all.length);
    for (const rule of all) {
      const text = readFileSync(`data/messages/rules/${rule.meta.id}.yaml`, "utf8");
      expect(text, rule.meta.id).toMatch(/zh:/);
      expect(text, rule.meta.id).toMatch(/en:/);
    }
    expect(() => message("relations", "noSuchMessage")).toThrow(/no message noSuchMessage/);
  });
});

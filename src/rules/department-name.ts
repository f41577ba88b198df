/**
 * The department and its units are named in full. A name missing its last character ("…数据管理所有收入", missing
 * 局) is a typing slip a reader trips over; a unit the structure text (机构设置) does not name in full leaves the
 * reader without the list of units the budget covers.
 */
import { normaliseLabel } from "../model/rows.ts";
import { narrativeTexts } from "../model/texts.ts";
import type { Rule } from "./rule.ts";

/** How many characters after a shortened name the finding quotes, so the phrase can be found in the text. */
const CONTEXT = 4;

/** The longest beginning of `name` that `text` contains. */
function longestPrefix(name: string, text: string): string {
  for (let n = name.length; n > 0; n--) if (text.includes(name.slice(0, n))) return name.slice(0, n);
  return "";
}

/** How many leading characters two names share ("广州市海珠区" for two units of one district). */
function sharedLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
}

export const departmentName: Rule = {
  meta: {
    id: "department-name",
    title: "部门及单位名称完整",
    severity: "warning",
    kind: "wording",
    description:
      "Parts 1-3 never name the department without its last character, and the structure text (机构设置) names every unit in full.",
  },
  check({ doc, report }) {
    const name = doc.department;
    const stem = name.slice(0, -1);
    const last = name.slice(-1);
    const unitNames = doc.units.map((u) => u.name);
    const seen = new Set<string>();
    for (const { section, text } of narrativeTexts(doc)) {
      if (section === "contents" || stem.length < 2) continue;
      for (let at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
        const rest = text.slice(at);
        // a unit named after the department ("…管理中心") is not the department shortened
        if (rest.startsWith(name) || unitNames.some((u) => rest.startsWith(u))) continue;
        const phrase = text.slice(at, at + stem.length + CONTEXT).split("\n")[0] ?? stem;
        if (seen.has(section + phrase)) continue;
        seen.add(section + phrase);
        report({
          messageId: "shortenedName",
          data: { name, printed: stem, missing: last, phrase },
          location: { section, text: phrase },
          expected: name,
          actual: stem,
        });
      }
    }

    const structure = normaliseLabel(doc.part1.structure);
    for (const unit of doc.units) {
      const full = normaliseLabel(unit.name);
      // the department's own unit is its 本级 and may be named so
      if (structure.includes(full) || (unit.name === name && structure.includes("本级"))) continue;
      const printed = longestPrefix(full, structure);
      // a beginning that other names share (the district) does not name this unit, even in part
      const others = [name, ...unitNames.filter((u) => u !== unit.name)].map((o) => normaliseLabel(o));
      const partly = printed.length > Math.max(0, ...others.map((o) => sharedLength(full, o)));
      report({
        messageId: partly ? "unitNamedInPart" : "unitNotNamed",
        data: { code: unit.code, unit: unit.name, printed },
        location: partly ? { section: "part1", text: printed } : { section: "part1" },
        expected: unit.name,
        ...(partly ? { actual: printed } : {}),
      });
    }
  },
};

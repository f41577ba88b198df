/**
 * A rate (an indicator whose name contains 率) is a percentage, so its target's figure carries a % sign:
 * "覆盖率 … 98以上" leaves the reader to guess 98% or 98 people. Counts and quantities ("3万以上", "11个") are not
 * rates. Indicators are read from Part 2 and from the tables' `indicators` cells, whose lines look like
 * "3.产出数量:(指标名)目标".
 */
import { statedIndicators } from "../model/indicators.ts";
import type { Rule } from "./rule.ts";
import { ruleData } from "./rule-data.ts";

let words: { units: string[]; notRates: string[] } | undefined;

function wording() {
  words ??= ruleData<{ "percent-sign": { units: string[]; notRates: string[] } }>("wording")["percent-sign"];
  return words;
}

const NUMBER = /(?<![\d.])\d+(?:\.\d+)?/g;

/** The figures of a rate's target that have no % sign and no unit of a count. */
export function barePercents(name: string, target: string): string[] {
  const { units, notRates } = wording();
  const rateName = name.replace(new RegExp(notRates.join("|"), "g"), "");
  if (!rateName.includes("率") || /[%％‰]/.test(name)) return [];
  const bare: string[] = [];
  for (const m of target.matchAll(NUMBER)) {
    const before = target.slice(0, m.index);
    const after = target.slice(m.index + m[0].length).trimStart();
    if (/^[%％‰]/.test(after) || units.some((u) => after.startsWith(u))) continue;
    // a range ("90-95%") takes the sign of its upper figure; an ordinal (第3, "1.") is no figure
    if (/^[-~～至到—–]\s*\d/.test(after) || /第\s*$/.test(before) || /^[.、．](?!\d)/.test(after)) continue;
    bare.push(m[0]);
  }
  return bare;
}

export const percentSign: Rule = {
  meta: {
    id: "percent-sign",
    title: "比率指标须标明百分号",
    severity: "warning",
    kind: "wording",
    description: "The target of a rate indicator (名称含“率”) states its figure with a % sign.",
  },
  check({ doc, report }) {
    for (const { location, name, target } of statedIndicators(doc)) {
      const bare = barePercents(name, target);
      if (bare.length === 0) continue;
      const fixed = bare.reduce(
        (t, n) => t.replace(new RegExp(`(?<![\\d.])${n.replace(".", "\\.")}(?![\\d.%])`), `${n}%`),
        target,
      );
      report({
        messageId: "missingPercent",
        data: { name, target, figure: bare.join("、") },
        location,
        expected: fixed,
        actual: target,
      });
    }
  },
};

/**
 * A rate (an indicator whose name contains 率) is a percentage, so its target's figure carries a % sign:
 * "覆盖率 … 98以上" leaves the reader to guess 98% or 98 people. Counts and quantities ("3万以上", "11个") are not
 * rates. Indicators are read from Part 2 and from the tables' `indicators` cells, whose lines look like
 * "3.产出数量:(指标名)目标".
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Location } from "./diagnostic.ts";
import type { Rule } from "./rule.ts";

const WORDING = fileURLToPath(new URL("../../data/rules/wording.yaml", import.meta.url));
let words: { units: string[]; notRates: string[] } | undefined;

function wording() {
  words ??= parse(readFileSync(WORDING, "utf8"))["percent-sign"] as { units: string[]; notRates: string[] };
  return words;
}

/** The end of the bracketed text that opens at `open`, or -1 when it is never closed. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (/[(（]/.test(text[i] ?? "")) depth++;
    else if (/[)）]/.test(text[i] ?? "") && --depth === 0) return i;
  }
  return -1;
}

/** An item opens with an optional number and a category, then the indicator in brackets: "3.产出数量:(". */
const ITEM = /(?:(?<!\d)\d{1,2}\s*[.、．]\s*)?\p{Script=Han}{2,8}\s*[:：]\s*(?=[(（])/gu;

/** Parses an `indicators` cell into its indicators; an item whose bracket never closes is left out. */
export function parseIndicatorLines(cell: string): { name: string; target: string }[] {
  return cell.split("\n").flatMap((line) => {
    const starts = [...line.matchAll(ITEM)].map((m) => ({ at: m.index, open: m.index + m[0].length }));
    return starts.flatMap(({ open }, i) => {
      const end = starts[i + 1]?.at ?? line.length;
      const close = closing(line, open);
      if (close < 0 || close >= end) return [];
      const target = line
        .slice(close + 1, end)
        .trim()
        .replace(/[。;；,，]$/, "");
      return [{ name: line.slice(open + 1, close).trim(), target }];
    });
  });
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
    const indicators: { location: Location; name: string; target: string }[] = [];
    const goal = doc.part2.departmentGoal;
    for (const i of [...goal.indicators, ...doc.part2.tasks.flatMap((t) => t.indicators)]) {
      indicators.push({ location: { section: "part2", text: i.target }, ...i });
    }
    for (const table of doc.tables) {
      for (const row of table.rows) {
        const cell = row.cells.indicators;
        if (typeof cell !== "string") continue;
        const location = { table: table.id, row: row.key, column: "indicators" };
        for (const i of parseIndicatorLines(cell)) indicators.push({ location, ...i });
      }
    }
    for (const { location, name, target } of indicators) {
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

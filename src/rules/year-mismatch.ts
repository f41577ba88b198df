/**
 * A budget speaks of its own year and compares with the previous one; any other year in a table title or a Part 3
 * explanation is usually text carried over from an earlier year's disclosure. Years that name something else are
 * not findings: inside a 《title》, a document number (〔2019〕, (2017)306号) or a span that covers the budget year
 * (2020-2022年).
 */

import { narrativeTexts } from "../model/texts.ts";
import type { Location } from "./diagnostic.ts";
import type { Rule } from "./rule.ts";

const YEAR = "(?:19|20)\\d{2}";
const blankOut = (s: string) => " ".repeat(s.length);

/** The text with titles and document numbers blanked out, so that their years are not read. */
function withoutCitations(text: string): string {
  return text
    .replace(/《[^》]*》/g, blankOut)
    .replace(new RegExp(`[〔［\\[(（]\\s*${YEAR}\\s*[〕］\\])）]`, "g"), blankOut)
    .replace(/[(（][^()（）]*\d\s*号[^()（）]*[)）]/g, blankOut);
}

/** The year phrases of `text` that are neither `year` nor the year before it. */
export function strayYears(text: string, year: number): string[] {
  const stray: string[] = [];
  let rest = withoutCitations(text);
  const ranges = new RegExp(`(?<!\\d)(${YEAR})\\s*年?\\s*[-－—–~～至到]\\s*(${YEAR})\\s*年(?:度)?`, "g");
  rest = rest.replace(ranges, (whole, from: string, to: string) => {
    if (Number(from) > year || Number(to) < year - 1) stray.push(whole.trim());
    return blankOut(whole);
  });
  for (const m of rest.matchAll(new RegExp(`(?<!\\d)(${YEAR})\\s*年(?:度)?`, "g"))) {
    const found = Number(m[1]);
    if (found !== year && found !== year - 1) stray.push(m[0]);
  }
  return stray;
}

export const yearMismatch: Rule = {
  meta: {
    id: "year-mismatch",
    title: "年份与预算年度一致",
    severity: "warning",
    kind: "wording",
    description:
      "A year in a table title or a Part 3 explanation is the budget year or the year before, unless it is part of a title, a document number or a span covering the budget year.",
  },
  check({ doc, report }) {
    const texts: { location: Location; text: string }[] = [
      ...doc.tables.map((t) => ({ location: { table: t.id } as Location, text: t.title })),
      ...narrativeTexts(doc)
        .filter((t) => !["contents", "part1", "part2"].includes(t.section))
        .map((t) => ({ location: { section: t.section } as Location, text: t.text })),
    ];
    const seen = new Set<string>();
    for (const { location, text } of texts) {
      for (const found of strayYears(text, doc.year)) {
        const where = { ...location, text: found };
        const key = JSON.stringify(where);
        if (seen.has(key)) continue;
        seen.add(key);
        report({
          messageId: "strayYear",
          data: { found, year: doc.year, previous: doc.year - 1 },
          location: where,
          actual: found,
        });
      }
    }
  },
};
